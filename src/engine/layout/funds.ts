/**
 * The funds block (项目资金（万元） / 资金情况（万元） / 预算执行情况(10分)): its own header row
 * (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), the total row and the sub-rows.
 */
import { toA1 } from "../grid";
import type { FundsBlock, FundsRow } from "../types";
import type { Sheet } from "./sheet";
import { fundsRole, isFundsLabel, norm, weightFromLabel, type FundsRole } from "./text";
import { isFundsTotalLabel, isGoalLabel, isNote } from "./vocabulary";

/** The funds block never has more rows than this below its header. */
const MAX_FUNDS_ROWS = 15;

export interface FundsSearch {
  block: FundsBlock;
  headerRow: number;
}

export function findFunds(sh: Sheet, beforeRow: number): FundsSearch | null {
  let fh = -1;
  let cols: Partial<Record<FundsRole, number>> = {};
  for (let r = 0; r < beforeRow && fh < 0; r++) {
    const width = sh.scanWidth(r);
    const found: Partial<Record<FundsRole, number>> = {};
    const marked: { A?: number; B?: number } = {};
    for (let c = 0; c < width; c++) {
      const t = sh.mtext(r, c);
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
    if (found.budget !== undefined && (found.spent !== undefined || found.rate !== undefined)) {
      fh = r;
      cols = found;
    }
  }
  if (fh < 0) return null;

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
    if (stop) break;
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

  // The block label, usually merged down the first column(s).
  let labelCell: string | null = null;
  let labelWeight: number | null = null;
  const labelCols = Number.isFinite(firstMoney) ? firstMoney : 1;
  for (let r = Math.max(0, fh - 1); r <= lastRow && !labelCell; r++) {
    for (let c = 0; c < labelCols; c++) {
      const t = sh.mtext(r, c);
      if (t && isFundsLabel(t)) {
        const p = sh.masterPos(r, c);
        labelCell = toA1(p.row, p.col);
        labelWeight = weightFromLabel(t);
        break;
      }
    }
  }
  if (!labelCell) {
    const c = labelCol ?? Math.max(0, (Number.isFinite(firstMoney) ? firstMoney : 1) - 1);
    labelCell = toA1(total.row, c);
  }
  return { block: { labelCell, labelWeight, total, subRows }, headerRow: fh };
}
