/**
 * Evaluation-style 自评表 (指标分值 | 指标解释 | 评分标准 | 自评得分 | 扣分原因, no target or actual), built by
 * scripts/fixtures/evaluation.js, through the real reader and checkWorkbook. Every figure below was worked out
 * by hand from scoring-rules.md §5 (weights, totals, grade) and the evaluation rules (the declared score
 * stands within [0, 分值]; a deduction needs its reason where the table has a reason column), not copied from
 * an engine run.
 */
import * as path from "path";
import fc from "fast-check";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { checkGrid, checkGridTables, checkWorkbook, detectLayout, getProfile } from "../../src/engine";
import type { CellValue, Grid } from "../../src/engine/grid";
import type { SheetReport, Table } from "../../src/engine/types";

const GEN = path.join(__dirname, "..", "fixtures", "generated");

interface Expect {
  sheet: string;
  title: string;
  unit: string;
  indicators: number;
  /** name@cell declared weight / Σ weights / Σ declared scores / Σ kept scores. */
  categories: string[];
  total: { weight: number | null; declared: number | null; computed: number; cell: string };
  grade: { declared: string | null; computed: string; cell: string | null };
  /** "CODE@CELL", every finding of the sheet (info included). */
  findings: string[];
}

const EXPECT: Record<string, Expect> = {
  // 投入 5+5+10 = 20, 过程 10+10+10 = 30, 产出 30, 效果 20: Σ 100 = 总分 row. Scores 20 + 29 + 28 + 20 = 97 = the
  // SUM formula's result; 97 ≥ 90 → 优 as declared. 投入/过程/效果 are not the profile's categories: no split
  // check. The two deductions (9 of 10, 8 of 10) have their 扣分原因 written.
  "evaluation-01-anhui-clean.xlsx": {
    sheet: "部门整体支出绩效评价自评表",
    title: "2023年度部门整体支出绩效评价自评表",
    unit: "某县自然资源局",
    indicators: 11,
    categories: [
      "投入@A4 20/20/20/20",
      "过程@A7 30/30/29/29",
      "产出@A10 30/30/28/28",
      "效果@A13 20/20/20/20",
    ],
    total: { weight: 100, declared: 97, computed: 97, cell: "G15" },
    grade: { declared: "优", computed: "优", cell: "B16" },
    findings: [],
  },
  // 产出指标(50分) holds 12 + 10 + 10 + 10 + 10 = 52 → WEIGHT_CATEGORY at its label A5. Σ weights 10 + 52 + 30 + 10
  // = 102 against the total row's 100 → WEIGHT_TOTAL at D13. 教育信息化覆盖率 scores 17 of 15 → SCORE_OUT_OF_RANGE
  // at F11, kept as 15. Declared Σ 10 + 48 + 32 + 10 = 100 = 总分; kept 98; both 优 (等级：优 in G13). The split
  // uses the labels (10/50/30/10): it fits. Both deductions (10 of 12, 8 of 10) have a 得分说明.
  "evaluation-02-weights-range.xlsx": {
    sheet: "自评表",
    title: "2023年度某区教育局整体支出绩效自评表",
    unit: "某区教育局",
    indicators: 9,
    categories: [
      "预算执行@A4 10/10/10/10",
      "产出指标@A5 50/52/48/48",
      "效益指标@A10 30/30/32/30",
      "满意度指标@A12 10/10/10/10",
    ],
    total: { weight: 100, declared: 100, computed: 98, cell: "F13" },
    grade: { declared: "优", computed: "优", cell: "G13" },
    findings: ["SCORE_OUT_OF_RANGE@F11", "WEIGHT_CATEGORY@A5", "WEIGHT_TOTAL@D13"],
  },
  // From column B. 绩效目标明确性 4 of 5 with a blank 扣分原因 (H5) and 政府采购规范性 9.5 of 10 with "无" (H9):
  // EXPLANATION_MISSING twice; 预算执行率 8 of 10 is explained. Σ weights 15 + 25 + 35 + 25 = 100; Σ scores
  // 14 + 22.5 + 35 + 25 = 96.5 = 合计; 评价等级 优 (C16).
  "evaluation-03-deduction-unexplained.xlsx": {
    sheet: "Sheet1",
    title: "2023年度部门整体支出绩效评价自评表",
    unit: "某市档案馆",
    indicators: 11,
    categories: [
      "投入@B4 15/15/14/14",
      "过程@B7 25/25/22.5/22.5",
      "产出@B10 35/35/35/35",
      "效果@B13 25/25/25/25",
    ],
    total: { weight: 100, declared: 96.5, computed: 96.5, cell: "G15" },
    grade: { declared: "优", computed: "优", cell: "C16" },
    findings: ["EXPLANATION_MISSING@H5", "EXPLANATION_MISSING@H9"],
  },
  // No reason column (备注 is not one): six deductions ask for nothing. Scores 20 + 17 + 34 + 17 = 88, declared
  // 92 → TOTAL_MISMATCH at G12; 自评等级：优 but 88 is 良 → GRADE_MISMATCH at A13.
  "evaluation-04-total-grade.xlsx": {
    sheet: "整体支出评价",
    title: "2023年度部门整体支出绩效评价自评表",
    unit: "某镇人民政府",
    indicators: 8,
    categories: ["投入@A4 20/20/20/20", "过程@A6 20/20/17/17", "产出@A8 40/40/34/34", "效果@A10 20/20/17/17"],
    total: { weight: 100, declared: 92, computed: 88, cell: "G12" },
    grade: { declared: "优", computed: "良", cell: "A13" },
    findings: ["GRADE_MISMATCH@A13", "TOTAL_MISMATCH@G12"],
  },
  // Two title rows, from column B. 补贴按期发放率 has no score (G8: VALUE_MISSING); 培训后就业率's 权重 is "二十"
  // (E10: VALUE_NOT_NUMERIC), so 效益's sum (20) and the total weight prove nothing: no WEIGHT_CATEGORY or
  // WEIGHT_TOTAL. Its declared 20 stands. The labels say 10/40/40/10 against the default 10/50/30/10:
  // WEIGHT_SPLIT on 产出 (B6) and 效益 (B10). Σ 10 + 30 + 40 + 10 = 90 = 总分, 优; no grade cell.
  "evaluation-05-wordings-values.xlsx": {
    sheet: "附件3",
    title: "2023年度部门整体支出绩效评价表",
    unit: "某县人力资源和社会保障局",
    indicators: 8,
    categories: [
      "预算执行@B5 10/10/10/10",
      "产出指标@B6 40/40/30/30",
      "效益指标@B10 40/20/40/40",
      "满意度指标@B12 10/10/10/10",
    ],
    total: { weight: 100, declared: 90, computed: 90, cell: "G13" },
    grade: { declared: null, computed: "优", cell: null },
    findings: ["VALUE_MISSING@G8", "VALUE_NOT_NUMERIC@E10", "WEIGHT_SPLIT@B10", "WEIGHT_SPLIT@B6"],
  },
};

