/**
 * `--out findings.xlsx`: a workbook for reviewers. "汇总" has one row per checked sheet (or per file that
 * could not be checked); "问题清单" one row per finding, its cell a link that opens the source workbook there.
 * When a sheet holds several stacked tables, both sheets get a last column "表格" ("第 2/3 张表，A27:I47").
 */
import * as ExcelJS from "exceljs";
import type { FileReport, Report, SheetReport } from "../engine/types";
import {
  countFindings,
  hasReportPlaces,
  hasStackedTables,
  paragraphPlace,
  KIND_ZH,
  SEVERITY_ZH,
  sortFindings,
  tablePlace,
} from "./format-table";
import { COMPARISON_HEADERS, comparisonCells, hasComparisons } from "./targets-columns";

/** Where each report file lives on disk, for the links (the report only has the name shown to the user). */
export type PathOf = (file: FileReport) => string | null;

/** Excel caps HYPERLINK's link_location at 255 characters; longer links are left as plain text. */
const MAX_LINK = 255;

const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const formulaString = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * A link into another workbook, in the form Excel's HYPERLINK documents: "[C:\path\book.xlsx]'Sheet'!D12".
 * A HYPERLINK formula rather than a stored hyperlink: a stored external hyperlink cannot carry a cell
 * location in exceljs (it writes the location only for links inside the same workbook).
 */
export function cellLink(
  absPath: string,
  sheet: string | null,
  cell: string | null,
  label: string,
): ExcelJS.CellValue {
  const target = sheet && cell ? `[${absPath}]${quoteSheet(sheet)}!${cell}` : absPath;
  if (target.length > MAX_LINK) return label;
  return {
    formula: `HYPERLINK(${formulaString(target)},${formulaString(label)})`,
    result: label,
  } as ExcelJS.CellFormulaValue;
}

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const SEVERITY_FILL: Record<string, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFE7E6E6" };

function setupSheet(ws: ExcelJS.Worksheet, columns: { header: string; width: number }[]): void {
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: "thin" } };
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function summaryRow(f: FileReport, s: SheetReport | null): (string | number | null)[] {
  if (!s)
    return [
      f.file,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      f.error ? `${f.error.code}：${f.error.message}` : null,
    ];
  const n = countFindings(s.findings);
  const rate = s.funds?.rate.computed ?? null;
  return [
    f.file,
    s.sheet,
    s.unit,
    KIND_ZH[s.kind] ?? s.kind,
    s.total.declared,
    s.total.computed,
    s.grade.declared,
    s.grade.computed,
    rate,
    n.error,
    n.warning,
    null,
  ];
}

