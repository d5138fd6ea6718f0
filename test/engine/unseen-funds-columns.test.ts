/**
 * Funds blocks in the orders provinces print them (issue 17, class 3): the money sources as columns
 * (年度资金总额 | 其中：财政拨款 | 其他资金) with 年初预算数 / 全年预算数 / 全年执行数 as rows, the total row after
 * its parts, and 预算数 / 执行数 over two header rows beside a 年度资金总额 label column. Whenever the money
 * cannot be read, FUNDS_UNREAD. Grids built here; every figure worked out by hand.
 */
import { checkGrid, detectLayout } from "../../src/engine";
import type { SheetReport } from "../../src/engine";
import { INDICATOR_HEADER, makeGrid, type RowSpec } from "../fixtures/grids";

/** 90 points of indicators, all met. */
const INDICATORS: RowSpec[] = [
  ["产出指标(50分)", "数量指标", "培训次数", "≥40次", "43次", 50, 50, null],
  ["效益指标(30分)", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, null],
  ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "96%", 10, 10, null],
];

const table = (top: RowSpec[], totalScore: number): RowSpec[] => [
  ["2023年度项目支出绩效自评表"],
  ["项目名称", "某某项目"],
  ...top,
  INDICATOR_HEADER,
  ...INDICATORS,
  ["总分", null, null, null, null, 100, totalScore, null],
];

function report(rows: RowSpec[], merges: string[] = []): SheetReport {
  const r = checkGrid(makeGrid("表1", rows, merges));
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}
const codes = (r: SheetReport) => r.findings.map((f) => `${f.code}@${f.cell}`);

describe("sources as columns, amounts as rows", () => {
  const top = (fiscal: number, other: number, money: (n: number) => string | number = (n) => n) => [
    ["项目资金（万元）", null, "年度资金总额", "其中：财政拨款", "其他资金", "分值", "执行率", "得分"],
    [null, "年初预算数", money(100), 80, 20, 10, "90%", 9],
    [null, "全年预算数", money(120), 100, 20, null, null, null],
    [null, "全年执行数", money(108), fiscal, other, null, null, null],
  ];
  const merges = ["A3:A6", "F4:F6", "G4:G6", "H4:H6"];

  it("reads the 年度资金总额 column as the total and scores the funds", () => {
    const r = report(table(top(90, 18), 99), merges);
    // 108 / 120 = 90 %; 10 × 0.9 = 9; Σ 9 + 90 = 99.
    expect(r.funds).toMatchObject({ budget: 120, spent: 108, weight: 10 });
    expect(r.funds?.score).toMatchObject({ declared: 9, computed: 9, cell: "H4" });
    expect(r.total.computed).toBe(99);
    expect(codes(r)).toEqual(["FUNDS_LOW_EXECUTION@G4"]);
    const layout = detectLayout(makeGrid("表1", table(top(90, 18), 99), merges));
    expect(layout.ok && layout.table.funds?.subRows.map((s) => s.label)).toEqual([
      "其中：财政拨款",
      "其他资金",
    ]);
    expect(layout.ok && layout.table.funds?.total.spent?.cell).toBe("C6");
  });

  it("checks the source columns against the total (90 + 10 ≠ 108)", () => {
    expect(codes(report(table(top(90, 10), 99), merges))).toContain("FUNDS_SUBTOTAL_MISMATCH@C6");
  });

  it("says FUNDS_UNREAD when no money under the header can be read", () => {
    const unread = top(90, 18).map((row, i) =>
      i === 0 ? row : row.map((c, j) => (j >= 2 && j <= 4 ? "见附表" : c)),
    );
    const r = report(table(unread, 90), merges);
    expect(codes(r)).toContain("FUNDS_UNREAD@A3");
    expect(r.funds).toBeNull();
  });
});

describe("the total row printed after its parts", () => {
  it("takes 年度资金总额 as the total wherever it stands", () => {
    const top: RowSpec[] = [
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "其中：财政拨款", 100, 100, 90, null, null, null],
      [null, "其他资金", 0, 20, 18, null, null, null],
      [null, "年度资金总额", 100, 120, 108, 10, "90%", 9],
    ];
    const r = report(table(top, 99));
    expect(r.funds).toMatchObject({ budget: 120, spent: 108 });
    expect(r.funds?.score.computed).toBe(9);
    expect(codes(r)).toEqual(["FUNDS_LOW_EXECUTION@G6"]);
  });
});

describe("预算数 / 执行数 over two header rows beside a 年度资金总额 label column", () => {
  it("reads each column's two cells joined, and says so once", () => {
    const top: RowSpec[] = [
      ["项目资金（万元）", "年度资金总额", "预算数", null, "执行数", "分值", "执行率", "得分"],
      [null, null, "年初", "全年", "全年", null, null, null],
      [null, "合计", 100, 120, 108, 10, "90%", 9],
      [null, "其中：财政拨款", 100, 120, 108, null, null, null],
    ];
    const r = report(table(top, 99), ["C3:D3", "B3:B4", "F3:F4", "G3:G4", "H3:H4"]);
    expect(r.funds).toMatchObject({ budget: 120, spent: 108 });
    expect(r.total.computed).toBe(99);
    expect(codes(r)).toEqual(["FUNDS_LOW_EXECUTION@G5", "LAYOUT_ASSUMED@C3"]);
  });
});
