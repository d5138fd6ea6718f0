/**
 * The pane's working state outside React: which sheet, its report, the write history, highlights,
 * the warnings marked "已在自评报告中说明". All host traffic goes through here so the write rules hold
 * in one place:
 * - every write is followed by a re-check (a fixed finding disappears);
 * - highlights are taken off before any write and put back after, so every undo record holds the
 *   cell's own fill, never our highlight colour;
 * - turning highlights off restores fills only, never values the user typed meanwhile;
 * - everything that writes runs one at a time on a serial queue, so two highlight batches never
 *   interleave and an undo record is never half-read;
 * - a record (undo history, highlight record) is dropped only after the host confirmed the undo;
 * - while the user's own edit has not been re-checked yet the report is stale and writes are locked.
 * React reads it through subscribe/getSnapshot (useSyncExternalStore); tests drive it directly.
 */
import { highlightEdits } from "../../engine";
import type { Edit, Profile, SheetReport, UndoRecord } from "../../engine";
import { HostError, type ApplyResult, type Host } from "../../hosts/host";
import { errorMessage } from "../../engine/error-message";
import {
  CHANGE_DEBOUNCE_MS,
  EDIT_MODE_RETRY_MS,
  EMPTY_STATE,
  annotated,
  failedState,
  IGNORED_SETTING,
  NOTES_SETTING,
  fillsOnly,
  highlightKey,
  loadNotes,
  saveNotes,
  stateOf,
} from "./store-helpers";
import type { TableChoiceKept } from "./store-helpers";
import type { PaneControl, PaneSnapshot, PaneState, WriteOutcome } from "./types";

export { CHANGE_DEBOUNCE_MS, EDIT_MODE_RETRY_MS } from "./store-helpers";

export interface PaneStoreOptions {
  /** Called when work nobody awaits (a re-check after the user's edit, a redraw) fails. */
  onBackgroundError?: (e: unknown) => void;
  debounceMs?: number;
  now?: () => Date;
}

export class PaneStore {
  private snap: PaneSnapshot = {
    state: EMPTY_STATE,
    busy: false,
    stale: false,
    highlightsOn: false,
    undoDepth: 0,
    checkedAt: null,
    checks: 0,
    notes: new Set(),
    ignored: new Set(),
    notesKept: false,
  };
  private readonly listeners = new Set<() => void>();
  private pending = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private changeSeq = 0;
  private chosen: string | null = null;
  private tableChoice: TableChoiceKept | null = null;
  private current: { sheet: string | null; report: SheetReport | null } = { sheet: null, report: null };
  private undoStack: UndoRecord[] = [];
  private highlight: { record: UndoRecord; key: string } | null = null;
  private live = false;
  private offChange: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  onBackgroundError?: (e: unknown) => void;
  /** Issue 20 (store/comparison.ts): adds the 对照申报表 / 对照上年 findings to every check's report. */
  extend: ((state: PaneState, profile: Profile | undefined) => PaneState) | null = null;
  private readonly debounceMs: number;
  private readonly now: () => Date;

  constructor(
    readonly host: Host,
    private profile: Profile | undefined,
    options: PaneStoreOptions = {},
  ) {
    this.onBackgroundError = options.onBackgroundError;
    this.debounceMs = options.debounceMs ?? CHANGE_DEBOUNCE_MS;
    this.now = options.now ?? (() => new Date());
    this.snap = { ...this.snap, notesKept: typeof host.setSetting === "function" };
  }

  // --- the external-store contract ----------------------------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PaneSnapshot => this.snap;

