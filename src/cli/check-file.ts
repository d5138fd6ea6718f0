/** Reads and checks one file by its kind (file-kinds.ts); never throws: a failure becomes the file's `error`. */
import { checkWorkbookTables } from "../engine";
import type { FileReport, Profile } from "../engine";
import { readXlsxFile } from "../xlsx/read-file";
import { errorMessage } from "../engine/error-message";
import { kindOf } from "./file-kinds";
import type { FileKindId } from "./file-kinds";
import type { CompareFiles } from "./compare-files";

/** The 自评报告 checker (and the docx library) loads only when a job needs it: ~40 ms of a worker's start. */
const docx = () => import("../docx/check-file");

export interface CheckJob {
  abs: string;
  name: string;
  profile: Profile;
  sheet: string | null;
  /** --report: the 自评报告 whose prose is checked against this workbook's table. */
  report?: { abs: string; name: string } | null;
  /** --targets / --previous: the workbooks to compare this one with (cli/targets.ts). */
  compare?: CompareFiles | null;
}

/** A message without a stack, in Chinese, whatever was thrown. */
export function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  if (msg && /[\u4e00-\u9fff]/.test(msg)) return msg;
  return `无法读取该文件，它可能不是有效的 .xlsx 工作簿或已损坏${msg ? `（${msg.split("\n")[0]}）` : ""}。请用 Excel 或 WPS 打开后另存为 .xlsx 再检查。`;
}

export function unreadable(name: string, e: unknown): FileReport {
  return { file: name, error: { code: "FILE_UNREADABLE", message: describeError(e) }, sheets: [] };
}

/** One checker per kind of file; adding a kind is one entry here and one in file-kinds.ts. */
const CHECKERS: Record<FileKindId, (job: CheckJob) => Promise<FileReport>> = {
  workbook: checkWorkbookFile,
  report: async (job) =>
    (await docx()).checkDocxFile(job.abs, job.name, { profile: job.profile, sheet: job.sheet }),
};

export async function checkFile(job: CheckJob): Promise<FileReport> {
  return CHECKERS[kindOf(job.abs)](job);
}

async function checkWorkbookFile(job: CheckJob): Promise<FileReport> {
  let grids;
  try {
    grids = await readXlsxFile(job.abs);
  } catch (e) {
    return unreadable(job.name, e);
  }
  try {
    const checked = checkWorkbookTables(job.name, grids, {
      profile: job.profile,
      sheet: job.sheet ?? undefined,
    });
    let fr = checked.report;
    if (job.compare) {
      const { withComparisons } = await import("./targets");
      fr = await withComparisons(checked, grids, { ...job, compare: job.compare }, readXlsxFile);
    }
    if (!job.report) return fr;
    const { loadReport, withReportFile } = await docx();
    return withReportFile(
      { ...checked, report: fr },
      await loadReport(job.report.abs, job.report.name),
      job.profile,
    );
  } catch (e) {
    // The engine should not throw; if it does, the batch still goes on and the user sees why.
    const msg = errorMessage(e);
    return {
      file: job.name,
      error: { code: "FILE_UNREADABLE", message: `检查该文件时出现内部错误：${msg}。请把文件反馈给维护者。` },
      sheets: [],
    };
  }
}
