/**
 * Pure helpers for the Excel host: Office.js range data → Grid, merged-area address lists,
 * and text that Excel will keep as text. No Office.js here, so they are easy to test.
 */
import type { CellValue, Grid, MergedArea } from "../../engine/grid";
import { typedText } from "../text-safety";

/** What one `context.sync()` of the used range gives back. */
export interface UsedRangeData {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  text: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
}

function cellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * Builds a Grid whose values[r][c] is cell (r, c) counted from A1, padding a used range that
 * starts further down or right. "General" formats and non-formula entries become null.
 */
export function gridFromUsedRange(
  name: string,
  data: UsedRangeData | null,
  merges: MergedArea[],
  isProtected?: boolean,
): Grid {
  const grid: Grid = { name, values: [], text: [], formats: [], formulas: [], merges };
  if (isProtected !== undefined) grid.protected = isProtected;
  if (!data) return grid;
  const { rowIndex: top, columnIndex: left } = data;
  const padRow = <T>(row: T[]): T[] => (left > 0 ? (new Array(left).fill(null) as T[]).concat(row) : row);
  for (let r = 0; r < top; r++) {
    grid.values.push([]);
    grid.text!.push([]);
    grid.formats!.push([]);
    grid.formulas!.push([]);
  }
  data.values.forEach((row, r) => {
    grid.values.push(padRow(row.map(cellValue)));
    grid.text!.push(padRow((data.text[r] ?? []).map((t) => (t === "" || t == null ? null : String(t)))));
    grid.formats!.push(
      padRow(
        (data.numberFormat[r] ?? []).map((f) =>
          f === "General" || f === "" || f == null ? null : String(f),
        ),
      ),
    );
    grid.formulas!.push(padRow((data.formulas[r] ?? []).map((f, c) => formulaOf(f, row[c]))));
  });
  return grid;
}

/**
 * Office.js `formulas` holds the constant itself for cells without a formula, so text typed as
 * '=见附件 comes back as "=见附件" in both `values` and `formulas`. A formula is a string starting
 * with "=" that differs from the cell's value.
 */
export function formulaOf(formula: unknown, value: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula : null;
}

/** What to put in `range.values` so that Excel stores `text` exactly, as text (see text-safety). */
export function excelText(text: string): string {
  return typedText(text);
}

/** A value to write back on undo: text kept as text, numbers as numbers, empty as empty. */
export function excelValue(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string") return excelText(v);
  return v;
}

export { normalizeColor } from "../write-rules";