async function gridsOf(file: string): Promise<Grid[]> {
  return readXlsxFile(path.join(GEN, file));
}

async function sheetOf(file: string): Promise<SheetReport> {
  const report = checkWorkbook(file, await gridsOf(file));
  expect(report.error).toBeNull();
  expect(report.sheets).toHaveLength(1);
  return report.sheets[0];
}

async function tableOf(file: string): Promise<Table> {
  const res = detectLayout((await gridsOf(file))[0]);
  if (!res.ok) throw new Error(res.reason);
  return res.table;
}

const found = (s: SheetReport) => s.findings.map((f) => `${f.code}@${f.cell}`).sort();

describe.each(Object.entries(EXPECT))("%s", (file, e) => {
  let s: SheetReport;
  beforeAll(async () => {
    s = await sheetOf(file);
  });

  it("is read as an evaluation table with every indicator and no funds block", async () => {
    expect(s.sheet).toBe(e.sheet);
    expect(s.kind).toBe("department");
    expect(s.title).toBe(e.title);
    expect(s.unit).toBe(e.unit);
    expect(s.funds).toBeNull();
    expect(s.indicators).toHaveLength(e.indicators);
    expect((await tableOf(file)).mode).toBe("evaluation");
  });

  it("sums the categories", () => {
    expect(
      s.categories.map(
        (c) => `${c.name}@${c.cell} ${c.declaredWeight}/${c.weightSum}/${c.scoreDeclared}/${c.scoreComputed}`,
      ),
    ).toEqual(e.categories);
  });

  it("totals and grades", () => {
    expect(s.total).toEqual(e.total);
    expect(s.grade).toEqual(e.grade);
  });

  it("raises exactly the findings worked out by hand, in Chinese and English", () => {
    expect(found(s)).toEqual([...e.findings].sort());
    for (const f of s.findings) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.messageEn).toMatch(/[A-Za-z]{3}/);
    }
  });

  it("keeps every declared score within [0, 分值] and never asks for a target", () => {
    for (const i of s.indicators) {
      expect(i.kind).toBe("unparsed");
      expect(i.direction).toBeNull();
      expect(i.target).toBe("");
      expect(i.actual).toBe("");
      if (i.scoreDeclared !== null && i.weight !== null)
        expect(i.scoreComputed).toBe(Math.min(Math.max(i.scoreDeclared, 0), i.weight));
    }
    expect(s.findings.map((f) => f.code)).not.toContain("TARGET_UNPARSED");
    expect(s.findings.map((f) => f.code)).not.toContain("DIRECTION_INFERRED");
  });
});

