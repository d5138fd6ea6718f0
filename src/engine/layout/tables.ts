/**
 * Several 自评表 stacked one under another on one sheet: where one table ends (its 总分/等级 row and the
 * notes or signature lines under it), and a copy of the grid with everything down to there blanked so that
 * the layout finder sees the next table first. Row and column positions are kept, so cell addresses in the
 * next table's report are the sheet's own.
 */
import type { CellValue, Grid, MergedArea } from "../grid";
import { parseA1, rangeToA1 } from "../grid";
import type { Table } from "../types";
import { isEnumeratedLine, isGradeLine, isNote, isSignatureLine } from "./vocabulary";

/** Stacked tables per sheet that are looked for; a real sheet has a handful. */
export const MAX_TABLES_PER_SHEET = 50;

/** Rows of one table on its sheet, 0-based and inclusive. */
export interface TableRows {
  top: number;
  bottom: number;
}

const EMPTY_ROW: never[] = [];

function cellText(grid: Grid, r: number, c: number): string {
  const t = grid.text?.[r]?.[c];
  if (typeof t === "string" && t.trim() !== "") return t;
  const v: CellValue | undefined = grid.values[r]?.[c];
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}

/** The first non-blank text on row r ("" for a blank row). */
function firstText(grid: Grid, r: number): string {
  const row = grid.values[r];
  const trow = grid.text?.[r];
  const width = Math.max(Array.isArray(row) ? row.length : 0, Array.isArray(trow) ? trow.length : 0);
  for (let c = 0; c < width; c++) {
    const t = cellText(grid, r, c).trim();
    if (t) return t;
  }
  return "";
}

/** The first non-blank row at or after `from` (nRows when there is none). */
export function firstContentRow(grid: Grid, from: number): number {
  const n = Array.isArray(grid.values) ? grid.values.length : 0;
  for (let r = Math.max(0, from); r < n; r++) if (firstText(grid, r)) return r;
  return n;
}

/** Bottom row of a merged area that starts inside [top, bottom] and reaches below it. */
function mergeReach(merges: MergedArea[], top: number, bottom: number): number {
  let b = bottom;
  for (let changed = true; changed;) {
    changed = false;
    for (const m of merges) {
      if (m && m.top >= top && m.top <= b && m.bottom > b) {
        b = m.bottom;
        changed = true;
      }
    }
  }
  return b;
}

/**
 * The last row of `table`: its 总分 row, grade, last indicator or funds row, then the notes ("备注…",
 * numbered lines after them) and signature lines (填表人、联系电话…) directly under it, blank rows
 * between them allowed. Stops at the first row that is none of these (the next table's title, say).
 */
export function tableBottom(grid: Grid, table: Table, top: number): number {
  let bottom = top;
  const take = (r: number | null | undefined) => {
    if (typeof r === "number" && r > bottom) bottom = r;
  };
  take(table.total?.row);
  const g = table.grade ? parseA1(table.grade.cell) : null;
  take(g?.row);
  for (const i of table.indicators) take(i.row);
  if (table.funds) {
    take(table.funds.total.row);
    for (const f of table.funds.subRows) take(f.row);
  }
  const merges = Array.isArray(grid.merges) ? grid.merges : [];
  bottom = mergeReach(merges, top, bottom);
  const n = grid.values.length;
  let notes = false;
  for (let r = bottom + 1; r < n; r++) {
    const t = firstText(grid, r);
    if (!t) continue;
    if (isNote(t)) notes = true;
    else if (!(isSignatureLine(t) || isGradeLine(t) || (notes && isEnumeratedLine(t)))) break;
    bottom = mergeReach(merges, r, r);
    r = bottom;
  }
  return bottom;
}

/** A view of `grid` with rows 0..through blank (values, text, formats, formulas) and their merges dropped. */
export function maskRowsThrough(grid: Grid, through: number): Grid {
  const blank = <T>(rows: T[][] | undefined): T[][] | undefined =>
    rows === undefined ? undefined : rows.map((row, r) => (r <= through ? (EMPTY_ROW as T[]) : row));
  const out: Grid = {
    name: grid.name,
    values: blank(grid.values)!,
    merges: (Array.isArray(grid.merges) ? grid.merges : []).filter((m) => m && m.top > through),
  };
  if (grid.text) out.text = blank(grid.text);
  if (grid.formats) out.formats = blank(grid.formats);
  if (grid.formulas) out.formulas = blank(grid.formulas);
  if (grid.protected !== undefined) out.protected = grid.protected;
  return out;
}

/** The A1 range a table covers: its rows, and the columns any cell or merge of those rows uses. */
export function tableRange(grid: Grid, rows: TableRows): string {
  let left = Infinity;
  let right = -1;
  for (let r = rows.top; r <= rows.bottom; r++) {
    const row = grid.values[r];
    const trow = grid.text?.[r];
    const width = Math.max(Array.isArray(row) ? row.length : 0, Array.isArray(trow) ? trow.length : 0);
    for (let c = 0; c < width; c++) {
      if (!cellText(grid, r, c).trim()) continue;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  for (const m of Array.isArray(grid.merges) ? grid.merges : []) {
    if (!m || m.bottom < rows.top || m.top > rows.bottom) continue;
    if (m.left < left) left = m.left;
    if (m.right > right) right = m.right;
  }
  if (right < 0) {
    left = 0;
    right = 0;
  }
  return rangeToA1({ top: rows.top, bottom: rows.bottom, left, right });
}
