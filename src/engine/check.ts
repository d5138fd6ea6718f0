/**
 * Grid → Report: find the table, score every part, collect the findings (report-format.md).
 */
import type { Grid } from "./grid";
import type { FileReport, Profile, Report, SheetReport, Table } from "./types";
import { detectLayout } from "./layout";
import { defaultProfile } from "./profiles";
import { scoreFunds } from "./score-funds";
import { scoreIndicator } from "./score-indicator";
import { scoreCategories, scoreTotal } from "./score-totals";
import { sortFindings } from "./finding";

export const ENGINE_VERSION = "1.0.0";

export type SheetCheck = { ok: true; report: SheetReport; table: Table } | { ok: false; reason: string };

export function checkGrid(grid: Grid, profile: Profile = defaultProfile()): SheetCheck {
  let layout;
  try {
    layout = detectLayout(grid);
  } catch (e) {
    // The layout must never throw; if it does, the sheet is reported, not the stack.
    return { ok: false, reason: `无法识别工作表"${grid.name}"的表格结构（${(e as Error).message}）` };
  }
  if (!layout.ok) return { ok: false, reason: layout.reason };
  return { ok: true, table: layout.table, report: scoreTable(layout.table, profile) };
}

export function scoreTable(table: Table, profile: Profile): SheetReport {
  const funds = table.funds ? scoreFunds(table.funds, profile) : null;
  const rows = table.indicators.map((r) => scoreIndicator(r, profile));
  const indicators = rows.map((r) => r.report);
  const fundsCell = table.funds ? table.funds.labelCell : "";
  const cats = scoreCategories(table, indicators, profile, funds ? { weight: funds.weight, cell: fundsCell } : null);
  const totals = scoreTotal(table, indicators, funds ? { weight: funds.weight, declared: funds.declaredScore, computed: funds.computedScore } : null, profile);
  return {
    sheet: table.sheet,
    kind: table.kind,
    title: table.title,
    unit: table.unit,
    funds: funds ? funds.report : null,
    categories: cats.categories,
    indicators,
    total: totals.total,
    grade: totals.grade,
    findings: sortFindings([...(funds?.findings ?? []), ...rows.flatMap((r) => r.findings), ...cats.findings, ...totals.findings]),
  };
}

/**
 * Checks every 自评表 sheet of one workbook (or only `sheet`). Other sheets (填表说明, empty ones) are
 * skipped; a workbook with none gets NOT_A_SELF_EVALUATION_TABLE.
 */
export function checkWorkbook(file: string, grids: Grid[], options: { profile?: Profile; sheet?: string } = {}): FileReport {
  const profile = options.profile ?? defaultProfile();
  const chosen = options.sheet === undefined ? grids : grids.filter((g) => g.name === options.sheet);
  if (options.sheet !== undefined && chosen.length === 0) {
    return { file, error: { code: "NOT_A_SELF_EVALUATION_TABLE", message: `找不到工作表"${options.sheet}"（本文件的工作表：${grids.map((g) => g.name).join("、") || "无"}）` }, sheets: [] };
  }
  const sheets: SheetReport[] = [];
  const reasons: string[] = [];
  for (const grid of chosen) {
    const r = checkGrid(grid, profile);
    if (r.ok) sheets.push(r.report);
    else reasons.push(`${grid.name}：${r.reason}`);
  }
  if (sheets.length === 0) {
    return {
      file,
      error: { code: "NOT_A_SELF_EVALUATION_TABLE", message: `未找到绩效自评表${reasons.length ? `（${reasons.join("；")}）` : "（工作簿没有工作表）"}` },
      sheets: [],
    };
  }
  return { file, error: null, sheets };
}

export function makeReport(files: FileReport[], profile: Profile = defaultProfile()): Report {
  return { tool: "ziping", version: ENGINE_VERSION, profile: profile.id, files };
}