describe("evaluation layout", () => {
  it("points target and actual at empty cells of the first criteria column; the reason column is the explanation", async () => {
    const t = await tableOf("evaluation-01-anhui-clean.xlsx");
    // A 一级 | B 二级 | C 三级 | D 指标分值 | E 指标解释 | F 评分标准 | G 自评得分 | H 扣分原因
    expect(t.columns).toEqual({
      level1: 0,
      level2: 1,
      name: 2,
      target: 4,
      actual: 4,
      weight: 3,
      score: 6,
      explanation: 7,
    });
    const row = t.indicators.find((i) => i.name === "预算执行率")!;
    expect(row.evaluation).toBe(true);
    expect(row.target).toEqual({
      cell: "E7",
      row: 6,
      col: 4,
      value: null,
      text: "",
      format: null,
      formula: null,
    });
    expect(row.actual.cell).toBe("E7");
    expect(row.explanation?.cell).toBe("H7");
    expect(row.explanationHeader).toBe("扣分原因");
    // 预算执行率 is an ordinary row here: no funds block is made from it.
    expect(t.funds).toBeNull();
    expect(t.total?.weight?.cell).toBe("D15");
  });

  it("a table without a reason column has no explanation cells", async () => {
    const t = await tableOf("evaluation-04-total-grade.xlsx");
    expect(t.columns.explanation).toBeNull();
    expect(t.indicators.every((i) => i.explanation === null)).toBe(true);
  });
});

