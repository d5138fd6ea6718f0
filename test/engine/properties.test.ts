import fc from "fast-check";
import { checkGrid } from "../../src/engine";
import { round2, sum } from "../../src/engine/decimal";
import type { CellValue, Grid } from "../../src/engine/grid";
import { sampleGrid } from "../taskpane/sample-grid";

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false, min: -1e6, max: 1e6 }),
  fc.integer({ min: -100, max: 200 }),
  fc.boolean(),
  fc.string(),
  fc.constantFrom(
    "≥95%",
    "≤15天",
    "及时",
    "部分达成",
    "#DIV/0!",
    "总分",
    "合计",
    "分值",
    "得分",
    "绩效指标",
    "产出指标(50分)",
    "—",
    "等级：优",
    "100%",
    "1,200",
    "１２",
    "80-90%",
  ),
);

/** Random grids: pure noise. */
const randomGrid = fc
  .array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 40 })
  .map((values): Grid => ({ name: "随机", values, merges: [] }));

/** The seed table with random cells overwritten: exercises the rules, not only the layout's refusal. */
const mutatedSample = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 28 }), fc.integer({ min: 0, max: 9 }), cellValue), {
    maxLength: 12,
  })
  .map((changes): Grid => {
    const g = sampleGrid();
    for (const [r, c, v] of changes) {
      if (!g.values[r]) continue;
      g.values[r][c] = v;
      if (g.text?.[r]) g.text[r][c] = null;
    }
    return g;
  });

const anyGrid = fc.oneof(randomGrid, mutatedSample);

describe("engine properties", () => {
  test("checking never throws, whatever the grid", () => {
    fc.assert(
      fc.property(anyGrid, (g) => void checkGrid(g)),
      { numRuns: 250 },
    );
  });

  test("checking is deterministic", () => {
    fc.assert(
      fc.property(mutatedSample, (g) =>
        expect(JSON.stringify(checkGrid(g))).toBe(JSON.stringify(checkGrid(g))),
      ),
      { numRuns: 250 },
    );
  });

  test("recomputed scores stay in [0, 分值]", () => {
    fc.assert(
      fc.property(mutatedSample, (g) => {
        const r = checkGrid(g);
        if (!r.ok) return;
        for (const i of r.report.indicators) {
          if (i.scoreComputed === null || i.weight === null || i.weight < 0) continue;
          expect(i.scoreComputed).toBeGreaterThanOrEqual(0);
          expect(i.scoreComputed).toBeLessThanOrEqual(i.weight);
        }
        const f = r.report.funds;
        if (f?.score.computed != null && f.weight != null && f.weight >= 0) {
          expect(f.score.computed).toBeGreaterThanOrEqual(0);
          expect(f.score.computed).toBeLessThanOrEqual(f.weight);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("totals equal the sum of their parts", () => {
    fc.assert(
      fc.property(mutatedSample, (g) => {
        const r = checkGrid(g);
        if (!r.ok) return;
        const rep = r.report;
        const parts = round2(
          sum([
            rep.funds ? (rep.funds.score.computed ?? rep.funds.score.declared) : null,
            ...rep.indicators.map((i) => i.scoreComputed),
          ]),
        );
        expect(rep.total.computed).toBe(parts);
        // Every indicator with a 一级 label sits in exactly one category (two may share a label).
        const labelled = rep.indicators.filter((i) => i.level1 !== "");
        // (to 9 places: a random weight of 17 significant digits sums to within one binary ulp either way)
        expect(sum(rep.categories.map((c) => c.weightSum))).toBeCloseTo(
          sum(labelled.map((i) => i.weight)),
          9,
        );
        expect(sum(rep.categories.map((c) => c.scoreComputed))).toBeCloseTo(
          sum(labelled.map((i) => i.scoreComputed)),
          9,
        );
        for (const f of rep.findings) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
      }),
      { numRuns: 400 },
    );
  });
});
