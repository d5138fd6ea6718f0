/**
 * The funds block (项目资金（万元） / 资金情况（万元） / 预算执行情况(10分)): its own header row
 * (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), the total row and the sub-rows.
 */
import { toA1 } from "../grid";
import type { FundsBlock, FundsRow } from "../types";
import type { Sheet } from "./sheet";
import { parseNumber, readMoneyText } from "../values/number";
import { isPlaceholder } from "../values";
import { isEmptyText } from "./rows";
import { findTransposedFunds } from "./funds-transposed";
import { fundsRole, isFundsLabel, norm, weightFromLabel, type FundsRole } from "./text";
import { isFundsTotalLabel, isGoalLabel, isNote } from "./vocabulary";

/** The funds block never has more rows than this below its header. */
const MAX_FUNDS_ROWS = 15;

export interface FundsSearch {
  block: FundsBlock;
  /** The (first) funds header row. */
  headerRow: number;
  /** The money headers as read from two rows joined (预算数 over 年初 / 全年): a reading layout chose. */
  joinedHeader?: { cell: string; columns: string[] };
}

/**
 * The row's money cells hold words and no number (not even a dash or 无 for nothing): a goal header the
 * reader did not know, or the goal text under it — never funds data.
 */
function holdsProse(sh: Sheet, r: number, cols: Partial<Record<FundsRole, number>>): boolean {
  let words = false;
  for (const k of ["initial", "budget", "spent"] as FundsRole[]) {
    const c = cols[k];
    if (c === undefined) continue;
    const cell = sh.source(r, c);
    const t = cell.text.trim();
    if (t === "") continue;
    if (parseNumber(cell) !== null || readMoneyText(t) !== null) return false;
    if (/\p{Script=Han}{2}/u.test(t) && !isEmptyText(t) && !isPlaceholder(t)) words = true;
  }
  return words;
}

/** The funds roles named by one header row's cells, or null unless a budget and a spending or rate are named. */
function headerRoles(
  width: number,
  textAt: (c: number) => string,
): Partial<Record<FundsRole, number>> | null {
  const found: Partial<Record<FundsRole, number>> = {};
  const marked: { A?: number; B?: number } = {};
  for (let c = 0; c < width; c++) {
    const t = textAt(c);
    const role = fundsRole(t);
    if (role && found[role] === undefined) found[role] = c;
    // 年初预算数（A） | 全年执行数（B）: the header's own marks say which columns the rate divides.
    const mark =
      role === "initial" || role === "budget" || role === "spent" ? /\(([AB])\)$/.exec(norm(t)) : null;
    if (mark && marked[mark[1] as "A" | "B"] === undefined) marked[mark[1] as "A" | "B"] = c;
  }
  if (marked.A !== undefined && found.budget !== marked.A) {
    if (found.initial === marked.A) delete found.initial;
    found.budget = marked.A;
  }
  if (marked.B !== undefined) found.spent = marked.B;
  // No 全年预算数 column at all: 年初预算数 is the only budget there is.
  if (found.budget === undefined && found.initial !== undefined && found.spent !== undefined) {
    found.budget = found.initial;
    delete found.initial;
  }
  return found.budget !== undefined && (found.spent !== undefined || found.rate !== undefined) ? found : null;
}

const UNIT_IN_TEXT = /(?:\(|单位:?)(元|千元|万元|亿元)\)?/;

/**
 * The money unit of the block, from its label or header cells ("资金情况（万元）", "年初预算数（元）") or a
 * "单位：元" cell just above: null when none is written, or when two cells disagree (the reader won't guess).
 */
function moneyUnit(sh: Sheet, top: number, headerRow: number): string | null {
  let unit: string | null = null;
  for (let r = top; r <= headerRow; r++) {
    for (let c = 0; c < sh.scanWidth(r); c++) {
      const t = sh.rowText(r, c);
      if (!t || t.length > 40 || !/元/.test(t)) continue;
      const m = UNIT_IN_TEXT.exec(norm(t));
      if (!m) continue;
      if (unit !== null && unit !== m[1]) return null;
      unit = m[1];
    }
  }
  return unit;
}