describe("evaluation scoring details", () => {
  it("names the numbers and the table's own reason column in the deduction message", async () => {
    const s = await sheetOf("evaluation-03-deduction-unexplained.xlsx");
    const f = s.findings.filter((x) => x.code === "EXPLANATION_MISSING");
    // row: the 1-based sheet row of report-format.md (the reason cells are I5 and I9).
    expect(f.map((x) => [x.severity, x.message, x.row])).toEqual([
      ["error", "“绩效目标明确性”得分4低于分值5，请在扣分原因栏写明扣分理由", 5],
      ["error", "“政府采购规范性”得分9.5低于分值10，请在扣分原因栏写明扣分理由", 9],
    ]);
    expect(f[0].messageEn).toBe(
      "绩效目标明确性 scores 4 of 5; write the reason for the deduction in the 扣分原因 reason column.",
    );
    const card = s.indicators.find((i) => i.name === "绩效目标明确性")!;
    expect(card.needsExplanation).toBe(true);
    expect(card.explanationReason).toBe("得分4低于分值5");
    expect(card.explanationCell).toBe("H5");
    // Explained deduction: needs one, has one.
    const explained = s.indicators.find((i) => i.name === "预算执行率")!;
    expect(explained.needsExplanation).toBe(true);
    expect(explained.explanation).toBe("专项资金12月下达，部分支出结转下年");
  });

  it("asks for no reason where the table has nowhere to write one", async () => {
    const s = await sheetOf("evaluation-04-total-grade.xlsx");
    const deducted = s.indicators.filter((i) => i.scoreDeclared! < i.weight!);
    expect(deducted.map((i) => i.name)).toEqual([
      "预算执行率",
      "实际完成率",
      "质量达标率",
      "社会效益实现程度",
      "服务对象满意度",
    ]);
    for (const i of deducted) {
      expect(i.needsExplanation).toBe(false);
      expect(i.explanationCell).toBeNull();
    }
  });

  it("the TOTAL_MISMATCH and GRADE_MISMATCH messages give the right figures", async () => {
    const s = await sheetOf("evaluation-04-total-grade.xlsx");
    expect(s.findings.find((f) => f.code === "TOTAL_MISMATCH")?.message).toBe(
      "总分填报为92，各项得分合计为88；请改为88",
    );
    expect(s.findings.find((f) => f.code === "GRADE_MISMATCH")?.message).toBe(
      "等级填报为“优”，按各项得分合计88分应为“良”；请改为“良”",
    );
  });

  it("a provincial profile's accepted splits are used too (Sichuan has none of 10/40/40/10)", async () => {
    // Sichuan accepts 10/50/30/10 and 10/60/20/10, not 10/40/40/10. Its own split is 10/60/30 with no 满意度:
    // 产出 40 ≠ 60, 效益 40 ≠ 30, and 满意度指标 is outside it — three warnings.
    const report = checkWorkbook("x.xlsx", await gridsOf("evaluation-05-wordings-values.xlsx"), {
      profile: getProfile("sichuan")!,
    });
    expect(found(report.sheets[0])).toEqual([
      "VALUE_MISSING@G8",
      "VALUE_NOT_NUMERIC@E10",
      "WEIGHT_SPLIT@B10",
      "WEIGHT_SPLIT@B12",
      "WEIGHT_SPLIT@B6",
    ]);
    expect(report.sheets[0].findings.find((f) => f.cell === "B12")?.message).toContain("不在");
  });
});

// ---------------------------------------------------------------------------------------------
// Grids written in the test: what is and is not an evaluation table.
// ---------------------------------------------------------------------------------------------

function grid(rows: CellValue[][], name = "Sheet1"): Grid {
  return { name, values: rows, merges: [] };
}

const ROWS = (w1: number, s1: number, w2: number, s2: number): CellValue[][] => [
  ["投入(40分)", "预算编制", "预算编制科学性", w1, "编制科学得满分", s1, ""],
  ["产出(60分)", "产出数量", "重点任务完成率", w2, "完成率×分值", s2, ""],
];

