/** Turns the paths a user typed into the list of workbooks to check, in a stable order. */
import * as fs from "fs";
import * as path from "path";
import { errorMessage } from "../engine/error-message";
import { isCheckedName } from "./file-kinds";

export interface InputFile {
  /** Absolute path, for reading and for hyperlinks. */
  abs: string;
  /** What the report calls it: the path as typed (or joined under the folder typed). */
  name: string;
  /** Set for a sub-folder that could not be read: reported as FILE_UNREADABLE, never skipped silently. */
  unreadable?: string;
}

export type ExpandResult = { ok: true; files: InputFile[] } | { ok: false; message: string };

/** Names a folder search picks up (the kinds are listed in file-kinds.ts). */
export function isWorkbookName(name: string): boolean {
  return isCheckedName(name);
}

/** The folder of bundled samples: relative to the package, never to the cwd (`npm run check` from anywhere). */
export function samplesDir(): string {
  // Both src/cli (tests) and lib/cli (built) sit two levels under the package root.
  return path.resolve(__dirname, "..", "..", "assets", "samples");
}

function folderError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === "EACCES" || code === "EPERM" ? "没有读取权限" : errorMessage(e);
  return `无法打开文件夹（${why}），其中的工作簿没有检查。请检查文件夹权限后重试`;
}

/** Lists a folder's workbooks; an unreadable sub-folder becomes an entry of its own, not a silent gap. */
function walk(dir: string, shown: string, out: InputFile[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ abs: dir, name: shown, unreadable: folderError(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    const name = path.join(shown, e.name);
    if (e.isDirectory()) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      walk(abs, name, out);
    } else if ((e.isFile() || e.isSymbolicLink()) && isWorkbookName(e.name)) {
      out.push({ abs, name });
    }
  }
}

/**
 * Missing paths are a usage error (exit 2): a typo should not look like "0 files, all fine".
 * A file given by name is checked whatever its extension, so a junk file gets its own FILE_UNREADABLE.
 */
export function expandPaths(paths: readonly string[], cwd: string): ExpandResult {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      return { ok: false, message: `找不到文件或文件夹：${p}（请检查路径是否正确）` };
    }
    const found: InputFile[] = [];
    if (st.isDirectory()) {
      walk(abs, p, found);
      if (found.length === 1 && found[0].abs === abs && found[0].unreadable)
        return { ok: false, message: `无法读取文件夹“${p}”：${found[0].unreadable}` };
      if (found.length === 0) return { ok: false, message: `文件夹“${p}”里没有 .xlsx 工作簿或 .docx 文档` };
    } else {
      found.push({ abs, name: p });
    }
    for (const f of found) {
      if (seen.has(f.abs)) continue;
      seen.add(f.abs);
      files.push(f);
    }
  }
  return { ok: true, files };
}

/** The bundled samples, named relative to the cwd when they are under it (shorter to read). */
export function defaultFiles(cwd: string): ExpandResult {
  const dir = samplesDir();
  const rel = path.relative(cwd, dir);
  const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : dir;
  const found: InputFile[] = [];
  walk(dir, shown, found);
  if (found.length === 0) return { ok: false, message: `没有找到附带的示例（${dir}），请给出要检查的文件` };
  return { ok: true, files: found };
}
