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
      code === "ENOENT" ? "找不到该文件" : code === "EISDIR" ? "这是一个文件夹，不是文件" : code === "EACCES" ? "没有读取权限" : (e as Error).message;
    throw new XlsxReadError(`${UNREADABLE_PREFIX}${why}（${path}）`);
  }
  return readWorkbook(data);
}
