/**
 * A synthetic 自评表 of any length, as a host reads it: title merged across, funds block, indicator
 * header, then `rows` indicator rows under 一级/二级 labels merged vertically (one 二级 group per
 * `group` rows), a total row. For bridge-call counts (tests and the bench).
 */
import type { CellValue, Grid, MergedArea } from "../../../src/engine/grid";

export interface LongSheetOptions {
  rows: number;
  /** Indicator rows per 二级 label (default 10). */
  group?: number;
  /** 一级 labels (default 3), spread evenly. */
  level1?: number;
}

export function longSheet(name: string, opts: LongSheetOptions): Grid {
  const n = opts.rows;
  const group = opts.group ?? 10;
  const level1 = opts.level1 ?? 3;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const merges: MergedArea[] = [];
  const row = (cells: CellValue[], fmt: (string | null)[] = []) => {
    values.push(cells);
    formats.push(cells.map((_, i) => fmt[i] ?? null));
  };
  row(["2023 年度项目支出绩效自评表", null, null, null, null, null, null, null, null]);
  merges.push({ top: 0, left: 0, bottom: 0, right: 8 });
  row([
    "项目资金（万元）",
    "年度资金总额",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
    null,
  ]);
  row(
    [null, "合计", 100, 120, 96, 10, 0.8, 8, null],
    [null, null, "0.00", "0.00", "0.00", null, "0.00%", "0.00"],
  );
  merges.push({ top: 1, left: 0, bottom: 2, right: 0 });
  row([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const first = values.length;
  const weight = 90 / n;
  for (let i = 0; i < n; i++) {
    const l1 = Math.floor((i * level1) / n);
    const startsL1 = i === 0 || Math.floor(((i - 1) * level1) / n) !== l1;
    const startsL2 = i % group === 0 || startsL1;
    row(
      [
        null,
        startsL1 ? ["产出指标", "效益指标", "满意度指标"][l1 % 3] : null,
        startsL2 ? `二级指标${Math.floor(i / group) + 1}` : null,
        `指标${i + 1}`,
        i % 4 === 0 ? "≥95%" : `≥${10 + i}`,
        i % 4 === 0 ? 0.97 : 10 + i,
        weight,
        weight,
        null,
      ],
      [null, null, null, null, null, i % 4 === 0 ? "0%" : null, "0.00", "0.00"],
    );
  }
  // Merged 一级 and 二级 labels over their rows.
  for (const col of [1, 2]) {
    let start = first;
    for (let r = first + 1; r <= first + n; r++) {
      if (r === first + n || values[r][col] !== null) {
        if (r - 1 > start) merges.push({ top: start, left: col, bottom: r - 1, right: col });
        start = r;
      }
    }
  }
  merges.push({ top: first, left: 0, bottom: first + n - 1, right: 0 });
  row(
    ["总分", null, null, null, null, null, 100, 98, "等级：优"],
    [null, null, null, null, null, null, "0", "0.00"],
  );
  merges.push({ top: first + n, left: 0, bottom: first + n, right: 5 });
  return { name, values, formats, merges };
}
