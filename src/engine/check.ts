/**
 * Grid → Report: find the table, score every part, collect the findings (report-format.md).
 */
import type { Grid } from "./grid";
import type { FileReport, Profile, Report, SheetReport, Table } from "./types";
import { detectLayout } from "./layout";
import { defaultProfile } from "./profiles";
import { sortFindings } from "./finding";
import { checkTable } from "./rules/run";
import { detectTables } from "./layout/every-table";
import { weakenGuessed } from "./layout/assumed";

export const ENGINE_VERSION = "1.0.0";

export type SheetCheck = { ok: true; report: SheetReport; table: Table } | { ok: false; reason: string };

export function checkGrid(grid: Grid, profile: Profile = defaultProfile()): SheetCheck {
  let layout;
  try {
    layout = detectLayout(grid);
  } catch (e) {
    // The layout must never throw; if it does, the sheet is reported, not the stack.
    return { ok: false, reason: `无法识别工作表“${grid.name}”的表格结构（${(e as Error).message}）` };
  }
  if (!layout.ok) return { ok: false, reason: layout.reason };
  return { ok: true, table: layout.table, report: scoreTable(layout.table, profile) };
}

/** One table of a sheet: its report, its layout, and the A1 range it spans ("A1:I27"). */
export interface TableCheck {
  report: SheetReport;
  table: Table;
  range: string;
}

export type SheetTablesCheck = { ok: true; tables: TableCheck[] } | { ok: false; reason: string };

/**
 * Every table on a sheet, top to bottom (layout/every-table.ts), each scored on its own. A sheet that is
 * no 自评表 gets the layout's reason.
 */
export function checkGridTables(grid: Grid, profile: Profile = defaultProfile()): SheetTablesCheck {
  const found = detectTables(grid);
  if (!found.ok) return found;
  return {
    ok: true,
    tables: found.tables.map((t) => ({
      report: scoreTable(t.table, profile),
      table: t.table,
      range: t.range,
    })),
  };
}

/** A table cut before its indicator block: the funds are all there is to check; no total, no grade. */
function fundsOnlyTotals(fundsScore: number | null): Pick<SheetReport, "total" | "grade"> {
  return {
    total: { weight: null, declared: null, computed: fundsScore ?? 0, cell: null },
    grade: { declared: null, computed: null, cell: null },
  };
}

/** Grid → layout → parsed Table → context → rules → the sheet report (docs/architecture.md). */
export function scoreTable(table: Table, profile: Profile): SheetReport {
  const { ctx, findings } = checkTable(table, profile);
  const { funds, categories, totals } = ctx;
  const { total, grade } = totals ?? fundsOnlyTotals(funds?.computedScore ?? null);
  return {
    sheet: table.sheet,
    kind: table.kind,
    title: table.title,
    unit: table.unit,
    funds: funds ? funds.report : null,
    categories: categories.categories,
    indicators: ctx.rows.map((r) => r.report),
    total,
    grade,
    findings: sortFindings(weakenGuessed(findings, table)),
  };
}

/** A table as checked: its layout and the grid it is on, beside its sheet report. */
export interface CheckedTable {
  table: Table;
  grid: Grid;
}

/**
 * A workbook's report and, parallel to report.sheets, the table and grid each sheet report was made
 * from: the pair consumers keep (report compare, draft, the pane) instead of checking again.
 */
export interface CheckedWorkbook {
  report: FileReport;
  tables: CheckedTable[];
}

/**
 * Checks every 自评表 sheet of one workbook (or only `sheet`). Other sheets (填表说明, empty ones) are
 * skipped; a workbook with none gets NOT_A_SELF_EVALUATION_TABLE.
 */
export function checkWorkbook(
  file: string,
  grids: Grid[],
  options: { profile?: Profile; sheet?: string } = {},
): FileReport {
  return checkWorkbookTables(file, grids, options).report;
}

/** checkWorkbook, keeping each sheet report's table and grid beside it. */
export function checkWorkbookTables(
  file: string,
  grids: Grid[],
  options: { profile?: Profile; sheet?: string } = {},
): CheckedWorkbook {
  const profile = options.profile ?? defaultProfile();
  const chosen = options.sheet === undefined ? grids : grids.filter((g) => g.name === options.sheet);
  if (options.sheet !== undefined && chosen.length === 0) {
    const message = `找不到工作表“${options.sheet}”（本文件的工作表：${grids.map((g) => g.name).join("、") || "无"}）`;
    return {
      report: { file, error: { code: "NOT_A_SELF_EVALUATION_TABLE", message }, sheets: [] },
      tables: [],
    };
  }
  const sheets: SheetReport[] = [];
  const tables: CheckedTable[] = [];
  const reasons: string[] = [];
  for (const grid of chosen) {
    const r = checkGridTables(grid, profile);
    if (!r.ok) {
      reasons.push(`${grid.name}：${r.reason}`);
      continue;
    }
    const count = r.tables.length;
    // The table field appears only on sheets with several tables, so ordinary reports keep their shape.
    r.tables.forEach((t, i) => {
      sheets.push(count > 1 ? { ...t.report, table: { index: i + 1, count, range: t.range } } : t.report);
      tables.push({ table: t.table, grid });
    });
  }
  if (sheets.length === 0) {
    const message = `未找到绩效自评表${reasons.length ? `（${reasons.join("；")}）` : "（工作簿没有工作表）"}`;
    return {
      report: { file, error: { code: "NOT_A_SELF_EVALUATION_TABLE", message }, sheets: [] },
      tables: [],
    };
  }
  return { report: { file, error: null, sheets }, tables };
}

export function makeReport(files: FileReport[], profile: Profile = defaultProfile()): Report {
  return { tool: "ziping", version: ENGINE_VERSION, profile: profile.id, files };
}
