/**
 * A quantity against a blank target (issue 17, class 4): 43次 / 20份 with 年度指标值 left blank (or a dash)
 * is a number with its unit, never QUAL_UNCLASSIFIED; the blank target is said on its own cell
 * (TARGET_UNPARSED, "年度指标值为空"), the declared score kept, and no unit doubled in the words.
 */
import { scoreIndicator } from "../../src/engine/rules/run";
import { defaultProfile } from "../../src/engine";
import { parseIndicator } from "../../src/engine/table/parse";
import { indicator, src } from "./helpers";

const run = (target: string | null, actual: string, split: { unit?: string; nature?: string } = {}) => {
  const row = indicator({ target, actual, weight: 5, score: 5 });
  if (split.unit !== undefined) row.targetUnit = src("J12", split.unit);
  if (split.nature !== undefined) row.targetNature = src("K12", split.nature);
  const p = parseIndicator(row);
  return { p, ...scoreIndicator(p, defaultProfile()) };
};

describe("a quantity against a blank target", () => {
  const cases: [string | null, string, { unit?: string; nature?: string }][] = [
    [null, "43次", {}],
    ["", "20份", {}],
    ["—", "43次", {}],
    ["/", "20份", {}],
    [null, "43次", { unit: "次" }],
    [null, "20份", { unit: "份", nature: "定性" }],
    [null, "43", { unit: "次", nature: "≥" }],
  ];

  it.each(cases)("%p against %p %p: a number, the target said blank", (target, actual, split) => {
    const r = run(target, actual, split);
    expect(r.p.actual.value.kind).toBe("number");
    const found = r.findings.map((f) => `${f.code}@${f.cell}`);
    expect(found).toEqual(["TARGET_UNPARSED@E12"]);
    expect(r.findings[0].message).toContain("年度指标值为空");
    expect(r.report.scoreComputed).toBe(5);
    for (const f of r.findings) expect(f.message).not.toMatch(/次次|份份|%%/);
    expect(r.report.target).not.toMatch(/次次|份份/);
  });
});
