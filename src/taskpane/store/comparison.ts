/**
 * 对照申报表 / 对照上年 (issue 20, docs/spec/targets.md): which other table the checked 自评表 is compared
 * with, and the hook the pane store calls on every check to add the comparison findings to the report.
 * A sheet of this workbook is remembered with the workbook (document setting); another workbook's
 * content (the demo's second file) only for the session. React reads it through subscribe/getSnapshot.
 */
import { checkGridTables, defaultProfile } from "../../engine";
import type { Grid, Profile, SheetReport } from "../../engine";
import { readApprovedTargets, withTargetFindings } from "../../engine/targets";
import type { TargetSources } from "../../engine/targets";
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

interface Loaded {
  source: CompareSource;
  grids: Grid[];
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
    const sources = this.sources(profile);
    if (!sources || state.status !== "ready" || !state.report || !state.grid) {
      if (this.snap.notes.length) this.set({ notes: [] });
      return state;
    }
    try {
      const res = checkGridTables(state.grid, profile);
      const table = res.ok ? res.tables[state.table]?.table : undefined;
      if (!table) return state;
      const file = withTargetFindings(
        { file: "", error: null, sheets: [state.report] },
        [table],
        sources,
        profile ?? defaultProfile(),
      );
      // withTargetFindings merges with sortFindings: errors first, then by cell.
      const report: SheetReport = file.sheets[0];
      this.set({ notes: file.notes ?? [] });
      return { ...state, report };
    } catch (e) {
      this.set({ notes: [`对照失败：${errorMessage(e)}`] });
      return state;
    }
  }

  /** Approved tables / last year's tables of the sources picked; null when none is. */
  private sources(profile: Profile | undefined): TargetSources | null {
    const out: TargetSources = {};
    const a = this.loaded.approved;
    if (a) out.approved = a.grids.flatMap((g) => approvedOf(g));
    const p = this.loaded.previous;
    if (p) out.previous = p.grids.flatMap((g) => previousOf(g, profile));
    return a || p ? out : null;
  }

  private accept(kind: CompareKind, grids: Grid[], source: CompareSource): boolean {
    const shown = this.pane?.getSnapshot().state.sheet;
    const usable = grids.filter((g) => !(source.origin === "sheet" && g.name === shown));
    const found =
      kind === "approved"
        ? usable.some((g) => approvedOf(g).length > 0)
        : usable.some((g) => previousOf(g, undefined).length > 0);
    if (!found) {
      this.set({ error: refusal(kind, source, shown === source.name) });
      return false;
    }
    this.loaded[kind] = { source, grids: usable };
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

function approvedOf(grid: Grid) {
  try {
    const r = readApprovedTargets(grid);
    return r.ok ? r.tables : [];
  } catch {
    return [];
  }
}

function previousOf(grid: Grid, profile: Profile | undefined) {
  try {
    const r = checkGridTables(grid, profile);
    return r.ok ? r.tables.map((t) => t.table) : [];
  } catch {
    return [];
  }
}

function refusal(kind: CompareKind, source: CompareSource, self: boolean): CompareRefusal {
  const reason = self ? "self" : kind === "approved" ? "notApproved" : "notTable";
  return { reason, name: source.name };
}
