/**
 * Quantities are not qualitative, and units are never doubled in words (issue 17, class 4). Rows are
 * built in the shape of tables with a 计量单位 column.
 */
import { scoreIndicator } from "../../src/engine/rules/run";
import { defaultProfile } from "../../src/engine";
import { appendUnit } from "../../src/engine/values";
import { parseIndicator } from "../../src/engine/table/parse";
import { indicator, src } from "./helpers";

describe("appendUnit", () => {
  it("adds the unit cell's unit once", () => {
    expect(appendUnit("2000", "篇")).toBe("2000篇");
    expect(appendUnit("2000篇", "篇")).toBe("2000篇");
    expect(appendUnit("100%", "%")).toBe("100%");
    expect(appendUnit("100%", "（%）")).toBe("100%");
    expect(appendUnit("≥26 次", "次")).toBe("≥26 次");
    expect(appendUnit("26", "")).toBe("26");
  });
});

describe("a target with a 计量单位 cell", () => {
  const run = (target: string, actual: string, unit: string) => {
    const row = indicator({ target, actual, weight: 5, score: 5 });
    row.targetUnit = src("J12", unit);
    return scoreIndicator(parseIndicator(row), defaultProfile());
  };

  it("never doubles the unit in the words", () => {
    for (const [t, a, u] of [
      ["2000篇", "2200", "篇"],
      ["26次", "26次", "次"],
      ["95%", "100%", "%"],
    ]) {
      const r = run(t, a, u);
      for (const f of r.findings) expect(f.message).not.toMatch(/篇篇|次次|%%/);
      expect(r.report.target).not.toMatch(/篇篇|次次|%%/);
    }
  });

  it("reads a count with its unit as a number, not a qualitative value", () => {
    const r = run("40", "43次", "次");
    expect(r.report.kind).toBe("quantitative");
    expect(r.findings.map((f) => f.code)).not.toContain("QUAL_UNCLASSIFIED");
  });
});

describe("a count under 定性", () => {
  const run = (target: string, actual: string) => {
    const row = indicator({ target, actual, weight: 5, score: 5 });
    row.targetNature = src("K12", "定性");
    return scoreIndicator(parseIndicator(row), defaultProfile());
  };

  it("is a number with a unit when both sides are numbers (40 against 43次, 20 against 20份)", () => {
    for (const [t, a] of [
      ["40", "43次"],
      ["20", "20份"],
    ]) {
      const r = run(t, a);
      expect(r.report.kind).toBe("quantitative");
      expect(r.findings.map((f) => f.code)).not.toContain("QUAL_UNCLASSIFIED");
    }
  });

  it("stays qualitative when the actual is a word (100% against 达成)", () => {
    const r = run("100%", "达成");
    expect(r.report.kind).toBe("qualitative");
    expect(r.findings).toEqual([]);
  });
});