  private set(patch: Partial<PaneSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of [...this.listeners]) l();
  }

  private setState(fn: (s: PaneState) => PaneState): void {
    this.set({ state: fn(this.snap.state) });
  }

  // --- life cycle ---------------------------------------------------------------------------------

  /** Listens for the user's edits and checks at once. Idempotent. */
  start(): void {
    if (this.live) return;
    this.live = true;
    this.offChange = this.host.onChange((sheet) => this.userChanged(sheet));
    this.background(() => this.checkAndRedraw(this.current.sheet ?? this.chosen));
  }

  /** Stops listening; highlights belong to this pane, so they come off (best effort, after any job). */
  dispose(): void {
    if (!this.live) return;
    this.live = false;
    this.offChange?.();
    this.offChange = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue = this.queue.then(() => this.removeHighlights()).catch(() => undefined);
  }

  /** A new profile re-checks, and highlights follow the new findings. */
  setProfile(profile: Profile | undefined): void {
    if (profile === this.profile) return;
    this.profile = profile;
    if (this.live) this.background(() => this.checkAndRedraw(this.current.sheet ?? this.chosen));
  }

  /** Resolves when every job queued so far has ended (tests, the demo's download). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  // --- what the pane asks for ---------------------------------------------------------------------

  /** Checks again (重新校验), on the queue so it never lands between a write and its re-check. */
  recheck(sheet?: string | null): Promise<SheetReport | null> {
    return this.serial(() => this.check(sheet));
  }

  /** Applies edits to the current sheet; on success the undo record joins the history. */
  write(edits: Edit[]): Promise<WriteOutcome> {
    return this.mutate(async () => {
      const sheet = this.current.sheet;
      if (!sheet) return { result: null, noSheet: true };
      try {
        const result = await this.host.apply(sheet, edits);
        if (result.ok) {
          this.undoStack.push(result.undo);
          this.set({ undoDepth: this.undoStack.length });
        }
        return { result };
      } catch (e) {
        return { result: null, error: errorMessage(e), cause: e };
      }
    });
  }

  /** Restores the last write exactly. Throws if the host did; the record then stays for a retry. */
  undoLast(): Promise<boolean> {
    return this.mutate(async () => {
      const rec = this.undoStack[this.undoStack.length - 1];
      if (!rec) return false;
      await this.host.undo(rec);
      this.undoStack.pop();
      this.set({ undoDepth: this.undoStack.length });
      return true;
    });
  }

  setHighlights(on: boolean): Promise<ApplyResult | null> {
    return this.serial(async () => {
      try {
        if (!on) {
          await this.removeHighlights();
          return null;
        }
        const { sheet, report } = this.current;
        if (!sheet || !report || this.highlight) return null;
        return await this.addHighlights(sheet, report);
      } finally {
        this.syncHighlights();
      }
    });
  }

  /** Picks the sheet to check (null: follow the active one). Highlights stay with their sheet: off first. */
  chooseSheet(sheet: string | null): Promise<void> {
    return this.serial(async () => {
      try {
        await this.removeHighlights();
      } finally {
        this.syncHighlights();
      }
      this.chosen = sheet;
      await this.check(sheet);
    });
  }

  /** Shows another table of a sheet with several; highlights move with it. */
  chooseTable(index: number): Promise<void> {
    return this.mutate(async () => {
      const sheet = this.current.sheet;
      const kept = this.tableChoice;
      if (sheet && kept && kept.sheet === sheet) this.tableChoice = { ...kept, index };
    });
  }

  /**
   * Marks a warning as explained in the 自评报告 (or takes the mark off). Kept with the workbook where
   * the host can (document settings); otherwise, or when saving fails, for this session only.
   */
  markExplained(key: string, on: boolean): Promise<void> {
    return this.mark("notes", NOTES_SETTING, key, on);
  }

  /**
   * Sets a card aside as reviewed (忽略 / 不适用), or brings it back. Kept with the workbook like the
   * report marks, under the card's data key, so it survives a re-check and lapses when the data change.
   */
  setIgnored(key: string, on: boolean): Promise<void> {
    return this.mark("ignored", IGNORED_SETTING, key, on);
  }

  private async mark(field: "notes" | "ignored", setting: string, key: string, on: boolean): Promise<void> {
    const next = new Set(this.snap[field]);
    if (on) next.add(key);
    else next.delete(key);
    this.set({ [field]: next });
    try {
      await saveNotes(this.host, next, setting);
    } catch {
      // The mark stays for this session; the card says it is not kept with the workbook.
      this.set({ notesKept: false });
    }
  }

  /** What the pane's owner (the demo) may ask of it. */
  readonly control: PaneControl = {
    removeHighlights: () =>
      this.serial(async () => {
        try {
          await this.removeHighlights();
        } finally {
          this.syncHighlights();
        }
      }),
    withoutHighlights: <R>(fn: () => R | Promise<R>) =>
      this.serial(async () => {
        const wasOn = this.highlight !== null;
        try {
          if (wasOn) await this.removeHighlights();
          const out = await fn();
          const { sheet, report } = this.current;
          if (wasOn && sheet && report) await this.addHighlights(sheet, report);
          return out;
        } finally {
          this.syncHighlights();
        }
      }),
    report: () => this.current.report,
    notes: () => this.snap.notes,
  };

  // --- internals ----------------------------------------------------------------------------------

  /** Runs fn after every job queued before it; busy until it ends. Jobs never queue jobs. */
  private serial<R>(fn: () => Promise<R>): Promise<R> {
    this.pending++;
    if (this.pending === 1) this.set({ busy: true });
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run.finally(() => {
      this.pending--;
      if (this.pending === 0) this.set({ busy: false });
    });
  }

  private background(fn: () => Promise<unknown>): void {
    this.serial(fn).catch((e) => this.onBackgroundError?.(e));
  }

  private syncHighlights(): void {
    if (this.snap.highlightsOn !== (this.highlight !== null))
      this.set({ highlightsOn: this.highlight !== null });
  }

  private async removeHighlights(): Promise<void> {
    const h = this.highlight;
    if (!h) return;
    // Fills only, so a value typed into a highlighted cell stays; forgotten only once the host did it.
    if (h.record.entries.length > 0) await this.host.undo(fillsOnly(h.record));
    if (this.highlight === h) this.highlight = null;
  }

  private async addHighlights(sheet: string, report: SheetReport): Promise<ApplyResult | null> {
    const edits = highlightEdits(report, true);
    if (edits.length === 0) {
      this.highlight = { record: { sheet, entries: [] }, key: "" };
      return null;
    }
    const res = await this.host.apply(sheet, edits);
    if (res.ok) this.highlight = { record: res.undo, key: highlightKey(edits) };
    return res;
  }

  /** Reads and checks a sheet (default: the one picked, else the active one). */
  private async check(sheet?: string | null): Promise<SheetReport | null> {
    const my = ++this.seq;
    const before = this.snap.state.status;
    this.setState((s) => ({ ...s, status: "checking" }));
    let read;
    try {
      read = await this.host.read(sheet ?? this.chosen ?? undefined);
    } catch (e) {
      if (my !== this.seq) return null;
      // Excel is editing a cell (the user is still typing): keep what is shown, stale, and check again soon.
      if (e instanceof HostError && e.reason === "edit-mode" && this.current.report) {
        this.setState((s) => ({ ...s, status: before }));
        if (this.current.sheet) this.userChanged(this.current.sheet, EDIT_MODE_RETRY_MS);
        return this.current.report;
      }
      // An unreadable sheet must not leave the previous result on screen.
      this.current = { sheet: this.current.sheet, report: null };
      this.setState((s) => failedState(s, e));
      return null;
    }
    if (my !== this.seq) return null;
    const name = read.grid.name;
    const { state: read0, choice } = stateOf(read, this.profile, this.tableChoice);
    const checked = annotated(this.host, read0, this.profile);
    const next = this.extend ? this.extend(checked, this.profile) : checked;
    this.tableChoice = choice;
    this.current = { sheet: name, report: next.report };
    const notes = await loadNotes(this.host).catch(() => null);
    const ignored = await loadNotes(this.host, IGNORED_SETTING).catch(() => null);
    this.set({
      state: next,
      checkedAt: this.now(),
      checks: this.snap.checks + 1,
      // Once saving failed, the session's marks are the truth, not what the workbook kept.
      ...(notes && this.snap.notesKept ? { notes } : {}),
      ...(ignored && this.snap.notesKept ? { ignored } : {}),
    });
    return next.report;
  }

  /** Runs a mutation with highlights off, re-checks, and puts highlights back on the new report. */
  private mutate<R>(fn: () => Promise<R>): Promise<R> {
    return this.serial(async () => {
      const wasOn = this.highlight !== null;
      try {
        if (wasOn) await this.removeHighlights();
        const out = await fn();
        const report = await this.check(this.current.sheet);
        if (wasOn && report && this.current.sheet) {
          try {
            await this.addHighlights(this.current.sheet, report);
          } catch (e) {
            // The write itself succeeded: report the redraw failure without hiding its outcome.
            this.onBackgroundError?.(e);
          }
        }
        return out;
      } finally {
        this.syncHighlights();
      }
    });
  }

  /** Re-checks and, if highlights are on and the findings moved, redraws them. */
  private async checkAndRedraw(sheet: string | null): Promise<void> {
    const report = await this.check(sheet);
    const h = this.highlight;
    const name = this.current.sheet;
    if (!h || !report || !name || highlightKey(highlightEdits(report, true)) === h.key) return;
    try {
      await this.removeHighlights();
      await this.addHighlights(name, report);
    } finally {
      this.syncHighlights();
    }
  }

  /** The user edited a sheet: stale until the debounced re-check ends (writes are locked meanwhile). */
  private userChanged(sheet: string, delay = this.debounceMs): void {
    if (this.current.sheet && sheet !== this.current.sheet) return;
    const mine = ++this.changeSeq;
    if (!this.snap.stale) this.set({ stale: true });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.serial(() => this.checkAndRedraw(this.current.sheet))
        .catch((e) => this.onBackgroundError?.(e))
        .finally(() => {
          if (this.changeSeq === mine) this.set({ stale: false });
        });
    }, delay);
  }
}
