/**
 * Metamorphic tests over the real corpus (issue 17): for every table of test/fixtures/real, layout
 * transforms that must not change the findings, and single injected faults that must add exactly their
 * finding (test/metamorphic/transforms.ts, faults.ts). The engine is not perfect on all of them: the
 * pairs that fail today are listed in known-failures.json with what was observed.
 *
 * - A pair that holds and is not listed: fine. A pair that fails and is not listed: a regression, fails.
 * - A listed pair that holds (or no longer applies): fails too, naming the entry to delete, so the list
 *   only ever shrinks and a fix is recorded the moment it lands (a warning would scroll past unread).
 * - A table the list was not made for (not in its `tables`: a table just added to the corpus) has no
 *   baseline, so its failing pairs are printed, not failed, until they are recorded.
 *   `METAMORPHIC_UPDATE=1 npx jest test/metamorphic` deletes entries that now hold and records the
 *   failures of such new tables — never a new failure of a table already covered (that is a regression).
 *
 * Prints "metamorphic: N of M transform × table pairs hold (K known failures, X n/a)".
 */
import * as fs from "fs";
import * as path from "path";
import { loadRealTables } from "./sheet";
import { runTable, type PairResult } from "./run";
import { TRANSFORMS } from "./transforms";
import { FAULTS } from "./faults";

interface KnownFailure {
  table: string;
  transform: string;
  reason: string;
}

interface KnownFile {
  note: string;
  tables: string[];
  failures: KnownFailure[];
}

const KNOWN_FILE = path.join(__dirname, "known-failures.json");
const knownFile: KnownFile = JSON.parse(fs.readFileSync(KNOWN_FILE, "utf8"));
const known = knownFile.failures;
const covered = new Set(knownFile.tables);
const keyOf = (x: { table: string; transform: string }) => `${x.table} × ${x.transform}`;
const knownKeys = new Set(known.map(keyOf));
const tables = loadRealTables();
const results: PairResult[] = [];
const ids = new Set([...TRANSFORMS, ...FAULTS].map((t) => t.id));

it("has corpus tables and a well-formed known-failures list", () => {
  expect(tables.length).toBeGreaterThan(0);
  const tableIds = new Set(tables.map((t) => t.id));
  expect(Array.isArray(knownFile.tables) && Array.isArray(known)).toBe(true);
  for (const k of known) {
    expect(covered.has(k.table) ? k.table : `${k.table} is not in tables`).toBe(k.table);
    expect(tableIds.has(k.table) ? k.table : `unknown table ${k.table}`).toBe(k.table);
    expect(ids.has(k.transform) ? k.transform : `unknown transform ${k.transform}`).toBe(k.transform);
    expect(k.reason.trim().length).toBeGreaterThan(0);
  }
  expect(knownKeys.size).toBe(known.length);
});

describe.each(tables.map((t) => [t.id, t] as const))("%s", (_id, data) => {
  it("keeps its findings under every transform and adds exactly each fault's finding", () => {
    const res = runTable(data);
    results.push(...res);
    const problems: string[] = [];
    const unrecorded: string[] = [];
    for (const r of res) {
      const listed = knownKeys.has(keyOf(r));
      if (r.verdict.status === "fails" && !listed && !covered.has(r.table))
        unrecorded.push(`${r.transform}: ${r.verdict.why}`);
      else if (r.verdict.status === "fails" && !listed)
        problems.push(`regression — ${r.transform}: ${r.verdict.why}`);
      else if (r.verdict.status !== "fails" && listed)
        problems.push(`${r.transform} now ${r.verdict.status}: delete it from known-failures.json`);
    }
    if (unrecorded.length)
      console.warn(
        `${data.id} is new to known-failures.json; record with METAMORPHIC_UPDATE=1:\n  ${unrecorded.join("\n  ")}`,
      );
    expect(problems).toEqual([]);
  });
});

afterAll(() => {
  if (!results.length) return;
  const applicable = results.filter((r) => r.verdict.status !== "n/a");
  const holding = applicable.filter((r) => r.verdict.status === "holds").length;
  const failing = applicable.length - holding;
  const na = results.length - applicable.length;
  const line = `metamorphic: ${holding} of ${applicable.length} transform × table pairs hold (${failing} known failures, ${na} n/a)`;
  const perTransform = [...ids]
    .map((id) => {
      const of = results.filter((r) => r.transform === id);
      const h = of.filter((r) => r.verdict.status === "holds").length;
      const a = of.filter((r) => r.verdict.status !== "n/a").length;
      return `  ${id}: ${h} of ${a} hold (${of.length - a} n/a)`;
    })
    .join("\n");
  console.log(`${line}\n${perTransform}`);
  if (process.env.METAMORPHIC_UPDATE === "1") update();
});

/** Drops entries that hold now; adds the failures of tables the list was not made for; lists those tables. */
function update(): void {
  const stillFailing = new Set(results.filter((r) => r.verdict.status === "fails").map(keyOf));
  const ran = new Set(results.map(keyOf));
  const inCorpus = new Set(tables.map((t) => t.id));
  const kept = known.filter(
    (k) => inCorpus.has(k.table) && (!ran.has(keyOf(k)) || stillFailing.has(keyOf(k))),
  );
  const fresh = results
    .filter((r) => r.verdict.status === "fails" && !covered.has(r.table) && !knownKeys.has(keyOf(r)))
    .map((r) => ({
      table: r.table,
      transform: r.transform,
      reason: `Observed: ${(r.verdict as { why: string }).why}`,
    }));
  const tableIds = [...new Set([...knownFile.tables, ...results.map((r) => r.table)])]
    .filter((id) => inCorpus.has(id))
    .sort();
  const out: KnownFile = { note: knownFile.note, tables: tableIds, failures: [...kept, ...fresh] };
  fs.writeFileSync(KNOWN_FILE, JSON.stringify(out, null, 2) + "\n");
}
