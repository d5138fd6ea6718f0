/** The drafted report's paragraphs (engine, pure): figures from the checked table, gaps marked, self-consistent. */
import { checkGridTables, checkWorkbookTables, defaultProfile } from "../../src/engine";
import { applyReport, documentFromLines, draftLines, draftReport } from "../../src/engine/report";
import { seedGrid } from "../fixtures/grids";

function draftOf(grid = seedGrid()) {
  const r = checkGridTables(grid);
  if (!r.ok) throw new Error(r.reason);
  return { draft: draftReport(r.tables[0].report, r.tables[0].table, grid), grid };
}

describe("draftReport", () => {
  it("writes the data sections of the seed in the outline's order with every figure", () => {
    const { draft } = draftOf();
    expect(draft.title).toBe("株洲市芦淞区自然资源局 2021 年度部门整体支出绩效自评报告");
    expect(draft.sections.map((s) => s.heading)).toEqual([
      "一、基本情况",
      "二、预算执行情况",
      "三、绩效指标完成情况",
      "四、存在的问题、偏差原因及改进措施",
      "五、自评结论",
    ]);
    const text = draftLines(draft).join("\n");
    for (const s of ["1839.1 万元", "1439.13 万元", "78.25%", "97.83", "“优”", "1497.06", "399.97", "985.93"])
      expect(text).toContain(s);
    expect(text).toContain(
      "共设三级绩效指标 16 项，完成 16 项（其中超额完成 2 项），未完成 0 项。各项绩效指标均已完成",
    );
    expect(text).toContain("“植树造林面积(亩)”指标值 ≥ 50，实际完成 80（为指标值的 160%）");
    expect(draft.attachment).toBe("附件 1：2021 年度部门整体支出绩效自评表");
  });

  it("marks what only people know with 【请补充：…】, including the reason for the low 执行率", () => {
    const { draft } = draftOf();
    const asks = draft.sections.flatMap((s) => s.paragraphs).filter((p) => p.toFill);
    expect(asks.map((p) => p.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^【请补充：单位主要职能/),
        "【请补充：预算执行率 78.25% 未达 100% 的原因（如跨年度项目、结余资金的去向）】",
        "【请补充：“地质灾害防治知识宣传受众人数(人)”的偏差原因及改进措施——超额完成（为指标值的150%）】",
      ]),
    );
    expect(asks.every((p) => /^【请补充：.+】$/.test(p.text))).toBe(true);
  });

  it("a missed target is listed with its numbers, and the draft never claims all were met", () => {
    const g = seedGrid();
    const r = g.values.findIndex((row) => row[3] === "植树造林面积(亩)");
    const set = (c: number, v: number | string) => {
      g.values[r][c] = v;
      if (g.text?.[r]) g.text[r][c] = String(v);
    };
    set(5, 40);
    set(7, 8);
    set(8, "受征地交付进度影响，部分造林地块未能按期交付，已列入下年度补植计划。");
    const text = draftLines(draftOf(g).draft).join("\n");
    expect(text).toContain("未完成：“植树造林面积(亩)”指标值 ≥ 50，实际完成 40，得分 8 分（分值 10 分）");
    expect(text).toContain("“植树造林面积(亩)”：受征地交付进度影响");
    expect(text).not.toContain("均已完成");
    expect(text).toContain("总分 95.83 分");
  });

  it("a project draft names the project and its 实施单位 in the title and body; the year comes from options", () => {
    const g = seedGrid();
    // The seed as a project table: 项目名称 / 实施单位 rows, no year in the title.
    g.values[0][0] = "项目支出绩效自评表";
    if (g.text?.[0]) g.text[0][0] = "项目支出绩效自评表";
    g.values[1] = ["项目名称", "", "耕地保护项目", "", "实施单位", "", "某某区自然资源局"];
    if (g.text) g.text[1] = g.values[1].map((v) => (v === null ? null : String(v)));
    const r = checkGridTables(g);
    if (!r.ok) throw new Error(r.reason);
    const t = r.tables[0];
    const draft = draftReport({ ...t.report, kind: "project" }, t.table, g, { year: "2022" });
    expect(draft.title).toBe("某某区自然资源局“耕地保护项目” 2022 年度项目支出绩效自评报告");
    expect(draftLines(draft).join("\n")).toContain("实施单位：某某区自然资源局");
    expect(draft.attachment).toBe("附件 1：2022 年度项目支出绩效自评表");
  });

  it("超额完成 only past the profile's review threshold", () => {
    const r = checkGridTables(seedGrid());
    if (!r.ok) throw new Error(r.reason);
    const t = r.tables[0];
    const strict = { ...defaultProfile(), overshootReviewRatio: 10 };
    const text = draftLines(draftReport(t.report, t.table, seedGrid(), { profile: strict })).join("\n");
    expect(text).not.toContain("超额完成：");
    expect(text).not.toContain("其中超额完成");
  });

  it("checked against its own table, the draft raises no REPORT_ finding", () => {
    const { draft, grid } = draftOf();
    const fr = applyReport(checkWorkbookTables("x.xlsx", [grid]), documentFromLines(draftLines(draft)));
    expect(fr.sheets[0].findings.filter((f) => f.code.startsWith("REPORT_"))).toEqual([]);
  });
});
