/**
 * The pane's working state: which sheet, its report, the write history, highlights. All host
 * traffic goes through here so that the write rules hold in one place:
 * - every write is followed by a re-check (a fixed finding disappears);
 * - highlights are taken off before any write and put back after, so every undo record holds the
 *   cell's own fill, never our highlight colour;
 * - turning highlights off restores fills only, never values the user typed meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { checkGridTables, highlightEdits, parseA1 } from "../engine";
import type { Edit, Grid, Profile, SheetReport, UndoRecord } from "../engine";
import type { ApplyResult, Host } from "../hosts/host";

export const CHANGE_DEBOUNCE_MS = 400;

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
  /** Why the sheet is not a 自评表 (status notTable). */
  reason: string | null;
  /** Read or engine failure text (status failed). */
  error: string | null;
  protectedSheet: boolean;
  /** The grid the report was made from (corrections skip its formula cells). */
  grid: Grid | null;
  /** The tables stacked on the sheet, top to bottom (one entry for an ordinary sheet, none when not a table). */
  tables: TableChoice[];
  /** Index into tables of the one whose report is shown. */
  table: number;
}

/** One table on the checked sheet, as the table picker lists it. */
export interface TableChoice {
  title: string;
  unit: string | null;
  /** A1 range it spans ("A27:I47"). */
  range: string;
}

