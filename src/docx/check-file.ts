/**
 * Node side of the 自评报告 for the command line: check a .docx as a file (its tables and its prose), check
 * a workbook's reports against a separate report, and write a draft. Never throws: a failure becomes the
 * file's `error` (FILE_UNREADABLE) or a message, in Chinese, without a stack.
 */
import { promises as fs } from "fs";
import type { FileReport, Profile } from "../engine/types";
import type { Grid } from "../engine/grid";
import { applyReport, checkDocument } from "../engine/report";
import type { DocxContent } from "../engine/report";
import { errorMessage } from "../engine/error-message";
import { readDocxFile } from "./read-file";
import { draftDocx } from "./draft";

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
export function withReportFile(
  fr: FileReport,
  grids: Grid[],
  report: LoadedReport,
  profile: Profile,
): FileReport {
  if (!report.ok) return fr;
  try {
    return applyReport(fr, grids, report.content.doc, { profile, reportName: report.name });
  } catch (e) {
    return { ...fr, notes: [...(fr.notes ?? []), `核对自评报告时出现内部错误：${errorMessage(e)}`] };
  }
}

/** `ziping draft`: the draft of `grids` written to `outAbs`; a Chinese message on failure. */
export async function writeDraftFile(
  grids: Grid[],
  outAbs: string,
  options: { profile: Profile; sheet?: string | null },
): Promise<{ ok: true } | { ok: false; message: string }> {
  let r;
  try {
    r = await draftDocx(grids, { profile: options.profile, sheet: options.sheet ?? undefined });
  } catch (e) {
    return { ok: false, message: `生成报告草稿时出现内部错误：${errorMessage(e)}` };
  }
  if (!r.ok) return r;
  try {
    await fs.writeFile(outAbs, r.bytes);
    return { ok: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "EISDIR"
        ? "同名的文件夹已存在"
        : code === "EACCES" || code === "EPERM" || code === "EBUSY"
          ? "没有写入权限，或文件正在 Word/WPS 中打开，请关闭后重试"
          : code === "ENOENT"
            ? "目标文件夹不存在"
            : errorMessage(e);
    return { ok: false, message: `无法写入 ${outAbs}：${why}` };
  }
}
