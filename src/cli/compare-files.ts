/**
 * The files behind `--targets` / `--previous` (a workbook, or a folder of them), listed on the main thread
 * before any check. Only files.ts here: the engine loads in the workers (cli/targets.ts), not on this thread.
 */
import { expandPaths } from "./files";

/** The files behind one option, absolute; [] when the option was not given. */
export interface CompareFiles {
  targets: string[];
  previous: string[];
}

export type CompareListing = { ok: true; files: CompareFiles } | { ok: false; message: string };

/** Expands the option values (a file, or a folder of workbooks) on the main thread, before any check. */
export function listCompareFiles(
  opts: { targets?: string | null; previous?: string | null },
  cwd: string,
): CompareListing {
  const out: CompareFiles = { targets: [], previous: [] };
  for (const key of ["targets", "previous"] as const) {
    const value = opts[key];
    if (!value) continue;
    const found = expandPaths([value], cwd);
    if (!found.ok) return { ok: false, message: `--${key}：${found.message}` };
    const books = found.files.filter((f) => !f.unreadable && !/\.(docx?|docm|wps)$/i.test(f.abs));
    if (books.length === 0) return { ok: false, message: `--${key}：“${value}”中没有 .xlsx 工作簿` };
    out[key] = books.map((f) => f.abs);
  }
  return { ok: true, files: out };
}
