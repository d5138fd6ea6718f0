/**
 * The one interface every host implements (Excel, WPS, memory). Hosts read a sheet into a Grid
 * and apply Edits back; the engine decides everything else. See docs: architecture.md.
 */
import type { CellValue, Grid } from "../engine/grid";
import type { Edit, UndoRecord } from "../engine/types";

export type HostKind = "excel" | "wps" | "memory";

export interface SheetRead {
  /** The sheet that was read. */
  grid: Grid;
  /** All worksheet names in workbook order. */
  sheets: string[];
  /** The active sheet's name. */
  active: string;
}

export type ApplyResult =
  | { ok: true; undo: UndoRecord; notes: string[] }
  | {
      ok: false;
      /** "protected": the sheet is protected; "unwritable": some cells cannot be written. */
      reason: "protected" | "unwritable" | "failed";
      cells: string[];
      /** Chinese message for the user. */
      message: string;
    };

export interface HostCapabilities {
  /** Old fills can be read back and restored exactly (ExcelApi 1.9; WPS; memory). */
  restoreFills: boolean;
  /** Merged areas are read from the host (ExcelApi 1.13; WPS; memory); otherwise inferred. */
  mergedAreas: boolean;
  /** The host can report sheet changes. */
  changeEvents: boolean;
}

export interface Host {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  /** Reads the named sheet (default: the active one) in one round trip. */
  read(sheet?: string): Promise<SheetRead>;
  /**
   * Applies a batch of edits to one sheet in one round trip. Records old values and fills first;
   * refuses protected sheets and unwritable cells before writing anything.
   */
  apply(sheet: string, edits: Edit[]): Promise<ApplyResult>;
  /** Restores exactly what an apply recorded. */
  undo(record: UndoRecord): Promise<void>;
  /** Moves the user to a cell. */
  select(sheet: string, cell: string): Promise<void>;
  /** Calls back (debounced by the caller) when the user changes a sheet; ignores the host's own writes. Returns an unsubscribe. */
  onChange(callback: (sheet: string) => void): () => void;
  /**
   * Adds a new worksheet holding `rows` (the findings export "校验结果"); never overwrites an existing
   * sheet: a taken name gets a suffix ("校验结果 (2)"). Returns the name used.
   */
  addSheet?(name: string, rows: CellValue[][]): Promise<string>;
}
