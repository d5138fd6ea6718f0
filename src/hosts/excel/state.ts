/**
 * What the Excel host's parts share: the Office.js seam, the requirement-set test, what the last read
 * of each sheet found, our own writes, and what each apply wrote. One object, handed to read, apply,
 * recovery, undo and events, so each of them can live in its own file.
 */
import type { CellValue, Grid, MergedArea } from "../../engine/grid";
import { parseA1 } from "../../engine/grid";
import type { Edit, UndoRecord } from "../../engine/types";
import type { HostCapabilities } from "../host";
import type { OwnWrites } from "../own-writes";
import type { WriteMemo } from "../undo-rules";
import { cellKey } from "../write-rules";

/** What the host needs from Office.js; tests pass office-addin-mock objects instead. */
export interface ExcelApi {
  /**
   * Excel.run. `delayForCellEdit`: Excel holds the batch until the user leaves cell edit mode instead
   * of failing it (for background work the user did not ask for at that moment; clients that predate
   * the option ignore it and fail as before, which read.ts reports as "edit-mode").
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T>;
  /** Runs a batch in an existing context (removing an event handler needs the context that added it). */
  runIn<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  isSetSupported(version: string): boolean;
  /** Office.context.document.settings, or null where this Office has none. */
  documentSettings?(): DocumentSettings | null;
}

/** The part of Excel.RunOptions the host uses. */
export interface RunOptions {
  delayForCellEdit?: boolean;
}

/** Background batches: wait for the user to finish typing rather than fail (see ExcelApi.run). */
export const BACKGROUND: RunOptions = { delayForCellEdit: true };

/**
 * Office.context.document.settings: the add-in's own settings, loaded with the document when the
 * pane starts and written into it by saveAsync (the user's next save of the workbook keeps them).
 */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message?: string } | null }) => void): void;
}

/** Office.js as loaded in Excel. */
export function officeExcelApi(): ExcelApi {
  return {
    run: (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    runIn: (context, batch) => Excel.run(context, batch),
    isSetSupported: (version) => {
      try {
        return Office.context.requirements.isSetSupported("ExcelApi", version);
      } catch {
        return false;
      }
    },
    documentSettings: () => {
      try {
        const s = Office.context.document?.settings as unknown as Partial<DocumentSettings> | undefined;
        const usable =
          !!s && ["get", "set", "remove", "saveAsync"].every((m) => typeof s[m as "get"] === "function");
        return usable ? (s as DocumentSettings) : null;
      } catch {
        return null;
      }
    },
  };
}

export interface SheetKnowledge {
  protected: boolean | null;
  merges: MergedArea[];
  mergesKnown: boolean;
  /**
   * The grid of the last read, and what we wrote or restored since: the state to put back if a
   * one-sync apply is cut short (a failed batch returns none of the old values it loaded).
   */
  grid?: Grid;
  since?: Map<string, { value: CellValue; formula: string | null }>;
}

export interface ExcelState {
  readonly api: ExcelApi;
  readonly has: (version: string) => boolean;
  readonly capabilities: HostCapabilities;
  readonly known: Map<string, SheetKnowledge>;
  readonly own: OwnWrites;
  /**
   * What each apply wrote per cell (values, fills, row anchors), so undo can leave alone what the
   * user changed since. Kept beside the record rather than in it: the UndoRecord contract is shared.
   */
  readonly written: WeakMap<UndoRecord, WriteMemo>;
}

export function errorCode(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
}

/**
 * A batch Excel refused because the user is typing in a cell: InvalidOperationInCellEditMode, or the
 * plain InvalidOperation some clients return for the same refusal. For a read (background work)
 * both mean "retry later"; an apply keeps the exact code so a real invalid operation is not worded
 * as "press Enter or Esc".
 */
export function editModeCode(e: unknown): boolean {
  const code = errorCode(e);
  return code === "InvalidOperationInCellEditMode" || code === "InvalidOperation";
}

/** A value Excel returned equals one we wrote (text comes back without its quote prefix). */
export function sameValue(raw: unknown, v: CellValue): boolean {
  const now = raw === "" || raw === undefined || raw === null ? null : raw;
  return now === v;
}

/** What a cell held at the last read, updated by our own writes and undos since; null when unknown. */
export function lastKnown(
  state: ExcelState,
  sheet: string,
  cell: string,
): { value: CellValue; formula: string | null } | null {
  const k = state.known.get(sheet);
  if (!k?.grid) return null;
  const since = k.since?.get(cell);
  if (since) return since;
  const p = parseA1(cell)!;
  return {
    value: k.grid.values[p.row]?.[p.col] ?? null,
    formula: k.grid.formulas?.[p.row]?.[p.col] ?? null,
  };
}

/** Notes what our writes left in cells, so a later recovery puts back the right thing. */
export function remember(state: ExcelState, sheet: string, edits: Edit[]): void {
  const k = state.known.get(sheet);
  if (!k?.grid) return;
  k.since ??= new Map();
  for (const e of edits)
    if (e.kind === "value") k.since.set(cellKey(e.cell), { value: e.value, formula: null });
}
