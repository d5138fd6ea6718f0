/**
 * Reads an .xlsx workbook with exceljs into one Grid per worksheet (Node and browser; no fs here —
 * see read-file.ts). One pass over the stored cells: cached formula results as values, display text by
 * the number format, formulas as "=…", merged areas, sheet protection. Cells covered by a merge are
 * empty, as Excel and WPS report them. Bad input rejects with a Chinese message.
 */
import { Workbook } from "exceljs";
import type { CellValue, Grid, MergedArea } from "../engine/grid";
import { formatGeneral, formatNumber } from "./format";
import { errorMessage } from "../engine/error-message";

export type XlsxInput = ArrayBuffer | Uint8Array;

/** Message prefix every reader error starts with; callers map it to FILE_UNREADABLE. */
export const UNREADABLE_PREFIX = "无法读取文件：";

export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

function bytesOf(data: XlsxInput): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  // Buffers from another realm (jsdom, workers) fail instanceof but still look like views.
  const view = data as unknown as { buffer?: ArrayBuffer; byteOffset?: number; byteLength?: number };
  if (view && view.buffer && typeof view.byteLength === "number") {
    return new Uint8Array(view.buffer, view.byteOffset ?? 0, view.byteLength);
  }
  throw new XlsxReadError(`${UNREADABLE_PREFIX}传入的不是文件内容（需要 ArrayBuffer 或 Uint8Array）`);
}

/** Checks the container before exceljs sees it, so the common failures get a precise reason. */
function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0)
    throw new XlsxReadError(`${UNREADABLE_PREFIX}文件是空的（0 字节），请确认文件已完整保存或下载`);
  const b = bytes;
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    throw new XlsxReadError(
      `${UNREADABLE_PREFIX}文件设置了打开密码（已加密），或是旧版 .xls 格式。请在 Excel/WPS 中取消密码或另存为 .xlsx 后再检查`,
    );
  }
  if (!(
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    (b[2] === 0x03 || b[2] === 0x05) &&
    (b[3] === 0x04 || b[3] === 0x06)
  )) {
    throw new XlsxReadError(
      `${UNREADABLE_PREFIX}不是有效的 .xlsx 工作簿（文件内容不是 Excel 的 zip 格式），请用 Excel/WPS 另存为 .xlsx`,
    );
  }
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86400000;
}

function richToText(v: unknown): string {
  const rt = (v as { richText?: { text?: unknown }[] }).richText;
  if (Array.isArray(rt)) return rt.map((p) => (p && typeof p.text === "string" ? p.text : "")).join("");
  return "";
}

/** A cell value (or formula result) → a plain Grid value. */
function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return richToText(o);
    if ("text" in o) {
      const t = o.text;
      return typeof t === "string" ? t : t && typeof t === "object" ? richToText(t) : null;
    }
    if ("result" in o) return plain(o.result);
    if ("formula" in o || "sharedFormula" in o) return null;
  }
  return String(v);
}

function isDateValue(v: unknown): boolean {
  if (v instanceof Date) return true;
  return !!v && typeof v === "object" && (v as { result?: unknown }).result instanceof Date;
}

function displayText(value: CellValue, fmt: string | null, isDate: boolean): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (isDate && (!fmt || /^general$/i.test(fmt))) return formatNumber(value, "yyyy/m/d");
    return fmt ? formatNumber(value, fmt) : formatGeneral(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

// exceljs ValueType numbers (stable since 1.x): Merge = 1, Formula = 6.
const TYPE_MERGE = 1;
const TYPE_FORMULA = 6;

interface CellLike {
  type: number;
  value: unknown;
  numFmt?: string;
  formula?: string;
}

interface RowLike {
  eachCell(opt: { includeEmpty: boolean }, cb: (cell: CellLike, col: number) => void): void;
}

interface SheetLike {
  name: string;
  eachRow(opt: { includeEmpty: boolean }, cb: (row: RowLike, rowNumber: number) => void): void;
  sheetProtection?: { sheet?: unknown } | null;
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
  model?: { merges?: string[] };
}

function mergesOf(ws: SheetLike): MergedArea[] {
  const out: MergedArea[] = [];
  const internal = ws._merges;
  if (internal && typeof internal === "object") {
    for (const key of Object.keys(internal)) {
      const m = internal[key];
      if (!m) continue;
      out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
  }
  return out;
}

function sheetToGrid(ws: SheetLike): Grid {
  const values: CellValue[][] = [];
  const text: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vr: CellValue[] = [];
    const tr: (string | null)[] = [];
    const fr: (string | null)[] = [];
    const fo: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.type === TYPE_MERGE) return; // covered by a merge: empty, as hosts report it
      const raw = cell.value;
      const v = plain(raw);
      const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      vr[c] = v;
      tr[c] = displayText(v, fmt, isDateValue(raw));
      fr[c] = fmt;
      if (cell.type === TYPE_FORMULA) {
        const f = cell.formula;
        fo[c] = f ? `=${f}` : null;
      }
    });
    // Fill holes so every row is a dense array (hosts and the engine index freely).
    for (let c = 0; c < vr.length; c++) {
      if (vr[c] === undefined) vr[c] = null;
      if (tr[c] === undefined) tr[c] = null;
      if (fr[c] === undefined) fr[c] = null;
      if (fo[c] === undefined) fo[c] = null;
    }
    values[r] = vr;
    text[r] = tr;
    formats[r] = fr;
    formulas[r] = fo;
  });
  const merges = mergesOf(ws);
  // Rows that only exist as part of a merge (or blank rows between) are empty rows.
  let nRows = values.length;
  for (const m of merges) if (m.bottom + 1 > nRows) nRows = m.bottom + 1;
  for (let r = 0; r < nRows; r++) {
    if (!values[r]) {
      values[r] = [];
      text[r] = [];
      formats[r] = [];
      formulas[r] = [];
    }
  }
  const sp = ws.sheetProtection;
  const isProtected =
    !!sp && (sp.sheet === true || sp.sheet === 1 || sp.sheet === "1" || sp.sheet === "true");
  return { name: ws.name, values, text, formats, formulas, merges, protected: isProtected };
}

/** Every worksheet of an .xlsx file as a Grid, in workbook order. */
export async function readWorkbook(data: XlsxInput): Promise<Grid[]> {
  const bytes = bytesOf(data);
  sniff(bytes);
  const wb = new Workbook();
  try {
    // exceljs' typings want a Node Buffer; JSZip underneath accepts any byte view.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const msg = errorMessage(e);
    throw new XlsxReadError(`${UNREADABLE_PREFIX}不是有效的 .xlsx 工作簿（${msg}）`);
  }
  const grids: Grid[] = [];
  try {
    wb.eachSheet((ws) => {
      grids.push(sheetToGrid(ws as unknown as SheetLike));
    });
  } catch (e) {
    const msg = errorMessage(e);
    throw new XlsxReadError(`${UNREADABLE_PREFIX}工作簿内容无法解析（${msg}）`);
  }
  return grids;
}