describe("evaluation detection", () => {
  it("accepts a two-level table (no 三级) when its title says 评价: the 二级 is the indicator", () => {
    const g = grid([
      ["2023年度部门整体支出绩效评价表"],
      ["一级指标", "二级指标", "分值", "得分", "备注"],
      ["投入(40分)", "预算编制", 40, 38, ""],
      ["产出(60分)", "产出数量", 60, 60, ""],
      ["总分", "", 100, 98, ""],
    ]);
    const r = checkGrid(g);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.mode).toBe("evaluation");
    expect(r.report.indicators.map((i) => [i.name, i.weight, i.scoreComputed])).toEqual([
      ["预算编制", 40, 38],
      ["产出数量", 60, 60],
    ]);
    expect(r.report.total).toEqual({ weight: 100, declared: 98, computed: 98, cell: "D5" });
    expect(r.report.findings).toEqual([]);
  });

  it("a score below zero is out of range and kept as 0", () => {
    // Declared Σ −2 + 55 = 53 = 合计 (差); kept 0 + 55 = 55 (差): no grade change. 重点任务完成率 55 of 60 has no reason.
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分", "扣分原因"],
      ...ROWS(40, -2, 60, 55),
      ["合计", "", "", 100, "", 53, ""],
    ]);
    const r = checkGrid(g);
    if (!r.ok) throw new Error(r.reason);
    expect(r.report.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      "SCORE_OUT_OF_RANGE@F2",
      "EXPLANATION_MISSING@G3",
    ]);
    expect(r.report.indicators.map((i) => i.scoreComputed)).toEqual([0, 55]);
    expect(r.report.total).toEqual({ weight: 100, declared: 53, computed: 55, cell: "F4" });
  });

  it("a deduction within the tolerance (0.01) is not a deduction", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分", "扣分原因"],
      ...ROWS(40, 39.995, 60, 60),
      ["合计", "", "", 100, "", 99.995, ""],
    ]);
    const r = checkGrid(g);
    if (!r.ok) throw new Error(r.reason);
    expect(r.report.findings).toEqual([]);
  });

  it("refuses a 通讯录 sheet whose columns say 分值, 评分标准 and 得分", async () => {
    const report = checkWorkbook("contacts.xlsx", await gridsOf("evaluation-06-contact-list.xlsx"));
    expect(report.error?.code).toBe("NOT_A_SELF_EVALUATION_TABLE");
    expect(report.sheets).toEqual([]);
  });

  it("refuses 一级指标 | 三级指标 | 分值 | 得分 when nothing says the table is an evaluation (no criteria column, no 评价 title)", () => {
    const g = grid([
      ["2023年度部门整体支出绩效自评表"],
      ["一级指标", "二级指标", "三级指标", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标(50分)", "数量指标", "培训人次", 50, 50, ""],
    ]);
    const r = detectLayout(g);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toBe("第2行像是绩效指标表头，但缺少“年度指标值、实际完成值”列，无法识别为绩效自评表");
  });

  it("refuses a header with a target but no actual, even beside a 评分标准 column: a broken standard table", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "分值", "评分标准", "得分"],
      ["产出指标(50分)", "数量指标", "培训人次", "≥100人次", 50, "完成得满分", 50],
    ]);
    const r = detectLayout(g);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("实际完成值");
  });

  it("refuses a staff appraisal sheet with 评分标准 and a 评分 title but no 一级指标", () => {
    const g = grid([
      ["2023年度员工绩效考核评分表"],
      ["考核项目", "考核内容", "分值", "评分标准", "得分"],
      ["工作业绩", "完成年度任务", 60, "按完成情况评分", 55],
      ["工作态度", "出勤与纪律", 40, "按考勤评分", 38],
      ["合计", "", 100, "", 93],
    ]);
    expect(detectLayout(g).ok).toBe(false);
  });

  it("the standard table is unchanged: the bundled sample is not an evaluation table", async () => {
    const grids = await readXlsxFile(
      path.join(__dirname, "..", "..", "assets", "samples", "2021年度部门整体支出绩效自评表.xlsx"),
    );
    const r = detectLayout(grids[0]);
    expect(r.ok && r.table.mode).toBeUndefined();
    if (r.ok) expect(r.table.indicators.every((i) => i.evaluation === undefined)).toBe(true);
  });
});

