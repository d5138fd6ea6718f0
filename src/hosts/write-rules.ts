/**
 * The write rules every host applies before any round trip (Excel, WPS, memory): one place, one
 * order, one shape of refusal. What needs the spreadsheet (protection, locked cells) stays with
 * each host; everything decidable from the edits and the last read is here.
 */
import { FORMULA_LEAD } from "../engine/edits";
import type { CellValue, MergedArea } from "../engine/grid";
import { parseA1 } from "../engine/grid";
import type { Edit } from "../engine/types";
import type { HostFailure } from "./host";

/** "b4", " $B$4 " → "B4". */
export function cellKey(cell: string): string {
  return cell.trim().replace(/\$/g, "").toUpperCase();
}

/** "#ffc7ce" → "#FFC7CE"; null when it is not a #RRGGBB colour. */
export function normalizeColor(color: string): string | null {
  return /^#[0-9a-fA-F]{6}$/.test(color) ? color.toUpperCase() : null;
}

/** What one batch does to each cell it touches, in first-touched order. */
export interface BatchPlan {
  /** The cells, upper case, each once, in the order the edits first touch them. */
  order: string[];
  /** Per cell: whether the batch writes its value, its fill. */
  wrote: Map<string, { value: boolean; fill: boolean }>;
  /** Per cell: the value the batch leaves there (the last value edit), for "the user's edit wins". */
  values: Map<string, CellValue>;
  /** Per cell: the fill colour the batch leaves there ("#RRGGBB"), so undo can tell a fill the user chose since. */
  fills: Map<string, string>;
  /** Cells with a fill edit (for the protection rule on formatting). */
  fillCells: string[];
}

export function planBatch(edits: Edit[]): BatchPlan {
  const order: string[] = [];
  const wrote = new Map<string, { value: boolean; fill: boolean }>();
  const values = new Map<string, CellValue>();
  const fills = new Map<string, string>();
  for (const e of edits) {
    const cell = cellKey(e.cell);
    let w = wrote.get(cell);
    if (!w) {
      w = { value: false, fill: false };
      wrote.set(cell, w);
      order.push(cell);
    }
    if (e.kind === "value") {
      w.value = true;
      values.set(cell, e.value);
    } else {
      w.fill = true;
      fills.set(cell, normalizeColor(e.color) ?? e.color);
    }
  }
  return { order, wrote, values, fills, fillCells: order.filter((c) => wrote.get(c)!.fill) };
}

function inside(p: { row: number; col: number }, a: MergedArea): boolean {
  return p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right;
}

/** The merged area holding `cell` other than at its top-left, if any. */
export function mergedInterior(cell: string, merges: readonly MergedArea[]): MergedArea | null {
  const p = parseA1(cell);
  if (!p) return null;
  return merges.find((a) => inside(p, a) && (p.row !== a.top || p.col !== a.left)) ?? null;
}

/**
 * Everything refused without a round trip, in this order: invalid addresses, colours and numbers;
 * text that would become a formula; values inside a merged area (not its top-left). `merges` are the
 * sheet's merged areas as last read (null: unknown, the host checks them itself).
 */
export function refuseBeforeWrite(
  sheet: string,
  edits: Edit[],
  merges: readonly MergedArea[] | null,
): HostFailure | null {
  const invalid: string[] = [];
  const formula: string[] = [];
  const merged: string[] = [];
  const add = (list: string[], cell: string) => {
    if (!list.includes(cell)) list.push(cell);
  };
  for (const e of edits) {
    const cell = cellKey(e.cell);
    if (!parseA1(cell)) {
      add(invalid, e.cell);
      continue;
    }
    if (e.kind === "fill") {
      if (!normalizeColor(e.color)) add(invalid, cell);
      continue;
    }
    if (typeof e.value === "number" && !Number.isFinite(e.value)) add(invalid, cell);
    else if (typeof e.value === "string" && FORMULA_LEAD.test(e.value)) add(formula, cell);
    if (merges && mergedInterior(cell, merges)) add(merged, cell);
  }
  if (invalid.length > 0) return { reason: "invalid", sheet, cells: invalid };
  if (formula.length > 0) return { reason: "formula", sheet, cells: formula };
  if (merged.length > 0) return { reason: "merged", sheet, cells: merged };
  return null;
}
