import {
  checkGrid,
  checkWorkbook,
  corrections,
  correctionEdits,
  explanationEdit,
  highlightEdits,
  makeReport,
  safeText,
} from "../../src/engine";
import type { Grid } from "../../src/engine/grid";
import { getProfile } from "../../src/engine/profiles";
import type { Profile, SheetReport } from "../../src/engine/types";
import { otherGrid, sampleGrid, setCell } from "../taskpane/sample-grid";

function report(grid: Grid, profile?: Profile): SheetReport {
  const r = checkGrid(grid, profile);
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

describe("the seed's 2021 department table", () => {
  const r = report(sampleGrid());

  test("funds: 执行率 78.25 %, score 7.83", () => {
    expect(r.kind).toBe("department");
    expect(r.unit).toBe("株洲市芦淞区自然资源局");
    expect(r.funds).toMatchObject({ cell: "B4", budget: 1839.1, spent: 1439.13, weight: 10 }); // the 合计 cell, as report-format.md shows
    expect(r.funds?.rate).toMatchObject({ declared: 0.7825, computed: 0.7825, cell: "G4" });
    expect(r.funds?.score).toMatchObject({ declared: 7.83, computed: 7.83, cell: "H4" });
  });

  test("总分 97.83, 优, no errors", () => {
    expect(r.total).toMatchObject({ weight: 100, declared: 97.83, computed: 97.83 });
    expect(r.grade).toMatchObject({ declared: "优", computed: "优" });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("OVER_TARGET on 受众人数 (150 %) and 植树造林面积 (160 %) only", () => {
    const over = r.findings.filter((f) => f.code === "OVER_TARGET");
    expect(over.map((f) => f.message.match(/\d+%/)?.[0])).toEqual(["150%", "160%"]);
    const names = over.map((f) => r.indicators.find((i) => i.row === f.row)?.name);
    expect(names).toEqual(["地质灾害防治知识宣传受众人数(人)", "植树造林面积(亩)"]);
    expect(over.every((f) => /^F\d+$/.test(f.cell))).toBe(true);
  });

  test("low execution is a warning on the 执行率 cell", () => {
    const low = r.findings.filter((f) => f.code === "FUNDS_LOW_EXECUTION");
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({ severity: "warning", cell: "G4" });
    expect(low[0].message).toContain("78.25%");
  });

  test("categories carry their declared weights and sums", () => {
    expect(r.categories.map((c) => [c.name, c.declaredWeight, c.weightSum])).toEqual([
      ["产出指标", 50, 50],
      ["效益指标", 30, 30],
      ["满意度指标", 10, 10],
    ]);
    expect(r.indicators).toHaveLength(16);
  });

  test("every finding names a cell and has both languages", () => {
    for (const f of r.findings) {
      expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.messageEn.length).toBeGreaterThan(10);
    }
  });

  test("no corrections for a correct table", () => {
    expect(corrections(r, sampleGrid())).toEqual([]);
  });
});

describe("typical mistakes on the seed table", () => {
  test("wrong 执行率 and funds score", () => {
    let g = setCell(sampleGrid(), "G4", 0.8, "80.00%");
    g = setCell(g, "H4", 8);
    const r = report(g);
    const codes = r.findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toContain("FUNDS_RATE_MISMATCH@G4");
    expect(codes).toContain("FUNDS_SCORE_MISMATCH@H4");
    expect(codes).toContain("TOTAL_MISMATCH@H27");
    const fixes = corrections(r, g);
    expect(fixes.map((c) => [c.cell, c.newValue])).toEqual(
      expect.arrayContaining([
        ["G4", 0.7825],
        ["H4", 7.83],
      ]),
    );
  });

  test("78.3 % (one decimal) matches; 80 % does not", () => {
    expect(
      report(setCell(sampleGrid(), "G4", "78.3%")).findings.some((f) => f.code === "FUNDS_RATE_MISMATCH"),
    ).toBe(false);
    expect(
      report(setCell(sampleGrid(), "G4", "80%")).findings.some((f) => f.code === "FUNDS_RATE_MISMATCH"),
    ).toBe(true);
  });

  test("full marks for a missed target: SCORE_TOO_HIGH, explanation missing, corrections old → new, grade kept", () => {
    const g = setCell(sampleGrid(), "F11", 1); // 宣传次数 ≥2, actual 1, still 6 points
    const r = report(g);
    const codes = r.findings.map((f) => `${f.code}@${f.cell}:${f.severity}`);
    expect(codes).toEqual(
      expect.arrayContaining(["SCORE_TOO_HIGH@H11:error", "EXPLANATION_MISSING@I11:error"]),
    );
    expect(r.total.computed).toBe(94.83);
    const fix = corrections(r, g);
    expect(fix.find((c) => c.cell === "H11")).toMatchObject({ oldValue: 6, newValue: 3, purpose: "score" });
    expect(fix.find((c) => c.cell === "H27")).toMatchObject({
      oldValue: 97.83,
      newValue: 94.83,
      purpose: "total",
    });
    expect(correctionEdits(fix).every((e) => e.kind === "value")).toBe(true);
  });

  test("weights that do not add up", () => {
    const r = report(setCell(sampleGrid(), "G11", 8));
    const codes = r.findings.map((f) => `${f.code}@${f.cell}`);
    expect(codes).toContain("WEIGHT_CATEGORY@B11");
    expect(codes).toContain("WEIGHT_TOTAL@G27");
  });

  test("a declared grade that does not match Σ 得分, and a grade that moves on recalculation", () => {
    const g = setCell(sampleGrid(), "I27", "等级：良");
    const r = report(g);
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toContain("GRADE_MISMATCH@I27");
    const fix = corrections(r, g).find((c) => c.purpose === "grade");
    expect(fix).toMatchObject({ oldValue: "等级：良", newValue: "等级：优" });

    let h = setCell(sampleGrid(), "F21", "5%"); // 超预算支出比例 ≤0% → 0 points
    h = setCell(h, "F25", "50%"); // 拆迁户满意度 ≥95% → 2.63
    h = setCell(h, "F26", "50%");
    const m = report(h);
    expect(m.total.computed).toBeLessThan(90);
    expect(m.findings.map((f) => f.code)).toContain("GRADE_CHANGES_ON_RECALC");
  });

  test("explanations and highlights become edits; text never starts like a formula", () => {
    const r = report(sampleGrid());
    const over = r.findings.find((f) => f.code === "OVER_TARGET");
    const edit = explanationEdit(r, over!.row!, "=SUM(A1) 年初指标值设定偏低");
    expect(edit).toMatchObject({
      kind: "value",
      cell: `I${over!.row!}`, // row is the 1-based sheet row (report-format.md)
      value: "＝SUM(A1) 年初指标值设定偏低",
    });
    expect(safeText("-5% 偏差")).toBe("－5% 偏差");
    expect(safeText("@某人")).toBe("＠某人");
    const fills = highlightEdits(r);
    expect(fills.length).toBeGreaterThan(0);
    expect(fills.every((e) => e.kind === "fill" && /^#[0-9A-F]{6}$/.test(e.color))).toBe(true);
  });

  test("#DIV/0! and a zero budget are named, and a weight that is not a number does not cascade into sums", () => {
    let g = setCell(sampleGrid(), "D4", 0);
    g = setCell(g, "G4", "#DIV/0!");
    g = setCell(g, "H27", "#DIV/0!");
    g = setCell(g, "G11", "六");
    const codes = report(g).findings.map((f) => `${f.code}@${f.cell}`);
    // The sub-rows still give the budget (1839.1), so the blank total is a subtotal mismatch, not a dead end.
    expect(codes).toEqual(
      expect.arrayContaining([
        "FUNDS_SUBTOTAL_MISMATCH@D4",
        "VALUE_NOT_NUMERIC@G4",
        "VALUE_NOT_NUMERIC@H27",
        "VALUE_NOT_NUMERIC@G11",
      ]),
    );
    expect(codes.some((c) => c.startsWith("WEIGHT_CATEGORY") || c.startsWith("WEIGHT_TOTAL"))).toBe(false);
  });

  test("a =E4/D4 执行率 in General format is the spreadsheet's own quotient, not a mismatch", () => {
    const g = setCell(sampleGrid(), "G4", 1439.13 / 1839.1, "0.782518623");
    g.formats![3][6] = null;
    expect(report(g).findings.some((f) => f.code === "FUNDS_RATE_MISMATCH")).toBe(false);
    const wrong = setCell(sampleGrid(), "G4", 1.2, "1.2"); // a bare 1.2 reads as 120 %
    const m = report(wrong).findings.find((f) => f.code === "FUNDS_RATE_MISMATCH");
    expect(m?.message).toContain("78.25%");
  });

  test("an unreadable 分值 or 得分 does not move the total, the grade or the sum checks", () => {
    const w = report(setCell(sampleGrid(), "G11", "六"));
    expect(w.total.computed).toBe(97.83);
    expect(
      w.findings
        .map((f) => f.code)
        .filter((c) => c !== "DIRECTION_INFERRED" && c !== "OVER_TARGET" && c !== "FUNDS_LOW_EXECUTION"),
    ).toEqual(["VALUE_NOT_NUMERIC"]);
    const s = report(setCell(sampleGrid(), "H13", "满分"));
    expect(s.findings.some((f) => f.code === "TOTAL_MISMATCH" || f.code === "GRADE_MISMATCH")).toBe(false);
    expect(s.findings.some((f) => f.code === "VALUE_NOT_NUMERIC" && f.cell === "H13")).toBe(true);
  });

  test("only the total row's 分值 wrong: the message says to change that cell", () => {
    const f = report(setCell(sampleGrid(), "G27", 90)).findings.find((x) => x.code === "WEIGHT_TOTAL");
    expect(f?.cell).toBe("G27");
    expect(f?.message).toContain("请将总分行分值改为100");
  });

  test("the Sichuan profile: 10 + 90 with 产出 60 / 效益 30 passes its split; mof-2020 warns", () => {
    const r = report(sampleGrid(), getProfile("sichuan") as Profile);
    expect(r.findings.some((f) => f.code === "WEIGHT_SPLIT")).toBe(false);
    expect(r.findings.some((f) => f.code === "FUNDS_LOW_EXECUTION")).toBe(true); // 78 % < 90 %
  });
});

describe("formulas the file never calculated", () => {
  /** The seed with cell a1 made a formula without a value; `flagged` as the file reader marks it. */
  function uncalculated(a1: string, formula: string, flagged: boolean): Grid {
    const g = setCell(sampleGrid(), a1, null);
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const row = Number(m[2]) - 1;
    const col = m[1].charCodeAt(0) - 65;
    g.formulas = g.values.map(() => []);
    g.formulas[row][col] = formula;
    if (flagged) {
      g.uncalculated = g.values.map(() => []);
      g.uncalculated[row][col] = true;
    }
    return g;
  }
  const scoreCell = report(sampleGrid()).indicators[0].scoreCell;
  const missingAt = (g: Grid, cell: string) =>
    report(g).findings.filter((f) => f.code === "VALUE_MISSING" && f.cell === cell);

  test("a 得分 formula without a value says so and how to fix it, not 请填写", () => {
    const [f] = missingAt(uncalculated(scoreCell, "=G11*F11/E11", true), scoreCell);
    expect(f.severity).toBe("error");
    expect(f.message).toContain(
      `的得分（单元格 ${scoreCell}）公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再检查`,
    );
    expect(f.message).toContain("公式 =G11*F11/E11");
    expect(f.message).not.toContain("请填写");
    expect(f.messageEn).toContain("formula with no calculated value: open and save the file in Excel or WPS");
  });

  test("the 总分 formula too; a long formula is cut", () => {
    const total = report(sampleGrid()).total.cell!;
    const long = `=SUM(${"H11,".repeat(30)}H12)`;
    const [f] = missingAt(uncalculated(total, long, true), total);
    expect(f.message).toContain("公式没有计算结果");
    expect(f.message).toContain(`${long.slice(0, 60)}…`);
  });

  test("an empty result read from Excel or WPS (no reader mark) is an empty cell as before", () => {
    const [f] = missingAt(uncalculated(scoreCell, '=IF(F11="","",G11)', false), scoreCell);
    expect(f.message).toContain("得分为空；请填写得分");
  });

  test("a value written since (the demo, a host) ends the mark", () => {
    const g = setCell(uncalculated(scoreCell, "=G11", true), scoreCell, 5);
    expect(missingAt(g, scoreCell)).toEqual([]);
  });
});

describe("workbooks", () => {
  test("only 自评表 sheets are checked; none → NOT_A_SELF_EVALUATION_TABLE", () => {
    const ok = checkWorkbook("a.xlsx", [otherGrid(), sampleGrid()]);
    expect(ok.error).toBeNull();
    expect(ok.sheets.map((s) => s.sheet)).toEqual(["自评表"]);
    const none = checkWorkbook("b.xlsx", [otherGrid(), { name: "Sheet3", values: [], merges: [] }]);
    expect(none.error?.code).toBe("NOT_A_SELF_EVALUATION_TABLE");
    expect(none.error?.message).toMatch(/未找到绩效自评表/);
    expect(checkWorkbook("c.xlsx", [sampleGrid()], { sheet: "nope" }).error?.code).toBe(
      "NOT_A_SELF_EVALUATION_TABLE",
    );
  });

  test("the report has the documented envelope", () => {
    const rep = makeReport([checkWorkbook("自评表.xlsx", [sampleGrid()])]);
    expect(rep).toMatchObject({ tool: "ziping", version: "1.0.0", profile: "mof-2020" });
    expect(rep.files[0]).toMatchObject({ file: "自评表.xlsx", error: null });
  });
});
