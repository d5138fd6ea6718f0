/**
 * Everything that needs exceljs or SheetJS, in one module that the demo loads with import() only when
 * the user opens a file or downloads: webpack puts it (and the libraries) in separate chunks.
 * An old .xls opens through the same reader and limits as .xlsx; its download is an .xlsx (exceljs
 * writes only that), converted by SheetJS before the changes are written in.
 */
import { Workbook } from "exceljs";
import { readWorkbook } from "../xlsx/read";
import type { WorkbookChanges, OpenedWorkbook } from "./changes";
import { applyChanges, fillsOf } from "./workbook-io";

/** An OLE compound file: an old binary .xls (the reader refuses encrypted or unknown ones). */
function isOldBinary(bytes: ArrayBuffer): boolean {
  const b = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  return b.length === 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

export async function openXlsx(bytes: ArrayBuffer, fileName?: string): Promise<OpenedWorkbook> {
  const grids = await readWorkbook(bytes, { fileName });
  if (isOldBinary(bytes)) return { grids, fills: {} };
  const wb = new Workbook();
  await wb.xlsx.load(bytes);
  return { grids, fills: fillsOf(wb) };
}

/** An .xls converted to .xlsx bytes by SheetJS (values, formulas, formats and merges are kept). */
async function asXlsx(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  if (!isOldBinary(bytes)) return bytes;
  const X = await import("@e965/xlsx");
  const wb = X.read(new Uint8Array(bytes), {
    type: "array",
    cellFormula: true,
    cellNF: true,
    cellStyles: true,
  });
  return X.write(wb, { bookType: "xlsx", type: "array" }) as ArrayBuffer;
}

/** The original bytes with the changes written in: a fresh load each time, so nothing accumulates. */
export async function saveXlsx(bytes: ArrayBuffer, changes: WorkbookChanges): Promise<ArrayBuffer> {
  const wb = new Workbook();
  await wb.xlsx.load(await asXlsx(bytes));
  applyChanges(wb, changes);
  const out = await wb.xlsx.writeBuffer();
  const view = out as unknown as Uint8Array;
  return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
}
