/**
 * Every 自评表 on one sheet, top to bottom: the first as detectLayout finds it, then each table found
 * below the previous one's last row (总分, 等级, notes and signature lines under it), on a view of the grid
 * with the rows above blanked. A sheet with one table costs one layout pass plus a scan of the rows under it.
 */
import type { Grid } from "../grid";
import { parseA1 } from "../grid";
import type { Table } from "../types";
import { detectLayout } from "./index";
import { MAX_TABLES_PER_SHEET, firstContentRow, maskRowsThrough, tableBottom, tableRange } from "./tables";

/** One table of a sheet and the A1 range it spans ("A1:I27"). */
export interface SheetTable {
  table: Table;
  range: string;
}

export type SheetTables = { ok: true; tables: SheetTable[] } | { ok: false; reason: string };

export function detectTables(grid: Grid): SheetTables {
  const first = detectLayout(grid);
  if (!first.ok) return first;
  const nRows = Array.isArray(grid.values) ? grid.values.length : 0;
  const found: { table: Table; top: number; bottom: number }[] = [];
  let top = Math.min(firstContentRow(grid, 0), firstRowOf(first.table));
  let table = first.table;
  for (;;) {
    const bottom = tableBottom(grid, table, top);
    found.push({ table, top, bottom });
    if (found.length >= MAX_TABLES_PER_SHEET) break;
    const next = firstContentRow(grid, bottom + 1);
    if (next >= nRows) break;
    const layout = detectLayout(maskRowsThrough(grid, bottom));
    if (!layout.ok || firstRowOf(layout.table) <= bottom) break;
    table = { ...layout.table, sheet: grid.name };
    top = Math.min(next, firstRowOf(table));
  }
  return {
    ok: true,
    tables: found.map((f) => ({ table: f.table, range: tableRange(grid, { top: f.top, bottom: f.bottom }) })),
  };
}

/** The topmost row the layout found for a table (title, funds or first indicator). */
function firstRowOf(table: Table): number {
  let top = Infinity;
  const t = table.titleCell ? parseA1(table.titleCell) : null;
  if (t) top = t.row;
  if (table.funds) top = Math.min(top, table.funds.total.row);
  const fl = table.funds ? parseA1(table.funds.labelCell) : null;
  if (fl) top = Math.min(top, fl.row);
  if (table.indicators.length) top = Math.min(top, table.indicators[0].row);
  return top;
}
