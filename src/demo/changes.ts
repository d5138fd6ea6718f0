/**
 * What the user changed in the demo, as plain data: every cell whose value or fill now differs from
 * the workbook as it was opened, and the sheets the pane added. Undo makes a cell equal again, so
 * it drops out. "下载" writes exactly these into the original workbook, nothing else; the pane's
 * document settings ride along as custom document properties.
 */
import { colCount, formulaAt, rowCount, toA1, valueAt } from "../engine";
import type { CellValue, Grid } from "../engine";

/** Fills by sheet, then by A1 cell: "#RRGGBB". */
export type SheetFills = Record<string, Record<string, string>>;

export interface SheetChanges {
  sheet: string;
  /** keepsFormula: the cell still has its formula and only its result changed (recalculated). */
  values: { cell: string; value: CellValue; keepsFormula: boolean }[];
  /** null: the cell had a fill when opened and has none now. */
  fills: { cell: string; color: string | null }[];
}

export interface WorkbookChanges {
  sheets: SheetChanges[];
  /** Sheets that did not exist in the opened workbook (the pane's "导出校验结果"). */
  added: { name: string; rows: CellValue[][] }[];
  /** Document settings changed since the file was opened (null: removed), kept as custom properties. */
  settings?: Record<string, string | null>;
}

/** The parts of MemoryHost the diff needs. */
export interface WorkbookState {
  sheetNames(): string[];
  grid(sheet: string): Grid;
  fill(sheet: string, cell: string): string | null;
  /** Document settings now (the pane's "已在自评报告中说明" marks). */
  settingValues?(): Record<string, string>;
}

export interface OpenedWorkbook {
  grids: Grid[];
  fills: SheetFills;
  /** Document settings the file carried (custom properties, custom-properties.ts). */
  settings?: Record<string, string>;
}

function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? "").toUpperCase() === (b ?? "").toUpperCase();
}

/** Cells whose fill may have changed: any cell the opened workbook filled or that has a fill now. */
function fillCandidates(
  state: WorkbookState,
  sheet: string,
  grid: Grid,
  opened: Record<string, string>,
): string[] {
  const cells = new Set(Object.keys(opened));
  const rows = rowCount(grid);
  const cols = colCount(grid);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const a1 = toA1(r, c);
      if (state.fill(sheet, a1) !== null) cells.add(a1);
    }
  return [...cells];
}

export function diffWorkbook(opened: OpenedWorkbook, state: WorkbookState): WorkbookChanges {
  const before = new Map(opened.grids.map((g) => [g.name, g]));
  const sheets: SheetChanges[] = [];
  const added: WorkbookChanges["added"] = [];
  for (const name of state.sheetNames()) {
    const now = state.grid(name);
    const was = before.get(name);
    if (!was) {
      added.push({
        name,
        rows: now.values.map((r) => (r ? r.map((v) => (v === undefined ? null : v)) : [])),
      });
      continue;
    }
    const values: SheetChanges["values"] = [];
    const rows = Math.max(rowCount(now), rowCount(was));
    const cols = Math.max(colCount(now), colCount(was));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = valueAt(now, r, c);
        if (v === valueAt(was, r, c)) continue;
        const f = formulaAt(now, r, c);
        values.push({ cell: toA1(r, c), value: v, keepsFormula: f !== null && f === formulaAt(was, r, c) });
      }
    }
    const openedFills = opened.fills[name] ?? {};
    const fills: SheetChanges["fills"] = [];
    for (const cell of fillCandidates(state, name, now, openedFills)) {
      const color = state.fill(name, cell);
      if (!sameColor(color, openedFills[cell])) fills.push({ cell, color });
    }
    if (values.length > 0 || fills.length > 0) sheets.push({ sheet: name, values, fills });
  }
  const was = opened.settings ?? {};
  const now = state.settingValues?.() ?? was;
  const settings: Record<string, string | null> = {};
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)]))
    if ((now[key] ?? null) !== (was[key] ?? null)) settings[key] = now[key] ?? null;
  return Object.keys(settings).length > 0 ? { sheets, added, settings } : { sheets, added };
}

export function changeCount(changes: WorkbookChanges): number {
  return (
    changes.sheets.reduce((n, s) => n + s.values.length + s.fills.length, 0) +
    changes.added.length +
    Object.keys(changes.settings ?? {}).length
  );
}
