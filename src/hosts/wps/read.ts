/**
 * Reads one ET worksheet into a Grid in bulk. Bridge calls (each property or method access is one):
 *
 *   8                          UsedRange, Count, Row, Column, Value2, Formula, ProtectContents,
 *                              Columns (+~8 when formatted-only cells make the used range huge)
 * + 2 per used column          Columns.Item + MergeCells (merged-area probe, see merges.ts)
 * + 2 per column with numbers  Range(first..last number).NumberFormat (one probe when uniform)
 * + 2 per extra format probe   where formats differ inside a column (NumberFormat is null): the
 *                              column's numbers are asked again as multi-area ranges ("F5,F9:F12",
 *                              ≤ 255 characters, ratios 0–1.5 apart from other numbers), halving a
 *                              group only while ET still answers null. About 2 probes per 60
 *                              numbers of a mixed column when each group shares one format; more
 *                              when formats really alternate inside a group
 * + ~7 per merged area         (merges.ts)
 * + 2 per number whose format  Range(cell).Text, only for formats renderNumber() does not know
 *   is beyond renderNumber()   (dates, sections, literals); "0.00", "0%", "#,##0.00" … are computed
 *
 * The used range may start below or right of A1: the Grid is padded so values[r][c] is cell (r, c).
 */
import type { CellValue, Grid, MergedArea } from "../../engine/grid";
import { toA1 } from "../../engine/grid";
import type { EtRange, EtWorksheet } from "./et";
import { renderNumber } from "./format";
import { scanMerges } from "./merges";
import { comTrue, isGeneralFormat, isOverflowText, toCellValue, toMatrix } from "./values";

/** ET, like Excel, takes references of at most 255 characters. */
const MAX_REFERENCE = 255;

/** "F5:F9" for the span from the first to the last row. */
function spanAddress(c: number, rows: number[]): string {
  const r0 = rows[0];
  const r1 = rows[rows.length - 1];
  return r0 === r1 ? toA1(r0, c) : `${toA1(r0, c)}:${toA1(r1, c)}`;
}

/** "F5,F7:F9" for exactly these rows (consecutive rows joined). */
function rowsAddress(c: number, rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length;) {
    let k = i;
    while (k + 1 < rows.length && rows[k + 1] === rows[k] + 1) k++;
    parts.push(spanAddress(c, [rows[i], rows[k]]));
    i = k + 1;
  }
  return parts.join(",");
}

/**
 * Splits a column's numbers into those that look like ratios (0 … 1.5: usually shown as a
 * percentage) and the rest, which usually share a format among themselves.
 */
function groupByLikelyFormat(rows: number[], value: (r: number) => number): number[][] {
  const ratio = rows.filter((r) => value(r) >= 0 && value(r) <= 1.5);
  const other = rows.filter((r) => !(value(r) >= 0 && value(r) <= 1.5));
  return [ratio, other].filter((g) => g.length > 0);
}

function dims(v: unknown): { rows: number; cols: number } {
  if (!Array.isArray(v)) return { rows: 1, cols: 1 };
  if (v.length === 0) return { rows: 0, cols: 0 };
  if (!Array.isArray(v[0])) return { rows: 1, cols: v.length };
  let cols = 0;
  for (const row of v as unknown[][]) cols = Math.max(cols, row.length);
  return { rows: v.length, cols };
}

function blank<T>(rows: number, cols: number, fill: T): T[][] {
  const m: T[][] = [];
  for (let r = 0; r < rows; r++) m.push(new Array<T>(cols).fill(fill));
  return m;
}

/** More cells than any 自评表 has: a used range this large is checked for formatted-only cells. */
const LARGE_USED_RANGE = 100_000;

/** Range.Find arguments: xlFormulas, xlPart, xlByRows, xlByColumns, xlPrevious. */
const XL_FORMULAS = -4123;
const XL_PART = 2;
const XL_BY_ROWS = 1;
const XL_BY_COLUMNS = 2;
const XL_PREVIOUS = 2;

type Findable = {
  Find(
    what: string,
    after: unknown,
    lookIn: number,
    lookAt: number,
    order: number,
    dir: number,
  ): EtRange | null;
};

/**
 * ET's UsedRange counts formatted-only cells: a template bordered down to row 65536 makes it 65536
 * rows tall, and reading it would carry every empty cell across the bridge. A used range over
 * LARGE_USED_RANGE cells is cut at the last row and the last column that hold a value or formula
 * (Range.Find "*" backwards): 1 call (Count) for a normal table, about 8 for a large one.
 */
