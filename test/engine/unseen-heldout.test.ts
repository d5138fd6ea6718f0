/**
 * Two layouts of held-out real tables (issue 17): a 分值 column after every level column, and the header
 * words of the 决策 / 管理 / 绩效 template. Constructed rows in those shapes, not the tables' own strings.
 */
import { checkGrid } from "../../src/engine";
import { splitLevelWeights } from "../../src/engine/layout/level-weights";
import { makeGrid, type RowSpec } from "../fixtures/grids";

const check = (rows: RowSpec[], merges: string[] = []) => {
  const r = checkGrid(makeGrid("表1", rows, merges));
  if (!r.ok) throw new Error(r.reason);
  return r;
};
const codes = (r: ReturnType<typeof check>) => r.report.findings.map((f) => `${f.code}@${f.cell}`);

describe("a 分值 column after each level column", () => {
  const HEADER: RowSpec = ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"];
  function rows(firstLevel1Weight: number, lastScore: number): RowSpec[] {
    return [
      ["某某专项绩效评价评分表"],
      HEADER,
      ["前期工作", firstLevel1Weight, "立项规范", 10, "申报程序", 6, 6],
      [null, null, null, null, "审批文件", 4, 4],
      [null, null, "目标设定", 20, "目标明确", 20, 20],
      ["实施效果", 70, "产出", 40, "完成数量", 25, 25],
      [null, null, null, null, "完成质量", 15, 15],
      [null, null, "效果", 30, "受益面", 30, lastScore],
      ["总分", null, null, null, null, 100, 100 - 30 + lastScore],
    ];
  }
  const MERGES = ["A3:A5", "B3:B5", "C3:C4", "D3:D4", "A6:A8", "B6:B8", "C6:C7", "D6:D7"];

  it("takes the 分值 after the 三级 name as each indicator's weight", () => {
    const r = check(rows(30, 30), MERGES);
    expect(r.report.indicators.map((i) => i.weight)).toEqual([6, 4, 20, 25, 15, 30]);
    expect(r.report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("checks the 一级's own 分值 against the sum of its indicators (WEIGHT_CATEGORY)", () => {
    const r = check(rows(35, 30), MERGES);
    const cat = r.report.findings.filter((f) => f.code === "WEIGHT_CATEGORY");
    expect(cat).toHaveLength(1);
    expect(cat[0].cell).toBe("A3");
    expect(cat[0].data).toMatchObject({ sum: 30, declared: 35 });
    expect(codes(r).filter((c) => c.startsWith("VALUE_MISSING"))).toEqual([]);
  });

  it("does not read the 二级's 分值 (no 二级 weight check): a wrong one raises nothing", () => {
    const wrong = rows(30, 30).map((row, i) =>
      i === 2 ? ["前期工作", 30, "立项规范", 99, "申报程序", 6, 6] : row,
    );
    const r = check(wrong, MERGES);
    expect(r.report.indicators.map((i) => i.weight)).toEqual([6, 4, 20, 25, 15, 30]);
    expect(r.report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("still reports a real score over its weight on the indicator's row", () => {
    const r = check(rows(30, 32), MERGES);
    expect(r.report.findings.some((f) => f.cell === "G8" && f.severity === "error")).toBe(true);
  });

  it("splits only when a weight column follows the name", () => {
    // One 分值 column: nothing to split.
    expect(splitLevelWeights(["level1", "level2", "name", "weight", "score"], { name: 2 })).toBeNull();
    // Two, both before the name: no indicator weight column to choose, left as read.
    expect(
      splitLevelWeights(["level1", "weight", "level2", "weight", "name", "score"], { level1: 0, name: 4 }),
    ).toBeNull();
    const s = splitLevelWeights(["level1", "weight", "level2", "weight", "name", "weight", "score"], {
      level1: 0,
      level2: 2,
      name: 4,
      weight: 1,
    });
    expect(s).toEqual({
      cols: { level1: 0, level2: 2, name: 4, weight: 5 },
      levelWeights: { level1: 1, level2: 3 },
    });
  });
});

describe("header words of the 决策 / 管理 / 绩效 template", () => {
  it("reads 自评分 as the score, not the 复核分 beside it, and 评价内容 as the name", () => {
    const r = check(
      [
        ["某县项目绩效自评表"],
        ["项目权重", "评价内容", "分值", "自评分", "复核分", "评价标准及依据"],
        ["立项决策\n30分", "立项依据", 10, 10, null, "有依据计10分"],
        [null, "目标设置", 20, 20, 8, "目标明确计20分"],
        ["过程管理\n70分", "制度建设", 30, 30, null, "制度健全计30分"],
        [null, "执行监控", 40, 36, null, "监控到位计40分"],
        ["合计", null, 100, 96, null, null],
      ],
      ["A3:A4", "A5:A6"],
    );
    expect(r.report.indicators.map((i) => [i.name, i.weight])).toEqual([
      ["立项依据", 10],
      ["目标设置", 20],
      ["制度建设", 30],
      ["执行监控", 40],
    ]);
    // 目标设置 scored 20 of 20 (its 复核分 8 is the reviewer's, not read): no score finding there.
    expect(codes(r).filter((c) => /@D4$|@E4$/.test(c))).toEqual([]);
    expect(r.report.findings.filter((f) => f.code === "WEIGHT_CATEGORY")).toEqual([]);
  });

  it("takes a weight column left of every level column as the 一级 column (its labels carry the weights)", () => {
    const s = splitLevelWeights(["weight", "name", "weight", "score"], { weight: 0, name: 1, score: 3 });
    expect(s).toEqual({ cols: { weight: 2, name: 1, score: 3, level1: 0 }, levelWeights: {} });
  });

  it("catches a 一级 label weight that disagrees with its rows in that layout", () => {
    const r = check(
      [
        ["某县项目绩效自评表"],
        ["项目权重", "评价内容", "分值", "自评分", "复核分", "评价标准及依据"],
        ["立项决策\n25分", "立项依据", 10, 10, null, "有依据计10分"],
        [null, "目标设置", 20, 20, null, "目标明确计20分"],
      ],
      ["A3:A4"],
    );
    const cat = r.report.findings.filter((f) => f.code === "WEIGHT_CATEGORY");
    expect(cat.map((f) => f.cell)).toEqual(["A3"]);
  });

  it("finds a header with 指标名称（三级指标） and 年终完成值, weights only in the labels", () => {
    const sh = makeGrid("表1", [
      ["某县项目绩效自评表"],
      ["一级指标", "二级指标", "指标名称（三级指标）", "年初指标值", "年终完成值", "自评分", "复核分"],
      ["产出指标50分", "数量指标20分", "完成户数", "100户", "100户", 20, null],
    ]);
    const r = checkGrid(sh);
    if (!r.ok) throw new Error(r.reason);
    expect(r.report.indicators.map((i) => i.name)).toEqual(["完成户数"]);
    expect(r.report.categories.map((c) => [c.name, c.declaredWeight])).toEqual([["产出指标", 50]]);
  });
});