export function buildFindingsWorkbook(report: Report, pathOf: PathOf): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ziping";
  wb.created = new Date();

  const sum = wb.addWorksheet("汇总");
  setupSheet(sum, [
    { header: "文件", width: 36 },
    { header: "工作表", width: 16 },
    { header: "单位", width: 24 },
    { header: "类型", width: 12 },
    { header: "总分（填报）", width: 12 },
    { header: "总分（重算）", width: 12 },
    { header: "等级（填报）", width: 12 },
    { header: "等级（重算）", width: 12 },
    { header: "执行率", width: 10 },
    { header: "错误数", width: 8 },
    { header: "警告数", width: 8 },
    { header: "文件错误", width: 48 },
  ]);
  const list = wb.addWorksheet("问题清单");
  setupSheet(list, [
    { header: "文件", width: 36 },
    { header: "工作表", width: 16 },
    { header: "单元格", width: 9 },
    { header: "指标", width: 28 },
    { header: "代码", width: 28 },
    { header: "级别", width: 7 },
    { header: "说明", width: 80 },
  ]);

  // A last column naming the table, only when some sheet holds several: ordinary workbooks keep their columns.
  const stacked = hasStackedTables(report);
  const TABLE_HEADER = "表格";
  if (stacked) {
    for (const [ws, width] of [
      [sum, 26],
      [list, 26],
    ] as const) {
      const col = ws.columnCount + 1;
      ws.getColumn(col).width = width;
      const h = ws.getRow(1).getCell(col);
      h.value = TABLE_HEADER;
      h.font = { bold: true };
      h.fill = HEADER_FILL;
      h.border = { bottom: { style: "thin" } };
    }
  }
  const place = (s: SheetReport | null) => (s ? tablePlace(s).replace(/^（|）$/g, "") : "");
  // Where a finding stands in the 自评报告: a last column of 问题清单, only when some finding has one.
  const places = hasReportPlaces(report);
  if (places) {
    const col = list.columnCount + 1;
    list.getColumn(col).width = 36;
    const h = list.getRow(1).getCell(col);
    h.value = "报告位置";
    h.font = { bold: true };
    h.fill = HEADER_FILL;
    h.border = { bottom: { style: "thin" } };
  }
  // --targets / --previous: the other table's value and this table's, only when some finding has them.
  const compared = hasComparisons(report);
  if (compared)
    for (const header of COMPARISON_HEADERS) {
      const col = list.columnCount + 1;
      list.getColumn(col).width = 22;
      const h = list.getRow(1).getCell(col);
      h.value = header;
      h.font = { bold: true };
      h.fill = HEADER_FILL;
      h.border = { bottom: { style: "thin" } };
    }
  // A Word document has no cell a link can open: its findings link to the file.
  const isWord = (file: string) => /\.docx?$/i.test(file);

  for (const f of report.files) {
    const abs = pathOf(f);
    const fileCell = (r: ExcelJS.Row) => {
      if (!abs) return;
      const c = r.getCell(1);
      c.value = cellLink(abs, null, null, f.file);
      if (typeof c.value !== "string") c.font = LINK_FONT;
    };
    const sheets: (SheetReport | null)[] = f.error || f.sheets.length === 0 ? [null] : f.sheets;
    for (const s of sheets) {
      const row = sum.addRow(stacked ? [...summaryRow(f, s), place(s) || null] : summaryRow(f, s));
      fileCell(row);
      row.getCell(9).numFmt = "0.00%";
      if (f.error || (s && countFindings(s.findings).error))
        row.getCell(f.error ? 12 : 10).font = { color: { argb: "FFC00000" }, bold: true };
    }
    if (f.error) {
      const row = list.addRow([f.file, null, null, null, f.error.code, SEVERITY_ZH.error, f.error.message]);
      fileCell(row);
      row.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL.error } };
      continue;
    }
    for (const s of f.sheets) {
      const names = new Map(s.indicators.map((i) => [i.row, i.name]));
      for (const x of sortFindings(s.findings)) {
        const cells = [
          f.file,
          s.sheet,
          x.cell,
          x.row !== undefined ? (names.get(x.row) ?? null) : null,
          x.code,
          SEVERITY_ZH[x.severity],
          x.message,
        ];
        const row = list.addRow([
          ...cells,
          ...(stacked ? [place(s) || null] : []),
          ...(places ? [paragraphPlace(x) || null] : []),
          ...(compared ? (comparisonCells(x) ?? [null, null]) : []),
        ]);
        if (abs) {
          const c = row.getCell(3);
          const word = isWord(abs) || !x.cell;
          c.value = cellLink(abs, word ? null : s.sheet, word ? null : x.cell, x.cell || "报告");
          if (typeof c.value !== "string") c.font = LINK_FONT;
        }
        row.getCell(6).fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: SEVERITY_FILL[x.severity] },
        };
        row.getCell(7).alignment = { wrapText: true, vertical: "top" };
      }
    }
  }
  list.autoFilter = {
    from: { row: 1, column: 1 },
    to: {
      row: Math.max(1, list.rowCount),
      column: 7 + (stacked ? 1 : 0) + (places ? 1 : 0) + (compared ? COMPARISON_HEADERS.length : 0),
    },
  };
  sum.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, sum.rowCount), column: stacked ? 13 : 12 },
  };
  return wb;
}

/** Excel refuses a cell of more than 32,767 characters; longer text is cut, and says so. */
export const MAX_CELL_TEXT = 32_767;
export const CUT_MARK = "…（已截断）";

function cutLongText(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === "string" && v.length > MAX_CELL_TEXT)
          cell.value = v.slice(0, MAX_CELL_TEXT - CUT_MARK.length) + CUT_MARK;
      }),
    ),
  );
}

export async function writeFindingsWorkbook(report: Report, pathOf: PathOf, outPath: string): Promise<void> {
  const wb = buildFindingsWorkbook(report, pathOf);
  cutLongText(wb);
  await wb.xlsx.writeFile(outPath);
}
