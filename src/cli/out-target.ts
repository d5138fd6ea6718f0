/**
 * `--out` never overwrites a user's file: an existing file is replaced only when it is a findings
 * workbook ziping wrote (creator "ziping", sheets 汇总 and 问题清单), and such a workbook found among
 * the inputs (a previous run's, in the checked folder) is not checked. Anything else — one of the
 * inputs, or another existing file, reached directly or by a link — is refused with exit 2 before
 * anything is read or written. So a submitted file named `--out=a.xlsx`, brought in by `*.xlsx`, can
 * never turn a check into an overwrite of a.xlsx.
 */
import * as fs from "fs";
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import type { InputFile } from "./files";

export type OutTargetResult = { ok: true; files: InputFile[] } | { ok: false; message: string };

/** Bytes of a findings workbook worth opening to look at (ours are a few hundred KB at most). */
const MAX_PEEK = 64 * 1024 * 1024;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", removeNSPrefix: true });

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** True when `file` is a workbook that ziping's --out wrote. */
export async function isFindingsWorkbook(file: string): Promise<boolean> {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_PEEK) return false;
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const core = await zip.file("docProps/core.xml")?.async("string");
    const book = await zip.file("xl/workbook.xml")?.async("string");
    if (!core || !book) return false;
    const creator = (parser.parse(core) as { coreProperties?: { creator?: unknown } }).coreProperties
      ?.creator;
    if (creator !== "ziping") return false;
    const sheets = (
      parser.parse(book) as { workbook?: { sheets?: { sheet?: { name: string } | { name: string }[] } } }
    ).workbook?.sheets?.sheet;
    const names = asArray(sheets).map((s) => s.name);
    return names.includes("汇总") && names.includes("问题清单");
  } catch {
    return false;
  }
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

export async function checkOutTarget(
  outAbs: string,
  shown: string,
  files: readonly InputFile[],
): Promise<OutTargetResult> {
  let st: fs.Stats;
  try {
    st = fs.statSync(outAbs);
  } catch {
    return { ok: true, files: [...files] }; // a new file
  }
  // A folder of that name: writing fails later with its own message, after the report is printed.
  if (st.isDirectory()) return { ok: true, files: [...files] };
  const real = realpath(outAbs);
  const isInput = files.some((f) => f.abs === outAbs || realpath(f.abs) === real);
  if (!(await isFindingsWorkbook(outAbs))) {
    return {
      ok: false,
      message: isInput
        ? `--out 的目标“${shown}”是要检查的文件之一，不能覆盖它。请给问题清单另起一个文件名（什么也没有写入）`
        : `--out 的目标“${shown}”已存在，且不是 ziping 写的问题清单；为免覆盖别的文件已停止。请换一个文件名，或先删除它（什么也没有写入）`,
    };
  }
  // A previous run's findings workbook is replaced, and is not one of the tables to check.
  return { ok: true, files: files.filter((f) => f.abs !== outAbs && realpath(f.abs) !== real) };
}