/** Row r holds some text and no number: a second header row, not a data row. */
function wordsOnly(sh: Sheet, r: number): boolean {
  let any = false;
  for (let c = 0; c < sh.scanWidth(r); c++) {
    const t = sh.rowText(r, c).trim();
    if (!t) continue;
    if (typeof sh.value(r, c) === "number" || /\d/.test(t)) return false;
    any = true;
  }
  return any;
}

function differs(a: Partial<Record<FundsRole, number>>, b: Partial<Record<FundsRole, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as FundsRole[]);
  for (const k of keys) if (a[k] !== b[k]) return true;
  return false;
}

/**
 * A header cell split over rows r and r + 1: one cell merged down both rows reads as itself; two cells
 * read joined in whichever order names a funds column (年初 + 预算数, 全年 + 执行数, 全年预算 + 数).
 */
function joinedHeader(sh: Sheet, r: number, c: number): string {
  const top = sh.mtext(r, c);
  const bottom = sh.mtext(r + 1, c);
  const m = sh.merge(r, c);
  if (!bottom || (m && m.bottom > r) || top === bottom) return top;
  if (!top) return bottom;
  const down = top + bottom;
  if (fundsRole(down)) return down;
  const up = bottom + top;
  return fundsRole(up) ? up : fundsRole(bottom) ? bottom : top;
}

