/**
 * Workbooks laid out the way other provinces publish them (scripts/fixtures/unseen.js), through the real
 * reader and checkWorkbook. Every figure and finding below was worked out by hand from scoring-rules.md,
 * not copied from an engine run: the reasoning is in the comment of each entry.
 */
import * as path from "path";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { checkWorkbook, getProfile } from "../../src/engine";
import { classifyQualitative } from "../../src/engine/values";
import type { SheetReport } from "../../src/engine/types";

const GEN = path.join(__dirname, "..", "fixtures", "generated");

interface Expect {
  sheet: string;
  kind: "project" | "department";
  /** budget, spent, rate computed (4 decimals), score declared / computed; null: no funds block. */
  funds: {
    budget: number | null;
    spent: number | null;
    rateDeclared: number | null;
    rate: number | null;
    scoreDeclared: number | null;
    score: number;
  } | null;
  indicators: number;
  total: { weight: number | null; declared: number | null; computed: number };
  grade: { declared: string | null; computed: string };
  /** "CODE@CELL", every finding of the sheet (info included). */
  findings: string[];
}

const EXPECT: Record<string, Expect> = {
  // Total row 0/0/0 while 本年财政拨款 holds 90/90/89.974: totals come from the sub-rows (three
  // FUNDS_SUBTOTAL_MISMATCH), rate 89.974/90 = 99.97 % (declared 0 %), score 10 × 0.99971 = 9.997 → 10.00
  // (declared 0), below 100 % → FUNDS_LOW_EXECUTION. Ten indicators, all met: Σ declared 0 + 90 = 90 = 总分;
  // recomputed 10 + 90 = 100. No grade cell.
  "unseen-01-anhui-mof-project.xlsx": {
    sheet: "附件1",
    kind: "project",
    funds: { budget: 90, spent: 89.974, rateDeclared: 0, rate: 0.9997, scoreDeclared: 0, score: 10 },
    indicators: 10,
    total: { weight: 100, declared: 90, computed: 100 },
    grade: { declared: null, computed: "优" },
    findings: [
      "FUNDS_SUBTOTAL_MISMATCH@C7",
      "FUNDS_SUBTOTAL_MISMATCH@D7",
      "FUNDS_SUBTOTAL_MISMATCH@E7",
      "FUNDS_RATE_MISMATCH@G7",
      "FUNDS_SCORE_MISMATCH@H7",
      "FUNDS_LOW_EXECUTION@G7",
    ],
  },
  // 人均办公经费 ≤0.8万元, actual 0.9万元: reverse, 5 × 0.8 / 0.9 = 4.44, declared 5 → SCORE_TOO_HIGH and
  // no explanation → EXPLANATION_MISSING. 会议费 15 (bare) under 成本指标 → reverse inferred, 12 ≤ 15 met.
  // 产出 40 + 成本 10 is the national 50 for 产出 with 成本 as its own 一级: no WEIGHT_SPLIT.
  // Σ declared 100; recomputed 100 − 0.56 = 99.44; 优 both.
  "unseen-02-hunan-cost-level1.xlsx": {
    sheet: "部门整体支出绩效自评表",
    kind: "department",
    funds: { budget: 820, spent: 820, rateDeclared: 1, rate: 1, scoreDeclared: 10, score: 10 },
    indicators: 9,
    total: { weight: 100, declared: 100, computed: 99.44 },
    grade: { declared: "优", computed: "优" },
    findings: ["SCORE_TOO_HIGH@H12", "EXPLANATION_MISSING@I12", "DIRECTION_INFERRED@E13"],
  },
  // Money block 200 / 170 → 85 %; the 预算执行率 row declares 90 % (H11) and 9 points (J11) where
  // 10 × 0.85 = 8.5. Its reason (K11) is filled: no FUNDS_LOW_EXECUTION. 10 + 60 + 30 is not the
  // mof-2020 split: WEIGHT_SPLIT on 产出指标 (B12). Σ declared 9 + 90 = 99 = 总分; recomputed 98.5.
  "unseen-03-sichuan-10-90-split.xlsx": {
    sheet: "项目自评表",
    kind: "project",
    funds: { budget: 200, spent: 170, rateDeclared: 0.9, rate: 0.85, scoreDeclared: 9, score: 8.5 },
    indicators: 6,
    total: { weight: 100, declared: 99, computed: 98.5 },
    grade: { declared: null, computed: "优" },
    findings: ["FUNDS_RATE_MISMATCH@H11", "FUNDS_SCORE_MISMATCH@J11", "WEIGHT_SPLIT@B12"],
  },
  // Starts in column C, blank column G. 产出指标（50分） holds 12+12+12+12 = 48 → WEIGHT_CATEGORY at D8;
  // Σ weights 10 + 48 + 30 + 10 = 98 ≠ 100 → WEIGHT_TOTAL at the 合计 row's 权重 (J15). 送书下乡 4500 of
  // 不低于5000册: 12 × 0.9 = 10.8 as declared, explanation blank → EXPLANATION_MISSING L9. "100%" bare →
  // DIRECTION_INFERRED H11. Σ declared 10 + 46.8 + 30 + 10 = 96.8 = 合计; 绩效等级：优 matches.
  "unseen-04-guangdong-col-c.xlsx": {
    sheet: "Sheet1",
    kind: "department",
    funds: { budget: 1600, spent: 1600, rateDeclared: 1, rate: 1, scoreDeclared: 10, score: 10 },
    indicators: 7,
    total: { weight: 98, declared: 96.8, computed: 96.8 },
    grade: { declared: "优", computed: "优" },
    findings: ["WEIGHT_CATEGORY@D8", "WEIGHT_TOTAL@J15", "EXPLANATION_MISSING@L9", "DIRECTION_INFERRED@H11"],
  },
  // 297 / 300 = 99 %, 9.9 points, no reason column → FUNDS_LOW_EXECUTION. Every wording parses and is met:
  // 100%以上, ≥95%（含）, 不低于90%, ≤5个工作日 (4), 3-5天 (4天 inside), 按时完成, 是, 无. Σ 99.9 = 总计, 优.
  "unseen-05-zhejiang-wordings.xlsx": {
    sheet: "自评表",
    kind: "project",
    funds: { budget: 300, spent: 297, rateDeclared: 0.99, rate: 0.99, scoreDeclared: 9.9, score: 9.9 },
    indicators: 9,
    total: { weight: 100, declared: 99.9, computed: 99.9 },
    grade: { declared: "优", computed: "优" },
    findings: ["FUNDS_LOW_EXECUTION@G5"],
  },
  // 270 of ≥200户 = 135 % with no explanation: OVER_TARGET (warning) under mof-2020; Guangxi's profile
  // (explanation mandatory at 130 %) adds EXPLANATION_MISSING as an error (tested below).
  "unseen-06-guangxi-overshoot.xlsx": {
    sheet: "2022自评表",
    kind: "project",
    funds: { budget: 500, spent: 500, rateDeclared: 1, rate: 1, scoreDeclared: 10, score: 10 },
    indicators: 5,
    total: { weight: 100, declared: 100, computed: 100 },
    grade: { declared: "优", computed: "优" },
    findings: ["OVER_TARGET@F11"],
  },
  // 部分达成 declared 9 of 10, band [6, 7.99] → QUAL_SCORE_OUT_OF_BAND, recomputed 7.99. 基本及时 7 and
  // 未达成 5 are in band. Σ declared 91 = 总分 → 优, but the sheet says 良 → GRADE_MISMATCH (B16);
  // recomputed 91 − 1.01 = 89.99 → 良 → GRADE_CHANGES_ON_RECALC at 总分 (H15).
  "unseen-07-yunnan-qual-bands.xlsx": {
    sheet: "部门整体支出",
    kind: "department",
    funds: { budget: 600, spent: 600, rateDeclared: 1, rate: 1, scoreDeclared: 10, score: 10 },
    indicators: 7,
    total: { weight: 100, declared: 91, computed: 89.99 },
    grade: { declared: "良", computed: "良" },
    findings: ["QUAL_SCORE_OUT_OF_BAND@H9", "GRADE_MISMATCH@B16", "GRADE_CHANGES_ON_RECALC@H15"],
  },
  // 85 % of ≥90 %: 20 × 85 / 90 = 18.89, declared 20 → SCORE_TOO_HIGH, blank explanation → error.
  // Σ declared 100; recomputed 98.89; 优 both (自评等级：优 in A14).
  "unseen-08-tianjin-full-marks-missed.xlsx": {
    sheet: "项目支出绩效自评表",
    kind: "project",
    funds: { budget: 1000, spent: 1000, rateDeclared: 1, rate: 1, scoreDeclared: 10, score: 10 },
    indicators: 5,
    total: { weight: 100, declared: 100, computed: 98.89 },
    grade: { declared: "优", computed: "优" },
    findings: ["SCORE_TOO_HIGH@H9", "EXPLANATION_MISSING@I9"],
  },
  // 分值 before the targets, a 备注 column: all met, nothing to say.
  "unseen-09-beijing-weight-first.xlsx": {
    sheet: "绩效自评",
    kind: "project",
    funds: { budget: 120, spent: 120, rateDeclared: 1, rate: 1, scoreDeclared: 10, score: 10 },
    indicators: 5,
    total: { weight: 100, declared: 100, computed: 100 },
    grade: { declared: null, computed: "优" },
    findings: [],
  },
  // Text money: 1080.5 / 1200 = 90.04 %, declared "90%" (whole percent: matches), 10 × 0.90042 = 9.00 as
  // declared; below 100 % → FUNDS_LOW_EXECUTION. 80个 of ≥100个: 10 × 0.8 = 8 as declared, no explanation.
  "unseen-10-hebei-text-money.xlsx": {
    sheet: "自评表",
    kind: "department",
    funds: { budget: 1200, spent: 1080.5, rateDeclared: 0.9, rate: 0.9004, scoreDeclared: 9, score: 9 },
    indicators: 6,
    total: { weight: 100, declared: 97, computed: 97 },
    grade: { declared: "优", computed: "优" },
    findings: ["FUNDS_LOW_EXECUTION@G4", "EXPLANATION_MISSING@I7"],
  },
  // 382 / 400 = 95.5 %, written 95.5 (matches); score 10 × 0.955 = 9.55, declared 9.8. Σ declared
  // 9.8 + 90 = 99.8 but 总分 98.8 → TOTAL_MISMATCH. "100%" bare → DIRECTION_INFERRED. Recomputed 99.55.
  "unseen-11-jiangsu-rate-bare.xlsx": {
    sheet: "表1",
    kind: "project",
    funds: { budget: 400, spent: 382, rateDeclared: 0.955, rate: 0.955, scoreDeclared: 9.8, score: 9.55 },
    indicators: 5,
    total: { weight: 100, declared: 98.8, computed: 99.55 },
    grade: { declared: "优", computed: "优" },
    findings: [
      "FUNDS_SCORE_MISMATCH@H6",
      "FUNDS_LOW_EXECUTION@G6",
      "TOTAL_MISMATCH@H14",
      "DIRECTION_INFERRED@E10",
    ],
  },
  // 51万亩 of ≥50万亩 met, declared 18 of 20, no explanation → SCORE_DEDUCTION_UNEXPLAINED (recomputed 20).
  // 及时 declared 16 of 15 → SCORE_OUT_OF_RANGE (recomputed 15). Σ declared 99; recomputed 100.
  "unseen-12-hunan-deduction.xlsx": {
    sheet: "项目支出绩效自评表",
    kind: "project",
    funds: { budget: 2000, spent: 2000, rateDeclared: 1, rate: 1, scoreDeclared: 10, score: 10 },
    indicators: 5,
    total: { weight: 100, declared: 99, computed: 100 },
    grade: { declared: "优", computed: "优" },
    findings: ["SCORE_DEDUCTION_UNEXPLAINED@H9", "SCORE_OUT_OF_RANGE@H11"],
  },
  // Bracketed notes do not make a target qualitative: 78 % of ≥80 % → 15 × 78 / 80 = 14.63, declared 15 →
  // SCORE_TOO_HIGH + EXPLANATION_MISSING; "100%（按时）" is a bare number → DIRECTION_INFERRED.
  // Σ declared 100; recomputed 99.63.
  "unseen-13-notes-in-targets.xlsx": {
    sheet: "自评表",
    kind: "department",
    funds: { budget: 500, spent: 500, rateDeclared: 1, rate: 1, scoreDeclared: 10, score: 10 },
    indicators: 6,
    total: { weight: 100, declared: 100, computed: 99.63 },
    grade: { declared: null, computed: "优" },
    findings: ["SCORE_TOO_HIGH@I7", "EXPLANATION_MISSING@J7", "DIRECTION_INFERRED@F8"],
  },
  // No money block: the 预算执行率 row's 92 % is the only rate there is. Score = 10 × 0.92 = 9.2, declared
  // 10 → FUNDS_SCORE_MISMATCH; below 100 % with no reason → FUNDS_LOW_EXECUTION. Recomputed 99.2, still 优.
  "unseen-14-rate-row-only.xlsx": {
    sheet: "部门整体",
    kind: "department",
    funds: { budget: null, spent: null, rateDeclared: 0.92, rate: null, scoreDeclared: 10, score: 9.2 },
    indicators: 5,
    total: { weight: 100, declared: 100, computed: 99.2 },
    grade: { declared: "优", computed: "优" },
    findings: ["FUNDS_SCORE_MISMATCH@H4", "FUNDS_LOW_EXECUTION@F4"],
  },
};

