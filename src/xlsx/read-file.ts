/**
 * Node-only: read an .xlsx file from disk into Grids. Kept apart from read.ts so the browser bundle
 * never pulls in fs.
 */
import { promises as fs } from "fs";
import type { Grid } from "../engine/grid";
import { readWorkbook, UNREADABLE_PREFIX, XlsxReadError } from "./read";

export async function readXlsxFile(path: string): Promise<Grid[]> {
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "找不到该文件"
        : code === "EISDIR"
          ? "这是一个文件夹，不是文件"
          : code === "EACCES"
            ? "没有读取权限"
            : (e as Error).message;
    throw new XlsxReadError(`${UNREADABLE_PREFIX}${why}（${path}）`);
  }
  // An old binary workbook says so by its name better than by its bytes (which look like an encrypted one).
  if (/\.(xls|et)$/i.test(path) && data.subarray(0, 4).toString("hex") === "d0cf11e0") {
    const ext = path.slice(path.lastIndexOf(".")).toLowerCase();
    throw new XlsxReadError(
      `${UNREADABLE_PREFIX}这是旧版 ${ext} 格式，ziping 只读 .xlsx。请在 Excel 或 WPS 中打开，另存为 .xlsx 后再检查`,
    );
  }
  return readWorkbook(data);
}
