/**
 * Finds the indicator header row(s): 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因…
 * The header may start in column B (block label in A), may be split over two rows (merged cells, split
 * target columns 指标性质 / 指标值 / 度量单位), and may use any synonym of scoring-rules.md §1.
 *
 * Failing that, it accepts an evaluation-style header (部门整体支出绩效评价自评表): 一级指标 | 二级指标 |
 * 三级指标 | 指标分值 | 指标解释 | 评分标准 | 自评得分 | 扣分原因, with no target and no actual column.
 */
import type { Sheet } from "./sheet";
import { splitLevelWeights, type LevelWeightColumns } from "./level-weights";
import { indicatorRole, norm, type IndicatorRole } from "./text";

/** Columns found on a header row so far: any role may be missing. */
export type RoleColumns = Partial<Record<IndicatorRole, number>>;

type RequiredRole = "name" | "target" | "actual" | "score";

/**
 * The columns of a header that was found: every role the indicator reader needs is present. Only
 * findIndicatorHeader makes one, so code holding a HeaderColumns never has to test a required column.
 * 一级/二级 (provincial tables with group rows instead) and 分值 (scores-only tables) may be absent, but
 * never both 一级 and 分值: one of them is what makes the header a 绩效指标 header.
 */
export type HeaderColumns = Record<RequiredRole, number> & Partial<Record<IndicatorRole, number>>;

export interface IndicatorHeader {
  /** First header row. */
  row: number;
  /** 1 or 2. */
  rows: number;
  cols: HeaderColumns;
  /** An evaluation-style table: weights and declared scores, but nothing to recompute them from. */
  evaluation?: true;
  /** Several 分值 columns, one per level: the 一级/二级 ones (the indicator's is cols.weight). */
  levelWeights?: LevelWeightColumns;
}

export const REQUIRED_ROLES: IndicatorRole[] = [
  "level1",
  "level2",
  "name",
  "target",
  "actual",
  "weight",
  "score",
];

export const ROLE_NAMES: Record<IndicatorRole, string> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
  explanation: "偏差原因分析及改进措施",
  nature: "指标性质",
  unit: "度量单位",
  criteria: "评分标准",
  adjusted: "调整指标值",
};

export type HeaderSearch =
  | { found: true; header: IndicatorHeader }
  | { found: false; partial: { row: number; missing: IndicatorRole[] } | null };

export function findIndicatorHeader(sh: Sheet): HeaderSearch {
  let partial: { row: number; missing: IndicatorRole[] } | null = null;
  for (let r = 0; r < sh.nRows; r++) {
    const width = sh.scanWidth(r);
    if (width === 0) continue;
    const upper: (IndicatorRole | null)[] = new Array(width).fill(null);
    let ownHit = false;
    for (let c = 0; c < width; c++) {
      const role = indicatorRole(sh.mtext(r, c));
      upper[c] = role;
      if (role && sh.rowText(r, c) !== "") ownHit = true;
    }
    if (!ownHit) continue;

    // Is the next row a second header row?
    let cont = false;
    const lower: (IndicatorRole | null)[] = [];
    if (r + 1 < sh.nRows) {
      const w2 = Math.max(width, sh.scanWidth(r + 1));
      let ownAny = false;
      let ownRole = false;
      let coveredFromAbove = false;
      for (let c = 0; c < w2; c++) {
        const t = sh.rowText(r + 1, c);
        if (t.trim() !== "") {
          ownAny = true;
          const role = indicatorRole(t);
          lower[c] = role;
          if (role) ownRole = true;
        } else {
          const m = sh.merge(r + 1, c);
          if (m && m.top === r) coveredFromAbove = true;
        }
      }
      cont = ownRole || (!ownAny && coveredFromAbove);
    }

    let cols: RoleColumns = {};
    const width2 = cont ? Math.max(width, lower.length) : width;
    const roles: (IndicatorRole | null)[] = [];
    for (let c = 0; c < width2; c++) {
      const role = (cont ? lower[c] : null) ?? upper[c] ?? null;
      roles[c] = role;
      if (role && cols[role] === undefined) cols[role] = c;
    }
    const split = splitLevelWeights(roles, cols);
    if (split) cols = split.cols;
    const extra = split ? { levelWeights: split.levelWeights } : {};
    const rows = cont ? 2 : 1;
    const complete = standardColumns(cols);
    if (complete) return { found: true, header: { row: r, rows, cols: complete, ...extra } };
    // The first table on the sheet comes first, whichever kind it is (stacked tables are read in turn).
    const evaluation = evaluationColumns(sh, r, cols);
    if (evaluation)
      return { found: true, header: { row: r, rows, cols: evaluation, evaluation: true, ...extra } };
    const optional: IndicatorRole[] =
      cols.weight !== undefined
        ? ["level1", "level2"]
        : cols.level1 !== undefined
          ? ["level2", "weight"]
          : [];
    const missing = REQUIRED_ROLES.filter((k) => cols[k] === undefined && !optional.includes(k));
    // Remember the most promising near-miss for the error message.
    const hasCore = cols.name !== undefined || cols.level1 !== undefined;
    if (hasCore && cols.weight !== undefined && (!partial || missing.length < partial.missing.length)) {
      partial = { row: r, missing };
    }
  }
  return { found: false, partial };
}

/**
 * The header's columns when every required role is there, else null: a 三级 name, a target (or an adjusted
 * target), an actual and a score, with 一级 or 分值 (or both, the national template).
 */
function standardColumns(cols: RoleColumns): HeaderColumns | null {
  const { name, actual, score } = cols;
  const target = cols.target ?? cols.adjusted;
  if (name === undefined || target === undefined || actual === undefined || score === undefined) return null;
  if (cols.level1 === undefined && cols.weight === undefined) return null;
  return { ...cols, name, target, actual, score };
}

/**
 * 一级指标, a 三级 (or 二级) name, 分值 and 得分 with neither target nor actual, and something that says the
 * table is scored against criteria: a 评分标准 / 指标解释 column, or a title above that says 评价 / 评分.
 * Both are required so that a sheet that merely has 分值 and 得分 columns is not taken for a 自评表.
 *
 * Such a header has no target or actual: both point at the criteria column (or the name), and rows get
 * empty cells there, so nothing downstream reads 评分标准 text as a target.
 */
function evaluationColumns(sh: Sheet, r: number, cols: RoleColumns): HeaderColumns | null {
  if (cols.target !== undefined || cols.actual !== undefined) return null;
  const { level1, weight, score } = cols;
  const name = cols.name ?? cols.level2;
  if (level1 === undefined || weight === undefined || score === undefined || name === undefined) return null;
  if (cols.adjusted !== undefined) return null;
  if (cols.criteria === undefined && !evaluationTitleAbove(sh, r)) return null;
  const target = cols.criteria ?? name;
  return { ...cols, level1, level2: cols.level2 ?? name, name, target, actual: target, weight, score };
}

function evaluationTitleAbove(sh: Sheet, r: number): boolean {
  for (let rr = 0; rr < r; rr++) {
    const width = sh.scanWidth(rr);
    for (let c = 0; c < width; c++) {
      const t = sh.rowText(rr, c);
      if (!t || t.length > 80) continue;
      if (/(绩效|支出).*(评价|评分)/.test(norm(t))) return true;
    }
  }
  return false;
}
