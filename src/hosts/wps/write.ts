/**
 * Applying edits to an ET worksheet under the write rules: check everything first (addresses, text
 * a spreadsheet would read as a formula, sheet protection and locked cells, parts of merged areas),
 * then record each cell's old Value2 / Formula / fill, then write. A failure half-way restores what
 * was already written. Bridge calls per edited cell: about 8 (Range, MergeCells, Value2, Formula,
 * Interior, ColorIndex, Color, the write), + 1 (Locked) on a protected sheet.
 */
import type { CellValue } from "../../engine/grid";
import { parseA1, parseRange } from "../../engine/grid";
import type { Edit, UndoEntry, UndoRecord } from "../../engine/types";
import type { ApplyResult } from "../host";
import { bgrToRgbHex, rgbHexToBgr } from "./color";
import { XL_NONE, type EtRange, type EtWorksheet } from "./et";
import { comFalse, comTrue, toCellValue, toMatrix } from "./values";
import { HostError } from "../host";
import { typedText } from "../text-safety";
import { cellKey, planBatch, refuseBeforeWrite } from "../write-rules";
import { anchorsFor, fillStillOurs, movedToReport, planUndo, type WriteMemo } from "../undo-rules";
import type { Grid } from "../../engine/grid";
import { errorMessage } from "../../engine/error-message";

/**
 * What each apply wrote (values, fills, row anchors), so undo can tell a cell the user has changed
 * since, or one that rows inserted or deleted have moved. Kept beside the record rather than in it:
 * the UndoRecord contract is shared.
 */
const memos = new WeakMap<UndoRecord, WriteMemo>();

/** Called before each content write, so the host can recognise the SheetChange it causes. */
export type WriteNotice = (cell: string) => void;

const upper = cellKey;

/** Reads the fill of one cell: "#RRGGBB", or null for none (ColorIndex/Pattern xlNone). */
function readFill(r: EtRange): { fill: string | null; known: boolean } {
  const interior = r.Interior;
  const index: unknown = interior.ColorIndex;
  if (index === XL_NONE) return { fill: null, known: true };
  const hex = bgrToRgbHex(interior.Color);
  return hex ? { fill: hex, known: true } : { fill: null, known: false };
}

/**
 * `base` is the grid of the last read of this sheet: the row anchors that let undo find a cell again
 * after rows were inserted or deleted are taken from it.
 */
export function applyEdits(
  ws: EtWorksheet,
  sheet: string,
  edits: Edit[],
  notice: WriteNotice,
  base?: Grid,
): ApplyResult {
  const plan = planBatch(edits);
  const cells = plan.order;
  // Merged areas are asked of ET below (the last read's may be stale), so none are passed here.
  const refused = refuseBeforeWrite(sheet, edits, null);
  if (refused) return { ok: false, ...refused };

  const ranges = new Map<string, EtRange>();
  for (const c of cells) ranges.set(c, ws.Range(c));

  // Protection first: nothing is written on a protected sheet unless every target cell is unlocked
  // and, for highlights, the protection allows formatting cells.
  if (comTrue(ws.ProtectContents)) {
    const locked = cells.filter((c) => plan.wrote.get(c)!.value && !comFalse(ranges.get(c)!.Locked));
    const formatBlocked = plan.fillCells.length > 0 && !comTrue(ws.Protection.AllowFormattingCells);
    const fills = formatBlocked ? plan.fillCells.filter((c) => !locked.includes(c)) : [];
    if (locked.length > 0) return { ok: false, reason: "protected", sheet, cells: [...locked, ...fills] };
    if (formatBlocked) return { ok: false, reason: "protected", sheet, cells: fills, fillsOnly: true };
  }

  // A value can only go into the top-left cell of a merged area.
  const inside: string[] = [];
  for (const c of cells) {
    const r = ranges.get(c)!;
    if (!comTrue(r.MergeCells) || !plan.wrote.get(c)!.value) continue;
    const area = parseRange(String(r.MergeArea.Address(false, false)));
    const p = parseA1(c)!;
    if (area && (area.top !== p.row || area.left !== p.col)) inside.push(c);
  }
  if (inside.length > 0) return { ok: false, reason: "merged", sheet, cells: inside };

  // Record first.
  const wrote = plan.wrote;
  const entries: UndoEntry[] = cells.map((c) => {
    const r = ranges.get(c)!;
    const value = toCellValue(r.Value2);
    const f: unknown = r.Formula;
    const formula = typeof f === "string" && f.startsWith("=") && f !== value ? f : null;
    const { fill, known } = readFill(r);
    return {
      cell: c,
      value,
      formula,
      fill,
      fillKnown: known,
      wrote: wrote.get(c) ?? { value: true, fill: true },
    };
  });
  const undo: UndoRecord = { sheet, entries };

  // Then write; on a failure, put back what was already written.
  const touched = new Set<string>();
  try {
    for (const e of edits) {
      const c = upper(e.cell);
      const r = ranges.get(c)!;
      touched.add(c);
      if (e.kind === "fill") {
        r.Interior.Color = rgbHexToBgr(e.color)!;
      } else {
        notice(c);
        // Text goes in as text: "100%", "1/2" or "2021-3-1" would otherwise become numbers or dates.
        (r as { Value2: unknown }).Value2 = typeof e.value === "string" ? typedText(e.value) : e.value;
      }
    }
  } catch (err) {
    const partial: UndoRecord = { sheet, entries: entries.filter((x) => touched.has(x.cell)) };
    memos.set(partial, planBatch(edits.filter((e) => touched.has(upper(e.cell)))));
    let restored = true;
    try {
      restoreEntries(ws, partial, notice);
    } catch {
      restored = false;
    }
    const done = [...touched];
    return {
      ok: false,
      reason: "failed",
      sheet,
      cells: done,
      detail: errorMessage(err),
      partial: restored
        ? { restored: done, notRestored: [], fillsChanged: [], checked: true }
        : { restored: [], notRestored: done, fillsChanged: [], checked: true },
    };
  }
  memos.set(undo, { ...plan, anchors: base ? anchorsFor(base, plan) : undefined });
  return { ok: true, undo, notes: [] };
}

