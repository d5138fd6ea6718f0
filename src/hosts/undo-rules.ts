/**
 * Undo's rules, shared by every host. Undo records hold A1 addresses, and rows may have been
 * inserted or deleted since the write: before restoring, each cell is checked to be still the one
 * written — the text cells of its row (the indicator's name, to the left of a score) are where they
 * were — or followed to the one row where they now are; otherwise it is left alone and reported
 * ("moved"). A value the user typed since, or a fill the user chose since, is never reverted.
 */
import type { CellValue, Grid } from "../engine/grid";
import { parseA1, toA1 } from "../engine/grid";
import type { UndoEntry, UndoRecord } from "../engine/types";
import type { BatchPlan } from "./write-rules";

/** The text cells that identify a written cell's row at the time of the write. */
export interface Anchor {
  row: number;
  col: number;
  cells: { col: number; text: string }[];
}

/** What an apply wrote, with the row anchors taken from the grid it was based on. */
export interface WriteMemo extends BatchPlan {
  anchors?: Map<string, Anchor>;
  /** Moved cells already reported: a second undo of the record finishes without them. */
  reported?: Set<string>;
}

/**
 * The moved cells to report now (null: none). Reported once: the pane keeps a record whose undo
 * threw, so the next attempt completes (skipping these cells) instead of failing for ever.
 */
export function movedToReport(memo: WriteMemo | undefined, moved: string[]): string[] | null {
  if (moved.length === 0) return null;
  const fresh = moved.filter((c) => !memo?.reported?.has(c));
  if (memo) {
    memo.reported ??= new Set();
    for (const c of moved) memo.reported.add(c);
  }
  return fresh.length > 0 ? fresh : null;
}

function textOf(v: CellValue | undefined): string {
  return typeof v === "string" ? v.trim() : "";
}

/** The anchors of a batch's cells: the text cells left of each (else right of it) in its row, not written by the batch. */
export function anchorsFor(grid: Pick<Grid, "values">, plan: BatchPlan): Map<string, Anchor> {
  const out = new Map<string, Anchor>();
  const written = new Set(plan.order);
  for (const cell of plan.order) {
    const p = parseA1(cell);
    if (!p) continue;
    const row = grid.values[p.row] ?? [];
    const pick = (from: number, to: number) => {
      const cells: { col: number; text: string }[] = [];
      for (let c = from; c < to; c++) {
        const t = textOf(row[c]);
        if (t && !written.has(toA1(p.row, c))) cells.push({ col: c, text: t });
      }
      return cells;
    };
    const left = pick(0, p.col);
    out.set(cell, { row: p.row, col: p.col, cells: left.length > 0 ? left : pick(p.col + 1, row.length) });
  }
  return out;
}

/** The sheet as it is now, as far as undo needs it. */
export interface SheetNow {
  rows: number;
  value(row: number, col: number): CellValue;
  formula(row: number, col: number): string | null;
}

/**
 * Where a written cell is now: the same address when its row still holds the anchor, the one row
 * that does when it moved, null when it cannot be told (then undo leaves it alone).
 */
export function locate(cell: string, anchor: Anchor | undefined, now: SheetNow): string | null {
  if (!anchor || anchor.cells.length === 0) return cell; // nothing to check against: trust the address
  const holds = (r: number) => anchor.cells.every((a) => textOf(now.value(r, a.col)) === a.text);
  if (holds(anchor.row)) return cell;
  const found: number[] = [];
  for (let r = 0; r < now.rows && found.length < 2; r++) if (holds(r)) found.push(r);
  return found.length === 1 ? toA1(found[0], anchor.col) : null;
}

/** One entry of an undo, resolved against the sheet as it is now. */
export interface UndoStep {
  entry: UndoEntry;
  /** The cell to restore (the written one, or where it moved). */
  target: string;
  /** Restore the value (we wrote it, and the cell still holds what we wrote). */
  value: boolean;
  /** Restore the fill (we wrote it; whether the user changed it since is checked with fillStillOurs). */
  fill: boolean;
}

/**
 * Resolves a record against the sheet now: the steps to take and the cells that moved beyond
 * following. Without a memo (a record from elsewhere) values are restored as recorded.
 */
export function planUndo(
  record: UndoRecord,
  memo: WriteMemo | undefined,
  now: SheetNow | null,
): { steps: UndoStep[]; moved: string[] } {
  const steps: UndoStep[] = [];
  const moved: string[] = [];
  for (const entry of record.entries) {
    const wrote = entry.wrote ?? { value: true, fill: true };
    const target = now ? locate(entry.cell, memo?.anchors?.get(entry.cell), now) : entry.cell;
    if (target === null) {
      moved.push(entry.cell);
      continue;
    }
    let value = wrote.value;
    if (value && memo && now && memo.values.has(entry.cell)) {
      // A cell that no longer holds what we wrote was typed into since: the user's text wins.
      const p = parseA1(target)!;
      const raw = now.value(p.row, p.col);
      value = now.formula(p.row, p.col) === null && (raw === "" ? null : raw) === memo.values.get(entry.cell);
    }
    steps.push({ entry, target, value, fill: wrote.fill });
  }
  return { steps, moved };
}

/** True when the cell's fill is still the one we wrote (the user did not choose another since). Unknown counts as ours. */
export function fillStillOurs(
  memo: WriteMemo | undefined,
  cell: string,
  fillNow: string | null | undefined,
): boolean {
  const ours = memo?.fills.get(cell);
  if (ours === undefined || fillNow === undefined) return true;
  return (fillNow ?? "").toUpperCase() === ours.toUpperCase();
}

/** A Grid as a SheetNow. */
export function gridNow(grid: Pick<Grid, "values" | "formulas">): SheetNow {
  return {
    rows: grid.values.length,
    value: (r, c) => grid.values[r]?.[c] ?? null,
    formula: (r, c) => grid.formulas?.[r]?.[c] ?? null,
  };
}
