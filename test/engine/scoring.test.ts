import { scoreIndicator as scoreParsed } from "../../src/engine/rules/run";
import { parseIndicator } from "../../src/engine/table/parse";
import { defaultProfile, getProfile, validateProfile } from "../../src/engine/profiles";
import type { IndicatorRow, Profile } from "../../src/engine/types";
import { indicator, src, type RowSpec } from "./helpers";
import { readRate } from "../../src/engine/scoring/funds";

const mof = defaultProfile();
// Scoring reads the parsed row; these tests build layout rows, so they parse them first, as check does.
const scoreIndicator = (row: IndicatorRow, p: Profile) => scoreParsed(parseIndicator(row), p);
const linear = getProfile("linear") as Profile;
const codes = (spec: RowSpec, p: Profile = mof) =>
  scoreIndicator(indicator(spec), p)
    .findings.map((f) => f.code)
    .sort();
const computed = (spec: RowSpec, p: Profile = mof) => scoreIndicator(indicator(spec), p).report.scoreComputed;

describe("worked examples of scoring-rules.md §7", () => {
  test.each<[string, unknown, number, number, boolean]>([
    ["≥1000亩", 900, 8, 7.2, true],
    ["≥ 95%", "93%", 8, 7.83, true],
    ["≤15天", "18天", 8, 6.67, true],
    ["≤90万元", 80, 8, 8, false],
    ["≤ 0%", "0%", 10, 10, false],
    ["≤ 0%", "1%", 10, 0, true],
    ["≥1000", 1500, 10, 10, true],
  ])("%s vs %s (W=%s) → %s", (target, actual, W, expected, needs) => {
    const r = scoreIndicator(
      indicator({ target: target as string, actual: actual as string, weight: W, score: expected }),
      mof,
    );
    expect(r.report.scoreComputed).toBe(expected);
    expect(r.report.needsExplanation).toBe(needs);
  });

  test("≤15天 vs 18天 under the linear reverse formula → 6.40", () => {
    expect(computed({ target: "≤15天", actual: "18天", weight: 8, score: 6.4 }, linear)).toBe(6.4);
  });

  test("a missed target with a blank explanation is an error; explained, it is not", () => {
    expect(codes({ target: "≥1000亩", actual: 900, weight: 8, score: 7.2 })).toEqual(["EXPLANATION_MISSING"]);
    const f = scoreIndicator(indicator({ target: "≥1000亩", actual: 900, weight: 8, score: 7.2 }), mof)
      .findings[0];
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("I12");
    expect(f.message).toContain("900");
    expect(
      codes({
        target: "≥1000亩",
        actual: 900,
        weight: 8,
        score: 7.2,
        explanation: "受征地进度影响，部分地块推迟到下年度实施",
      }),
    ).toEqual([]);
  });

  test("150 % over-achievement is flagged for review, and the finding goes once explained", () => {
    const r = scoreIndicator(indicator({ target: "≥1000", actual: 1500, weight: 10, score: 10 }), mof);
    expect(r.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["OVER_TARGET", "warning", "F12"]]);
    expect(r.findings[0].message).toContain("150%");
    expect(r.report.ratio).toBe(1.5);
    expect(
      codes({
        target: "≥1000",
        actual: 1500,
        weight: 10,
        score: 10,
        explanation: "年初指标值设定偏保守，下年度合理提高",
      }),
    ).toEqual([]);
  });

  test("a bare number under a % target: fraction unless that reading is absurd for the target", () => {
    expect(
      computed({
        target: "≥ 95%",
        actual: 0.93,
        weight: 8,
        score: 7.83,
        explanation: "部分服务对象未参与评价，下年改进",
      }),
    ).toBe(7.83);
    expect(computed({ target: "≥50%", actual: 1, weight: 8, score: 8 })).toBe(8); // 1 = 100 %
    expect(codes({ target: "≤2%", actual: 1, weight: 5, score: 5, name: "差错率" })).toEqual([]); // 1 = 1 %, within 2 %
    expect(
      codes({
        target: "≤ 0%",
        actual: 1,
        weight: 10,
        score: 0,
        explanation: "发生一次超预算支出，已整改到位",
      }),
    ).toEqual([]); // either reading misses
  });

  test("the 120 % review threshold is inclusive and decided in decimal, not binary", () => {
    expect(codes({ target: "≥1000", actual: 1200, weight: 10, score: 10 })).toEqual(["OVER_TARGET"]);
    expect(codes({ target: "≥1000", actual: 1199.99, weight: 10, score: 10 })).toEqual([]);
    // 0.7 × 1.2 is 0.8399999999999999 in binary: 0.84 must still count as 120 %.
    expect(codes({ target: "≥0.7", actual: 0.84, weight: 10, score: 10 })).toEqual(["OVER_TARGET"]);
  });

  test("Guangxi: at 130 % the explanation is mandatory (error)", () => {
    const gx = getProfile("guangxi") as Profile;
    const r = scoreIndicator(indicator({ target: "≥1000", actual: 1500, weight: 10, score: 10 }), gx);
    expect(r.findings.map((f) => `${f.code}:${f.severity}`).sort()).toEqual([
      "EXPLANATION_MISSING:error",
      "OVER_TARGET:warning",
    ]);
    const mild = scoreIndicator(indicator({ target: "≥1000", actual: 1250, weight: 10, score: 10 }), gx);
    expect(mild.findings.map((f) => `${f.code}:${f.severity}`)).toEqual(["OVER_TARGET:warning"]);
  });

  test("qualitative 部分达成 must score in [6, 8)", () => {
    const spec = {
      target: "可持续",
      actual: "部分达成年度指标并具有一定效果",
      weight: 10,
      explanation: "受资金到位时间影响，后续管护机制尚在建立中",
    };
    expect(codes({ ...spec, score: 7 })).toEqual([]);
    expect(codes({ ...spec, score: 7.99 })).toEqual([]);
    expect(codes({ ...spec, score: 8 })).toEqual(["QUAL_SCORE_OUT_OF_BAND"]);
    expect(computed({ ...spec, score: 8 })).toBe(7.99);
    expect(codes({ ...spec, score: 5 })).toEqual(["QUAL_SCORE_OUT_OF_BAND"]);
    expect(computed({ ...spec, score: 5 })).toBe(6);
    expect(codes({ ...spec, score: 7, explanation: "" })).toEqual(["EXPLANATION_MISSING"]);
  });

  test("及时 / 及时: 5 expected; a lower score needs its deduction explained", () => {
    expect(codes({ target: "及时", actual: "及时", weight: 5, score: 5 })).toEqual([]);
    expect(codes({ target: "及时", actual: "及时", weight: 5, score: 4 })).toEqual([
      "SCORE_DEDUCTION_UNEXPLAINED",
    ]);
    expect(
      codes({
        target: "及时",
        actual: "及时",
        weight: 5,
        score: 4,
        explanation: "个别灾害点治理完成时间略晚于汛期前要求",
      }),
    ).toEqual([]);
    expect(codes({ target: "及时", actual: "及时", weight: 5, score: 3.9 })).toEqual([
      "QUAL_SCORE_OUT_OF_BAND",
    ]);
  });

  test("不及时 is not 及时 (negations first)", () => {
    const r = scoreIndicator(indicator({ target: "及时", actual: "不及时", weight: 5, score: 5 }), mof);
    expect(r.report.band).toBe("未达成");
    expect(r.findings.map((f) => f.code).sort()).toEqual(["EXPLANATION_MISSING", "QUAL_SCORE_OUT_OF_BAND"]);
  });
});

