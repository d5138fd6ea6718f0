/**
 * The five findings of the targets comparison (docs/spec/targets.md §4), each with typed `data` and its
 * words as functions of that data alone, so each ports to a rule module of its own unchanged.
 */
import { fmt, pct } from "../decimal";
import { finding } from "../finding";
import type { Words } from "../messages";
import type { Finding, Severity } from "../types";
import type { TargetChange } from "./equal";

/** How an indicator of the 自评表 was paired with the approved (or last year's) one. */
export interface MatchNote {
  by: "name" | "position";
  /** The other table's name for it (differs from this table's when matched by position). */
  otherName: string;
  similarity: number;
}

export interface TargetChangedData {
  indicator: string;
  approved: string;
  approvedCell: string;
  approvedSheet: string;
  current: string;
  change: TargetChange;
  match: MatchNote;
}

export interface IndicatorMissingData {
  indicator: string;
  category: string;
  approvedTarget: string;
  approvedCell: string;
  approvedSheet: string;
}

export interface IndicatorAddedData {
  indicator: string;
  category: string;
  target: string;
}

export interface WeightChangedData {
  indicator: string;
  approved: number;
  current: number;
  approvedCell: string | null;
  match: MatchNote;
}

export interface TargetNotRaisedData {
  indicator: string;
  previousTarget: string;
  previousActual: string;
  /** How far last year's actual went past its target (1.5 = 150 %; for a ≤ indicator, target ÷ actual). */
  ratio: number;
  /** The profile's overshootReviewRatio. */
  threshold: number;
  current: string;
  direction: "positive" | "reverse";
  match: MatchNote;
}

export interface TargetDataByCode {
  TARGET_CHANGED: TargetChangedData;
  INDICATOR_MISSING: IndicatorMissingData;
  INDICATOR_ADDED: IndicatorAddedData;
  WEIGHT_CHANGED: WeightChangedData;
  TARGET_NOT_RAISED: TargetNotRaisedData;
}

export type TargetCode = keyof TargetDataByCode;

/** A Finding of one of these codes, carrying its data (report-format.md: `data`). */
export type TargetFinding<C extends TargetCode = TargetCode> = Finding & {
  code: C;
  data: TargetDataByCode[C];
};

const q = (s: string) => `“${s}”`;

const CHANGE_ZH: Record<TargetChange, string> = {
  value: "数值",
  direction: "方向",
  unit: "单位",
  kind: "由定量改为定性",
};
const CHANGE_EN: Record<TargetChange, string> = {
  value: "value",
  direction: "direction",
  unit: "unit",
  kind: "from a number to words",
};

/** "（名称按位置对应申报表的“…”）" for a fuzzy match; "" for an exact one. */
function fuzzy(m: MatchNote, other: string, otherEn: string): Words {
  if (m.by === "name") return ["", ""];
  return [
    `（名称与${other}的${q(m.otherName)}不完全相同，按位置和相似度对应，相似度${pct(m.similarity, 0)}）`,
    ` (its name differs from ${otherEn}'s "${m.otherName}"; paired by place and likeness, ${pct(m.similarity, 0)} alike)`,
  ];
}

export const META: Record<TargetCode, { severity: Severity; words: (d: never) => Words }> = {
  TARGET_CHANGED: {
    severity: "error",
    words: (d: TargetChangedData): Words => {
      const [fz, fe] = fuzzy(d.match, "申报表", "the approved table");
      return [
        `${q(d.indicator)}的年度指标值与批复的绩效目标不一致（${CHANGE_ZH[d.change]}）：申报表为${d.approved}（${d.approvedSheet}!${d.approvedCell}），自评表为${d.current}${fz}；请按批复的指标值填写，确有调整的请附调整依据`,
        `${d.indicator}: the target differs from the approved one (${CHANGE_EN[d.change]}): ${d.approved} approved (${d.approvedSheet}!${d.approvedCell}), ${d.current} in this table${fe}. Use the approved target, or attach the approval of the change.`,
      ];
    },
  },
  INDICATOR_MISSING: {
    severity: "error",
    words: (d: IndicatorMissingData): Words => [
      `申报表中${d.category ? `“${d.category}”下` : ""}的指标${q(d.indicator)}（指标值${d.approvedTarget}，${d.approvedSheet}!${d.approvedCell}）在自评表中没有；请补上该指标并如实填写完成情况`,
      `The approved indicator ${d.indicator}${d.category ? ` under ${d.category}` : ""} (target ${d.approvedTarget}, ${d.approvedSheet}!${d.approvedCell}) is missing from this table; add it with its actual.`,
    ],
  },
  INDICATOR_ADDED: {
    severity: "warning",
    words: (d: IndicatorAddedData): Words => [
      `指标${q(d.indicator)}（指标值${d.target || "（空）"}）不在批复的绩效目标中；请核实是否为新增指标，新增的请附批复依据`,
      `The indicator ${d.indicator} (target ${d.target || "(blank)"}) was not among the approved targets; check whether it was added, and attach the approval if so.`,
    ],
  },
  WEIGHT_CHANGED: {
    severity: "warning",
    words: (d: WeightChangedData): Words => {
      const [fz, fe] = fuzzy(d.match, "申报表", "the approved table");
      return [
        `${q(d.indicator)}的分值为${fmt(d.current)}，申报表中为${fmt(d.approved)}${fz}；请核实分值调整是否有依据`,
        `${d.indicator}: weight ${fmt(d.current)} here, ${fmt(d.approved)} in the approved table${fe}; check that the change was approved.`,
      ];
    },
  },
  TARGET_NOT_RAISED: {
    severity: "warning",
    words: (d: TargetNotRaisedData): Words => {
      const [fz, fe] = fuzzy(d.match, "上年自评表", "last year's table");
      const ratioZh =
        d.direction === "reverse" ? `指标值为实际值的${pct(d.ratio, 0)}` : `为指标值的${pct(d.ratio, 0)}`;
      const ratioEn =
        d.direction === "reverse" ? `the target was ${pct(d.ratio, 0)} of it` : `${pct(d.ratio, 0)} of it`;
      return [
        `${q(d.indicator)}上年指标值${d.previousTarget}、实际完成${d.previousActual}（${ratioZh}，超过${pct(d.threshold, 0)}），今年指标值仍为${d.current}${fz}；请分析指标值是否设定偏低，${d.direction === "reverse" ? "考虑适当降低" : "考虑适当提高"}`,
        `${d.indicator}: last year's target ${d.previousTarget} was met with ${d.previousActual} (${ratioEn}, past ${pct(d.threshold, 0)}), yet this year's target is still ${d.current}${fe}. Check whether the target is set too low.`,
      ];
    },
  },
};

export function targetFinding<C extends TargetCode>(
  code: C,
  cell: string,
  data: TargetDataByCode[C],
  row?: number,
): TargetFinding<C> {
  const meta = META[code];
  const words = (meta.words as (d: TargetDataByCode[C]) => Words)(data);
  return { ...finding(code, meta.severity, cell, words, row), code, data };
}
