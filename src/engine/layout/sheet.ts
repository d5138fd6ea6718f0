/**
 * Defensive read access to a Grid for the layout finder: never throws on jagged rows, missing arrays or
 * odd values, and resolves merged areas (a merged value belongs to every cell of its area).
 */
import type { CellValue, Grid, MergedArea } from "../grid";
import { toA1 } from "../grid";
import type { SourceCell } from "../types";

/** Only this many columns are scanned when searching headers: real tables have ~10–15. */
export const SCAN_COLS = 256;

function cleanValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  try {
    return String(v);
  } catch {
    return null;
  }
}

function safeRow<T>(rows: unknown, r: number): T[] | null {
  if (!Array.isArray(rows)) return null;
  const row = rows[r];
  return Array.isArray(row) ? (row as T[]) : null;
}

export class Sheet {
  readonly nRows: number;
  readonly nCols: number;
  /** Merged areas covering each row (only rows that have any). */
  private readonly rowMerges = new Map<number, MergedArea[]>();

  constructor(readonly grid: Grid) {
    const values = Array.isArray(grid?.values) ? grid.values : [];
    this.nRows = values.length;
    let cols = 0;
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      if (Array.isArray(row) && row.length > cols) cols = row.length;
    }
    this.nCols = cols;
    const merges = Array.isArray(grid?.merges) ? grid.merges : [];
    for (const m of merges) {
      if (!m || typeof m !== "object") continue;
      const top = Math.max(0, Math.floor(Number(m.top)));
      const bottom = Math.min(this.nRows - 1, Math.floor(Number(m.bottom)));
      const left = Math.floor(Number(m.left));
      const right = Math.floor(Number(m.right));
      if (
        !Number.isFinite(top) ||
        !Number.isFinite(bottom) ||
        !Number.isFinite(left) ||
        !Number.isFinite(right)
      )
        continue;
      if (bottom < top || right < left || left < 0) continue;
      const area: MergedArea = { top, bottom, left, right };
      for (let r = top; r <= bottom; r++) {
        const list = this.rowMerges.get(r);
        if (list) list.push(area);
        else this.rowMerges.set(r, [area]);
      }
    }
  }

  /** Length of row r (0 for a missing row). */
  rowLength(r: number): number {
    const row = safeRow<unknown>(this.grid?.values, r);
    return row ? row.length : 0;
  }

  /** The cell's own value (null under a merge's covered cells, as hosts report them). */
  value(r: number, c: number): CellValue {
    const row = safeRow<unknown>(this.grid?.values, r);
    return row ? cleanValue(row[c]) : null;
  }

  /** The cell's own display text ("" when empty). */
  text(r: number, c: number): string {
    const trow = safeRow<unknown>(this.grid?.text, r);
    const t = trow ? trow[c] : undefined;
    if (typeof t === "string" && t !== "") return t;
    const v = this.value(r, c);
    if (v === null) return "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
  }

  format(r: number, c: number): string | null {
    const row = safeRow<unknown>(this.grid?.formats, r);
    const f = row ? row[c] : null;
    return typeof f === "string" ? f : null;
  }

  formula(r: number, c: number): string | null {
    const row = safeRow<unknown>(this.grid?.formulas, r);
    const f = row ? row[c] : null;
    return typeof f === "string" ? f : null;
  }

  /** A formula the file never calculated (Grid.uncalculated) whose cell is still empty with its formula. */
  uncalculated(r: number, c: number): boolean {
    const row = safeRow<unknown>(this.grid?.uncalculated, r);
    return !!row && row[c] === true && this.value(r, c) === null && this.formula(r, c) !== null;
  }

  /** The merged area covering (r, c), or null. */
  merge(r: number, c: number): MergedArea | null {
    const list = this.rowMerges.get(r);
    if (!list) return null;
    for (const m of list) if (c >= m.left && c <= m.right) return m;
    return null;
  }

  /** Text of the cell, or of its merge's top-left cell when it is covered by a merge. */
  mtext(r: number, c: number): string {
    const m = this.merge(r, c);
    return m ? this.text(m.top, m.left) : this.text(r, c);
  }

  /**
   * Text that starts on this row: the cell's own text, or its horizontal merge's text when the merge
   * starts on this row; "" for cells covered by a merge that started higher up.
   */
  rowText(r: number, c: number): string {
    const m = this.merge(r, c);
    if (!m) return this.text(r, c);
    return m.top === r ? this.text(m.top, m.left) : "";
  }

  /** Address of the cell that holds (r, c)'s value: its merge's top-left cell, or itself. */
  masterPos(r: number, c: number): { row: number; col: number } {
    const m = this.merge(r, c);
    return m ? { row: m.top, col: m.left } : { row: r, col: c };
  }

  source(r: number, c: number): SourceCell {
    const cell: SourceCell = {
      cell: toA1(r, c),
      row: r,
      col: c,
      value: this.value(r, c),
      text: this.text(r, c),
      format: this.format(r, c),
      formula: this.formula(r, c),
    };
    if (this.uncalculated(r, c)) cell.uncalculated = true;
    return cell;
  }

  /** Columns worth scanning on row r. */
  scanWidth(r: number): number {
    return Math.min(SCAN_COLS, Math.max(this.rowLength(r), this.mergeRight(r)));
  }

  private mergeRight(r: number): number {
    const list = this.rowMerges.get(r);
    if (!list) return 0;
    let n = 0;
    for (const m of list) if (m.right + 1 > n) n = m.right + 1;
    return n;
  }
}
