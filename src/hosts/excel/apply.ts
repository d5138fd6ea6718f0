/**
 * Applying edits in Excel. 1 sync when the last read found the sheet unprotected: the old values,
 * formulas and fills are loaded in the same batch, queued *before* the writes, so Excel returns them
 * as they were. 2 syncs when the sheet is protected (or was never read): the first finds locked
 * cells and refuses before anything is written, the second writes. If that one batch fails half way
 * (the sheet was protected since), recovery.ts finds and puts back what was written.
 */
import type { CellValue } from "../../engine/grid";
import type { Edit, UndoEntry, UndoRecord } from "../../engine/types";
import type { ApplyResult, HostNote } from "../host";
import { errorMessage } from "../../engine/error-message";
import { normalizeColor, planBatch, refuseBeforeWrite, type BatchPlan } from "../write-rules";
import { excelText, formulaOf } from "./cells";
import { recover } from "./recovery";
import { errorCode, remember, type ExcelState } from "./state";
import { anchorsFor } from "../undo-rules";

/** An undo entry that also says what the apply touched, so undo leaves the rest of the cell alone. */
export interface ExcelUndoEntry extends UndoEntry {
  wrote: { value: boolean; fill: boolean };
}

/** Old state of one target cell, queued for loading before any write in the same batch. */
interface Before {
  cell: string;
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  lockedRange: Excel.Range | null;
}

function queueBefore(state: ExcelState, ws: Excel.Worksheet, cell: string, withLocked: boolean): Before {
  const range = ws.getRange(cell);
  range.load("values, formulas");
  let props: Before["props"] = null;
  if (state.capabilities.restoreFills) {
    const format: Excel.CellPropertiesFormatLoadOptions = { fill: { color: true, pattern: true } };
    if (withLocked) format.protection = true;
    props = range.getCellProperties({ format });
  }
  let lockedRange: Excel.Range | null = null;
  if (withLocked && !props) {
    lockedRange = ws.getRange(cell);
    lockedRange.format.protection.load("locked");
  }
  return { cell, range, props, lockedRange };
}

/** Cells the protection forbids: values into locked cells (unknown counts as locked), fills without allowFormatCells. */
function blockedCells(before: Before[], plan: BatchPlan, protection: Excel.WorksheetProtection) {
  const out = { cells: [] as string[], fillsOnly: true };
  if (!protection.protected) return out;
  const formatAllowed = !!protection.options?.allowFormatCells;
  for (const b of before) {
    const w = plan.wrote.get(b.cell)!;
    const locked = b.props
      ? b.props.value[0][0].format?.protection?.locked
      : b.lockedRange?.format.protection.locked;
    // Unknown (null) counts as locked: refusing is safe, a half-written batch is not.
    const valueBlocked = w.value && locked !== false;
    if (valueBlocked || (w.fill && !formatAllowed)) out.cells.push(b.cell);
    if (valueBlocked) out.fillsOnly = false;
  }
  return out;
}

function undoFrom(sheet: string, before: Before[], plan: BatchPlan): UndoRecord {
  const entries: ExcelUndoEntry[] = before.map((b) => {
    const raw = b.range.values[0][0];
    const f = b.range.formulas[0][0];
    const value: CellValue = raw === "" || raw === undefined || raw === null ? null : (raw as CellValue);
    const fmt = b.props?.value[0][0].format;
    const fillKnown = !!fmt?.fill;
    const fill =
      fmt?.fill && fmt.fill.pattern !== "None" && fmt.fill.color ? fmt.fill.color.toUpperCase() : null;
    return {
      cell: b.cell,
      value,
      formula: formulaOf(f, raw),
      fill: fillKnown ? fill : null,
      fillKnown,
      wrote: plan.wrote.get(b.cell)!,
    };
  });
  return { sheet, entries };
}

function queueWrite(ws: Excel.Worksheet, e: Edit): void {
  const range = ws.getRange(e.cell);
  if (e.kind === "fill") range.format.fill.color = normalizeColor(e.color)!;
  // A write, not a read: nothing to load first.
  // eslint-disable-next-line office-addins/call-sync-after-load
  else range.values = [[typeof e.value === "string" ? excelText(e.value) : e.value]];
}