describe("declared scores", () => {
  test("full marks for a missed target is SCORE_TOO_HIGH with the right figure", () => {
    const r = scoreIndicator(
      indicator({
        target: "≥ 95%",
        actual: "93%",
        weight: 8,
        score: 8,
        explanation: "部分群众对服务时效仍有意见，下年度改进",
      }),
      mof,
    );
    expect(r.findings.map((f) => f.code)).toEqual(["SCORE_TOO_HIGH"]);
    expect(r.findings[0].cell).toBe("H12");
    expect(r.findings[0].message).toContain("7.83");
    expect(r.report.scoreComputed).toBe(7.83);
  });

  test("a score below the formula on a missed row is a warning", () => {
    expect(
      codes({
        target: "≥1000亩",
        actual: 900,
        weight: 8,
        score: 6,
        explanation: "征地进度滞后，部分地块推迟实施",
      }),
    ).toEqual(["SCORE_TOO_LOW"]);
  });

  test("a score outside [0, W] is an error", () => {
    expect(codes({ target: "≥2", actual: 2, weight: 6, score: 7 })).toEqual(["SCORE_OUT_OF_RANGE"]);
    expect(codes({ target: "≥2", actual: 2, weight: 6, score: -1 })).toContain("SCORE_OUT_OF_RANGE");
  });

  test("missing and non-numeric cells name the cell", () => {
    const r = scoreIndicator(indicator({ target: "≥2", actual: null, weight: "六", score: null }), mof);
    expect(r.findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual([
      "VALUE_MISSING@F12",
      "VALUE_MISSING@H12",
      "VALUE_NOT_NUMERIC@G12",
    ]);
    const t = scoreIndicator(indicator({ target: "≥2", actual: "#DIV/0!", weight: 6, score: 6 }), mof);
    expect(t.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["VALUE_NOT_NUMERIC@F12"]);
  });

  test("an actual in another unit cannot be compared", () => {
    const r = scoreIndicator(indicator({ target: "≥1000亩", actual: "5个", weight: 8, score: 8 }), mof);
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["VALUE_NOT_NUMERIC@F12"]);
    expect(r.findings[0].message).toContain("亩");
    expect(computed({ target: "≥100公顷", actual: "1500亩", weight: 8, score: 8 })).toBe(8);
  });

  test("a bare number's direction is inferred and said (info); 成本 names are reverse", () => {
    const pos = scoreIndicator(
      indicator({
        target: 100,
        actual: 90,
        weight: 10,
        score: 9,
        explanation: "受天气影响部分场次取消，已在下年度补办",
      }),
      mof,
    );
    expect(pos.report.direction).toBe("positive");
    expect(pos.report.directionInferred).toBe(true);
    expect(pos.findings.map((f) => `${f.code}:${f.severity}`)).toEqual(["DIRECTION_INFERRED:info"]);
    const rev = scoreIndicator(
      indicator({
        target: "50万元",
        actual: 40,
        weight: 10,
        score: 10,
        name: "项目成本",
        level1: "产出指标",
        level2: "成本指标",
      }),
      mof,
    );
    expect(rev.report.direction).toBe("reverse");
    expect(rev.report.scoreComputed).toBe(10);
  });

  test("equal targets: = 0 and = N", () => {
    expect(computed({ target: "=0", actual: 0, weight: 5, score: 5 })).toBe(5);
    expect(
      computed({
        target: "=0",
        actual: 2,
        weight: 5,
        score: 0,
        explanation: "发生两起一般性安全事故，已整改",
      }),
    ).toBe(0);
    expect(
      computed({ target: "=10", actual: 8, weight: 5, score: 4, explanation: "两个点位因规划调整未建设" }),
    ).toBe(4);
    expect(codes({ target: "=10", actual: 11, weight: 5, score: 5 })).toEqual(["EXPLANATION_MISSING"]);
    // Far above an equal target is still "actual ≠ target": an error, not only a review warning.
    const far = scoreIndicator(indicator({ target: "=100", actual: 130, weight: 5, score: 5 }), mof).findings;
    expect(far.map((f) => `${f.code}:${f.severity}`)).toEqual(["EXPLANATION_MISSING:error"]);
  });

  test("ranges: inside full, below and above scaled", () => {
    expect(computed({ target: "80-90%", actual: "85%", weight: 10, score: 10 })).toBe(10);
    expect(
      computed({
        target: "80-90%",
        actual: "72%",
        weight: 10,
        score: 9,
        explanation: "偏低原因说明文字足够长",
      }),
    ).toBe(9);
    expect(
      computed({
        target: "80-90%",
        actual: "100%",
        weight: 10,
        score: 9,
        explanation: "偏高原因说明文字足够长",
      }),
    ).toBe(9);
  });

  test("a blank explanation placeholder counts as blank; a short one is a warning", () => {
    expect(codes({ target: "≥1000亩", actual: 900, weight: 8, score: 7.2, explanation: "无" })).toEqual([
      "EXPLANATION_MISSING",
    ]);
    expect(codes({ target: "≥1000亩", actual: 900, weight: 8, score: 7.2, explanation: "进度慢" })).toEqual([
      "EXPLANATION_TOO_SHORT",
    ]);
  });

  test("negative actuals count as 0", () => {
    expect(
      computed({ target: "≥100", actual: -5, weight: 10, score: 0, explanation: "统计口径调整导致数据为负" }),
    ).toBe(0);
  });

  test("an unclassified qualitative actual keeps the declared score and asks", () => {
    const r = scoreIndicator(
      indicator({ target: "效果明显", actual: "详见附件", weight: 10, score: 9 }),
      mof,
    );
    expect(r.findings.map((f) => f.code)).toEqual(["QUAL_UNCLASSIFIED"]);
    expect(r.report.scoreComputed).toBe(9);
  });

  test("an empty target keeps the declared score with TARGET_UNPARSED", () => {
    const r = scoreIndicator(indicator({ target: null, actual: 5, weight: 10, score: 10 }), mof);
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["TARGET_UNPARSED@E12"]);
    expect(r.report.scoreComputed).toBe(10);
  });
});

