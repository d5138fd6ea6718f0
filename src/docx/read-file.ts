/** Node-only: read a .docx from disk (kept apart from read.ts so the browser bundle never pulls in fs). */
import { promises as fs } from "fs";
import type { DocxContent } from "../engine/report";
import { DocxReadError, readDocx } from "./read";

/** Larger than any report with its table; a bigger file is refused before it is read into memory. */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

export async function readDocxFile(path: string): Promise<DocxContent> {
  let data: Buffer;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new DocxReadError(`这是一个文件夹，不是文件（${path}）`);
    if (st.size > MAX_FILE_BYTES)
      throw new DocxReadError(
        `文件过大（${Math.round(st.size / 1048576)} MB），超过 100 MB 的上限（${path}）`,
      );
    data = await fs.readFile(path);
  } catch (e) {
    if (e instanceof DocxReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "找不到该文件" : code === "EACCES" ? "没有读取权限" : (e as Error).message;
    throw new DocxReadError(`${why}（${path}）`);
  }
  return readDocx(data);
}

/** .docx by name (Word's lock files "~$报告.docx" are not documents). */
export function isDocxName(name: string): boolean {
  const base = name.replace(/^.*[\\/]/, "");
  return /\.(docx|docm)$/i.test(base) && !base.startsWith("~$") && !base.startsWith(".");
}

/** Old Word formats a reviewer's folder may hold: listed as unreadable ("另存为 .docx"), never dropped. */
export function isOldWordName(name: string): boolean {
  const base = name.replace(/^.*[\\/]/, "");
  return /\.(doc|wps)$/i.test(base) && !base.startsWith("~$") && !base.startsWith(".");
}
