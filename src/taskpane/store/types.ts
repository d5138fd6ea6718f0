/** The shapes the pane store hands to React and to the pane's owner. */
import type { Grid, SheetReport, Table } from "../../engine";
import type { ApplyResult } from "../../hosts/host";

export type Intent = "success" | "error" | "warning" | "info";
export interface Notice {
  intent: Intent;
  text: string;
}

export type PaneStatus = "checking" | "ready" | "notTable" | "failed";

export interface PaneState {
  status: PaneStatus;
  sheets: string[];
  /** The sheet shown (checked, or that failed). */
  sheet: string | null;
  report: SheetReport | null;
  /** The parsed layout the report was made from, kept with it (the report draft reads it). */
  layout: Table | null;
  /** Why the sheet is not a 自评表 (status notTable). */
  reason: string | null;
  /** Read or engine failure text (status failed). */
  error: string | null;
  /** What the host threw when the read failed (words: host-error-text.ts); absent for engine failures. */
  cause?: unknown;
  protectedSheet: boolean;
  /** The grid the report was made from (corrections skip its formula cells). */
  grid: Grid | null;
  /** The tables stacked on the sheet, top to bottom (one for an ordinary sheet, none when not a table). */
  tables: TableChoice[];
  /** Index into tables of the one whose report is shown. */
  table: number;
  /**
   * Notes on the file as a whole from the host's `annotate` (a .docx 自评报告: "报告正文只与第一张自评表核对",
   * "报告正文未核对：…"), as the command line prints them; empty for a workbook.
   */
  fileNotes: string[];
}

/** One table on the checked sheet, as the table picker lists it. */
export interface TableChoice {
  title: string;
  unit: string | null;
  /** A1 range it spans ("A27:I47"). */
  range: string;
}

/** Everything the pane renders from, replaced as a whole on every change. */
export interface PaneSnapshot {
  state: PaneState;
  /** A job is queued or running on the write queue. */
  busy: boolean;
  /** The user edited the sheet and the re-check has not finished: writes are locked. */
  stale: boolean;
  highlightsOn: boolean;
  undoDepth: number;
  /** When the last check finished (shown beside 重新校验). */
  checkedAt: Date | null;
  /** Checks finished so far: a re-run that changes nothing still shows that it ran. */
  checks: number;
  /** Warnings marked "已在自评报告中说明", by noteKey. */
  notes: ReadonlySet<string>;
  /** Cards the user reviewed and set aside (忽略), by Card.ignoreKey. */
  ignored: ReadonlySet<string>;
  /** The marks are kept with the workbook (false: this session only — no document settings, or saving failed). */
  notesKept: boolean;
}

export interface WriteOutcome {
  result: ApplyResult | null;
  /** Set when the host threw. */
  error?: string;
  /** What the host threw (words: host-error-text.ts). */
  cause?: unknown;
  /** Set when there was no checked sheet to write to. */
  noSheet?: boolean;
}

/** What the pane's owner (the demo) may ask of it. */
export interface PaneControl {
  /** Takes highlights off (for good); resolves once the host has restored the fills. */
  removeHighlights(): Promise<void>;
  /** Runs fn with highlights off, then puts them back as they were. */
  withoutHighlights<R>(fn: () => R | Promise<R>): Promise<R>;
  /** The report shown, null when there is none (the download warns while errors remain). */
  report(): SheetReport | null;
  /** The warnings marked as explained in the 自评报告. */
  notes(): ReadonlySet<string>;
}
