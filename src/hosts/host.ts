/**
 * The one interface every host implements (Excel, WPS, memory). Hosts read a sheet into a Grid
 * and apply Edits back; the engine decides everything else. See docs: architecture.md.
 */
import type { CellValue, Grid } from "../engine/grid";
import type { Edit, Profile, SheetReport, Table, UndoRecord } from "../engine/types";

export type HostKind = "excel" | "wps" | "memory";

export interface SheetRead {
  /** The sheet that was read. */
  grid: Grid;
  /** All worksheet names in workbook order. */
  sheets: string[];
  /** The active sheet's name. */
  active: string;
}

/**
 * Why a host did not do what it was asked. Hosts return (or throw, as HostError) this data, never
 * sentences: the pane and the CLI choose the words (src/taskpane/host-error-text.ts).
 */
export type HostProblem =
  /** The sheet is protected: `cells` are locked, or (fillsOnly) formatting cells is not allowed. */
  | "protected"
  /** A value aimed inside a merged area rather than at its top-left cell. */
  | "merged"
  /** A bad cell address, colour or number. */
  | "invalid"
  /** Text that starts with = + - @, which the spreadsheet would read as a formula. */
  | "formula"
  /** The sheet is no longer in the workbook (deleted or renamed). */
  | "no-sheet"
  /** The workbook the sheet was read from is closed, or no workbook is open. */
  | "no-workbook"
  /** Rows or columns moved since the write: `cells` no longer hold what was written there. */
  | "moved"
  /** The sheet was protected after it was checked, and the spreadsheet refused the write. */
  | "protected-since"
  /** Excel is editing a cell (the user has not pressed Enter or Esc). */
  | "edit-mode"
  /** Reading failed; `detail` holds the host's own error text. */
  | "read-failed"
  /** Inside Excel (the pane's address says so) but office.js did not load: blocked or unreachable. */
  | "no-office-js"
  /** The WPS pane page opened outside WPS Spreadsheets (no `Application` / `wps.EtApplication()`). */
  | "no-wps"
  /** Office did not answer Office.onReady in time; `detail` holds the seconds waited. */
  | "office-timeout"
  /** This Excel lacks ExcelApi 1.1 or the Excel object. */
  | "unsupported-excel"
  /** The sheet came from a file nothing can be written back to (a table read out of a Word document). */
  | "read-only"
  /** Anything else; `detail` holds the host's own error text. */
  | "failed";

/** What a write that failed half-way left behind (absent: nothing was written). */
export interface PartialWrite {
  /** Cells written and then put back as the last read saw them. */
  restored: string[];
  /** Cells that now hold our value and could not be put back. */
  notRestored: string[];
  /** Cells whose fill may now be the highlight colour. */
  fillsChanged: string[];
  /** False when the host could not even re-read the cells: any of `cells` may have been written. */
  checked: boolean;
}

export interface HostFailure {
  reason: HostProblem;
  /** The sheet concerned ("" when none). */
  sheet: string;
  cells: string[];
  /** The spreadsheet's own error text, passed through untranslated. */
  detail?: string;
  /** "protected": only fills were blocked (formatting cells not allowed), every value cell was writable. */
  fillsOnly?: boolean;
  /** The workbook concerned (WPS binds to one by its FullName), when it matters for the words. */
  workbook?: string;
  /** "no-sheet" on read: the sheets that do exist. */
  existing?: string[];
  partial?: PartialWrite;
}

/** A host failure thrown (read, undo, select, addSheet): the same data as a refused apply. */
export class HostError extends Error implements HostFailure {
  readonly reason: HostProblem;
  readonly sheet: string;
  readonly cells: string[];
  readonly detail?: string;
  readonly fillsOnly?: boolean;
  readonly existing?: string[];
  readonly workbook?: string;
  readonly partial?: PartialWrite;
  /** What was being done when it failed, for the words around it. */
  readonly during: "read" | "apply" | "undo" | "select" | "add-sheet" | "connect";

  constructor(during: HostError["during"], failure: HostFailure) {
    // Not a sentence for users: the pane words it. This is for logs and developers.
    super(
      `${during} ${failure.reason}` +
        (failure.sheet ? ` sheet=${failure.sheet}` : "") +
        (failure.cells.length ? ` cells=${failure.cells.join(",")}` : "") +
        (failure.detail ? `: ${failure.detail}` : ""),
    );
    this.name = "HostError";
    this.during = during;
    this.reason = failure.reason;
    this.sheet = failure.sheet;
    this.cells = failure.cells;
    if (failure.detail !== undefined) this.detail = failure.detail;
    if (failure.fillsOnly !== undefined) this.fillsOnly = failure.fillsOnly;
    if (failure.existing !== undefined) this.existing = failure.existing;
    if (failure.workbook !== undefined) this.workbook = failure.workbook;
    if (failure.partial !== undefined) this.partial = failure.partial;
  }
}

/** Data notes on a successful apply. */
export type HostNote =
  /** Older Excel (below ExcelApi 1.9) cannot read fills: undo clears a highlight instead of restoring. */
  "fills-not-restorable";

export type ApplyResult = { ok: true; undo: UndoRecord; notes: HostNote[] } | ({ ok: false } & HostFailure);

export interface HostCapabilities {
  /** Old fills can be read back and restored exactly (ExcelApi 1.9; WPS; memory). */
  restoreFills: boolean;
  /** Merged areas are read from the host (ExcelApi 1.13; WPS; memory); otherwise inferred. */
  mergedAreas: boolean;
  /** The host can report sheet changes. */
  changeEvents: boolean;
  /**
   * Set when nothing can be written back, and why (the pane words it): "word-document" — the sheets are
   * the tables of a .docx 自评报告. Every apply is then refused with reason "read-only".
   */
  readOnly?: ReadOnlyReason;
}

/** Why a host cannot write: the sheets are Word tables (the pane's words: 表格来自 Word 文档，无法写回). */
export type ReadOnlyReason = "word-document";

/** A checked table, as a host's `annotate` is given it. */
export interface AnnotateInput {
  sheet: string;
  /** 0-based index of the table shown among the sheet's tables; absent for no table. */
  table: number;
  /** null when the sheet holds no 自评表. */
  report: SheetReport | null;
  layout: Table | null;
  grid: Grid;
  profile: Profile | undefined;
}

/** What the file around a sheet adds to its check. */
export interface Annotated {
  /** The report to show (the table's findings plus what the file adds), null when none. */
  report: SheetReport | null;
  /** Notes on the file as a whole, as data for the pane to show (already in words, from the engine). */
  notes: string[];
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
  /**
   * A document setting kept with the workbook (Office document settings, WPS document properties):
   * the pane keeps the warnings marked "已在自评报告中说明" there. null when the key is not set.
   */
  getSetting?(key: string): Promise<string | null>;
  /** Sets (null: removes) a document setting; saved with the workbook. */
  setSetting?(key: string, value: string | null): Promise<void>;
  /**
   * What the document around a checked sheet adds (a .docx 自评报告: its prose checked against the table,
   * the REPORT_ findings, exactly as `ziping check 报告.docx` adds them). Called after every check.
   */
  annotate?(input: AnnotateInput): Annotated;
}
