/**
 * The evaluation framework 决策 / 过程（管理）/ 产出 / 效益 as the 一级 of a 自评表 (issue 17, class 1):
 * 预算执行率 is an ordinary indicator of 过程 with its own weight, counted in that category's sum.
 */
import { checkGrid } from "../../src/engine";
import { INDICATOR_HEADER, makeGrid, type RowSpec } from "../fixtures/grids";

const HEADER: RowSpec = INDICATOR_HEADER;

function grid(processLabel: string): RowSpec[] {
  return [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", "某某项目"],
    HEADER,
    ["决策(20分)", "项目立项", "立项依据充分性", "充分", "充分", 20, 20, null],
    [processLabel, "资金管理", "预算执行率", "100%", "100%", 10, 10, null],
    [null, "组织实施", "管理制度健全性", "健全", "健全", 15, 15, null],
    ["产出(30分)", "产出数量", "培训人次", "≥100人次", "120人次", 30, 30, null],
    ["效益(25分)", "社会效益", "群众知晓率", "≥90%", "95%", 25, 25, null],
    ["总分", null, null, null, null, 100, 100, null],
  ];
}

describe("决策 / 过程 / 产出 / 效益 framework", () => {
  for (const label of ["过程(25分)", "管理（25分）", "过程指标 (25分)"]) {
    it(`reads 预算执行率 as an indicator of ${label}, not the funds line`, () => {
      const r = checkGrid(makeGrid("表1", grid(label), ["A5:A6"]));
      if (!r.ok) throw new Error(r.reason);
      expect(r.table.funds).toBeNull();
      const row = r.report.indicators.find((i) => i.name === "预算执行率");
      expect(row?.weight).toBe(10);
      const cat = r.table.categories.find((c) => c.rows.includes(4));
      expect(cat?.declaredWeight).toBe(25);
      expect(cat?.rows).toEqual([4, 5]);
      // 20 + (10 + 15) + 30 + 25 = 100: the category labels sum with the row inside them.
      expect(r.report.total.computed).toBe(100);
      expect(r.report.findings.map((f) => f.code)).not.toContain("WEIGHT_CATEGORY");
      expect(r.report.findings.map((f) => f.code)).not.toContain("TOTAL_MISMATCH");
    });
  }

  it("still reads 预算执行率 as the funds line under a 预算执行 一级 (10 + 90 template)", () => {
    const rows = grid("过程(25分)");
    rows[4] = ["预算执行情况(10分)", null, "预算执行率", "100%", "100%", 10, 10, null];
    rows[5] = ["过程(15分)", "组织实施", "管理制度健全性", "健全", "健全", 15, 15, null];
    const r = checkGrid(makeGrid("表1", rows));
    if (!r.ok) throw new Error(r.reason);
    expect(r.table.funds?.total.rate?.cell).toBe("E5");
  });
});