export function findFunds(sh: Sheet, beforeRow: number): FundsSearch | null {
  let fh = -1;
  let cols: Partial<Record<FundsRole, number>> = {};
  let split = false;
  for (let r = 0; r < beforeRow && fh < 0; r++) {
    const width = sh.scanWidth(r);
    const one = headerRoles(width, (c) => sh.mtext(r, c));
    // 预算数 / 执行数 over 年初 / 全年 on the row under (or 全年 over 预算数): the two cells read as one,
    // when the row under holds header words only.
    const under = r + 1 < beforeRow && wordsOnly(sh, r + 1);
    const w2 = Math.max(width, sh.scanWidth(r + 1));
    const two = under ? headerRoles(w2, (c) => joinedHeader(sh, r, c)) : null;
    // Joined, the rows must say more than either alone (the row under may be the header by itself).
    const alone = two ? headerRoles(w2, (c) => sh.mtext(r + 1, c)) : null;
    if (two && (!one || differs(one, two)) && (!alone || differs(alone, two))) {
      fh = r + 1;
      cols = two;
      split = true;
    } else if (one) {
      fh = r;
      cols = one;
    }
  }
  if (fh < 0) return transposedSearch(sh, beforeRow);

  const moneyRoles: FundsRole[] = ["initial", "budget", "spent", "weight", "rate", "score"];
  let firstMoney = Infinity;
  for (const k of moneyRoles) {
    const c = cols[k];
    if (c !== undefined && c < firstMoney) firstMoney = c;
  }
  const labelCol = cols.totalLabel;

  const makeRow = (r: number, label: string, labelAt: number | null): FundsRow => {
    const at = (k: FundsRole) => {
      const c = cols[k];
      return c === undefined ? null : sh.source(r, c);
    };
    return {
      label,
      labelCell: labelAt === null ? undefined : toA1(r, labelAt),
      row: r,
      initial: at("initial"),
      budget: at("budget"),
      spent: at("spent"),
      weight: at("weight"),
      rate: at("rate"),
      score: at("score"),
      reason: at("reason"),
    };
  };

  let total: FundsRow | null = null;
  const subRows: FundsRow[] = [];
  let lastRow = fh;
  const end = Math.min(beforeRow, fh + 1 + MAX_FUNDS_ROWS);
  for (let r = fh + 1; r < end; r++) {
    const width = sh.scanWidth(r);
    let stop = false;
    for (let c = 0; c < width && !stop; c++) {
      const t = sh.rowText(r, c);
      if (t && (isGoalLabel(t) || isNote(t))) stop = true;
    }
    if (stop || holdsProse(sh, r, cols)) break;
    let label = "";
    let labelAt: number | null = null;
    if (labelCol !== undefined) {
      label = sh.rowText(r, labelCol).trim();
      if (label) labelAt = labelCol;
    }
    if (!label) {
      for (let c = Math.min(firstMoney, width) - 1; c >= 0; c--) {
        const t = sh.rowText(r, c).trim();
        if (t && !isFundsLabel(t)) {
          label = t;
          labelAt = c;
          break;
        }
      }
    }
    let hasNumber = false;
    for (const k of ["initial", "budget", "spent"] as FundsRole[]) {
      const c = cols[k];
      if (c !== undefined && sh.text(r, c).trim() !== "") hasNumber = true;
    }
    if (!label && !hasNumber) continue;
    const row = makeRow(r, label, labelAt);
    lastRow = r;
    if (!total && (isFundsTotalLabel(label) || (subRows.length === 0 && !/^其中/.test(norm(label)))))
      total = row;
    else subRows.push(row);
  }
  if (!total) {
    const first = subRows.shift();
    if (!first) return null;
    total = first;
  }

  const { labelCell, labelWeight } = blockLabel(sh, {
    from: Math.max(0, fh - 1),
    to: lastRow,
    firstMoney,
  }) ?? {
    labelCell: toA1(total.row, labelCol ?? Math.max(0, (Number.isFinite(firstMoney) ? firstMoney : 1) - 1)),
    labelWeight: null,
  };
  const unit = moneyUnit(sh, Math.max(0, fh - (split ? 2 : 1)), fh);
  const block = { labelCell, labelWeight, total, subRows, ...(unit ? { unit } : {}) };
  if (!split) return { block, headerRow: fh };
  const columns = (["initial", "budget", "spent"] as FundsRole[])
    .map((k) => cols[k])
    .filter((c): c is number => c !== undefined)
    .map((c) => joinedHeader(sh, fh - 1, c));
  const first = Math.min(...(["initial", "budget", "spent"] as FundsRole[]).map((k) => cols[k] ?? Infinity));
  return { block, headerRow: fh - 1, joinedHeader: { cell: toA1(fh - 1, first), columns } };
}

/** The block label (项目资金（万元）), usually merged down the first column(s), with the weight it carries. */
function blockLabel(
  sh: Sheet,
  at: { from: number; to: number; firstMoney: number },
): { labelCell: string; labelWeight: number | null } | null {
  const labelCols = Number.isFinite(at.firstMoney) ? at.firstMoney : 1;
  for (let r = at.from; r <= at.to; r++) {
    for (let c = 0; c < labelCols; c++) {
      const t = sh.mtext(r, c);
      if (t && isFundsLabel(t)) {
        const p = sh.masterPos(r, c);
        return { labelCell: toA1(p.row, p.col), labelWeight: weightFromLabel(t) };
      }
    }
  }
  return null;
}

/** The money sources as columns and the amounts as rows (funds-transposed.ts), as a funds block. */
function transposedSearch(sh: Sheet, beforeRow: number): FundsSearch | null {
  const t = findTransposedFunds(sh, beforeRow);
  if (!t) return null;
  const label = blockLabel(sh, { from: t.headerRow, to: t.lastRow, firstMoney: t.firstMoney }) ?? {
    labelCell: toA1(t.headerRow, t.firstMoney),
    labelWeight: null,
  };
  const unit = moneyUnit(sh, Math.max(0, t.headerRow - 1), t.headerRow);
  return {
    block: { ...label, total: t.total, subRows: t.subRows, ...(unit ? { unit } : {}) },
    headerRow: t.headerRow,
  };
}
