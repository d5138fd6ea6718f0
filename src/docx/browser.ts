/**
 * The demo's .docx side, loaded with import() only when a .docx is opened or a draft is downloaded (the
 * `docx` package is large): a report's Word tables as sheets to check, and the draft of a checked sheet.
 */
import type { Grid } from "../engine/grid";
import type { FileReport, Profile, SheetReport } from "../engine/types";
import { checkDocument } from "../engine/report";
import type { DocxContent } from "../engine/report";
import { readDocx } from "./read";
import { draftDocx } from "./draft";

/**
 * The Word tables of a .docx as the demo's sheets ("表格1", …; no fills), and the file checked exactly as
 * `ziping check 报告.docx` checks it: its 自评表 and its prose (the REPORT_ findings).
 */
export async function openDocx(
  bytes: ArrayBuffer,
  fileName = "自评报告.docx",
  profile?: Profile,
): Promise<{
  grids: Grid[];
  fills: Record<string, never>;
  report: FileReport;
  annotate: (input: AnnotateTable) => { report: SheetReport | null; notes: string[] };
}> {
  const c = await readDocx(bytes);
  const report = checkDocument(fileName, c, { profile });
  if (c.tables.length === 0) {
    // Nothing to show as a sheet: the reason (a picture of a table, no table) and what the prose says.
    const notes = (report.notes ?? []).map((n) => `注：${n}`).join("\n");
    throw new Error(
      `${report.error?.message ?? "文档中没有表格，找不到自评表"}。请打开含自评表（附件）的自评报告，或直接打开自评表 .xlsx。${notes ? `\n${notes}` : ""}`,
    );
  }
  return { grids: c.tables, fills: {}, report, annotate: reportAnnotator(fileName, c, report, profile) };
}

/** A table the pane checked, as it asks what the document adds (the shape of the hosts' AnnotateInput). */
export interface AnnotateTable {
  sheet: string;
  /** 0-based index among the sheet's tables. */
  table: number;
  report: SheetReport | null;
  profile: Profile | undefined;
}

/**
 * The pane's check of one table of the document, made the command line's: the document checked as
 * `ziping check 报告.docx` checks it (with the pane's profile), and that table's report taken from it —
 * the REPORT_ findings on the first 自评表, a FUNDS_LOW_EXECUTION the prose explains, a caption as title —
 * with the file's notes. The document does not change while it is open: one check per profile.
 */
export function reportAnnotator(
  fileName: string,
  content: DocxContent,
  first?: FileReport,
  firstProfile?: Profile,
): (input: AnnotateTable) => { report: SheetReport | null; notes: string[] } {
  let kept: { profile: Profile | undefined; report: FileReport } | null = first
    ? { profile: firstProfile, report: first }
    : null;
  return ({ sheet, table, report, profile }) => {
    if (!kept || kept.profile !== profile)
      kept = { profile, report: checkDocument(fileName, content, { profile }) };
    const fr = kept.report;
    const same = fr.sheets.find((s) => s.sheet === sheet && (s.table ? s.table.index - 1 : 0) === table);
    return { report: report && same ? same : report, notes: fr.notes ?? [] };
  };
}

/** "自评表.xlsx" → "自评表-自评报告（草稿）.docx". */
export function draftFileName(fileName: string): string {
  return `${fileName.replace(/\.(xlsx|docx)$/i, "")}-自评报告（草稿）.docx`;
}

/** The draft of one sheet as it stands now (with the user's explanations), as .docx bytes. */
export async function draftOfSheet(grid: Grid, profile?: Profile): Promise<Uint8Array> {
  const r = await draftDocx([grid], { profile });
  if (!r.ok) throw new Error(r.message);
  return r.bytes;
}
