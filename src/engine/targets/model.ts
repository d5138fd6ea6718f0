/** The approved-targets table (绩效目标申报表 / 绩效目标表) as the reader finds it: plain data, every value with its cell. */
import type { SourceCell } from "../types";

export interface ApprovedIndicator {
  /** Sheet row, 0-based (as the layout's SourceCell.row). */
  row: number;
  level1: string;
  level2: string;
  name: string;
  nameCell: string;
  /** The 指标值 cell; split 指标性质 / 度量单位 columns beside it when the layout has them. */
  target: SourceCell;
  nature: SourceCell | null;
  unit: SourceCell | null;
  /** 分值 / 权重 when the table has such a column and the cell holds a number. */
  weight: number | null;
  weightCell: string | null;
}

export interface ApprovedTable {
  sheet: string;
  /** The title row ("项目支出绩效目标表"), "" when there is none. */
  title: string;
  /** 项目名称 (or 部门（单位）名称 of a 部门整体 table), null when the table does not say. */
  project: string | null;
  /** 主管部门 / 实施单位 / 预算单位 values, for pairing a 自评表 with its 申报表. */
  units: string[];
  /** True when the table has a 分值 / 权重 column: only then are weights compared. */
  hasWeights: boolean;
  indicators: ApprovedIndicator[];
}

export type ApprovedRead = { ok: true; tables: ApprovedTable[] } | { ok: false; reason: string };
