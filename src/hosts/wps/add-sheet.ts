/**
 * Adding the findings export sheet over ET: Worksheets.Add after the last sheet, a free name (ET,
 * like Excel, refuses a second sheet of the same name ignoring case), then all rows in one Value2
 * write to a range sized to them. Bridge calls: 2 per existing sheet (the names) + 12,
 * whatever the number of rows.
 */
import type { CellValue } from "../../engine/grid";
import { toA1 } from "../../engine/grid";
import { excelText } from "../excel/cells";
import type { EtApplication, EtSheets, EtWorkbook, EtWorksheet } from "./et";
import { errorMessage } from "../../engine/error-message";

/** ET's sheet-name limits are Excel's: at most 31 characters, none of : \ / ? * [ ]. */
const MAX_NAME = 31;

export function cleanSheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, "_")
      .replace(/^'+|'+$/g, "")
      .slice(0, MAX_NAME) || "Sheet"
  );
}

/** `base`, or `base (2)`, `base (3)`, … — the first not taken (ignoring case), kept within 31 characters. */
export function freeSheetName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  let used = base;
  for (let i = 2; lower.has(used.toLowerCase()); i++)
    used = `${base.slice(0, MAX_NAME - ` (${i})`.length)} (${i})`;
  return used;
}

/**
 * The rows as one rectangular Value2 array. ET parses a string written through Value2 as typed text
 * (exactly as Excel does), so text that would become a formula, number or boolean gets the `'`
 * prefix, which ET keeps out of the cell; empty cells are "".
 */
export function sheetValues(rows: CellValue[][]): (string | number | boolean)[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
  return rows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const v = r[c] ?? null;
      return v === null ? "" : typeof v === "string" ? excelText(v) : v;
    }),
  );
}

export interface AddedSheet {
  name: string;
  /** The range written ("A1:F12"), or null when there were no rows. */
  written: string | null;
}

/**
 * Adds the sheet and writes the rows (the first row bold: it is the header). `beforeWrite` is told
 * the sheet and range just before the write, so the host can recognise the SheetChange it causes.
 * The active sheet stays the one the user was on (Worksheets.Add activates the new sheet; Excel's
 * worksheets.add does not, and the pane behaves the same in both).
 */
/** Thrown when the sheet was added but writing to it failed: it may be incomplete. */
export class SheetAddedError extends Error {
  constructor(
    readonly sheet: string,
    readonly cause: unknown,
  ) {
    super(`sheet ${sheet} added, then writing failed: ${errorMessage(cause)}`);
    this.name = "SheetAddedError";
  }
}

export function addSheetWithRows(
  app: EtApplication,
  wb: EtWorkbook,
  name: string,
  rows: CellValue[][],
  beforeWrite: (sheet: string, range: string) => void,
): AddedSheet {
  const base = cleanSheetName(name);
  const sheets = wb.Worksheets as EtSheets;
  const n = Number(sheets.Count);
  const names: string[] = [];
  let last: EtWorksheet | null = null;
  for (let i = 1; i <= n; i++) {
    last = sheets.Item(i) as EtWorksheet;
    names.push(String(last.Name));
  }
  const used = freeSheetName(base, names);
  const previous = app.ActiveSheet as EtWorksheet;

  const ws = (last ? sheets.Add(undefined, last) : sheets.Add()) as EtWorksheet;
  let written: string | null = null;
  try {
    ws.Name = used;
    if (rows.length > 0) {
      const values = sheetValues(rows);
      written = `A1:${toA1(values.length - 1, values[0].length - 1)}`;
      beforeWrite(used, written);
      (ws.Range(written) as { Value2: unknown }).Value2 = values;
      try {
        ws.Range(`A1:${toA1(0, values[0].length - 1)}`).Font.Bold = true;
      } catch {
        // Bold is a nicety: the export is complete without it.
      }
    }
  } catch (err) {
    throw new SheetAddedError(String(ws.Name), err);
  } finally {
    try {
      previous.Activate();
    } catch {
      // Staying on the new sheet is harmless.
    }
  }
  return { name: used, written };
}
