/**
 * `--targets` / `--previous` (issue 20, docs/spec/targets.md §7): the files to compare each 自评表 with,
 * listed on the main thread, read and compared in the worker that checked the workbook. A file read once
 * stays cached in its worker, so a folder of 申报表 costs each worker one read per file, not one per check.
 */
import * as path from "path";
import type { FileReport, Grid, Profile, Table } from "../engine";
import { checkGridTables, type CheckedWorkbook } from "../engine";
import {
  readApprovedTargets,
  withTargetFindings,
  type ApprovedTable,
  type TargetSources,
} from "../engine/targets";
import type { CompareFiles } from "./compare-files";

export type ReadGrids = (abs: string) => Promise<Grid[]>;

/** Per worker: what each file held, read once. A file that cannot be read holds nothing. */
const approvedCache = new Map<string, ApprovedTable[]>();
const previousCache = new Map<string, Table[]>();

function approvedOf(grids: Grid[]): ApprovedTable[] {
  return grids.flatMap((g) => {
    const r = readApprovedTargets(g);
    return r.ok ? r.tables : [];
  });
}

function tablesOf(grids: Grid[], profile: Profile): Table[] {
  return grids.flatMap((g) => {
    const r = checkGridTables(g, profile);
    return r.ok ? r.tables.map((t) => t.table) : [];
  });
}

async function cached<T>(cache: Map<string, T[]>, abs: string, read: ReadGrids, f: (g: Grid[]) => T[]) {
  const hit = cache.get(abs);
  if (hit) return hit;
  let value: T[] = [];
  try {
    value = f(await read(abs));
  } catch {
    // An unreadable 申报表 is as good as none: the engine's note says no counterpart was found.
  }
  cache.set(abs, value);
  return value;
}

export interface CompareJob {
  abs: string;
  profile: Profile;
  sheet: string | null;
  compare: CompareFiles;
}

/**
 * The checked file with the comparison findings added. `grids` are the workbook's own sheets: a 申报表
 * sheet in the same workbook is read from them, and the same file is never last year's table.
 */
export async function withComparisons(
  checked: CheckedWorkbook,
  grids: Grid[],
  job: CompareJob,
  read: ReadGrids,
): Promise<FileReport> {
  const report = checked.report;
  if (report.error) return report;
  const { targets, previous } = job.compare;
  if (targets.length === 0 && previous.length === 0) return report;
  const sources: TargetSources = {};
  const self = path.resolve(job.abs);
  if (targets.length) {
    sources.approved = [];
    for (const abs of targets)
      sources.approved.push(
        ...(path.resolve(abs) === self
          ? approvedOf(grids)
          : await cached(approvedCache, abs, read, approvedOf)),
      );
  }
  if (previous.length) {
    sources.previous = [];
    for (const abs of previous.filter((p) => path.resolve(p) !== self))
      sources.previous.push(...(await cached(previousCache, abs, read, (g) => tablesOf(g, job.profile))));
  }
  // The check kept each sheet report's table beside it: no second layout pass.
  const tables = checked.tables.map((t) => t.table);
  return withTargetFindings(report, tables, sources, job.profile);
}