describe("profiles", () => {
  test("a partial user profile extends the default", () => {
    const v = validateProfile({ id: "city", name: "某市", execReasonBelow: 0.9 });
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.profile.execReasonBelow).toBe(0.9);
      expect(v.profile.totalPoints).toBe(100);
    }
  });

  test("bad keys are named in Chinese", () => {
    const v = validateProfile({ id: "x", name: "x", reverseFormula: "cube", overshootRatio: 2 });
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors.join("\n")).toContain("“reverseFormula”");
      expect(v.errors.join("\n")).toContain("未知的配置项“overshootRatio”");
    }
    expect(validateProfile([]).ok).toBe(false);
    expect(validateProfile({ name: "x" }).ok).toBe(false);
  });
});

describe("readRate: the declared 执行率", () => {
  test('a % code makes the number a fraction; a literal "%" in quotes does not', () => {
    expect(readRate(src("G4", 0.7825, { format: "0.00%", text: "" }))?.value).toBe(0.7825);
    // 78.25 under 0.00"%" shows "78.25%" but is 78.25 percent: read through the one format interpreter.
    expect(readRate(src("G4", 78.25, { format: '0.00"%"', text: "" }))?.value).toBe(0.7825);
    expect(readRate(src("G4", 78.25, { text: "78.25" }))?.value).toBe(0.7825);
  });
});
