/**
 * A funds block printed the other way round (issue 17, class 3): the money sources are the columns —
 * 年度资金总额 | 其中：财政拨款 | 其他资金 — and the amounts the rows — 年初预算数 / 全年预算数 / 全年执行数 — with
 * 分值 | 执行率 | 得分 as columns beside them:
 *
 *   项目资金（万元） |            | 年度资金总额 | 其中：财政拨款 | 其他资金 | 分值 | 执行率 | 得分
 *                  | 年初预算数 | 100         | 100           | 0       | 10   | 90%   | 9
 *                  | 全年预算数 | 120         | 120           | 0       |      |       |
 *                  | 全年执行数 | 108         | 108           | 0       |      |       |
 *
 * Read only when the header row names the total column by a known word (年度资金总额, 资金总额, 合计) and the
 * rows under it name a budget and a spending by known words; each other source column is a sub-row.
 * Anything less — or a total whose budget or spending is words (见附表) — is not read here: a funds label
 * then gives FUNDS_UNREAD, never a silent gap.
 */
import { toA1 } from "../grid";
import type { FundsRow, SourceCell } from "../types";
import type { Sheet } from "./sheet";
import { parseNumber, readMoneyText } from "../values/number";
import { fundsRole, type FundsRole } from "./text";
import { isFundsTotalLabel } from "./vocabulary";

/** The funds block never has more rows than this below its header. */
const MAX_ROWS = 8;

export interface TransposedFunds {
  headerRow: number;
  lastRow: number;
  /** The first column of the money (the total's). */
  firstMoney: number;
  total: FundsRow;
  subRows: FundsRow[];
}

type AmountRole = "initial" | "budget" | "spent";

/** Column roles on the header row: the total, the 分值 / 执行率 / 得分 / reason columns, other sources. */
function headerColumns(sh: Sheet, r: number) {
  let total = -1;
  const scored: Partial<Record<FundsRole, number>> = {};
  const sources: number[] = [];
  const width = sh.scanWidth(r);
  for (let c = 0; c < width; c++) {
    const t = sh.rowText(r, c).trim();
    if (!t) continue;
    const role = fundsRole(t);
    if (total < 0 && (role === "totalLabel" || isFundsTotalLabel(t))) total = c;
    else if (role === "weight" || role === "rate" || role === "score" || role === "reason")
      scored[role] ??= c;
    else if (total >= 0 && role === null) sources.push(c);
  }
  return { total, scored, sources };
}

/** Rows under r labelled 年初预算数 / 全年预算数 / 全年执行数 (left of the total column), by role. */
function amountRows(sh: Sheet, r: number, total: number, end: number): Partial<Record<AmountRole, number>> {
  const rows: Partial<Record<AmountRole, number>> = {};
  for (let rr = r + 1; rr < end; rr++) {
    let role: FundsRole | null = null;
    for (let c = total - 1; c >= 0 && !role; c--) role = fundsRole(sh.rowText(rr, c));
    if (role === "initial" || role === "budget" || role === "spent") rows[role] ??= rr;
    else if (role === null && Object.keys(rows).length && !sh.rowText(rr, total).trim()) break;
  }
  // No 全年预算数 row: 年初预算数 is the only budget there is (as for a header of columns).
  if (rows.budget === undefined && rows.initial !== undefined) {
    rows.budget = rows.initial;
    delete rows.initial;
  }
  return rows;
}

export function findTransposedFunds(sh: Sheet, beforeRow: number): TransposedFunds | null {
  for (let r = 0; r < beforeRow; r++) {
    const { total, scored, sources } = headerColumns(sh, r);
    if (total < 0 || total === 0) continue;
    const end = Math.min(beforeRow, r + 1 + MAX_ROWS);
    const rows = amountRows(sh, r, total, end);
    if (rows.budget === undefined || rows.spent === undefined) continue;
    const amountRowList = Object.values(rows) as number[];
    const lastRow = Math.max(...amountRowList);
    // 分值 / 执行率 / 得分 are written once, on whichever amount row (or merged down them all).
    const scoredCell = (k: FundsRole): SourceCell | null => {
      const c = scored[k];
      if (c === undefined) return null;
      const ordered = [...amountRowList].sort((a, b) => a - b);
      for (const rr of ordered) {
        const p = sh.masterPos(rr, c);
        const cell = sh.source(p.row, p.col);
        if (cell.text.trim() !== "") return cell;
      }
      return sh.source(ordered[0], c);
    };
    const money = (col: number, k: AmountRole): SourceCell | null =>
      rows[k] === undefined ? null : sh.source(rows[k], col);
    const rowOf = (col: number, label: string, scoredToo: boolean): FundsRow => ({
      label,
      labelCell: toA1(r, col),
      row: rows.spent!,
      initial: money(col, "initial"),
      budget: money(col, "budget"),
      spent: money(col, "spent"),
      weight: scoredToo ? scoredCell("weight") : null,
      rate: scoredToo ? scoredCell("rate") : null,
      score: scoredToo ? scoredCell("score") : null,
      reason: scoredToo ? scoredCell("reason") : null,
    });
    // The total's budget or spending written in words (见附表): no money to read here, never a guess.
    const words = (["budget", "spent"] as AmountRole[]).some((k) => {
      const cell = money(total, k);
      const t = cell?.text.trim() ?? "";
      return t !== "" && parseNumber(cell!) === null && readMoneyText(t) === null;
    });
    if (words) return null;
    const firstScored = Math.min(...(Object.values(scored) as number[]), Infinity);
    const subRows = sources
      .filter((c) => c > total && c < firstScored)
      .map((c) => rowOf(c, sh.rowText(r, c).trim(), false));
    return {
      headerRow: r,
      lastRow,
      firstMoney: total,
      total: rowOf(total, sh.rowText(r, total).trim(), true),
      subRows,
    };
  }
  return null;
}