async function sheetOf(file: string, profileId?: string): Promise<SheetReport> {
  const profile = profileId ? getProfile(profileId)! : undefined;
  const report = checkWorkbook(file, await readXlsxFile(path.join(GEN, file)), { profile });
  expect(report.error).toBeNull();
  expect(report.sheets).toHaveLength(1);
  return report.sheets[0];
}

const found = (s: SheetReport) => s.findings.map((f) => `${f.code}@${f.cell}`).sort();

describe.each(Object.entries(EXPECT))("%s", (file, e) => {
  let s: SheetReport;
  beforeAll(async () => {
    s = await sheetOf(file);
  });

  it("is read as the right kind of table with every indicator", () => {
    expect(s.sheet).toBe(e.sheet);
    expect(s.kind).toBe(e.kind);
    expect(s.indicators).toHaveLength(e.indicators);
  });

  it("scores the funds block", () => {
    if (!e.funds) return expect(s.funds).toBeNull();
    expect(s.funds).not.toBeNull();
    const f = s.funds!;
    if (e.funds.budget === null) expect(f.budget).toBeNull();
    else expect(f.budget).toBeCloseTo(e.funds.budget, 6);
    if (e.funds.spent === null) expect(f.spent).toBeNull();
    else expect(f.spent).toBeCloseTo(e.funds.spent, 6);
    expect(f.rate.declared).toBe(e.funds.rateDeclared);
    expect(f.rate.computed).toBe(e.funds.rate);
    expect(f.score.declared).toBe(e.funds.scoreDeclared);
    expect(f.score.computed).toBe(e.funds.score);
  });

  it("totals and grades", () => {
    expect(s.total.weight).toBe(e.total.weight);
    expect(s.total.declared).toBe(e.total.declared);
    expect(s.total.computed).toBe(e.total.computed);
    expect(s.grade.declared).toBe(e.grade.declared);
    expect(s.grade.computed).toBe(e.grade.computed);
  });

  it("raises exactly the findings worked out by hand", () => {
    expect(found(s)).toEqual([...e.findings].sort());
    for (const f of s.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

it("Guangxi's profile makes the 135 % over-achievement's explanation mandatory", async () => {
  const s = await sheetOf("unseen-06-guangxi-overshoot.xlsx", "guangxi");
  expect(found(s)).toEqual(["EXPLANATION_MISSING@I11", "OVER_TARGET@F11"]);
  expect(s.findings.find((f) => f.code === "EXPLANATION_MISSING")?.severity).toBe("error");
});

it("reads the achievement words of provincial tables: 足额发放, 正常运行 and their negations", () => {
  expect(classifyQualitative("足额发放", "按标准足额发放")).toBe("达成");
  expect(classifyQualitative("正常运行", "系统稳定运行")).toBe("达成");
  expect(classifyQualitative("未足额发放", "按标准足额发放")).toBe("未达成");
  expect(classifyQualitative("未能正常运行", "系统稳定运行")).toBe("未达成");
  expect(classifyQualitative("基本正常", "系统稳定运行")).toBe("部分达成");
});
