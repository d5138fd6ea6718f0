/**
 * Uncertainty is said, not guessed (issue 17, class 9): where the layout had to choose a reading, one
 * LAYOUT_ASSUMED info per table and kind says which and where; no error is raised on that reading.
 */
import { checkGrid } from "../../src/engine";
import { assumedFindings } from "../../src/engine/layout/assumed";
import { INDICATOR_HEADER, makeGrid, type RowSpec } from "../fixtures/grids";

const HEADER: RowSpec = INDICATOR_HEADER;

function rows(level1a: string, level1b: string, funds: RowSpec[]): RowSpec[] {
  return [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", "某某项目"],
    ...funds,
    HEADER,
    [level1a, "数量指标", "培训人次", "≥100人次", "120人次", 30, 30, null],
    [null, "质量指标", "合格率", "≥90%", "95%", 20, 20, null],
    [level1b, "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, null],
    ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "96%", 10, 10, null],
    ["总分", null, null, null, null, 100, 100, null],
  ];
}
const FUNDS: RowSpec[] = [
  ["项目资金（万元）", "年度资金总额", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "合计", 100, 100, 100, 10, "100%", 10],
];

const infos = (grid: RowSpec[], merges: string[] = []) => {
  const r = checkGrid(makeGrid("表1", grid, merges));
  if (!r.ok) throw new Error(r.reason);
  return r.report.findings.filter((f) => f.code === "LAYOUT_ASSUMED");
};

describe("LAYOUT_ASSUMED", () => {
  it("says once which category an unnamed 一级 was taken for, and where", () => {
    const f = infos(rows("(50分)", "(30分)", FUNDS), ["A6:A7"]);
    // Two unnamed labels, one kind of guess: one note, at the first label.
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "info", cell: "A6" });
    expect(f[0].message).toContain("产出指标");
    expect(f[0].message).toContain("(50分)");
  });

  it("says nothing when every label names its category", () => {
    expect(infos(rows("产出指标(50分)", "效益指标(30分)", FUNDS), ["A6:A7"])).toEqual([]);
  });

  it("says how a funds header split over two rows was read", () => {
    const split: RowSpec[] = [
      ["项目资金（万元）", null, "预算数", null, "执行数", "分值", "执行率", "得分"],
      [null, null, "年初", "全年", "全年", null, null, null],
      [null, "合计", 100, 100, 100, 10, "100%", 10],
    ];
    const f = infos(rows("产出指标(50分)", "效益指标(30分)", split), [
      "C3:D3",
      "F3:F4",
      "G3:G4",
      "H3:H4",
      "A7:A8",
    ]);
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe("C3");
    expect(f[0].message).toContain("年初预算数、全年预算数、全年执行数");
  });

  it("builds its words from typed data alone", () => {
    const out = assumedFindings([
      { kind: "category-named", cell: "B9", label: "(20分)", name: "第2个一级指标", from: "position" },
      { kind: "category-named", cell: "B12", label: "(30分)", name: "第3个一级指标", from: "position" },
    ]);
    expect(out).toHaveLength(1);
    expect(out[0].message).toBe("一级指标“(20分)”未写类别名称，已按位置称为“第2个一级指标”");
  });
});
