/**
 * The 自评报告 against its 自评表: a workbook (or the tables of the report itself) is checked as ever, then
 * the report's prose is compared with the first table found, and its findings join that table's findings.
 */
import type { Grid } from "../grid";
import type { FileReport, Finding, Profile, SheetReport, Table } from "../types";
import { checkWorkbookTables, type CheckedWorkbook } from "../check";
import { defaultProfile } from "../profiles";
import { sortFindings, finding } from "../finding";
import { pct } from "../decimal";
import type { ReportDocument } from "./document";
import { placeOf } from "./document";
import { reportFigures } from "./figures";
import { compareFigures, tableFigures } from "./compare";
import { compareSums } from "./sums";
import { checkClaims, lowExecutionReason } from "./claims";
import { checkOutline, foundSections } from "./outline";
import { sayReport } from "./words";

/** Whether prose is there to check: some section heading or some figure. A document of tables alone is not. */
export function isReportProse(doc: ReportDocument, sr: SheetReport): boolean {
  return foundSections(doc, sr.kind).length > 0 || reportFigures(doc).length > 0;
}

/** Every REPORT_ finding of `doc` against one checked table, and the FUNDS_LOW_EXECUTION it explains. */
export function reportFindings(
  doc: ReportDocument,
  sr: SheetReport,
  table: Table,
  grid: Grid,
  profile: Profile = defaultProfile(),
): Finding[] {
  const figs = reportFigures(doc);
  const t = tableFigures(sr, table, grid);
  const out = [
    ...compareFigures(figs, t),
    ...compareSums(doc, figs, t),
    ...checkClaims(doc, sr, table),
    ...checkOutline(doc, sr.kind, profile),
  ];
  const reason = lowExecutionReason(doc, figs);
  const low = sr.findings.find((f) => f.code === "FUNDS_LOW_EXECUTION");
  if (reason && low && t.rate?.exact) {
    const f = finding(
      "FUNDS_LOW_EXECUTION",
      low.severity,
      low.cell,
      sayReport.lowExecutionExplained(placeOf(reason), pct(t.rate.exact), pct(profile.execReasonBelow, 0)),
      low.row,
    );
    f.paragraph = placeOf(reason);
    out.push(f);
  }
  // An overspend (执行率 > 100 %) asks for its explanation as a shortfall does: a reason given settles it.
  const over = sr.findings.find((f) => f.code === "FUNDS_OVERSPENT");
  if (reason && over && t.rate?.exact) {
    const f = finding(
      "FUNDS_OVERSPENT",
      over.severity,
      over.cell,
      sayReport.overspendExplained(placeOf(reason), pct(t.rate.exact)),
      over.row,
    );
    f.paragraph = placeOf(reason);
    out.push(f);
  }
  return out;
}

/** One sheet report with the report's findings merged in (an explained funds finding replaces the old). */
export function withReport(sr: SheetReport, found: Finding[]): SheetReport {
  const explained = new Set(
    found.filter((f) => f.code === "FUNDS_LOW_EXECUTION" || f.code === "FUNDS_OVERSPENT").map((f) => f.code),
  );
  const kept = sr.findings.filter((f) => !explained.has(f.code));
  return { ...sr, findings: sortFindings([...kept, ...found]) };
}

/**
 * Applies a report to a checked file: its prose against the first table, whose layout the check kept
 * beside its report. `reportName` is the .docx the prose came from (recorded as FileReport.report). A
 * file with an error is returned as it is.
 */
export function applyReport(
  checked: CheckedWorkbook,
  doc: ReportDocument,
  options: { profile?: Profile; reportName?: string } = {},
): FileReport {
  const fr = checked.report;
  if (fr.error || fr.sheets.length === 0) return fr;
  const profile = options.profile ?? defaultProfile();
  const first = fr.sheets[0];
  const found = checked.tables[0];
  if (!found)
    return {
      ...fr,
      notes: [...(fr.notes ?? []), "报告正文未核对：找不到与之核对的自评表（表格未能重新读取）"],
    };
  const out: FileReport = { ...fr, sheets: fr.sheets.slice() };
  if (options.reportName) out.report = options.reportName;
  out.sheets[0] = withReport(first, reportFindings(doc, first, found.table, found.grid, profile));
  if (fr.sheets.length > 1) {
    const note = `报告正文只与第一张自评表（${first.sheet}${first.title ? `“${first.title}”` : ""}）核对`;
    out.notes = [...(out.notes ?? []), note];
  }
  return out;
}

