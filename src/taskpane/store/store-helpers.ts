/** Small pure helpers of the pane store: highlight keys, fills-only undo, the report-notes setting. */
import { checkGridTables } from "../../engine";
import type { Edit, Finding, Profile, UndoRecord } from "../../engine";
import type { Host, SheetRead } from "../../hosts/host";
import { errorMessage } from "../../engine/error-message";
import type { PaneState } from "./types";

/** How long after the user's last change the re-check runs. */
export const CHANGE_DEBOUNCE_MS = 400;
/** How long to wait before reading again while Excel is in cell-edit mode. */
export const EDIT_MODE_RETRY_MS = 1000;

/** Before the first check. */
export const EMPTY_STATE: PaneState = {
  status: "checking",
  sheets: [],
  sheet: null,
  report: null,
  layout: null,
  reason: null,
  error: null,
  protectedSheet: false,
  grid: null,
  tables: [],
  table: 0,
  fileNotes: [],
};

/** After a read that failed: nothing of the previous result stays on screen. */
export function failedState(s: PaneState, e: unknown): PaneState {
  return { ...s, status: "failed", report: null, layout: null, grid: null, error: errorMessage(e), cause: e };
}

/** The table the user picked on a sheet with several; kept while the sheet keeps that many tables. */
export interface TableChoiceKept {
  sheet: string;
  count: number;
  index: number;
}

/** Checks what was read: the pane state for it, and the table choice to keep. Never throws. */
export function stateOf(
  read: SheetRead,
  profile: Profile | undefined,
  kept: TableChoiceKept | null,
): { state: PaneState; choice: TableChoiceKept | null } {
  const name = read.grid.name;
  const base = {
    sheets: read.sheets,
    sheet: name,
    protectedSheet: !!read.grid.protected,
    grid: read.grid,
    fileNotes: [],
  };
  const none = { report: null, layout: null, reason: null, error: null, tables: [], table: 0 };
  try {
    const res = checkGridTables(read.grid, profile);
    if (!res.ok) return { state: { ...base, ...none, status: "notTable", reason: res.reason }, choice: kept };
    const count = res.tables.length;
    const index = kept && kept.sheet === name && kept.count === count && kept.index < count ? kept.index : 0;
    const tables = res.tables.map((t) => ({ title: t.report.title, unit: t.report.unit, range: t.range }));
    return {
      state: {
        ...base,
        status: "ready",
        report: res.tables[index].report,
        layout: res.tables[index].table,
        reason: null,
        error: null,
        tables,
        table: index,
      },
      choice: { sheet: name, count, index },
    };
  } catch (e) {
    // The engine must never take the pane down: show the failure, keep the controls.
    return { state: { ...base, ...none, status: "failed", error: errorMessage(e) }, choice: kept };
  }
}

/**
 * What the host's document adds to a check (a .docx 自评报告: its prose against the table, REPORT_
 * findings). Never throws: a failure leaves the table's own report and says so in the file notes.
 */
export function annotated(host: Host, state: PaneState, profile: Profile | undefined): PaneState {
  if (!host.annotate || !state.grid || !state.sheet) return state;
  try {
    const out = host.annotate({
      sheet: state.sheet,
      table: state.table,
      report: state.report,
      layout: state.layout,
      grid: state.grid,
      profile,
    });
    return { ...state, report: state.report ? (out.report ?? state.report) : null, fileNotes: out.notes };
  } catch (e) {
    return { ...state, fileNotes: [`报告正文未能核对：${errorMessage(e)}`] };
  }
}

/** Document setting that keeps the warnings marked "已在自评报告中说明" with the workbook. */
export const NOTES_SETTING = "ziping.explainedInReport";

/** Cells and colours of a highlight batch, to tell whether highlights need redrawing. */
export function highlightKey(edits: Edit[]): string {
  return edits
    .map((e) => (e.kind === "fill" ? `${e.cell}=${e.color}` : e.cell))
    .sort()
    .join(";");
}

/** The highlight record turned into a fills-only undo, so values typed since are kept. */
export function fillsOnly(record: UndoRecord): UndoRecord {
  return {
    sheet: record.sheet,
    entries: record.entries.map((e) => ({ ...e, wrote: { value: false, fill: true } })),
  };
}

/** The key a marked warning is kept under: its sheet, code and cell. */
export function noteKey(sheet: string, f: Pick<Finding, "code" | "cell">): string {
  return `${sheet}!${f.code}@${f.cell}`;
}

/** Document setting that keeps the cards the user reviewed and set aside (忽略), by Card.ignoreKey. */
export const IGNORED_SETTING = "ziping.ignored";

/** The marks kept with the workbook under a setting; null where the host keeps no document settings. */
export async function loadNotes(host: Host, setting = NOTES_SETTING): Promise<Set<string> | null> {
  if (!host.getSetting) return null;
  const raw = await host.getSetting(setting);
  if (!raw) return new Set();
  try {
    const v: unknown = JSON.parse(raw);
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  } catch {
    return new Set();
  }
}

export async function saveNotes(
  host: Host,
  notes: ReadonlySet<string>,
  setting = NOTES_SETTING,
): Promise<void> {
  if (!host.setSetting) return;
  await host.setSetting(setting, notes.size ? JSON.stringify([...notes].sort()) : null);
}
