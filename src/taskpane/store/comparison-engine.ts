/**
 * The engine side of 对照申报表 / 对照上年, loaded by store/comparison.ts with import() only once a
 * comparison is picked (or remembered): the targets code stays out of the pane's initial JavaScript.
 */
import { checkGridTables, defaultProfile } from "../../engine";
import type { Grid, Profile, Table } from "../../engine";
import { readApprovedTargets, withTargetFindings } from "../../engine/targets";
import type { ApprovedTable, TargetSources } from "../../engine/targets";
import type { PaneState } from "./types";

/** The approved-targets tables on these sheets (none where a sheet is no 申报表). */
export function approvedOf(grids: Grid[]): ApprovedTable[] {
  return grids.flatMap((g) => {
    try {
      const r = readApprovedTargets(g);
      return r.ok ? r.tables : [];
    } catch {
      return [];
    }
  });
}

/** Last year's 自评表 tables on these sheets; their layout does not depend on the scoring profile. */
export function previousOf(grids: Grid[]): Table[] {
  return grids.flatMap((g) => {
    try {
      const r = checkGridTables(g);
      return r.ok ? r.tables.map((t) => t.table) : [];
    } catch {
      return [];
    }
  });
}

/**
 * The checked table's report with the comparison findings merged in (withTargetFindings sorts them
 * with the rest: errors first, then by cell), and the comparison's notes. Throws on an engine bug.
 */
export function compareState(
  state: PaneState,
  sources: TargetSources,
  profile: Profile | undefined,
): { state: PaneState; notes: string[] } {
  if (state.status !== "ready" || !state.report || !state.grid) return { state, notes: [] };
  const res = checkGridTables(state.grid, profile);
  const table = res.ok ? res.tables[state.table]?.table : undefined;
  if (!table) return { state, notes: [] };
  const file = withTargetFindings(
    { file: "", error: null, sheets: [state.report] },
    [table],
    sources,
    profile ?? defaultProfile(),
  );
  return { state: { ...state, report: file.sheets[0] }, notes: file.notes ?? [] };
}