export interface DocxContent {
  /** Body paragraphs outside tables. */
  doc: ReportDocument;
  /** Every Word table as a Grid ("表格1", "表格2", …), in document order. */
  tables: Grid[];
  /** The paragraph just above each table when it reads as a title ("2021 年度部门整体支出绩效自评表"). */
  captions: (string | null)[];
  /** Titles of tables pasted as pictures (a picture right under "…绩效自评表"): they cannot be read. */
  pictureCaptions?: string[];
}

/** What the prose says of itself with no table to hold it against: its sums, in notes (there is no sheet). */
function proseOnlyNotes(doc: ReportDocument): string[] {
  const figs = reportFigures(doc);
  const found = compareSums(doc, figs, null);
  return [
    ...found.map((f) => `${f.message}（${f.code}）`),
    "报告正文中与自评表核对的数字、等级和表述均未检查（没有可读取的自评表）",
  ];
}

/**
 * A .docx (report, table or both): its tables checked as sheets, then its prose against the first 自评表.
 * No 自评表 among the tables gets NOT_A_SELF_EVALUATION_TABLE saying so; several are all checked, and said.
 */
export function checkDocument(
  file: string,
  content: DocxContent,
  options: { profile?: Profile; sheet?: string } = {},
): FileReport {
  const profile = options.profile ?? defaultProfile();
  const { tables, doc } = content;
  const pictures = content.pictureCaptions ?? [];
  const picture = pictures.length
    ? `表格是图片，无法读取：“${pictures[0]}”下方的自评表是图片，不是 Word 表格。请在报告中附上可编辑的表格，或用 ziping check 自评表.xlsx --report 本报告.docx 核对`
    : null;
  if (tables.length === 0) {
    const message =
      picture ??
      (doc.paragraphs.length > 0
        ? "文档中没有表格，找不到自评表。如自评表是单独的 Excel 文件，请运行 ziping check 自评表.xlsx --report 本报告.docx"
        : "文档是空的：没有段落，也没有表格");
    const fr: FileReport = { file, error: { code: "NOT_A_SELF_EVALUATION_TABLE", message }, sheets: [] };
    if (picture && doc.paragraphs.length > 0) fr.notes = proseOnlyNotes(doc);
    return fr;
  }
  const checked = checkWorkbookTables(file, tables, { profile, sheet: options.sheet });
  const fr = checked.report;
  if (fr.error) {
    if (fr.error.code === "NOT_A_SELF_EVALUATION_TABLE" && options.sheet === undefined) {
      fr.error.message = `文档中的表格（共 ${tables.length} 张）都不是绩效自评表${fr.error.message.replace(/^未找到绩效自评表/, "")}。如自评表是单独的 Excel 文件，请运行 ziping check 自评表.xlsx --report 本报告.docx`;
      if (picture) {
        fr.error.message = `${picture}（文档中另有 ${tables.length} 张表格，都不是绩效自评表）`;
        if (doc.paragraphs.length > 0) fr.notes = proseOnlyNotes(doc);
      }
    }
    return fr;
  }
  // A table placed under its title paragraph has no title cell: the paragraph is its title.
  fr.sheets = fr.sheets.map((s) => {
    const caption = content.captions[tables.findIndex((g) => g.name === s.sheet)];
    return !s.title && caption ? { ...s, title: caption } : s;
  });
  if (fr.sheets.length > 1) {
    const names = fr.sheets.map((s) => s.sheet + (s.table ? `（第 ${s.table.index} 张）` : "")).join("、");
    fr.notes = [`文档中有 ${fr.sheets.length} 张表格像绩效自评表（${names}），已分别检查`];
  }
  const first = fr.sheets[0];
  if (isReportProse(doc, first)) return applyReport({ report: fr, tables: checked.tables }, doc, { profile });
  // Only a title or two beside the table is no report; more text that yields nothing is said to be skipped.
  if (doc.paragraphs.length > 3)
    fr.notes = [
      ...(fr.notes ?? []),
      "报告正文未核对：正文中没有找到报告的章节标题或可核对的数字（如预算数、执行率、自评得分）",
    ];
  return fr;
}
