/**
 * The pane's working state: which sheet, its report, the write history, highlights. All host
 * traffic goes through here so that the write rules hold in one place:
 * - every write is followed by a re-check (a fixed finding disappears);
 * - highlights are taken off before any write and put back after, so every undo record holds the
 *   cell's own fill, never our highlight colour;
 * - turning highlights off restores fills only, never values the user typed meanwhile;
 * - everything that writes (writes, undo, highlight redraws, sheet switches) runs one at a time on a
 *   serial queue, so two highlight batches can never interleave and an undo record is never half-read;
 * - a record (undo history, highlight record) is dropped only after the host confirmed the undo, so a
 *   failed undo can be retried and highlights never get stuck on the sheet;
 * - while the user's own edit has not been re-checked yet the report is stale and writes are locked.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
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
  /** Set when there was no checked sheet to write to. */
  noSheet?: boolean;
}

/** What the pane's owner (the demo) may ask of it: keep highlight fills out of what it saves. */
export interface PaneControl {
  /** Takes highlights off (for good); resolves once the host has restored the fills. */
  removeHighlights(): Promise<void>;
  /** Runs fn with highlights off, then puts them back as they were. */
  withoutHighlights<R>(fn: () => R | Promise<R>): Promise<R>;
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

/** The highlight record turned into a fills-only undo, so values typed since are kept. */
function fillsOnly(record: UndoRecord): UndoRecord {
  return {
    sheet: record.sheet,
    entries: record.entries.map((e) => ({ ...e, wrote: { value: false, fill: true } })),
  };
}

/**
 * @param onBackgroundError called when work nobody awaits (the re-check after the user's edit, the
 * redraw after a profile change) fails, so the pane can say so.
 */
export function usePane(host: Host, profile: Profile | undefined, onBackgroundError?: (e: unknown) => void) {
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
  /** Jobs queued or running on the serial queue; busy while any is. */
  const [pending, setPending] = useState(0);
  const busy = pending > 0;
  /** The user edited the sheet and the re-check has not finished: the report may be out of date. */
  const [stale, setStale] = useState(false);
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
  const onErrorRef = useRef(onBackgroundError);
  onErrorRef.current = onBackgroundError;
  const mounted = useRef(true);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Bumped on every user edit, so a re-check clears "stale" only if no newer edit came meanwhile. */
  const changeSeq = useRef(0);

  /** Runs fn after every job queued before it; busy until it ends. Never deadlock: jobs do not queue jobs. */
  const serial = useCallback(<R>(fn: () => Promise<R>): Promise<R> => {
    if (mounted.current) setPending((n) => n + 1);
    const run = queue.current.then(fn);
    queue.current = run.catch(() => undefined);
    return run.finally(() => {
      if (mounted.current) setPending((n) => n - 1);
    });
  }, []);

  const removeHighlights = useCallback(async () => {
    const h = highlight.current;
    if (!h) return;
    // The record says it wrote fills only, so the undo restores fills and leaves any value the
    // user typed into a highlighted cell since. Forget it only once the host has done so: if the
    // undo throws, the record stays and turning highlights off again retries it.
    if (h.record.entries.length > 0) await host.undo(fillsOnly(h.record));
    if (highlight.current === h) highlight.current = null;
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
      const base = {
        sheets: read.sheets,
        sheet: name,
        protectedSheet: !!read.grid.protected,
        grid: read.grid,
      };
      let next: PaneState;
      try {
        const res = checkGridTables(read.grid, profileRef.current);
        if (res.ok) {
          const count = res.tables.length;
          const kept = tableChoice.current;
          const index =
            kept && kept.sheet === name && kept.count === count && kept.index < count ? kept.index : 0;
          tableChoice.current = { sheet: name, count, index };
          const tables = res.tables.map((t) => ({
            title: t.report.title,
            unit: t.report.unit,
            range: t.range,
          }));
          next = {
            ...base,
            status: "ready",
            report: res.tables[index].report,
            reason: null,
            error: null,
            tables,
            table: index,
          };
        } else
          next = {
            ...base,
            status: "notTable",
            report: null,
            reason: res.reason,
            error: null,
            tables: [],
            table: 0,
          };
      } catch (e) {
        // The engine must never take the pane down: show the failure, keep the controls.
        next = {
          ...base,
          status: "failed",
          report: null,
          reason: null,
          error: errorText(e),
          tables: [],
          table: 0,
        };
      }
      current.current = { sheet: name, report: next.report };
      setState(next);
      return next.report;
    },
    [host],
  );

  /** Syncs the switch with the record (after work that may have added or dropped it). */
  const syncHighlights = useCallback(() => {
    if (mounted.current) setHighlightsOn(highlight.current !== null);
  }, []);

  /**
   * Runs a mutation on the queue with highlights off, re-checks, and puts highlights back on the new
   * report. If taking them off fails, nothing is written (the error propagates, the record stays).
   */
  const mutate = useCallback(
    <R>(fn: () => Promise<R>): Promise<R> =>
      serial(async () => {
        const wasOn = highlight.current !== null;
        try {
          if (wasOn) await removeHighlights();
          const out = await fn();
          const report = await check(current.current.sheet);
          if (wasOn && report && current.current.sheet) {
            try {
              await addHighlights(current.current.sheet, report);
            } catch (e) {
              // The write itself succeeded: report the redraw failure without hiding its outcome.
              onErrorRef.current?.(e);
            }
          }
          return out;
        } finally {
          syncHighlights();
        }
      }),
    [addHighlights, check, removeHighlights, serial, syncHighlights],
  );

  /** Applies edits to the current sheet; on success the undo record joins the history. */
  const write = useCallback(
    (edits: Edit[]): Promise<WriteOutcome> =>
      mutate(async () => {
        const sheet = current.current.sheet;
        if (!sheet) return { result: null, noSheet: true };
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

  /** Restores the last write exactly (values and fills). Throws if the host did; the record then stays for a retry. */
  const undoLast = useCallback(
    (): Promise<boolean> =>
      mutate(async () => {
        const rec = undoStack.current[undoStack.current.length - 1];
        if (!rec) return false;
        await host.undo(rec);
        undoStack.current.pop();
        if (mounted.current) setUndoDepth(undoStack.current.length);
        return true;
      }),
    [host, mutate],
  );

  const setHighlights = useCallback(
    (on: boolean): Promise<ApplyResult | null> =>
      serial(async () => {
        try {
          if (!on) {
            await removeHighlights();
            return null;
          }
          const { sheet, report } = current.current;
          if (!sheet || !report || highlight.current) return null;
          return await addHighlights(sheet, report);
        } finally {
          syncHighlights();
        }
      }),
    [addHighlights, removeHighlights, serial, syncHighlights],
  );

  /**
   * Picks the sheet to check (null: follow the active sheet). Highlights stay with their sheet: take
   * them off first; if that fails the pane stays on this sheet (the error propagates) so it can be retried.
   */
  const chooseSheet = useCallback(
    (sheet: string | null): Promise<void> =>
      serial(async () => {
        try {
          await removeHighlights();
        } finally {
          syncHighlights();
        }
        chosen.current = sheet;
        await check(sheet);
      }),
    [check, removeHighlights, serial, syncHighlights],
  );

  /** Checks again (一键校验), on the queue so it never lands between a write and its re-check. */
  const recheck = useCallback((sheet?: string | null) => serial(() => check(sheet)), [check, serial]);

  /** Re-checks and, if highlights are on and the findings moved, redraws them on the new report. */
  const checkAndRedraw = useCallback(
    async (sheet: string | null): Promise<void> => {
      const report = await check(sheet);
      const h = highlight.current;
      const name = current.current.sheet;
      if (!h || !report || !name || highlightKey(highlightEdits(report, true)) === h.key) return;
      try {
        await removeHighlights();
        await addHighlights(name, report);
      } finally {
        syncHighlights();
      }
    },
    [addHighlights, check, removeHighlights, syncHighlights],
  );

  const control: PaneControl = useMemo(
    () => ({
      removeHighlights: () =>
        serial(async () => {
          try {
            await removeHighlights();
          } finally {
            syncHighlights();
          }
        }),
      withoutHighlights: <R>(fn: () => R | Promise<R>) =>
        serial(async () => {
          const wasOn = highlight.current !== null;
          try {
            if (wasOn) await removeHighlights();
            const out = await fn();
            const { sheet, report } = current.current;
            if (wasOn && sheet && report) await addHighlights(sheet, report);
            return out;
          } finally {
            syncHighlights();
          }
        }),
    }),
    [addHighlights, removeHighlights, serial, syncHighlights],
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

  // Re-check when the user edits the sheet (debounced), and redraw highlights if findings moved. The
  // report is stale from the edit until that re-check ends: writes built from it are locked meanwhile.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = host.onChange((sheet) => {
      if (current.current.sheet && sheet !== current.current.sheet) return;
      const mine = ++changeSeq.current;
      setStale(true);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        serial(() => checkAndRedraw(current.current.sheet))
          .catch((e) => onErrorRef.current?.(e))
          .finally(() => {
            if (mounted.current && changeSeq.current === mine) setStale(false);
          });
      }, CHANGE_DEBOUNCE_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [host, serial, checkAndRedraw]);

  // Check at once on open, and again whenever the profile changes (highlights follow the new findings).
  useEffect(() => {
    serial(() => checkAndRedraw(current.current.sheet ?? chosen.current)).catch((e) =>
      onErrorRef.current?.(e),
    );
  }, [serial, checkAndRedraw, profile]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Best effort: highlights belong to this pane; a pane that goes away (the demo remounts it on
      // a sheet switch) must not leave its colours in the workbook. Queued after any job in flight.
      queue.current = queue.current.then(removeHighlights).catch(() => undefined);
    };
  }, [removeHighlights]);

  return {
    state,
    busy,
    stale,
    highlightsOn,
    undoDepth,
    check: recheck,
    write,
    undoLast,
    setHighlights,
    chooseSheet,
    chooseTable,
    control,
  };
}
