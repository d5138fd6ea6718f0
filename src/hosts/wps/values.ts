/**
 * Normalising what Range.Value2 / Range.Formula return: a scalar for one cell, a 2-D array for
 * several; empty cells as undefined (or null, or ""); cell errors possibly as COM error codes.
 */
import type { CellValue } from "../../engine/grid";

/** COM CVErr codes (0x800A07xx) a bridge may hand back for error cells, with the text ET shows. */
const COM_ERRORS: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

export function toCellValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return null;
    return COM_ERRORS[v] ?? v;
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** A Value2/Formula result as rows × cols; a scalar becomes [[v]]. */
export function toMatrix(v: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(v)) {
    const m: unknown[][] = [];
    for (let r = 0; r < rows; r++) m.push(new Array<unknown>(cols).fill(undefined));
    if (rows > 0 && cols > 0) m[0][0] = v;
    return m;
  }
  // Some bridges return a flat array for a single row or column.
  if (v.length > 0 && !Array.isArray(v[0])) {
    if (rows === 1) return [v.slice(0, cols)];
    return v.slice(0, rows).map((x) => [x]);
  }
  return v as unknown[][];
}

/** A boolean property as the bridge may hand it over: true, or COM's VARIANT_TRUE (-1). */
export function comTrue(v: unknown): boolean {
  return v === true || v === -1;
}

/** False, or COM's VARIANT_FALSE (0). Mixed answers (null) are neither. */
export function comFalse(v: unknown): boolean {
  return v === false || v === 0;
}

/** General as English and Chinese WPS spell it; "" is not General (ET's answer for mixed formats). */
export function isGeneralFormat(f: unknown): boolean {
  return f === "General" || f === "G/通用格式";
}

/** "####": what Range.Text shows for a number in a column too narrow for it. */
export function isOverflowText(t: unknown): boolean {
  return typeof t === "string" && /^#+$/.test(t);
}
