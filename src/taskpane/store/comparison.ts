/**
 * 对照申报表 / 对照上年 (issue 20, docs/spec/targets.md): which other table the checked 自评表 is compared
 * with, and the hook the pane store calls on every check to add the comparison findings to the report.
 * A sheet of this workbook is remembered with the workbook (document setting); another workbook's
 * content (the demo's second file) only for the session. React reads it through subscribe/getSnapshot.
 */
import type { Grid, Profile, Table } from "../../engine";
import type { ApprovedTable, TargetSources } from "../../engine/targets";
import type { Host } from "../../hosts/host";
import { errorMessage } from "../../engine/error-message";
import type { PaneState } from "./types";

export type CompareKind = "approved" | "previous";

/** Document setting: the sheets of this workbook picked as 申报表 / 上年自评表. */
export const COMPARE_SETTING = "ziping.compareWith";

export interface CompareSource {
  kind: CompareKind;
  /** A sheet of this workbook, or the other workbook's file name. */
  name: string;
  origin: "sheet" | "file";
}

export interface ComparisonSnapshot {
  approved: CompareSource | null;
  previous: CompareSource | null;
  /** The comparison's notes for the checked table (fuzzy pairs, no counterpart found). */
  notes: string[];
  /** Why the last pick was refused (the pane words it: i18n compareRefused*). */
  error: CompareRefusal | null;
}

export interface CompareRefusal {
  reason: "self" | "notApproved" | "notTable" | "readFailed";
  /** The sheet or file picked. */
  name: string;
  /** The host's own error text (readFailed). */
  detail?: string;
}

/** What is kept of a source: the tables read from it, not the sheets. */
interface Loaded {
  source: CompareSource;
  approved?: ApprovedTable[];
  previous?: Table[];
}

type Engine = typeof import("./comparison-engine");

/** The targets code, loaded once on first use. */
function loadEngine(): Promise<Engine> {
  return import(/* webpackChunkName: "compare" */ "./comparison-engine");
}

/** What the pane store needs: re-check the sheet shown after the sources changed. */
export interface Rechecker {
  recheck(sheet?: string | null): Promise<unknown>;
  getSnapshot(): { state: PaneState };
}

const EMPTY: ComparisonSnapshot = { approved: null, previous: null, notes: [], error: null };

export class ComparisonStore {
  private snap: ComparisonSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private loaded: Partial<Record<CompareKind, Loaded>> = {};
  private pane: Rechecker | null = null;
  private engine: Engine | null = null;

  constructor(private readonly host: Host) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ComparisonSnapshot => this.snap;

