/**
 * The demo's second file (issue 20): another workbook read into sheets for 对照申报表 / 对照上年. Only
 * its sheets are needed (no fills, no settings), so the reader is loaded alone, on demand, and the
 * file never becomes the document shown or downloaded.
 */
import type { Grid } from "../engine";

export async function readCompareWorkbook(file: File): Promise<Grid[]> {
  if (!/\.xlsx?$/i.test(file.name))
    throw new Error(`“${file.name}”不是 .xlsx 或 .xls 文件（is not an .xlsx or .xls file）`);
  const bytes = await bytesOf(file);
  const { readWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/read");
  return readWorkbook(bytes, { fileName: file.name });
}

/** Blob.arrayBuffer where there is one; FileReader otherwise (older browsers, jsdom). */
function bytesOf(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error ?? new Error(`读取“${file.name}”失败`));
    r.readAsArrayBuffer(file);
  });
}
