import { categoryKey, matchIndicators, nameKey, similarity } from "../../src/engine/targets";

const ind = (level2: string, name: string) => ({ level1: "产出指标", level2, name });

describe("nameKey / categoryKey", () => {
  it("drops spaces, width, numbering, punctuation and 率/比率 endings", () => {
    expect(nameKey("１. 验收 合格率")).toBe(nameKey("验收合格比率"));
    expect(nameKey("（2）“农户”满意度")).toBe(nameKey("农户满意度"));
    expect(nameKey("指标1：培训人次")).toBe("培训人次");
    expect(nameKey("完成及时率")).not.toBe(nameKey("完成质量"));
  });
  it("reads 数量 and 数量指标, 效果 and 效益, a weighted label as one category", () => {
    expect(categoryKey("数量指标")).toBe(categoryKey("数量"));
    expect(categoryKey("效果指标（30分）")).toBe(categoryKey("效益指标"));
  });
  it("similarity is 1 for equal keys and falls with edits", () => {
    expect(similarity("农户满意度", "农户满意度")).toBe(1);
    expect(similarity("建成高标准农田面积", "新建高标准农田面积")).toBeGreaterThan(0.7);
    expect(similarity("培训人次", "道路里程")).toBe(0);
  });
});

describe("matchIndicators", () => {
  it("pairs equal names first within the category, then anywhere", () => {
    const m = matchIndicators(
      [ind("数量指标", "培训人次"), ind("质量指标", "合格率")],
      [ind("质量指标", "合格 率"), ind("时效指标", "培训人次")],
    );
    expect(m.pairs.map((p) => [p.a.name, p.b.name, p.by])).toEqual([
      ["合格率", "合格 率", "name"],
      ["培训人次", "培训人次", "name"],
    ]);
    expect(m.onlyA).toEqual([]);
    expect(m.onlyB).toEqual([]);
  });

  it("pairs a slightly edited name by place and says it was fuzzy", () => {
    const m = matchIndicators(
      [ind("数量指标", "建成高标准农田面积"), ind("数量指标", "受益农户")],
      [ind("数量指标", "新建高标准农田面积"), ind("数量指标", "受益农户数")],
    );
    expect(m.pairs.map((p) => [p.a.name, p.by])).toEqual([
      ["建成高标准农田面积", "position"],
      ["受益农户", "position"],
    ]);
    expect(m.pairs[0].similarity).toBeLessThan(1);
  });

  it("does not pair unlike names, nor across categories by likeness", () => {
    const m = matchIndicators(
      [ind("数量指标", "培训人次"), ind("质量指标", "合格率")],
      [ind("数量指标", "道路里程"), ind("时效指标", "合格情况")],
    );
    expect(m.pairs).toEqual([]);
    expect(m.onlyA.map((x) => x.name)).toEqual(["培训人次", "合格率"]);
    expect(m.onlyB.map((x) => x.name)).toEqual(["道路里程", "合格情况"]);
  });

  it("prefers the most alike name when the places differ", () => {
    const m = matchIndicators(
      [ind("数量指标", "新建村级道路里程")],
      [ind("数量指标", "培训人次"), ind("数量指标", "新建村级道路长度")],
    );
    expect(m.pairs.map((p) => [p.a.name, p.b.name])).toEqual([["新建村级道路里程", "新建村级道路长度"]]);
    expect(m.onlyB.map((x) => x.name)).toEqual(["培训人次"]);
  });
});