export async function applyEdits(state: ExcelState, sheet: string, edits: Edit[]): Promise<ApplyResult> {
  const k0 = state.known.get(sheet);
  const refused = refuseBeforeWrite(sheet, edits, k0?.merges ?? []);
  if (refused) return { ok: false, ...refused };

  const plan = planBatch(edits);
  const order = plan.order;
  const notes: HostNote[] = [];
  if (!state.capabilities.restoreFills && plan.fillCells.length > 0) notes.push("fills-not-restorable");
  if (order.length === 0) return { ok: true, undo: { sheet, entries: [] }, notes };

  // Check first unless the last read of this sheet saw it unprotected (and we hold what it read,
  // to put back if the sheet was protected since and Excel stops half way).
  const checkFirst = !(k0?.protected === false && k0.grid);
  const withLocked = checkFirst && state.has("1.2");
  let stage = "check" as "check" | "write";
  try {
    return await state.api.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const before = order.map((cell) => queueBefore(state, ws, cell, withLocked));
      let protection: Excel.WorksheetProtection | null = null;
      if (withLocked) {
        // A navigation property (a proxy object), not a loaded value.
        // eslint-disable-next-line office-addins/call-sync-before-read
        protection = ws.protection;
        protection.load("protected, options/allowFormatCells");
      }
      let undo: UndoRecord | null = null;
      if (checkFirst) {
        await context.sync(); // round trip 1 of 2: find locked cells before writing anything
        const blocked = protection ? blockedCells(before, plan, protection) : { cells: [], fillsOnly: false };
        state.known.set(sheet, {
          ...(state.known.get(sheet) ?? { merges: [], mergesKnown: false }),
          protected: protection ? protection.protected : null,
        });
        if (blocked.cells.length > 0)
          return {
            ok: false,
            reason: "protected",
            sheet,
            cells: blocked.cells,
            ...(blocked.fillsOnly ? { fillsOnly: true } : {}),
          } as ApplyResult;
        undo = undoFrom(sheet, before, plan);
      }
      stage = "write";
      for (const e of edits) queueWrite(ws, e);
      // Only value writes raise onChanged; a fill raises onFormatChanged, so fills are not marked ours.
      const valueCells = order.filter((c) => plan.wrote.get(c)!.value);
      const mark = state.own.begin(sheet, valueCells);
      try {
        await context.sync(); // the write (and, on the one-sync path, the old state loaded before it)
      } finally {
        mark.done(); // a failed write must not leave the cells marked ours for ever
      }
      remember(state, sheet, edits);
      const record = undo ?? undoFrom(sheet, before, plan);
      const grid = state.known.get(sheet)?.grid;
      state.written.set(record, { ...plan, anchors: grid ? anchorsFor(grid, plan) : undefined });
      return { ok: true, undo: record, notes } as ApplyResult;
    });
  } catch (e) {
    const code = errorCode(e);
    // Whatever went wrong, stop trusting what the last read said about protection: check first next time.
    const k = state.known.get(sheet);
    if (k) k.protected = null;
    if (code === "ItemNotFound") return { ok: false, reason: "no-sheet", sheet, cells: [] };
    // Excel refuses a batch in cell edit mode whole, before any of it runs (Excel.RunOptions docs):
    // nothing to recover, and a re-read now would be refused too.
    if (code === "InvalidOperationInCellEditMode")
      return { ok: false, reason: "edit-mode", sheet, cells: order };
    // The one-sync path wrote in the same batch as it loaded the old state, and Excel is not
    // transactional: cells before the failing one may hold our text now. Find out and put them back.
    if (!checkFirst && stage === "write") return recover(state, sheet, edits, order, e);
    if (code === "AccessDenied") return { ok: false, reason: "protected-since", sheet, cells: order };
    return { ok: false, reason: "failed", sheet, cells: order, detail: errorMessage(e) };
  }
}
