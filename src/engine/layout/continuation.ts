/**
 * A repeated indicator header inside one table (scoring-rules.md §9): Hubei's 20 + 80 template writes
 * 年度绩效目标1 and 年度绩效目标2 as two blocks, each under its own 一级 | 二级 | 三级 | … | 得分 header, with
 * one 总分 row under both; print titles repeat the header after a page break. A header that names the same
 * columns again continues the table. A new table starts with its title, its 项目名称 / 部门名称 row
 * (startsTable) or its funds or goal block (startsTopBlock): each ends the indicator block on its own row,
 * so a repeated header is never reached past one of them.
 */
import type { IndicatorHeader } from "./header";
import type { Sheet } from "./sheet";
import { fundsRole, indicatorRole, looseIndicatorRole, type IndicatorRole } from "./text";
import { isGoalLabel } from "./vocabulary";

/** The roles a repeated header must name in the same columns: the ones that place an indicator's cells. */
const PLACING_ROLES: IndicatorRole[] = ["level1", "name", "score"];

/** A header cell's role, by a known word or (as the header itself may have been read) by a part of one. */
const headerRole = (t: string): IndicatorRole | null => indicatorRole(t) ?? looseIndicatorRole(t);

/**
 * How many rows the header repeated at row r spans (0: row r is no repeat of `header`): every placing column
 * is named again on row r, or, for a two-row header, on r or the row under it — row r naming at least one,
 * and the row under it holding no indicator of its own (a data row right above a repeated header is data).
 */
export function repeatedHeaderRows(sh: Sheet, r: number, header: IndicatorHeader): 0 | 1 | 2 {
  const two = header.rows > 1 && r + 1 < sh.nRows && !holdsIndicator(sh, r + 1, header);
  let onRow = 0;
  for (const role of PLACING_ROLES) {
    const c = header.cols[role];
    if (c === undefined) continue;
    const upper = headerRole(sh.mtext(r, c)) === role;
    if (!upper && !(two && headerRole(sh.mtext(r + 1, c)) === role)) return 0;
    if (upper) onRow++;
  }
  return onRow === 0 ? 0 : two ? 2 : 1;
}

/** Row r has a name or a score of its own that is not a header word. */
function holdsIndicator(sh: Sheet, r: number, header: IndicatorHeader): boolean {
  return [header.cols.name, header.cols.score].some((c) => {
    const t = sh.rowText(r, c).trim();
    return t !== "" && indicatorRole(t) === null;
  });
}

/**
 * Row r opens the top of another table: a funds header (预算数 … 执行数 / 执行率 on one row), or a goal block
 * label (年度总体目标) on a row with no 分值 and no 得分 (an indicator may be named 年度目标完成率).
 */
export function startsTopBlock(sh: Sheet, r: number, header: IndicatorHeader): boolean {
  const width = Math.min(sh.scanWidth(r), 40);
  const scored = [header.cols.weight, header.cols.score].some((c) => c !== undefined && sh.text(r, c).trim());
  let budget = false;
  let spent = false;
  for (let c = 0; c < width; c++) {
    const t = sh.rowText(r, c);
    if (!t) continue;
    if (!scored && isGoalLabel(t)) return true;
    const role = fundsRole(t);
    if (role === "budget" || role === "initial") budget = true;
    else if (role === "spent" || role === "rate") spent = true;
  }
  return budget && spent;
}
