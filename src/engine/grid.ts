/**
 * The snapshot a host reads from one worksheet. Rows and columns are 0-based from A1;
 * hosts pad a used range that starts elsewhere so that values[r][c] is always cell (r, c).
 */
export type CellValue = number | string | boolean | null;

/** A merged area, 0-based and inclusive on both ends. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Worksheet name. */
  name: string;
  /** Cached cell values (formulas already evaluated by the host). */
  values: CellValue[][];
  /** Display text as the spreadsheet shows it ("78.25 %"); missing rows/cells mean "same as value". */
  text?: (string | null)[][];
  /** Number formats ("0.00%"); missing means General. */
  formats?: (string | null)[][];
  /** Formulas, where the host reads them ("=G4*F4"); missing means none. */
  formulas?: (string | null)[][];
  /**
   * True where a formula has no calculated value: the file was written by a program and never opened
   * in Excel or WPS. Only the file reader sets it (Excel and WPS always calculate, and their hosts read a
   * formula's "" as an empty cell, which must not be mistaken for this).
   */
  uncalculated?: (boolean | null)[][];
  merges: MergedArea[];
  /** Sheet protection as the host reported it; the engine does not use it, hosts and the pane do. */
  protected?: boolean;
}

export interface CellPos {
  row: number;
  col: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function colToLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (3, 1) → "B4". */
export function toA1(row: number, col: number): string {
  return colToLetters(col) + String(row + 1);
}

/** "B4" or "$B$4" → { row: 3, col: 1 }; null when it is not an A1 address. */
export function parseA1(address: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
}

/** "A1:C3" (or a single cell, or "Sheet1!A1:C3") → a 0-based inclusive area. */
export function parseRange(address: string): MergedArea | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = bare.split(":");
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeToA1(area: MergedArea): string {
  const a = toA1(area.top, area.left);
  const b = toA1(area.bottom, area.right);
  return a === b ? a : `${a}:${b}`;
}

export function rowCount(grid: Grid): number {
  return grid.values.length;
}

export function colCount(grid: Grid): number {
  let n = 0;
  for (const row of grid.values) if (row && row.length > n) n = row.length;
  return n;
}

export function valueAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formatAt(grid: Grid, row: number, col: number): string | null {
  return grid.formats?.[row]?.[col] ?? null;
}

export function formulaAt(grid: Grid, row: number, col: number): string | null {
  return grid.formulas?.[row]?.[col] ?? null;
}

/** Display text of a cell: the host's text when it gave one, else the value as a string. */
export function textAt(grid: Grid, row: number, col: number): string {
  const t = grid.text?.[row]?.[col];
  if (t !== undefined && t !== null && t !== "") return t;
  const v = valueAt(grid, row, col);
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Builds a Grid from rows of values (tests, the memory host, the demo). */
export function gridFromRows(name: string, rows: CellValue[][], merges: MergedArea[] = []): Grid {
  return { name, values: rows.map((r) => r.slice()), merges };
}
