import { CASES, table } from "./cases";
import type { Grid } from "../../../src/engine/grid";
import { corrections } from "../../../src/engine/edits";
import { checkGrid } from "../../../src/engine/check";
import { fmt } from "../../../src/engine/decimal";
import { sampleGrid, setCell } from "../../taskpane/sample-grid";

const has = (code: string, list: { code: string }[]) => list.some((f) => f.code === code);

describe.each(Object.entries(CASES))("%s", (code, c) => {
  test("invalid: raised", () => expect(has(code, c.invalid())).toBe(true));
  test("valid: not raised", () => expect(has(code, c.valid())).toBe(false));
});

describe("fixes ride on the findings", () => {
  test.each(Object.entries(CASES))("%s: a fix names the value its message names", (code, c) => {
    for (const f of c.invalid().filter((x) => x.code === code && x.fix)) {
      if (code === "FUNDS_RATE_MISMATCH") continue; // a fraction shown as a percentage
      expect(f.message).toContain(typeof f.fix!.value === "number" ? fmt(f.fix!.value) : f.fix!.value);
    }
  });

  test("within the profile's tolerance (7.82 for 7.83): no finding, so no correction", () => {
    const g = setCell(sampleGrid(), "H4", 7.82);
    const r = checkGrid(g);
    if (!r.ok) throw new Error(r.reason);
    expect(r.report.findings.some((f) => f.code === "FUNDS_SCORE_MISMATCH")).toBe(false);
    expect(corrections(r.report, g).some((c) => c.cell === "H4")).toBe(false);
  });

  test("TOTAL_MISMATCH's button is the sum its message names; weights wrong first: no button", () => {
    const sum = table((g: Grid) => setCell(g, "H27", 90)).find((f) => f.code === "TOTAL_MISMATCH")!;
    expect(sum.fix).toEqual({ cell: "H27", value: 97.83 });
    const weights = table((g: Grid) => {
      setCell(g, "G11", 8);
      setCell(g, "H27", 90);
    }).find((f) => f.code === "TOTAL_MISMATCH")!;
    expect(weights.message).toContain("请先改正分值");
    expect(weights.fix).toBeUndefined();
  });
});

describe("WEIGHT_SPLIT: categories the split does not name", () => {
  test("two of them are one note for the table, naming both", () => {
    const split = table((g: Grid) => {
      setCell(g, "B22", "投入指标 (30分)");
      setCell(g, "B25", "过程指标 (10分)");
    }).filter((f) => f.code === "WEIGHT_SPLIT");
    expect(split).toHaveLength(1);
    expect(split[0].cell).toBe("B22");
    expect(split[0].message).toContain("“投入指标”（30分）、“过程指标”（10分）");
  });

  test("one of them keeps its own words", () => {
    const split = table((g: Grid) => setCell(g, "B25", "过程指标 (10分)")).filter(
      (f) => f.code === "WEIGHT_SPLIT",
    );
    expect(split.map((f) => f.cell)).toEqual(["B25"]);
    expect(split[0].message).toContain("一级指标“过程指标”（10分）不在");
  });
});

describe("a blank funds 得分 the 总分 relies on (issue 17, class 5)", () => {
  test("is VALUE_MISSING naming the value it should hold", () => {
    const f = table((g: Grid) => setCell(g, "H4", null)).filter((x) => x.code === "VALUE_MISSING");
    expect(f.map((x) => x.cell)).toEqual(["H4"]);
    expect(f[0].message).toContain("按规则应为7.83");
  });

  test("the 总分 is checked with it: a right total passes, a wrong one is told the sum with it", () => {
    const ok = table((g: Grid) => setCell(g, "H4", null));
    expect(ok.some((x) => x.code === "TOTAL_MISMATCH")).toBe(false);
    const wrong = table((g: Grid) => {
      setCell(g, "H4", null);
      setCell(g, "H27", 95);
    }).find((x) => x.code === "TOTAL_MISMATCH")!;
    expect(wrong.message).toContain("请改为97.83");
    expect(wrong.fix).toEqual({ cell: "H27", value: 97.83 });
  });
});

describe("TABLE_NOT_FILLED: scores that are uncalculated formulas (issue 17, class 8)", () => {
  test("say the formulas were never calculated, not that the table is empty", () => {
    const f = table((g: Grid) => {
      g.formulas = g.values.map((r) => r.map(() => null));
      g.uncalculated = g.values.map((r) => r.map(() => false));
      for (let r = 11; r <= 26; r++) {
        setCell(g, `H${r}`, null);
        g.formulas[r - 1][7] = `=G${r}`;
        g.uncalculated[r - 1][7] = true;
      }
      setCell(g, "H4", null);
      setCell(g, "H27", null);
    }).find((x) => x.code === "TABLE_NOT_FILLED")!;
    expect(f.message).toContain("公式未计算");
    expect(f.message).not.toContain("各项得分均为空");
    // The file lacks values, not the clerk's work: a warning, where a table left empty is an error.
    expect(f.severity).toBe("warning");
  });

  test("a table being submitted with no score at all is an error, with no grade invented", () => {
    const r = checkGrid(
      (() => {
        const g = sampleGrid();
        for (let r = 11; r <= 26; r++) setCell(g, `H${r}`, null);
        setCell(g, "H4", null);
        setCell(g, "H27", null);
        return g;
      })(),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.report.findings.find((x) => x.code === "TABLE_NOT_FILLED")?.severity).toBe("error");
    expect(r.report.grade.computed).toBeNull();
  });
});
