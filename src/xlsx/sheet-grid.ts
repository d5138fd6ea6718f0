/**
 * One SheetJS worksheet (dense mode) → one Grid, bounded by the table and within the read limits.
 * The Grid is the one the exceljs reader produced before (same values, display text, formats,
 * formulas, merges): cells covered by a merge are empty, rows are dense arrays up to their last cell.
 * Cells far beyond the table (a stray mark in column XFD, a note a million rows down) are not part of
 * it; merged areas are clipped to the area the cells use.
 */
import type { CellObject, WorkSheet } from "@e965/xlsx";
import type { CellValue, Grid, MergedArea } from "../engine/grid";
import { toA1 } from "../engine/grid";
import { formatGeneral, formatNumber, isDateLike } from "../engine/number-format";
import { limitMessages, ReadLimits } from "./limits";
import { XlsxReadError, UNREADABLE_PREFIX } from "./errors";

type Row = (CellObject | undefined)[] | undefined;

/** exceljs' names for the built-in formats where SheetJS spells them differently (or has none). */
const BUILTIN_AS_EXCELJS: Record<string, string | null> = {
  "m/d/yy": "mm-dd-yy",
  "m/d/yy h:mm": 'm/d/yy "h":mm',
  "#,##0.00;(#,##0.00)": "#,##0.00 ;(#,##0.00)",
  "#,##0.00;[Red](#,##0.00)": "#,##0.00 ;[Red](#,##0.00)",
};

const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

function formatOf(cell: CellObject): string | null {
  const z = cell.z;
  if (typeof z !== "string" || z === "General") return null;
  return z in BUILTIN_AS_EXCELJS ? BUILTIN_AS_EXCELJS[z] : z;
}

const DAY_MS = 86400000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date serial through exceljs' Date conversion (whole milliseconds), so values match it exactly. */
function viaDate(serial: number, date1904: boolean): number {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  return (ms - EXCEL_EPOCH_MS) / DAY_MS;
}

/** True when the cell holds anything the check reads (a value or a formula). */
function hasContent(cell: CellObject | undefined): cell is CellObject {
  return !!cell && (cell.t !== "z" || typeof cell.f === "string");
}

function valueOf(cell: CellObject, fmt: string | null, date1904: boolean): CellValue {
  switch (cell.t) {
    case "n": {
      const v = cell.v as number;
      return isDateLike(fmt) ? viaDate(v, date1904) : v;
    }
    case "s":
      return String(cell.v ?? "");
    case "b":
      return !!cell.v;
    case "e":
      return cell.w ?? ERRORS[cell.v as number] ?? "#VALUE!";
    case "d":
      return cell.v instanceof Date ? (cell.v.getTime() - EXCEL_EPOCH_MS) / DAY_MS : null;
    default:
      return null; // a formula without a cached result
  }
}

function displayText(value: CellValue, fmt: string | null): string {
  if (value === null) return "";
  if (typeof value === "number") return fmt ? formatNumber(value, fmt) : formatGeneral(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/** The last index of a run that starts at `sorted[0]` and allows gaps of at most `gap` empty places. */
function runEnd(sorted: number[], gap: number): number {
  let last = sorted[0];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] - last - 1 > gap) break;
    last = sorted[i];
  }
  return last;
}

function fail(message: string): never {
  throw new XlsxReadError(`${UNREADABLE_PREFIX}${message}`);
}

/** Column indexes that hold content in `row`; holey rows (a cell in XFD) are walked by their keys. */
function forEachContentColumn(row: (CellObject | undefined)[], fn: (c: number) => void): void {
  if (row.length <= 1024) {
    for (let c = 0; c < row.length; c++) if (hasContent(row[c])) fn(c);
    return;
  }
  for (const k of Object.keys(row)) {
    const c = Number(k);
    if (Number.isInteger(c) && hasContent(row[c])) fn(c);
  }
}

/** Last row and column of the table: content cells, strays beyond a wide empty gap left out. */
function tableBounds(name: string, data: Row[], limits: ReadLimits): { lastRow: number; lastCol: number } {
  const cols = new Set<number>();
  for (const row of data) if (row) forEachContentColumn(row, (c) => cols.add(c));
  if (cols.size === 0) return { lastRow: -1, lastCol: -1 };
  const lastCol = runEnd(
    [...cols].sort((a, b) => a - b),
    limits.columnGap,
  );
  if (lastCol >= limits.columns) fail(limitMessages.columns(name, limits.columns));
  const rows: number[] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    const end = Math.min(row.length - 1, lastCol);
    for (let c = 0; c <= end; c++)
      if (hasContent(row[c])) {
        rows.push(r);
        break;
      }
  }
  const lastRow = rows.length ? runEnd(rows, limits.rowGap) : -1;
  if (lastRow >= limits.rows) fail(limitMessages.rows(name, limits.rows));
  return { lastRow, lastCol };
}