describe("stacked with a standard table", () => {
  /** Two sheets' grids one under the other, two blank rows between, merges moved down. */
  function stack(a: Grid, b: Grid): Grid {
    const off = a.values.length + 2;
    const text = (g: Grid) => g.values.map((_, r) => g.text?.[r] ?? []);
    return {
      name: "两张表",
      values: [...a.values, [], [], ...b.values],
      text: [...text(a), [], [], ...text(b)],
      merges: [...a.merges, ...b.merges.map((m) => ({ ...m, top: m.top + off, bottom: m.bottom + off }))],
    };
  }
  let evaluation: Grid;
  let standard: Grid;
  beforeAll(async () => {
    evaluation = (await gridsOf("evaluation-03-deduction-unexplained.xlsx"))[0];
    standard = (
      await readXlsxFile(
        path.join(__dirname, "..", "..", "assets", "samples", "2021年度部门整体支出绩效自评表.xlsx"),
      )
    )[0];
  });

  it("each table is read in its own mode, whichever comes first", () => {
    // The evaluation table spans rows 1–16 (B1:H16); the sample (28 rows) follows from row 19, and vice versa.
    const down = checkGridTables(stack(evaluation, standard));
    const up = checkGridTables(stack(standard, evaluation));
    if (!down.ok || !up.ok) throw new Error("not read");
    expect(down.tables.map((t) => [t.range, t.table.mode ?? "standard", t.report.indicators.length])).toEqual(
      [
        ["B1:H16", "evaluation", 11],
        ["A19:I46", "standard", 16],
      ],
    );
    expect(up.tables.map((t) => [t.range, t.table.mode ?? "standard", t.report.indicators.length])).toEqual([
      ["A1:I28", "standard", 16],
      ["B31:H46", "evaluation", 11],
    ]);
    // The evaluation table's findings keep the sheet's own cells, 30 rows down when it comes second.
    expect(found(down.tables[0].report)).toEqual(["EXPLANATION_MISSING@H5", "EXPLANATION_MISSING@H9"]);
    expect(found(up.tables[1].report)).toEqual(["EXPLANATION_MISSING@H35", "EXPLANATION_MISSING@H39"]);
  });
});

describe("evaluation properties", () => {
  let base: Grid;
  beforeAll(async () => {
    base = (await gridsOf("evaluation-03-deduction-unexplained.xlsx"))[0];
  });

  const noise: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: false, min: -1e4, max: 1e4 }),
    fc.integer({ min: -20, max: 120 }),
    fc.string(),
    fc.constantFrom(
      "无",
      "总分",
      "合计",
      "分值",
      "得分",
      "评分标准",
      "一级指标",
      "年度指标值",
      "等级：优",
      "五分",
      "#DIV/0!",
    ),
  );

  test("never throws; kept scores stay in [0, 分值] and add up to the computed total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 8 }), noise), {
          maxLength: 10,
        }),
        (changes) => {
          const g: Grid = {
            ...base,
            values: base.values.map((r) => [...r]),
            text: base.text?.map((r) => (r ? [...r] : r)),
          };
          for (const [r, c, v] of changes) {
            if (!g.values[r]) continue;
            g.values[r][c] = v;
            if (g.text?.[r]) g.text[r][c] = null;
          }
          const res = checkGrid(g);
          if (!res.ok) return;
          for (const i of res.report.indicators) {
            if (i.scoreComputed === null) continue;
            expect(i.scoreComputed).toBeGreaterThanOrEqual(0);
            if (i.weight !== null && i.weight >= 0) expect(i.scoreComputed).toBeLessThanOrEqual(i.weight);
          }
          const parts =
            res.report.indicators.reduce((a, i) => a + (i.scoreComputed ?? 0), 0) +
            (res.report.funds?.score.computed ?? res.report.funds?.score.declared ?? 0);
          expect(res.report.total.computed).toBeCloseTo(parts, 6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
