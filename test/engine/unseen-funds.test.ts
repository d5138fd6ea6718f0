/**
 * Funds blocks laid out in ways the corpus did not show (issue 17, classes 2, 3 and 6): goal header rows
 * right under the money, headers in other words or split over two rows, money written with another unit.
 * Grids are built here in those shapes; every figure is worked out by hand.
 */
import { checkGrid, detectLayout } from "../../src/engine";
import type { SheetReport } from "../../src/engine";
import { INDICATOR_HEADER, makeGrid, type RowSpec } from "../fixtures/grids";

/** 90 points of indicators, all met, under a funds block worth 10. */
const INDICATORS: RowSpec[] = [
  ["产出指标(50分)", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50, null],
  ["效益指标(30分)", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, null],
  ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "96%", 10, 10, null],
];

function table(top: RowSpec[], totalScore: number): RowSpec[] {
  return [
    ["2023年度部门整体支出绩效自评表"],
    ["部门名称", "某某局"],
    ...top,
    INDICATOR_HEADER,
    ...INDICATORS,
    ["总分", null, null, null, null, 100, totalScore, null],
  ];
}

function report(rows: RowSpec[], merges: string[] = []): SheetReport {
  const r = checkGrid(makeGrid("表1", rows, merges));
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

const codes = (r: SheetReport) => r.findings.map((f) => `${f.code}@${f.cell}`);

describe("goal header rows under the funds block (class 2)", () => {
  const top: RowSpec[] = [
    ["资金情况（万元）", "年度资金总额", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "合计", 100, 120, 108, 10, "90%", 9],
    [null, "其中：财政拨款", 100, 120, 108],
    ["全年（调整）绩效目标", null, null, null, "全年目标实际完成情况"],
    [null, "完成年度培训任务，提升群众知晓率。", null, null, "完成培训120人次，知晓率95%。"],
  ];

  it("never reads them as funds rows", () => {
    const r = report(table(top, 99));
    // 108 / 120 = 90 %; 10 × 0.9 = 9. Σ 9 + 90 = 99.
    expect(r.funds?.budget).toBe(120);
    expect(r.funds?.spent).toBe(108);
    expect(r.funds?.score.computed).toBe(9);
    expect(r.total.computed).toBe(99);
    expect(codes(r).filter((c) => /^FUNDS|VALUE/.test(c))).toEqual(["FUNDS_LOW_EXECUTION@G4"]);
  });

  it("reads them whatever words the goal header uses (年度总体目标 | 实际完成情况)", () => {
    const alt = top.map((row) => row.map((c) => (c === "全年（调整）绩效目标" ? "年度总体目标" : c)));
    alt[3][4] = "年度目标实际完成情况";
    const r = report(table(alt, 99));
    expect(r.funds?.spent).toBe(108);
    expect(codes(r).some((c) => c.startsWith("VALUE_") || c.startsWith("FUNDS_SUB"))).toBe(false);
  });

  it("stops at a row whose money cells hold sentences", () => {
    const prose = [
      ...top.slice(0, 3),
      ["目标", "完成年度培训任务，提升群众知晓率。", "完成年度培训任务", "略有偏差"],
    ];
    const r = report(table(prose, 99));
    expect(r.funds?.spent).toBe(108);
    expect(codes(r).some((c) => c.startsWith("VALUE_") || c.startsWith("FUNDS_SUB"))).toBe(false);
  });
});
describe("goal rows under a funds block whose label column is 年度资金总额 (class 2)", () => {
  const top: RowSpec[] = [
    ["资金情况（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", null, 100, 120, 108, 10, "90%", 9],
    [null, "其中：财政拨款", 100, 120, 108],
    [null, "全年（调整）绩效目标", null, null, "全年目标实际完成情况"],
    [null, "完成年度培训任务，提升群众知晓率。", null, null, "完成培训120人次，知晓率95%。"],
  ];

  it("keeps only the money rows in the block", () => {
    const layout = detectLayout(makeGrid("表1", table(top, 99)));
    expect(layout.ok && layout.table.funds?.subRows.map((s) => s.label)).toEqual(["其中：财政拨款"]);
  });

  it("stops at words in the money columns even under a goal header it does not know", () => {
    const odd = top.map((row) => row.map((c) => (c === "全年（调整）绩效目标" ? "工作任务" : c)));
    odd[3][4] = "工作成效";
    const layout = detectLayout(makeGrid("表1", table(odd, 99)));
    expect(layout.ok && layout.table.funds?.subRows.map((s) => s.label)).toEqual(["其中：财政拨款"]);
  });
});

describe("funds headers in other words (class 3)", () => {
  it("reads 全年执行 / 实际支出 / 支出实现率 columns, and never takes 结余率 for the rate", () => {
    for (const spent of ["全年执行", "实际支出"]) {
      const top: RowSpec[] = [
        [
          "项目资金（万元）",
          "年度资金总额",
          "年初预算数",
          "调整后预算数",
          spent,
          "结余率",
          "支出实现率",
          "分值",
          "得分",
        ],
        [null, "合计", 100, 120, 108, "10%", "90%", 10, 9],
      ];
      const r = report(table(top, 99));
      // 108 / 120 = 90 %; 10 × 0.9 = 9.
      expect(r.funds?.budget).toBe(120);
      expect(r.funds?.spent).toBe(108);
      expect(r.funds?.rate.declared).toBe(0.9);
      expect(r.funds?.score.computed).toBe(9);
      expect(codes(r).filter((c) => c.startsWith("FUNDS_"))).toEqual(["FUNDS_LOW_EXECUTION@G4"]);
    }
  });

  it("reads the indicator header's score words (自评得分, 实际得分) over the funds block too", () => {
    for (const score of ["自评得分", "实际得分"]) {
      const top: RowSpec[] = [
        [
          "项目资金（万元）",
          "年度资金总额",
          "年初预算数",
          "全年预算数",
          "全年执行数",
          "分值",
          "执行率",
          score,
        ],
        [null, "合计", 100, 100, 90, 10, "90%", 10],
      ];
      const r = report(table(top, 100));
      // Declared 10 where 10 × 0.9 = 9: the score is read, so the mismatch is seen.
      expect(r.funds?.score.declared).toBe(10);
      expect(codes(r)).toContain("FUNDS_SCORE_MISMATCH@H4");
    }
  });

  it("reads 预算数 / 执行数 split over two header rows", () => {
    const top: RowSpec[] = [
      ["项目资金（万元）", null, "预算数", null, "执行数", "分值", "执行率", "得分"],
      [null, null, "年初", "全年", "全年", null, null, null],
      [null, "合计", 100, 120, 108, 10, "90%", 9],
    ];
    const merges = ["C3:D3", "F3:F4", "G3:G4", "H3:H4", "A3:A5"];
    const layout = detectLayout(makeGrid("表1", table(top, 99), merges));
    expect(layout.ok).toBe(true);
    const f = layout.ok ? layout.table.funds : null;
    expect([f?.total.initial?.cell, f?.total.budget?.cell, f?.total.spent?.cell]).toEqual(["C5", "D5", "E5"]);
    const r = report(table(top, 99), merges);
    expect(r.funds?.score.computed).toBe(9);
    expect(r.total.computed).toBe(99);
  });

  it("says FUNDS_UNREAD when a funds header is there but no money can be read under it", () => {
    const top: RowSpec[] = [
      [
        "项目资金（万元）",
        "年度资金总额",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
      ],
      [null, "合计", "见附表", "见附表", "见附表", 10, "见附表", "见附表"],
    ];
    const r = report(table(top, 90));
    expect(codes(r)).toContain("FUNDS_UNREAD@A3");
    expect(r.funds).toBeNull();
  });
});

describe("money written with a unit in the block's unit (class 6)", () => {
  const top = (label: string, budget: string | number, spent: string | number): RowSpec[] => [
    [label, "年度资金总额", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "合计", budget, budget, spent, 10, "100%", 10],
  ];

  it('reads "21.55万" in a block measured in 元 as 215,500 元', () => {
    const r = report(table(top("项目资金（元）", "21.55万", 215500), 100));
    expect(r.funds?.budget).toBe(215500);
    expect(r.funds?.spent).toBe(215500);
    expect(r.funds?.rate.computed).toBe(1);
    expect(codes(r).filter((c) => c.startsWith("FUNDS_") || c.startsWith("VALUE_"))).toEqual([]);
  });

  it('reads "1,200,000元" in a 万元 block as 120 万元, and a unit only in a header cell', () => {
    const rows = top("资金情况", "1,200,000元", 120);
    rows[0][3] = "全年预算数（万元）";
    const r = report(table(rows, 100));
    expect(r.funds?.budget).toBe(120);
    expect(r.funds?.rate.computed).toBe(1);
  });

  it("keeps the number as written when the block names no unit, or two that disagree", () => {
    const none = report(table(top("资金情况", "120万", 120), 100));
    expect(none.funds?.budget).toBe(120);
    const rows = top("资金情况（元）", "120万", 120);
    rows[0][4] = "全年执行数（万元）";
    expect(report(table(rows, 100)).funds?.budget).toBe(120);
  });
});