/** Merged areas clipped to the table; too many is an error before any of them is looked at. */
function clippedMerges(name: string, ws: WorkSheet, lastRow: number, lastCol: number, limits: ReadLimits) {
  const raw = ws["!merges"] ?? [];
  if (raw.length > limits.merges) fail(limitMessages.merges(name, raw.length, limits.merges));
  const out: MergedArea[] = [];
  for (const m of raw) {
    const top = Math.min(m.s.r, m.e.r);
    const left = Math.min(m.s.c, m.e.c);
    if (top > lastRow || left > lastCol) continue;
    out.push({
      top,
      left,
      bottom: Math.min(Math.max(m.s.r, m.e.r), lastRow),
      right: Math.min(Math.max(m.s.c, m.e.c), lastCol),
    });
  }
  return out;
}

/** Words every 自评表 header or funds block has one of (一级指标, 分值, 得分, 执行率 …); more is harmless. */
const HEADER_WORDS = /指标|分值|得分|权重|评分|标准分|执行率|预算/;

/**
 * False when the sheet's first 200 rows × 100 columns hold no header word: such a sheet cannot be a
 * 自评表 (the engine needs a header among its first rows), whatever else it holds.
 */
export function couldBeTable(ws: WorkSheet): boolean {
  const data: Row[] = (ws["!data"] as Row[] | undefined) ?? [];
  for (let r = 0; r < Math.min(data.length, 200); r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, 100); c++) {
      const v = row[c]?.v;
      if (typeof v === "string" && HEADER_WORDS.test(v)) return true;
    }
  }
  return false;
}

export interface SheetContext {
  date1904: boolean;
  limits: ReadLimits;
  protected: boolean;
}

export function sheetToGrid(name: string, ws: WorkSheet, ctx: SheetContext): Grid {
  const { limits } = ctx;
  const data: Row[] = (ws["!data"] as Row[] | undefined) ?? [];
  const { lastRow, lastCol } = tableBounds(name, data, limits);
  const merges = clippedMerges(name, ws, lastRow, lastCol, limits);

  // Cells covered by a merge (not its top-left) read as empty, as Excel and WPS report them.
  const covered = new Set<number>();
  const width = lastCol + 1;
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = data[r];
      if (!row) continue;
      const end = Math.min(m.right, row.length - 1);
      for (let c = m.left; c <= end; c++)
        if ((r !== m.top || c !== m.left) && row[c]) covered.add(r * width + c);
    }
  }

  const values: CellValue[][] = [];
  const text: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  // Formulas the file never calculated (a program wrote it): few or none, so kept as positions first.
  const uncalculated: [number, number][] = [];
  let cells = 0;
  for (let r = 0; r <= lastRow; r++) {
    const row = data[r];
    let end = -1;
    if (row) {
      for (let c = Math.min(row.length - 1, lastCol); c >= 0; c--) {
        if (hasContent(row[c]) && !covered.has(r * width + c)) {
          end = c;
          break;
        }
      }
    }
    const vr: CellValue[] = new Array(end + 1).fill(null);
    const tr: (string | null)[] = new Array(end + 1).fill(null);
    const fr: (string | null)[] = new Array(end + 1).fill(null);
    const fo: (string | null)[] = new Array(end + 1).fill(null);
    for (let c = 0; c <= end; c++) {
      const cell = row![c];
      if (!hasContent(cell) || covered.has(r * width + c)) continue;
      if (++cells > limits.cells) fail(limitMessages.cells(name, limits.cells));
      const fmt = formatOf(cell);
      const v = valueOf(cell, fmt, ctx.date1904);
      if (typeof v === "string" && v.length > limits.textLength)
        fail(limitMessages.textLength(name, toA1(r, c), v.length, limits.textLength));
      vr[c] = v;
      tr[c] = displayText(v, fmt);
      fr[c] = fmt;
      if (typeof cell.f === "string" && cell.f) {
        fo[c] = `=${cell.f}`;
        if (v === null) uncalculated.push([r, c]);
      }
    }
    values.push(vr);
    text.push(tr);
    formats.push(fr);
    formulas.push(fo);
  }
  // Rows that only exist as part of a merge are empty rows.
  for (const m of merges) {
    while (values.length <= m.bottom) {
      values.push([]);
      text.push([]);
      formats.push([]);
      formulas.push([]);
    }
  }
  const grid: Grid = { name, values, text, formats, formulas, merges, protected: ctx.protected };
  if (uncalculated.length) {
    grid.uncalculated = values.map(() => []);
    for (const [r, c] of uncalculated) grid.uncalculated[r][c] = true;
  }
  return grid;
}
