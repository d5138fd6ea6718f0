/**
 * Runs every transform and fault on one corpus table and says, for each, whether it holds, fails (with
 * the difference) or does not apply.
 */
import { outcomeOf, mapFindings, minus, type Outcome } from "./outcome";
import { placesOf } from "./places";
import { sheetOf, type RealTableData } from "./sheet";
import { TRANSFORMS, type Transform } from "./transforms";
import { FAULTS } from "./faults";

export type Verdict = { status: "holds" } | { status: "n/a" } | { status: "fails"; why: string };

export interface PairResult {
  table: string;
  transform: string;
  verdict: Verdict;
}

const list = (keys: string[]): string => (keys.length ? keys.join(", ") : "nothing");

const withoutSeverity = (keys: string[]): string[] =>
  keys.map((k) => k.split("|")).map(([code, , cell]) => `${code}|${cell}`);
const errors = (keys: string[]): string[] => keys.filter((k) => k.split("|")[1] === "error");

/**
 * The same findings after the transform (cells moved through `map`), and exactly `t.assumes` more
 * LAYOUT_ASSUMED notes. A transform that makes a header cell a guess (`t.weakens`) may turn errors into
 * warnings — never the other way, never a finding added or lost.
 */
function compareInvariant(
  before: Outcome,
  after: Outcome,
  map: (a1: string) => string,
  t: Pick<Transform, "assumes" | "weakens">,
): Verdict {
  if (before.read !== after.read)
    return { status: "fails", why: before.read ? "no longer read" : "read, where the original was not" };
  const want = mapFindings(before, map);
  const lost = t.weakens
    ? minus(withoutSeverity(want), withoutSeverity(after.findings))
    : minus(want, after.findings);
  const added = t.weakens
    ? [
        ...minus(withoutSeverity(after.findings), withoutSeverity(want)),
        ...minus(errors(after.findings), errors(want)),
      ]
    : minus(after.findings, want);
  const notes = after.assumed - before.assumed;
  const expected = t.assumes ?? 0;
  const noteWhy = notes === expected ? "" : `; ${notes} LAYOUT_ASSUMED added where ${expected} was expected`;
  if (!lost.length && !added.length && !noteWhy) return { status: "holds" };
  return { status: "fails", why: `lost ${list(lost)}; added ${list(added)}${noteWhy}` };
}

function compareFault(before: Outcome, after: Outcome, slots: { code: string; cell: string }[][]): Verdict {
  if (!after.read) return { status: "fails", why: "no longer read" };
  const added = minus(after.findings, before.findings);
  const lost = minus(before.findings, after.findings);
  // Each added finding fills one slot; all slots filled, nothing else added, nothing lost.
  const open = [...slots];
  const unmatched = added.filter((k) => {
    const [code, , cell] = k.split("|");
    const i = open.findIndex((slot) => slot.some((x) => x.code === code && x.cell === cell));
    if (i < 0) return true;
    open.splice(i, 1);
    return false;
  });
  if (!lost.length && !unmatched.length && !open.length) return { status: "holds" };
  const wanted = slots.map((slot) => slot.map((x) => `${x.code} at ${x.cell}`).join(" or ")).join(" and ");
  return { status: "fails", why: `expected ${wanted}; added ${list(added)}; lost ${list(lost)}` };
}

export function runTable(data: RealTableData): PairResult[] {
  const sheet = sheetOf(data);
  const before = outcomeOf(sheet);
  const places = before.table ? placesOf(sheet, before.table) : null;
  const out: PairResult[] = [];
  const record = (transform: string, verdict: Verdict) => out.push({ table: data.id, transform, verdict });
  for (const t of TRANSFORMS) {
    let verdict: Verdict;
    try {
      const applied = before.read ? t.apply(sheet, places) : null;
      verdict = applied
        ? compareInvariant(before, outcomeOf(applied.sheet), applied.map, t)
        : { status: "n/a" };
    } catch (e) {
      verdict = { status: "fails", why: `crashed: ${(e as Error).message}` };
    }
    record(t.id, verdict);
  }
  for (const f of FAULTS) {
    let verdict: Verdict;
    try {
      const injected = before.read ? f.apply(sheet, places, before) : null;
      verdict = injected
        ? compareFault(before, outcomeOf(injected.sheet), injected.expect)
        : { status: "n/a" };
    } catch (e) {
      verdict = { status: "fails", why: `crashed: ${(e as Error).message}` };
    }
    record(f.id, verdict);
  }
  return out;
}
