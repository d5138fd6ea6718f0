/**
 * Node side of the 自评报告 for the command line: check a .docx as a file (its tables and its prose), check
 * a workbook's reports against a separate report, and write a draft. Never throws: a failure becomes the
 * file's `error` (FILE_UNREADABLE) or a message, in Chinese, without a stack.
 */
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import type { FileReport, Profile } from "../engine/types";
import type { CheckedWorkbook } from "../engine/check";
import type { Grid } from "../engine/grid";
import { applyReport, checkDocument } from "../engine/report";
import type { DocxContent } from "../engine/report";
import { errorMessage } from "../engine/error-message";
import { isDocxName, isOldWordName, readDocxFile } from "./read-file";
import { readXlsxFile } from "../xlsx/read-file";
import { draftDocx } from "./draft";
import { writeFailureReason } from "../files/write-reason";

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

function unreadable(name: string, e: unknown): FileReport {
  const msg = errorMessage(e);
  const message = hasChinese(msg)
    ? msg
    : `无法读取该文件，它可能不是有效的 .docx 文档或已损坏（${msg.split("\n")[0]}）。请用 Word 或 WPS 打开后另存为 .docx 再检查。`;
  return { file: name, error: { code: "FILE_UNREADABLE", message }, sheets: [] };
}

function internal(name: string, e: unknown): FileReport {
  return {
    file: name,
    error: {
      code: "FILE_UNREADABLE",
      message: `检查该文件时出现内部错误：${errorMessage(e)}。请把文件反馈给维护者。`,
    },
    sheets: [],
  };
}

/** `ziping check 自评报告.docx`: the 自评表 among its tables, and its prose against the first. */
export async function checkDocxFile(
  abs: string,
  name: string,
  options: { profile: Profile; sheet?: string | null },
): Promise<FileReport> {
  let content: DocxContent;
  try {
    content = await readDocxFile(abs);
  } catch (e) {
    return unreadable(name, e);
  }
  try {
    return checkDocument(name, content, { profile: options.profile, sheet: options.sheet ?? undefined });
  } catch (e) {
    return internal(name, e);
  }
}

/** A report read once for a whole batch: its content, or why it cannot be read. */
export type LoadedReport = { ok: true; name: string; content: DocxContent } | { ok: false; message: string };

export async function loadReport(abs: string, name: string): Promise<LoadedReport> {
  try {
    const content = await readDocxFile(abs);
    if (content.doc.paragraphs.length === 0)
      return { ok: false, message: `--report 的文档“${name}”没有正文段落，无法与自评表核对` };
    return { ok: true, name, content };
  } catch (e) {
    return {
      ok: false,
      message: `--report 的文档“${name}”无法读取：${errorMessage(e).replace(/^无法读取文件：/, "")}`,
    };
  }
}

/** `ziping check 自评表.xlsx --report 自评报告.docx`: the workbook's report with the prose's findings. */
export function withReportFile(checked: CheckedWorkbook, report: LoadedReport, profile: Profile): FileReport {
  const fr = checked.report;
  // The table is still checked; the reviewer is told the report was not.
  if (!report.ok) return { ...fr, notes: [...(fr.notes ?? []), report.message] };
  try {
    return applyReport(checked, report.content.doc, { profile, reportName: report.name });
  } catch (e) {
    return { ...fr, notes: [...(fr.notes ?? []), `核对自评报告时出现内部错误：${errorMessage(e)}`] };
  }
}

/** Bytes of an existing target worth opening to see whether ziping wrote it (drafts are small). */
const MAX_PEEK = 32 * 1024 * 1024;

/** True when `file` is a draft ziping wrote (creator "ziping" in its core properties): only such a file is replaced. */
export async function isZipingDraft(file: string): Promise<boolean> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile() || st.size > MAX_PEEK) return false;
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const core = await zip.file("docProps/core.xml")?.async("string");
    return !!core && /<dc:creator>ziping<\/dc:creator>/.test(core) && !!zip.file("word/document.xml");
  } catch {
    return false;
  }
}

/**
 * `ziping draft`: the draft of `grids` written to `outAbs`; a Chinese message on failure. An existing file
 * is replaced only when it is a draft ziping wrote: never the user's report, never the table itself.
 */
export async function writeDraftFile(
  grids: Grid[],
  outAbs: string,
  options: { profile: Profile; sheet?: string | null; year?: string | null },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const exists = await fs.stat(outAbs).then(
    () => true,
    () => false,
  );
  if (exists && !(await isZipingDraft(outAbs)))
    return { ok: false, message: `${outAbs} 已存在，且不是 ziping 生成的草稿，不会覆盖；请换一个文件名` };
  let r;
  try {
    r = await draftDocx(grids, {
      profile: options.profile,
      sheet: options.sheet ?? undefined,
      year: options.year ?? null,
    });
  } catch (e) {
    return { ok: false, message: `生成报告草稿时出现内部错误：${errorMessage(e)}` };
  }
  if (!r.ok) return r;
  try {
    await fs.writeFile(outAbs, r.bytes);
    return { ok: true };
  } catch (e) {
    const why = writeFailureReason(e, "Word/WPS");
    return { ok: false, message: `无法写入 ${outAbs}：${why}` };
  }
}

/** `ziping draft <自评表.xlsx | 自评报告.docx>`: the table read from either, then the draft written. */
export async function draftFromFile(
  abs: string,
  outAbs: string,
  options: { profile: Profile; sheet?: string | null },
): Promise<{ ok: true } | { ok: false; message: string }> {
  let grids: Grid[];
  try {
    grids =
      isDocxName(abs) || isOldWordName(abs) ? (await readDocxFile(abs)).tables : await readXlsxFile(abs);
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
  // "2021年度…自评表.xlsx": the year for a table whose title has none.
  const year = /(20\d{2})\s*年/.exec(path.basename(abs))?.[1] ?? null;
  return writeDraftFile(grids, outAbs, { ...options, year });
}