export interface WriteOutcome {
  result: ApplyResult | null;
  /** Set when the host threw. */
  error?: string;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Cells and colours of a highlight batch, to tell whether highlights need redrawing. */
function highlightKey(edits: Edit[]): string {
  return edits
    .map((e) => (e.kind === "fill" ? `${e.cell}=${e.color}` : e.cell))
    .sort()
    .join(";");
}

export function usePane(host: Host, profile: Profile | undefined) {
  const [state, setState] = useState<PaneState>({
    status: "checking",
    sheets: [],
    sheet: null,
    report: null,
    reason: null,
    error: null,
    protectedSheet: false,
    grid: null,
    tables: [],
    table: 0,
  });
  const [busy, setBusy] = useState(false);
  const [highlightsOn, setHighlightsOn] = useState(false);
  const [undoDepth, setUndoDepth] = useState(0);

  /** The sheet the user picked; null follows the active sheet. */
  const chosen = useRef<string | null>(null);
  /** The table the user picked on a sheet with several; kept while the sheet keeps that many tables. */
  const tableChoice = useRef<{ sheet: string; count: number; index: number } | null>(null);
  const current = useRef<{ sheet: string | null; report: SheetReport | null }>({ sheet: null, report: null });
  const seq = useRef(0);
  const undoStack = useRef<UndoRecord[]>([]);
  const highlight = useRef<{ record: UndoRecord; key: string } | null>(null);
  const profileRef = useRef(profile);
  profileRef.current = profile;
  const mounted = useRef(true);

  const removeHighlights = useCallback(async () => {
    const h = highlight.current;
    if (!h) return;
    highlight.current = null;
    // The record says it wrote fills only, so the undo restores fills and leaves any value the
    // user typed into a highlighted cell since.
    await host.undo({ sheet: h.record.sheet, entries: h.record.entries.map((e) => ({ ...e, wrote: { value: false, fill: true } })) });
  }, [host]);

  const addHighlights = useCallback(
    async (sheet: string, report: SheetReport): Promise<ApplyResult | null> => {
      const edits = highlightEdits(report, true);
      if (edits.length === 0) {
        highlight.current = { record: { sheet, entries: [] }, key: "" };
        return null;
      }
      const res = await host.apply(sheet, edits);
      if (res.ok) highlight.current = { record: res.undo, key: highlightKey(edits) };
      return res;
    },
    [host],
  );

  /** Reads and checks a sheet (default: the one the user picked, else the active one); returns the report, null when there is none. */
  const check = useCallback(
    async (sheet?: string | null): Promise<SheetReport | null> => {
      const my = ++seq.current;
      setState((s) => ({ ...s, status: "checking" }));
      let read;
      try {
        read = await host.read(sheet ?? chosen.current ?? undefined);
      } catch (e) {
        if (my !== seq.current || !mounted.current) return null;
        setState((s) => ({ ...s, status: "failed", report: null, grid: null, error: errorText(e) }));
        return null;
      }
      if (my !== seq.current || !mounted.current) return null;
      const name = read.grid.name;
      const base = { sheets: read.sheets, sheet: name, protectedSheet: !!read.grid.protected, grid: read.grid };
      let next: PaneState;
      try {
        const res = checkGridTables(read.grid, profileRef.current);
        if (res.ok) {
          const count = res.tables.length;
          const kept = tableChoice.current;
          const index = kept && kept.sheet === name && kept.count === count && kept.index < count ? kept.index : 0;
          tableChoice.current = { sheet: name, count, index };
          const tables = res.tables.map((t) => ({ title: t.report.title, unit: t.report.unit, range: t.range }));
          next = { ...base, status: "ready", report: res.tables[index].report, reason: null, error: null, tables, table: index };
        } else next = { ...base, status: "notTable", report: null, reason: res.reason, error: null, tables: [], table: 0 };
      } catch (e) {
        // The engine must never take the pane down: show the failure, keep the controls.
        next = { ...base, status: "failed", report: null, reason: null, error: errorText(e), tables: [], table: 0 };
      }
      current.current = { sheet: name, report: next.report };
      setState(next);
      return next.report;
    },
    [host],
  );

  /** Runs a mutation with highlights off, re-checks, and puts highlights back on the new report. */
  const mutate = useCallback(
    async <R,>(fn: () => Promise<R>): Promise<R> => {
      setBusy(true);
      const wasOn = highlight.current !== null;
      try {
        if (wasOn) await removeHighlights();
        const out = await fn();
        const report = await check(current.current.sheet);
        if (wasOn && report && current.current.sheet) await addHighlights(current.current.sheet, report);
        return out;
      } finally {
        if (wasOn && !highlight.current) setHighlightsOn(false);
        if (mounted.current) setBusy(false);
      }
    },
    [addHighlights, check, removeHighlights],
  );

  /** Applies edits to the current sheet; on success the undo record joins the history. */
  const write = useCallback(
    (edits: Edit[]): Promise<WriteOutcome> =>
      mutate(async () => {
        const sheet = current.current.sheet;
        if (!sheet) return { result: null, error: "no sheet" };
        try {
          const result = await host.apply(sheet, edits);
          if (result.ok) {
            undoStack.current.push(result.undo);
            setUndoDepth(undoStack.current.length);
          }
          return { result };
        } catch (e) {
          return { result: null, error: errorText(e) };
        }
      }),
    [host, mutate],
  );

  /** Restores the last write exactly (values and fills). */
  const undoLast = useCallback(
    (): Promise<boolean> =>
      mutate(async () => {
        const rec = undoStack.current.pop();
        setUndoDepth(undoStack.current.length);
        if (!rec) return false;
        await host.undo(rec);
        return true;
      }),
    [host, mutate],
  );

  const setHighlights = useCallback(
    async (on: boolean): Promise<ApplyResult | null> => {
      setBusy(true);
      try {
        if (!on) {
          await removeHighlights();
          setHighlightsOn(false);
          return null;
        }
        const { sheet, report } = current.current;
        if (!sheet || !report || highlight.current) return null;
        const res = await addHighlights(sheet, report);
        setHighlightsOn(highlight.current !== null);
        return res;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [addHighlights, removeHighlights],
  );

  /** Picks the sheet to check (null: follow the active sheet). Highlights stay with their sheet: take them off. */
  const chooseSheet = useCallback(
    async (sheet: string | null) => {
      if (highlight.current) {
        await removeHighlights();
        setHighlightsOn(false);
      }
      chosen.current = sheet;
      await check(sheet);
    },
    [check, removeHighlights],
  );

  /** Shows another table of a sheet with several; highlights move to it (mutate takes them off and puts them back). */
  const chooseTable = useCallback(
    (index: number) =>
      mutate(async () => {
        const sheet = current.current.sheet;
        const kept = tableChoice.current;
        if (sheet && kept && kept.sheet === sheet) tableChoice.current = { ...kept, index };
      }),
    [mutate],
  );

  // Re-check when the user edits the sheet (debounced), and redraw highlights if findings moved.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = host.onChange((sheet) => {
      if (current.current.sheet && sheet !== current.current.sheet) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(async () => {
        timer = null;
        const report = await check(current.current.sheet);
        const h = highlight.current;
        if (h && report && current.current.sheet && highlightKey(highlightEdits(report, true)) !== h.key) {
          await removeHighlights();
          await addHighlights(current.current.sheet, report);
        }
      }, CHANGE_DEBOUNCE_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [host, check, removeHighlights, addHighlights]);

  // Check at once on open, and again whenever the profile changes.
  useEffect(() => {
    void check(current.current.sheet ?? chosen.current);
  }, [check, profile]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  return { state, busy, highlightsOn, undoDepth, check, write, undoLast, setHighlights, chooseSheet, chooseTable };
}