/** Writes a recorded old value back, as what it was: formula, text, number or nothing. */
function restoreValue(r: EtRange, value: CellValue, formula: string | null): void {
  if (formula !== null) r.Formula = formula;
  else if (value === null) r.ClearContents();
  // Old text that looks like a formula, number or date was text in the cell: keep it text (the
  // apostrophe is ET's text prefix and is not shown in the cell).
  else if (typeof value === "string") r.Value2 = typedText(value);
  else (r as { Value2: unknown }).Value2 = value;
}

/** The sheet's used range as undo-rules reads it: 5 bridge calls (UsedRange, Row, Column, Value2, Formula). */
function sheetNow(ws: EtWorksheet) {
  const ur = ws.UsedRange;
  const top = Number(ur.Row) - 1;
  const left = Number(ur.Column) - 1;
  const v: unknown = ur.Value2;
  const f: unknown = ur.Formula;
  const rows = Array.isArray(v) ? v.length : 1;
  const cols = Array.isArray(v) ? (Array.isArray(v[0]) ? (v[0] as unknown[]).length : v.length) : 1;
  const values = toMatrix(v, rows, cols);
  const formulas = toMatrix(f, rows, cols);
  return {
    rows: top + rows,
    value: (r: number, c: number) => toCellValue(values[r - top]?.[c - left]),
    formula: (r: number, c: number) => {
      const x = formulas[r - top]?.[c - left];
      const val = values[r - top]?.[c - left];
      return typeof x === "string" && x.startsWith("=") && x !== val ? x : null;
    },
  };
}

/**
 * Restores a record: each cell checked to be still the one written (followed when rows moved), a
 * value only where the cell still holds ours, a fill only where it is still ours. Cells that moved
 * beyond following are left alone and reported once (HostError "moved") after the rest is done.
 */
export function restoreEntries(ws: EtWorksheet, record: UndoRecord, notice: WriteNotice): void {
  const memo = memos.get(record);
  const now = memo?.anchors ? sheetNow(ws) : null;
  const { steps, moved } = planUndo(record, memo, now);
  for (const s of steps.slice().reverse()) {
    const e = s.entry;
    const r = ws.Range(s.target);
    if (s.value) {
      // Without a read of the sheet (no memo anchors), check the cell itself: the user's edit wins.
      const v = toCellValue(r.Value2);
      const f: unknown = r.Formula;
      const formula = typeof f === "string" && f.startsWith("=") && f !== v ? f : null;
      const ours = !memo?.values.has(e.cell) || (formula === null && v === memo.values.get(e.cell));
      if (ours && (v !== e.value || formula !== e.formula)) {
        notice(s.target);
        restoreValue(r, e.value, e.formula);
      }
    }
    // Restore a fill only where it is still ours and changed, so untouched fills (theme colours,
    // patterns) stay exact and a fill the user chose since is kept.
    if (s.fill) {
      const current = readFill(r);
      if (!fillStillOurs(memo, e.cell, current.known ? current.fill : undefined)) continue;
      if (current.known && e.fillKnown && current.fill === e.fill) continue;
      if (e.fill !== null && e.fillKnown) r.Interior.Color = rgbHexToBgr(e.fill)!;
      else r.Interior.ColorIndex = XL_NONE;
    }
  }
  const report = movedToReport(memo, moved);
  if (report) throw new HostError("undo", { reason: "moved", sheet: record.sheet, cells: report });
}
