/** `--format csv`: one line per finding; a file that could not be checked gets one line with its error. */
import type { Report } from "../engine/types";
import { hasReportPlaces, hasStackedTables, paragraphPlace, sortFindings, tableIndex } from "./format-table";

/** Excel needs the BOM to read UTF-8 (else Chinese comes out garbled). */
export const BOM = "\uFEFF";
export const CSV_HEADER = ["file", "sheet", "cell", "code", "severity", "message"];
/** Added as a last column ("2/3") only when some sheet holds several stacked tables, so ordinary CSV keeps its shape. */
export const CSV_TABLE_COLUMN = "table";
/** Added last ("第 11 段“年初预算数…”") only when some finding stands in a 自评报告. */
export const CSV_PARAGRAPH_COLUMN = "paragraph";

/**
 * RFC 4180 quoting. A field that a spreadsheet would read as a formula (leading = + - @, or a TAB or CR
 * that some spreadsheets skip before one) gets a leading apostrophe, as the project never hands Excel
 * text it would evaluate. Every field goes through here: file and sheet names as much as messages.
 */
export function csvField(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function formatCsv(report: Report): string {
  const stacked = hasStackedTables(report);
  const places = hasReportPlaces(report);
  const rows: string[][] = [
    [...CSV_HEADER, ...(stacked ? [CSV_TABLE_COLUMN] : []), ...(places ? [CSV_PARAGRAPH_COLUMN] : [])],
  ];
  for (const f of report.files) {
    if (f.error) {
      rows.push([
        f.file,
        "",
        "",
        f.error.code,
        "error",
        f.error.message,
        ...(stacked ? [""] : []),
        ...(places ? [""] : []),
      ]);
      continue;
    }
    for (const s of f.sheets)
      for (const x of sortFindings(s.findings))
        rows.push([
          f.file,
          s.sheet,
          x.cell,
          x.code,
          x.severity,
          x.message,
          ...(stacked ? [tableIndex(s)] : []),
          ...(places ? [paragraphPlace(x)] : []),
        ]);
  }
  return BOM + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
