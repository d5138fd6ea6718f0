/**
 * Everything that needs exceljs, in one module that the demo loads with import() only when the user
 * opens a file or downloads: webpack puts it (and exceljs) in the separate "xlsx" chunk.
 */
import { Workbook } from "exceljs";
import { readWorkbook } from "../xlsx/read";
import type { WorkbookChanges, OpenedWorkbook } from "./changes";
import { applyChanges, fillsOf } from "./workbook-io";

export async function openXlsx(bytes: ArrayBuffer): Promise<OpenedWorkbook> {
  const grids = await readWorkbook(bytes);
  const wb = new Workbook();
  await wb.xlsx.load(bytes);
  return { grids, fills: fillsOf(wb) };
}

/** The original bytes with the changes written in: a fresh load each time, so nothing accumulates. */
export async function saveXlsx(bytes: ArrayBuffer, changes: WorkbookChanges): Promise<ArrayBuffer> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes);
  applyChanges(wb, changes);
  const out = await wb.xlsx.writeBuffer();
  const view = out as unknown as Uint8Array;
  return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
}
