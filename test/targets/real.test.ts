/**
 * The approved-targets tables of test/fixtures/targets (real, transcribed as published): read as a reviewer
 * reads them, and compared with a 自评表 built from each with one target lowered and one indicator dropped.
 */
import * as fs from "fs";
import * as path from "path";
import { formatParsed, parseTarget } from "../../src/engine/values";
import { compareWithApproved, readApprovedTargets, type ApprovedTable } from "../../src/engine/targets";
import { makeGrid, type CellSpec, type RowSpec } from "../fixtures/grids";
import { selfTable, type SelfRow } from "./builders";

interface Fixture {
  id: string;
  source: string;
  sheet: string;
  rows: (string | null)[][];
  merges: string[];
  expect: {
    project: string;
    units: string[];
    weights: boolean;
    indicators: [string, string, string, string][];
  };
}

const DIR = path.join(__dirname, "..", "fixtures", "targets");
const FIXTURES: Fixture[] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")));

/** As the real-table generator writes cells: plain numbers as numbers, "100%" as 1 shown as a percent. */
function cell(text: string | null): string | number | null | CellSpec {
  if (text === null) return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const pc = /^(-?\d+(?:\.(\d+))?)%$/.exec(text);
  if (pc)
    return { value: Number(pc[1]) / 100, text, format: pc[2] ? `0.${"0".repeat(pc[2].length)}%` : "0%" };
  return text;
}

function read(f: Fixture): ApprovedTable {
  const rows: RowSpec[] = f.rows.map((r) => r.map(cell));
  const r = readApprovedTargets(makeGrid(f.sheet, rows, f.merges));
  if (!r.ok) throw new Error(`${f.id}: ${r.reason}`);
  expect(r.tables).toHaveLength(1);
  return r.tables[0];
}

test("the corpus holds the real tables, each with its source", () => {
  expect(FIXTURES.length).toBeGreaterThanOrEqual(3);
  for (const f of FIXTURES) expect(f.source).toMatch(/\S{10,}/);
});

describe.each(FIXTURES.map((f) => [f.id, f] as const))("%s", (_id, f) => {
  it("reads the project, units and every indicator with its target", () => {
    const t = read(f);
    expect(t.project).toBe(f.expect.project);
    expect(t.units).toEqual(f.expect.units);
    expect(t.hasWeights).toBe(f.expect.weights);
    const got = t.indicators.map((i) => [
      i.level1,
      i.level2,
      i.name,
      formatParsed(
        parseTarget(i.target, i.nature || i.unit ? { nature: i.nature, unit: i.unit } : undefined),
      ),
    ]);
    expect(got).toEqual(f.expect.indicators);
  });

  it("finds the lowered target and the dropped indicator in a 自评表 built from it", () => {
    const approved = read(f);
    const inds = approved.indicators;
    // Lower the first numeric target by half; drop the last indicator.
    const k = inds.findIndex((i) => typeof i.target.value === "number" || /\d/.test(String(i.target.value)));
    const rows: SelfRow[] = inds.slice(0, -1).map((i, n) => {
      const target = n === k ? "0.5" : i.target.text;
      const l1 = n === 0 || inds[n - 1].level1 !== i.level1 ? i.level1 || "产出指标" : null;
      return [l1, i.level2, i.name, target, "1", 10, 10];
    });
    const c = compareWithApproved(selfTable(rows, f.expect.project), approved);
    const codes = c.findings.map((x) => [x.code, x.data.indicator]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["TARGET_CHANGED", inds[k].name],
        ["INDICATOR_MISSING", inds[inds.length - 1].name],
      ]),
    );
    expect(codes).toHaveLength(2);
  });
});

test("no 自评表 of the real corpus (test/fixtures/real) reads as an approved-targets table", () => {
  const dir = path.join(__dirname, "..", "fixtures", "real");
  const read = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Fixture)
    .filter(
      (f) =>
        readApprovedTargets(
          makeGrid(
            f.sheet,
            f.rows.map((r) => r.map(cell)),
            f.merges ?? [],
          ),
        ).ok,
    )
    .map((f) => f.id);
  expect(read).toEqual([]);
});
