/**
 * What the engine says about a sheet, reduced to what a transform must keep: read or not, and the
 * multiset of (code, severity, cell) of its errors and warnings (infos are advice; messages may name
 * moved cells or other units, so they are not compared).
 */
import { checkGridTables, parseA1, type Finding, type Table, type SheetReport } from "../../src/engine";
import { gridOf, type Sheet } from "./sheet";

export interface Outcome {
  read: boolean;
  /** "CODE|severity|A1", sorted. */
  findings: string[];
  /** The first table of the sheet, as the engine laid it out (null when not read). */
  table: Table | null;
  report: SheetReport | null;
  /** Every counted finding, for faults that look at one cell. */
  raw: Finding[];
  /** How many LAYOUT_ASSUMED notes (info) the sheet's tables have: a transform may have to add one. */
  assumed: number;
}

const COUNTED = new Set(["error", "warning"]);

export const findingKey = (f: { code: string; severity: string; cell: string }): string =>
  `${f.code}|${f.severity}|${f.cell}`;

export function outcomeOf(s: Sheet): Outcome {
  const r = checkGridTables(gridOf(s));
  if (!r.ok) return { read: false, findings: [], table: null, report: null, raw: [], assumed: 0 };
  const raw = r.tables.flatMap((t) => t.report.findings.filter((f) => COUNTED.has(f.severity)));
  return {
    read: true,
    findings: raw.map(findingKey).sort(),
    table: r.tables[0].table,
    report: r.tables[0].report,
    raw,
    assumed: r.tables.reduce(
      (n, t) => n + t.report.findings.filter((f) => f.code === "LAYOUT_ASSUMED").length,
      0,
    ),
  };
}

/** Moves every finding's cell through a transform's cell map ("" stays ""). */
export function mapFindings(o: Outcome, map: (a1: string) => string): string[] {
  return o.raw
    .map((f) => findingKey({ ...f, cell: f.cell && parseA1(f.cell) ? map(f.cell) : f.cell }))
    .sort();
}

/** a − b as multisets, each entry once per surplus occurrence. */
export function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  const out: string[] = [];
  for (const k of a) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(k);
  }
  return out;
}
