/**
 * The data behind one fake ET worksheet: cells (value, formula, number format, fill, lock), merged
 * areas and protection. The fake does not calculate: a formula keeps the cached value it was
 * built with, and a newly written formula has no value (null) until "recalculated" by a test.
 */
import type { CellValue, Grid, MergedArea } from "../../../src/engine/grid";

/** xlNone / xlColorIndexNone: "no fill" in ET and Excel. */
export const XL_NONE = -4142;
/** What Interior.Color reads for a cell without fill (white), so Color alone cannot tell "no fill". */
export const NO_FILL_COLOR = 16777215;
/** Excel's and ET's sheet size. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  format: string;
  /** BGR integer, or null for no fill. */
  fill: number | null;
  locked: boolean;
  bold: boolean;
  /** Display text given by the Grid the fake was built from; dropped when the cell is written. */
  shown: string | null;
  /** Formula and value the sheet was built with, so a restored formula gets its value back. */
  original: { formula: string; value: CellValue } | null;
}

export class SheetData {
  readonly cells = new Map<string, FakeCell>();
  merges: MergedArea[];
  protect = false;
  allowFormattingCells = false;
  /**
   * Cells formatted only (borders, say) down to this 0-based row and across to this column, as a
   * template bordered to row 65536: they count in UsedRange, as in ET, without being stored one by one.
   */
  formattedTo: { bottom: number; right: number } | null = null;
  /** Test hook: writes touching these cells ("r,c") throw, as a bridge error would. */
  readonly failCells = new Set<string>();

  constructor(
    public name: string,
    grid?: Grid,
  ) {
    this.merges = grid ? grid.merges.map((m) => ({ ...m })) : [];
    if (!grid) return;
    grid.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined) this.cell(r, c).value = v;
      }),
    );
    grid.formulas?.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (!f) return;
        const cell = this.cell(r, c);
        cell.formula = f;
        cell.original = { formula: f, value: cell.value };
      }),
    );
    grid.formats?.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f) this.cell(r, c).format = f;
      }),
    );
    grid.text?.forEach((row, r) =>
      row?.forEach((t, c) => {
        if (t !== null && t !== undefined && t !== "") this.cell(r, c).shown = t;
      }),
    );
  }

  /** The cell at (r, c), created on first touch. */
  cell(r: number, c: number): FakeCell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        value: null,
        formula: null,
        format: "General",
        fill: null,
        locked: true,
        bold: false,
        shown: null,
        original: null,
      };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Rows inserted (count > 0) or deleted (count < 0) at row `at`: cells and merged areas move. */
  shiftRows(at: number, count: number): void {
    const moved = new Map<string, FakeCell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(",").map(Number);
      if (r < at) moved.set(key, cell);
      else if (count < 0 && r < at - count) continue;
      else moved.set(`${r + count},${c}`, cell);
    }
    this.cells.clear();
    for (const [k, v] of moved) this.cells.set(k, v);
    this.merges = this.merges.flatMap((m) => {
      if (m.bottom < at) return [m];
      if (m.top >= at && (count > 0 || m.top >= at - count))
        return [{ ...m, top: m.top + count, bottom: m.bottom + count }];
      return []; // cut through: dropped (not needed by the tests)
    });
  }

  peek(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  mergeAt(r: number, c: number): MergedArea | null {
    for (const m of this.merges) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return m;
    return null;
  }

  /** The used range: every cell with a value, formula, format or fill, and every merged area. */
  used(): MergedArea {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    const take = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const [key, cell] of this.cells) {
      if (
        cell.value === null &&
        cell.formula === null &&
        cell.format === "General" &&
        cell.fill === null &&
        !cell.bold
      )
        continue;
      const [r, c] = key.split(",").map(Number);
      take(r, c);
    }
    for (const m of this.merges) {
      take(m.top, m.left);
      take(m.bottom, m.right);
    }
    if (this.formattedTo) {
      take(0, 0);
      take(this.formattedTo.bottom, this.formattedTo.right);
    }
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }
}

/** The fake's own display-text rule (deliberately independent of the host's formatter). */
export function fakeText(cell: FakeCell | undefined): string {
  if (!cell || cell.value === null) return "";
  if (cell.shown !== null) return cell.shown;
  const v = cell.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const fmt = cell.format;
  if (fmt === "General" || fmt === "@") return String(Number(v.toPrecision(11)));
  const dec = /\.(0+)/.exec(fmt)?.[1].length ?? 0;
  const pct = fmt.includes("%");
  const scaled = pct ? v * 100 : v;
  // Round half away from zero on the decimal string, as a spreadsheet displays it.
  const fixed =
    (Math.sign(scaled) * Math.round(Math.abs(Number(scaled.toPrecision(15))) * 10 ** dec + 1e-9)) / 10 ** dec;
  let s = fixed.toFixed(dec);
  if (fmt.includes("#,##")) s = s.replace(/^(-?\d+)/, (m) => m.replace(/\B(?=(\d{3})+$)/g, ","));
  return pct ? s + "%" : s;
}
