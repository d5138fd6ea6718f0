/**
 * Outline headings of the templates in use (issue 18), and which sections are required as profile data.
 */
import { checkOutline, documentFromLines, foundSections } from "../../src/engine/report";
import { defaultProfile, validateProfile } from "../../src/engine";
import type { Profile } from "../../src/engine";

const ids = (lines: string[], kind: "project" | "department") =>
  foundSections(documentFromLines(lines), kind)
    .map((s) => s.id)
    .sort();

describe("headings of the templates in use", () => {
  it("the 衔接资金 / 转移支付 template has all four sections", () => {
    const lines = [
      "一、年度绩效目标分解下达情况",
      "二、绩效情况分析",
      "（一）资金投入情况分析",
      "三、偏离绩效目标的原因和下一步改进措施",
      "四、绩效自评结果拟应用和公开情况",
    ];
    expect(ids(lines, "project")).toEqual(["budget", "goals", "overview", "problems"]);
    expect(checkOutline(documentFromLines(lines), "project")).toEqual([]);
  });

  it("department templates: 部门整体支出概况 / 决算收支完成情况, 绩效评价情况, a 自评结论 first", () => {
    expect(
      ids(
        [
          "一、自评结论",
          "二、基本情况",
          "（一）部门整体支出概况",
          "三、绩效评价情况",
          "四、存在的问题及改进措施",
        ],
        "department",
      ),
    ).toEqual(["budget", "conclusion", "goals", "overview", "problems"]);
    expect(ids(["2021年部门决算收支完成情况。"], "department")).toEqual(["budget"]);
  });

  it("project templates: 执行率情况, 项目资金使用及管理情况, 预算支出组织实施情况", () => {
    for (const h of ["（二）执行率情况", "二、项目资金使用及管理情况", "三、预算支出组织实施情况"])
      expect(ids([h], "project")).toEqual(["budget"]);
  });

  it("a long body sentence mentioning 资金使用 is not a heading", () => {
    const body =
      "本年度我局严格按照资金管理办法加强资金使用监管，确保专款专用，未发生截留挪用等问题，资金使用效益明显提高。";
    expect(ids([body], "project")).toEqual([]);
  });
});

describe("required sections are profile data", () => {
  const lines = ["一、项目概况", "二、项目资金使用及管理情况", "三、绩效目标完成情况"];

  it("by default the four sections but the conclusion are asked for", () => {
    const f = checkOutline(documentFromLines(lines), "project", defaultProfile());
    expect(f.map((x) => [x.code, x.severity])).toEqual([["REPORT_SECTION_MISSING", "warning"]]);
    expect(f[0].message).toContain("偏差原因及改进措施");
  });

  it("a profile that does not require a section is silent about it; one that requires the conclusion asks", () => {
    const lenient = { ...defaultProfile(), reportSections: { project: ["budget", "goals"] } } as Profile;
    expect(checkOutline(documentFromLines(lines), "project", lenient)).toEqual([]);
    const strict = { ...defaultProfile(), reportSections: { project: ["conclusion"] } } as Profile;
    expect(checkOutline(documentFromLines(lines), "project", strict).map((f) => f.message)).toEqual([
      expect.stringContaining("自评结论"),
    ]);
  });

  it("a user's profile is validated: unknown section names and kinds are named", () => {
    expect(validateProfile({ id: "x", name: "x", reportSections: { project: ["budget"] } }).ok).toBe(true);
    const bad = validateProfile({ id: "x", name: "x", reportSections: { project: ["summary"] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join()).toContain("reportSections");
    expect(validateProfile({ id: "x", name: "x", reportSections: { bridge: [] } }).ok).toBe(false);
  });
});
