/**
 * Column orders and header words the layout has not seen (issue 17, class 9): the header is read by its
 * words, and the reading is said once per table as LAYOUT_ASSUMED (info). An order no table had is sure
 * (the words say which column is which), so every other finding stays; a cell read by a part of a known
 * word is a guess, so the errors that depend on that column are said as warnings. Grids built here.
 */
import { checkGrid, detectLayout } from "../../src/engine";
import type { SheetReport } from "../../src/engine";
import { looseIndicatorRole } from "../../src/engine/layout/text";
import { SEEN_COLUMN_ORDER } from "../../src/engine/layout/vocabulary";
import { INDICATOR_HEADER, makeGrid, type RowSpec } from "../fixtures/grids";

const FUNDS: RowSpec[] = [
  ["项目资金（万元）", "年度资金总额", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "合计", 100, 100, 100, 10, "100%", 10],
];

/**
 * 90 points of indicators: one short of its target with no reason (7.2 of 8, EXPLANATION_MISSING), one
 * declared too high (10 where 9.5 is right, SCORE_TOO_HIGH), the rest met. Σ declared 99.2 = 总分.
 */
const ROWS: RowSpec[] = [
  ["产出指标(50分)", "数量指标", "培训人次", "≥1000人次", "900人次", 8, 7.2, null],
  [null, "数量指标", "宣传次数", "≥20次", "19次", 10, 10, null],
  [null, "质量指标", "合格率", "≥90%", "95%", 32, 32, null],
  ["效益指标(30分)", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, null],
  ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "96%", 10, 10, null],
  ["总分", null, null, null, null, 100, 99.2, null],
];

/** The table with its indicator block's columns put in `order` (indexes into the standard eight). */
function table(order: number[], header: RowSpec = INDICATOR_HEADER): RowSpec[] {
  const pick = (row: RowSpec) => order.map((i) => row[i] ?? null);
  return [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", "某某项目"],
    ...FUNDS,
    pick(header),
    ...ROWS.map(pick),
  ];
}

function report(rows: RowSpec[]): SheetReport {
  const r = checkGrid(makeGrid("表1", rows));
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

const STANDARD = [0, 1, 2, 3, 4, 5, 6, 7];
const COL = "ABCDEFGH";
/** Findings other than LAYOUT_ASSUMED as code|severity|standard column+row, whatever the order. */
function others(r: SheetReport, order: number[]): string[] {
  return r.findings
    .filter((f) => f.code !== "LAYOUT_ASSUMED")
    .map((f) => {
      const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
      const at = COL.indexOf(m[1]);
      return `${f.code}|${f.severity}|${COL[order[at]] ?? m[1]}${m[2]}`;
    })
    .sort();
}
const assumed = (r: SheetReport) => r.findings.filter((f) => f.code === "LAYOUT_ASSUMED");

describe("a column order no table seen had", () => {
  const base = report(table(STANDARD));

  it("the national order says nothing", () => {
    expect(assumed(base)).toEqual([]);
    expect(others(base, STANDARD)).toEqual(
      expect.arrayContaining(["EXPLANATION_MISSING|error|H6", "SCORE_TOO_HIGH|error|G7"]),
    );
  });

  const cases: [string, number[], string, string][] = [
    ["实际完成值 before 年度指标值", [0, 1, 2, 4, 3, 5, 6, 7], "D5", "“实际完成值”在“年度指标值”之前"],
    ["分值 after 得分", [0, 1, 2, 3, 4, 6, 5, 7], "F5", "“得分”在“分值”之前"],
    ["偏差原因 before 得分", [0, 1, 2, 3, 4, 5, 7, 6], "G5", "“偏差原因分析及改进措施”在“得分”之前"],
  ];
  it.each(cases)("%s: one note where it was chosen, every other finding kept", (_what, order, cell, says) => {
    const r = report(table(order));
    const notes = assumed(r);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "info", cell });
    expect(notes[0].message).toContain(says);
    expect(others(r, order)).toEqual(others(base, STANDARD));
    expect(r.total.computed).toBe(base.total.computed);
  });

  it("says two unseen pairs in one note", () => {
    const order = [0, 1, 2, 4, 3, 6, 5, 7];
    const notes = assumed(report(table(order)));
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain("“实际完成值”在“年度指标值”之前");
    expect(notes[0].message).toContain("“得分”在“分值”之前");
  });

  it("takes 分值 before the target as seen (an order published tables use)", () => {
    expect(assumed(report(table([0, 1, 2, 5, 3, 4, 6, 7])))).toEqual([]);
  });

  it("keeps the known orders as data", () => {
    expect(SEEN_COLUMN_ORDER).toContainEqual(["target", "actual"]);
    expect(SEEN_COLUMN_ORDER).toContainEqual(["weight", "score"]);
    expect(SEEN_COLUMN_ORDER).toContainEqual(["score", "explanation"]);
  });
});

describe("a header cell read by a part of a known word", () => {
  const withHeader = (i: number, text: string): RowSpec =>
    INDICATOR_HEADER.map((c, j) => (j === i ? text : c));

  it("reads 本年度指标值 as the target, says so at that cell, and makes the errors it decides warnings", () => {
    const r = report(table(STANDARD, withHeader(3, "本年度指标值")));
    const notes = assumed(r);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "info", cell: "D5" });
    expect(notes[0].message).toContain("“本年度指标值”（D5）");
    expect(notes[0].message).toContain("“年度指标值”");
    // Same findings, same cells; the two that depend on the target are now warnings.
    expect(others(r, STANDARD)).toEqual(
      expect.arrayContaining(["EXPLANATION_MISSING|warning|H6", "SCORE_TOO_HIGH|warning|G7"]),
    );
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.total.computed).toBe(report(table(STANDARD)).total.computed);
  });

  it("reads a header it used to refuse (实际完成值情况, 得分情况) and says both cells once", () => {
    const header = withHeader(4, "实际完成值情况").map((c, j) => (j === 6 ? "得分情况" : c));
    const before = detectLayout(makeGrid("表1", table(STANDARD, header)));
    expect(before.ok).toBe(true);
    const notes = assumed(report(table(STANDARD, header)));
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain("“实际完成值情况”（E5）、“得分情况”（G5）");
  });

  it("keeps errors on columns read by known words (偏差原因 guessed: only reason findings soften)", () => {
    const r = report(table(STANDARD, withHeader(7, "偏差分析")));
    expect(assumed(r)).toHaveLength(1);
    expect(others(r, STANDARD)).toEqual(
      expect.arrayContaining(["EXPLANATION_MISSING|warning|H6", "SCORE_TOO_HIGH|error|G7"]),
    );
  });

  it("never takes a rate, a coefficient or money for a column, nor a known word for a guess", () => {
    for (const t of ["得分系数", "完成率", "全年执行数", "得分率", "预算执行率"])
      expect(looseIndicatorRole(t)).toBeNull();
    expect(looseIndicatorRole("年度指标值")).toBeNull();
    expect(looseIndicatorRole("本年度指标值")).toBe("target");
    expect(looseIndicatorRole("实际完成值情况")).toBe("actual");
  });

  it("does not complete a row that names fewer than three columns by known words", () => {
    const rows: RowSpec[] = [
      ["2023年度项目支出绩效自评表"],
      ["项目名称", "某某项目"],
      ["类别", "子类", "指标名称", "计划指标值", "完成情况", "权重分值", "得分情况"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 100, 100],
    ];
    // 指标名称 and 权重分值 are known; two is too few to call the row a header.
    expect(detectLayout(makeGrid("表1", rows)).ok).toBe(false);
  });
});