  private set(patch: Partial<ComparisonSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of [...this.listeners]) l();
  }

  /** Binds to the pane store that calls `extend` and is re-checked after each change. */
  attach(pane: Rechecker): void {
    this.pane = pane;
  }

  /** Picks a sheet of this workbook; remembered with the workbook. False when it was refused. */
  async useSheet(kind: CompareKind, sheet: string): Promise<boolean> {
    let grid: Grid;
    try {
      this.engine ??= await loadEngine();
      grid = (await this.host.read(sheet)).grid;
    } catch (e) {
      this.set({ error: { reason: "readFailed", name: sheet, detail: errorMessage(e) } });
      return false;
    }
    if (!this.accept(kind, [grid], { kind, name: sheet, origin: "sheet" })) return false;
    await this.save();
    await this.refresh();
    return true;
  }

  /** Picks another workbook's sheets (read by the page); kept for this session only. */
  async useGrids(kind: CompareKind, grids: Grid[], fileName: string): Promise<boolean> {
    try {
      this.engine ??= await loadEngine();
    } catch (e) {
      this.refuse(fileName, errorMessage(e));
      return false;
    }
    if (!this.accept(kind, grids, { kind, name: fileName, origin: "file" })) return false;
    await this.save();
    await this.refresh();
    return true;
  }

  /** The page could not read the other workbook. */
  refuse(name: string, detail: string): void {
    this.set({ error: { reason: "readFailed", name, detail } });
  }

  async clear(kind: CompareKind): Promise<void> {
    delete this.loaded[kind];
    this.set({ [kind]: null, error: null });
    await this.save();
    await this.refresh();
  }

  /**
   * The user edited a sheet: when it is one compared with, its tables are read again and the table
   * shown is compared afresh (an edit of the 申报表 sheet must not leave stale findings). Never throws.
   */
  async sheetChanged(sheet: string): Promise<void> {
    let changed = false;
    for (const kind of ["approved", "previous"] as const) {
      const l = this.loaded[kind];
      if (l?.source.origin !== "sheet" || l.source.name !== sheet) continue;
      try {
        const grid = (await this.host.read(sheet)).grid;
        changed = this.accept(kind, [grid], l.source) || changed;
      } catch {
        // Left as read before; the next pick or re-check tells.
      }
    }
    if (changed) await this.refresh().catch(() => undefined);
  }

  /** Reads back the sheets remembered with the workbook (a missing sheet is quietly forgotten). */
  async restore(): Promise<void> {
    if (!this.host.getSetting) return;
    let kept: Partial<Record<CompareKind, string>> = {};
    try {
      const raw = await this.host.getSetting(COMPARE_SETTING);
      kept = raw ? (JSON.parse(raw) as typeof kept) : {};
    } catch {
      return;
    }
    if (typeof kept.approved !== "string" && typeof kept.previous !== "string") return;
    try {
      this.engine ??= await loadEngine();
    } catch {
      return;
    }
    let changed = false;
    for (const kind of ["approved", "previous"] as const) {
      const sheet = kept[kind];
      if (typeof sheet !== "string" || this.loaded[kind]) continue;
      try {
        const grid = (await this.host.read(sheet)).grid;
        changed = this.accept(kind, [grid], { kind, name: sheet, origin: "sheet" }) || changed;
      } catch {
        // The sheet was renamed or deleted since: nothing to compare with.
      }
    }
    if (changed) await this.refresh();
  }

  /**
   * The pane store's hook, called on every check: the report with the comparison findings merged in.
   * Never throws: a failure becomes a note and the report stays as the checker made it.
   */
  extend(state: PaneState, profile: Profile | undefined): PaneState {
    const sources = this.sources();
    if (!sources || !this.engine) {
      if (this.snap.notes.length) this.set({ notes: [] });
      return state;
    }
    try {
      const out = this.engine.compareState(state, sources, profile);
      this.set({ notes: out.notes });
      return out.state;
    } catch (e) {
      this.set({ notes: [`对照失败：${errorMessage(e)}`] });
      return state;
    }
  }

  /** Approved tables / last year's tables of the sources picked; null when none is. */
  private sources(): TargetSources | null {
    const { approved, previous } = this.loaded;
    if (!approved && !previous) return null;
    return { approved: approved?.approved, previous: previous?.previous };
  }

  private accept(kind: CompareKind, grids: Grid[], source: CompareSource): boolean {
    const engine = this.engine;
    if (!engine) return false;
    const shown = this.pane?.getSnapshot().state.sheet;
    const usable = grids.filter((g) => !(source.origin === "sheet" && g.name === shown));
    const read: Loaded =
      kind === "approved"
        ? { source, approved: engine.approvedOf(usable) }
        : { source, previous: engine.previousOf(usable) };
    if ((read.approved ?? read.previous ?? []).length === 0) {
      this.set({ error: refusal(kind, source, shown === source.name) });
      return false;
    }
    this.loaded[kind] = read;
    this.set({ [kind]: source, error: null });
    return true;
  }

  private async save(): Promise<void> {
    if (!this.host.setSetting) return;
    const kept: Partial<Record<CompareKind, string>> = {};
    for (const kind of ["approved", "previous"] as const) {
      const l = this.loaded[kind];
      if (l?.source.origin === "sheet") kept[kind] = l.source.name;
    }
    try {
      await this.host.setSetting(COMPARE_SETTING, Object.keys(kept).length ? JSON.stringify(kept) : null);
    } catch {
      // Kept for this session; the choice is picked again next time.
    }
  }

  private async refresh(): Promise<void> {
    if (this.pane) await this.pane.recheck(this.pane.getSnapshot().state.sheet);
  }
}

function refusal(kind: CompareKind, source: CompareSource, self: boolean): CompareRefusal {
  const reason = self ? "self" : kind === "approved" ? "notApproved" : "notTable";
  return { reason, name: source.name };
}
