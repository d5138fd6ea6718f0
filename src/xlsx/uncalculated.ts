/**
 * A workbook written by a program and never opened in Excel or WPS has formulas without cached
 * results: the reader sees an empty cell, and the engine says "得分为空；请填写得分" — wrong advice, as
 * the cell is filled. Files are the only source of such cells (Excel and WPS always calculate), so the
 * file readers' callers (the CLI) rename those findings here, after the check.
 */
import type { FileReport, Grid } from "../engine";
import { parseA1 } from "../engine/grid";

export const UNCALCULATED_ZH = "公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再检查";
export const UNCALCULATED_EN =
  "the formula has no calculated value: open and save the file in Excel or WPS, then check again";

/** The formula of a cell that has one but no cached value, or null. */
function uncalculated(grid: Grid, cell: string): string | null {
  const p = parseA1(cell);
  if (!p) return null;
  const f = grid.formulas?.[p.row]?.[p.col];
  const v = grid.values[p.row]?.[p.col];
  return f && (v === null || v === undefined) ? f : null;
}

/** Shown formula: long ones are cut, as the message is about the missing value, not the formula. */
const shown = (f: string) => (f.length > 60 ? `${f.slice(0, 60)}…` : f);

export function nameUncalculatedFormulas(report: FileReport, grids: readonly Grid[]): FileReport {
  if (!grids.some((g) => g.formulas?.some((r) => r?.some((f) => !!f)))) return report;
  const byName = new Map(grids.map((g) => [g.name, g]));
  for (const s of report.sheets) {
    const grid = byName.get(s.sheet);
    if (!grid) continue;
    for (const f of s.findings) {
      if (f.code !== "VALUE_MISSING") continue;
      const formula = uncalculated(grid, f.cell);
      if (!formula) continue;
      f.message = `单元格 ${f.cell} 的${UNCALCULATED_ZH}（公式 ${shown(formula)}；文件可能由程序生成，从未在表格软件中计算过）`;
      f.messageEn = `Cell ${f.cell}: ${UNCALCULATED_EN} (formula ${shown(formula)}).`;
    }
  }
  return report;
}