function contentRange(ws: EtWorksheet, ur: EtRange): EtRange {
  let count = 0;
  try {
    count = Number(ur.Count);
  } catch {
    count = Infinity; // too many cells to count (a whole sheet formatted)
  }
  if (!(count > LARGE_USED_RANGE)) return ur;
  const find = (order: number) =>
    (ur as unknown as Findable).Find("*", undefined, XL_FORMULAS, XL_PART, order, XL_PREVIOUS);
  const top = Number(ur.Row) - 1;
  const left = Number(ur.Column) - 1;
  const lastRow = find(XL_BY_ROWS);
  const lastCol = lastRow ? find(XL_BY_COLUMNS) : null;
  if (!lastRow || !lastCol) return ws.Range(toA1(top, left)); // formatting only, no content
  const bottom = Math.max(top, Number(lastRow.Row) - 1);
  const right = Math.max(left, Number(lastCol.Column) - 1);
  return ws.Range(`${toA1(top, left)}:${toA1(bottom, right)}`);
}

export function readSheetGrid(ws: EtWorksheet, name: string): Grid {
  const ur = contentRange(ws, ws.UsedRange);
  const top = Number(ur.Row) - 1;
  const left = Number(ur.Column) - 1;
  const rawValues: unknown = ur.Value2;
  const rawFormulas: unknown = ur.Formula;
  const isProtected = comTrue(ws.ProtectContents);
  const { rows, cols } = dims(rawValues);
  const values2 = toMatrix(rawValues, rows, cols);
  const formulas2 = toMatrix(rawFormulas, rows, cols);

  const height = top + rows;
  const width = left + cols;
  const values: CellValue[][] = blank<CellValue>(height, width, null);
  const formulas: (string | null)[][] = blank<string | null>(height, width, null);
  let anyFormula = false;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      values[top + i][left + j] = toCellValue(values2[i]?.[j]);
      const f = formulas2[i]?.[j];
      // A text cell that starts with "=" reads back the same through Formula and Value2; a real
      // formula's Value2 is its result.
      if (typeof f === "string" && f.startsWith("=") && f !== values2[i]?.[j]) {
        formulas[top + i][left + j] = f;
        anyFormula = true;
      }
    }

  const merges: MergedArea[] = [];
  const formats: (string | null)[][] = blank<string | null>(height, width, null);
  const text: (string | null)[][] = blank<string | null>(height, width, null);
  let anyFormat = false;
  let anyText = false;

  if (rows > 0 && cols > 0) {
    const columns = ur.Columns as EtRange;

    // Number formats matter only where a number is shown. Ask for the numeric span of each column
    // first (one probe when the column is uniform); where ET answers null (formats differ), ask
    // again for multi-area ranges ("F5,F9:F12") of the numbers that are likely to share a format,
    // and halve a group only while ET still answers null.
    const probeFormat = (c: number, list: number[]): unknown => {
      try {
        return ws.Range(rowsAddress(c, list)).NumberFormat;
      } catch {
        return null; // a reference ET refused: split further
      }
    };
    const assignFormats = (c: number, list: number[], whole: boolean): void => {
      if (list.length === 0) return;
      const address = whole ? spanAddress(c, list) : rowsAddress(c, list);
      const fmt =
        address.length <= MAX_REFERENCE
          ? whole
            ? ws.Range(address).NumberFormat
            : probeFormat(c, list)
          : null;
      // ET answers null when the cells' formats differ; some builds answer "" instead.
      if (typeof fmt === "string" && fmt !== "") {
        for (const r of list) formats[r][c] = isGeneralFormat(fmt) ? "General" : fmt;
        return;
      }
      if (list.length === 1) return; // unreadable: leave General
      if (whole) {
        const groups = groupByLikelyFormat(list, (r) => values[r][c] as number);
        if (groups.length > 1) {
          for (const g of groups) assignFormats(c, g, false);
          return;
        }
      }
      const half = list.length >> 1;
      assignFormats(c, list.slice(0, half), false);
      assignFormats(c, list.slice(half), false);
    };

    for (let j = 0; j < cols; j++) {
      const c = left + j;
      const numericRows: number[] = [];
      for (let r = top; r < height; r++) if (typeof values[r][c] === "number") numericRows.push(r);
      assignFormats(c, numericRows, true);
      for (const r of numericRows) {
        const f = formats[r][c];
        if (f === null) continue;
        if (f !== "General") anyFormat = true;
        const shown = renderNumber(values[r][c] as number, f);
        if (shown === null) continue;
        const t = shown !== undefined ? shown : ws.Range(toA1(r, c)).Text;
        // "####" is a column too narrow for the number, not its text: the value speaks for itself.
        if (typeof t === "string" && t !== "" && !isOverflowText(t)) {
          text[r][c] = t;
          anyText = true;
        }
      }
    }

    merges.push(...scanMerges(ws, columns, { top, left, rows, cols }));
  }

  const grid: Grid = { name, values, merges, protected: isProtected };
  if (anyText) grid.text = text;
  if (anyFormat) grid.formats = formats.map((row) => row.map((f) => (f === "General" ? null : f)));
  if (anyFormula) grid.formulas = formulas;
  return grid;
}
