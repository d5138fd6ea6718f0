/**
 * Finds the indicator header row(s): 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因…
 * The header may start in column B (block label in A), may be split over two rows (merged cells, split
 * target columns 指标性质 / 指标值 / 度量单位), and may use any synonym of scoring-rules.md §1.
 *
 * Failing that, it accepts an evaluation-style header (部门整体支出绩效评价自评表): 一级指标 | 二级指标 |
 * 三级指标 | 指标分值 | 指标解释 | 评分标准 | 自评得分 | 扣分原因, with no target and no actual column.
 */
import { toA1 } from "../grid";
import type { Sheet } from "./sheet";
import { splitLevelWeights, type LevelWeightColumns } from "./level-weights";
import { indicatorRole, looseIndicatorRole, norm, type IndicatorRole } from "./text";

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
  /** Columns named by a half-known header cell (looseIndicatorRole): a reading layout chose. */
  guessed?: GuessedColumn[];
}

/** A header cell read by a part of a known header word: where, what it says, the role it was given. */
export interface GuessedColumn {
  role: IndicatorRole;
  col: number;
  /** The header cell (A1) and its text as written. */
  cell: string;
  text: string;
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
    if (complete) {
      // No reason column by known words: a half-known one (偏差分析) is read rather than no reasons checked.
      const reason =
        complete.explanation === undefined
          ? looseCompletion(sh, { r, rows }, roles, cols, ["explanation"])
          : null;
      if (reason)
        return {
          found: true,
          header: { row: r, rows, cols: reason.cols, guessed: reason.guessed, ...extra },
        };
      return { found: true, header: { row: r, rows, cols: complete, ...extra } };
    }
    // The first table on the sheet comes first, whichever kind it is (stacked tables are read in turn).
    const evaluation = evaluationColumns(sh, r, cols);
    if (evaluation)
      return { found: true, header: { row: r, rows, cols: evaluation, evaluation: true, ...extra } };
    // Most columns named by known words, the rest by a part of one: read, and say which (LAYOUT_ASSUMED).
    const loose = looseCompletion(sh, { r, rows }, roles, cols);
    if (loose)
      return { found: true, header: { row: r, rows, cols: loose.cols, guessed: loose.guessed, ...extra } };
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

/** Roles that place an indicator's cells; a header must name most of them by known words to be completed. */
const CORE_ROLES: IndicatorRole[] = ["level1", "name", "target", "actual", "weight", "score"];
/** Known-word core roles a row needs before half-known cells may complete it: it is surely a header. */
const MIN_KNOWN_CORE = 3;

/**
 * A header row that names at least MIN_KNOWN_CORE core columns by known words, completed by cells that
 * half-name the missing ones (looseIndicatorRole) — only roles still missing, each cell once, never a cell
 * that has a known role (`only`: just these roles). Null unless that makes a standard header.
 */
function looseCompletion(
  sh: Sheet,
  at: { r: number; rows: number },
  roles: readonly (IndicatorRole | null)[],
  cols: RoleColumns,
  only?: IndicatorRole[],
): { cols: HeaderColumns; guessed: GuessedColumn[] } | null {
  const { r, rows } = at;
  if (CORE_ROLES.filter((k) => cols[k] !== undefined).length < MIN_KNOWN_CORE) return null;
  const out: RoleColumns = { ...cols };
  const guessed: GuessedColumn[] = [];
  for (let c = 0; c < roles.length; c++) {
    if (roles[c]) continue;
    for (let rr = r + rows - 1; rr >= r; rr--) {
      const text = sh.mtext(rr, c);
      const role = looseIndicatorRole(text);
      if (!role || out[role] !== undefined || (only && !only.includes(role))) continue;
      out[role] = c;
      const p = sh.masterPos(rr, c);
      guessed.push({ role, col: c, cell: toA1(p.row, p.col), text: text.replace(/\s+/g, "") });
      break;
    }
  }
  const complete = guessed.length ? standardColumns(out) : null;
  return complete ? { cols: complete, guessed } : null;
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
