/**
 * The 自评报告 against its table (engine, pure): figures read from prose, each REPORT_ code, the low 执行率
 * explained in the report, and no false alarm on a report that agrees with the seed table.
 */
import { checkWorkbookTables } from "../../src/engine";
import type { FileReport, Finding, Grid } from "../../src/engine";
import {
  applyReport,
  checkOutline,
  documentFromLines,
  figuresOf,
  reportFigures,
} from "../../src/engine/report";
import { seedGrid } from "../fixtures/grids";

/** Prose in the shape of the 2021 report (written for these tests). */
const CLEAN = [
  "2021 年度部门整体支出绩效自评报告",
  "一、预算单位基本情况",
  "本局为正科级单位，内设股室 8 个，年末在编人员 44 人。",
  "二、预算收支情况",
  "2021 年全年预算收入 1839.1 万元，其中：当年财政拨款 1497.06 万元，上年结转资金 330.8 万元，其他资金来源 11.24 万元。",
  "2021 年支出 1439.13 万元，其中基本支出 991.56 万元，项目支出 447.57 万元，结余结转 399.97 万元。",
  "三、资金使用及绩效情况",
  "2. 各项绩效指标完成情况",
  "各项绩效目标指标均完成，详见附件 1。",
  "3. 预算执行情况",
  "年初预算数 985.93 万元，全年预算数 1839.1 万元，执行数 1439.13 万元，预算执行率 78.25%。结余资金 399.97 万元，主要是因为项目周期跨年，未付合同款结转下年。",
  "四、存在的问题及下一步改进措施",
  "部分项目实施周期较长，资金结余较多；改进措施：按支付进度申请资金。",
];

function check(lines: string[], grid: Grid = seedGrid()): FileReport {
  const checked = checkWorkbookTables("自评表.xlsx", [grid]);
  return applyReport(checked, documentFromLines(lines), { reportName: "自评报告.docx" });
}

const findings = (fr: FileReport): Finding[] => fr.sheets.flatMap((s) => s.findings);
const codes = (fr: FileReport, prefix = "REPORT_") =>
  findings(fr)
    .filter((f) => f.code.startsWith(prefix))
    .map((f) => f.code);
const CLAUSE_2021 = [...CLEAN, "2021 年预算执行率 92.5%。"];
const replace = (from: string, to: string) => CLEAN.map((l) => l.replace(from, to));

/** The seed table with 植树造林面积 80 → 40 亩 (8 of 10 points) and the total 95.83. */
function missedGrid(): Grid {
  const g = seedGrid();
  const r = g.values.findIndex((row) => row[3] === "植树造林面积(亩)");
  g.values[r][5] = 40;
  g.values[r][7] = 8;
  g.values[r][8] = "受征地交付进度影响，部分造林地块未能按期交付，已列入下年度补植计划。";
  const t = g.values.findIndex((row) => row[0] === "总分");
  g.values[t][7] = 95.83;
  return g;
}

describe("figures in prose", () => {
  it("reads every figure of the budget paragraphs with its unit and breakdown", () => {
    const doc = documentFromLines(CLEAN);
    const figs = reportFigures(doc).map((f) => [f.kind, f.label, f.raw, f.unit]);
    expect(figs).toEqual(
      expect.arrayContaining([
        ["budget", "全年预算收入", "1839.1", "万元"],
        ["budgetPart", "当年财政拨款", "1497.06", "万元"],
        ["budgetPart", "上年结转资金", "330.8", "万元"],
        ["budgetPart", "其他资金来源", "11.24", "万元"],
        ["spent", "支出", "1439.13", "万元"],
        ["spentPart", "基本支出", "991.56", "万元"],
        ["spentPart", "项目支出", "447.57", "万元"],
        ["balance", "结余结转", "399.97", "万元"],
        ["initial", "年初预算数", "985.93", "万元"],
        ["rate", "预算执行率", "78.25", "%"],
      ]),
    );
    expect(reportFigures(doc).find((f) => f.label === "全年预算收入")?.breakdown).toBe(true);
  });

  it("does not read a figure without its unit, 人员支出 as the spending, or 总分设置 as a score", () => {
    const p = (text: string) => figuresOf({ index: 1, text, heading: null });
    expect(p("全年预算数 1839.1，执行数 1439.13")).toEqual([]);
    expect(p("其中人员支出 500 万元")).toEqual([]);
    expect(p("总分设置为 100 分，被评为优秀单位")).toEqual([]);
    expect(p("自评得分 97.83 分，自评等级为“优秀”").map((f) => [f.kind, f.raw])).toEqual([
      ["score", "97.83"],
      ["grade", "优"],
    ]);
    expect(p("全年预算数１８３９．１万元").map((f) => f.value)).toEqual([1839.1]);
    // A project report names its own project: "本项目" is this table's subject, "某某项目" another one.
    expect(p("本项目全年预算数 320 万元，执行数 320 万元。").map((f) => f.kind)).toEqual(["budget", "spent"]);
    expect(p("农田项目全年预算数 320 万元，执行数 320 万元。")).toEqual([]);
  });
});

describe("the report against the table", () => {
  it("finds nothing wrong in a report that agrees with the seed table", () => {
    const fr = check(CLEAN);
    expect(codes(fr)).toEqual([]);
    expect(fr.report).toBe("自评报告.docx");
  });

  it("REPORT_FIGURE_MISMATCH names both rates, the cell and the paragraph", () => {
    const fr = check(replace("预算执行率 78.25%", "预算执行率 87.25%"));
    const f = findings(fr).filter((x) => x.code === "REPORT_FIGURE_MISMATCH");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].cell).toBe("G4");
    expect(f[0].message).toContain("87.25%");
    expect(f[0].message).toContain("78.25 %");
    expect(f[0].paragraph).toEqual({ index: 11, opening: "年初预算数 985.93 万元，全年…" });
    expect(f[0].message).toContain("报告第 11 段");
    expect(f[0].messageEn).toContain("87.25%");
  });

  it("a rate rounded to fewer decimals, money in 元 or rounded to 万元 still agree", () => {
    const fr = check([
      ...replace("预算执行率 78.25%", "预算执行率 78.3%"),
      "全年预算数 18391000 元，全年执行数约 1439 万元。",
    ]);
    expect(codes(fr)).toEqual([]);
  });

  it("a wrong budget, part, initial budget, score or grade is named with its cell", () => {
    const fr = check([
      ...CLEAN,
      "全年预算数 1893.1 万元，年初预算数 958.93 万元。",
      "上年结转资金 303.8 万元。",
      "五、自评结论",
      "自评得分 98.83 分，等级为“良”。",
    ]);
    const cells = findings(fr)
      .filter((f) => f.code === "REPORT_FIGURE_MISMATCH")
      .map((f) => f.cell)
      .sort();
    expect(cells).toEqual(["C4", "D4", "D6", "H27", "I27"]);
  });

  it("REPORT_SUM_MISMATCH: parts that do not add up, and a 结余 that is not budget − spent", () => {
    const fr = check([
      ...CLEAN,
      "全年预算收入 1839.1 万元，其中：当年财政拨款 1497.06 万元，上年结转资金 330.8 万元，其他资金来源 11.42 万元。",
      "支出 1439.13 万元，其中基本支出 991.56 万元，",
      "项目支出 447.75 万元。",
      "结余 399.79 万元。",
    ]);
    const sums = findings(fr).filter((f) => f.code === "REPORT_SUM_MISMATCH");
    expect(sums.map((f) => f.severity)).toEqual(["warning", "warning", "warning"]);
    expect(sums.map((f) => f.message).join("\n")).toMatch(/1839\.28[\s\S]*1439\.31[\s\S]*399\.97/);
    // The wrong part is also against the table (其他资金 11.24 in D7).
    expect(findings(fr).some((f) => f.code === "REPORT_FIGURE_MISMATCH" && f.cell === "D7")).toBe(true);
  });

  it("REPORT_CLAIM_CONTRADICTED: 各项指标均完成 while a target was missed, naming it", () => {
    const fr = check(CLEAN, missedGrid());
    const f = findings(fr).filter((x) => x.code === "REPORT_CLAIM_CONTRADICTED");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("植树造林面积(亩)");
    expect(f[0].message).toContain("各项绩效目标指标均完成");
    expect(f[0].paragraph?.index).toBe(9);
    expect(f[0].cell).toBe("F23");
    // The same table with an honest report: nothing contradicted.
    const honest = check(replace("各项绩效目标指标均完成", "除植树造林面积外，其余指标均完成"), missedGrid());
    expect(codes(honest)).toEqual([]);
  });

  it("REPORT_CLAIM_CONTRADICTED: funds 全部支出 while 执行率 < 100 %; a negation is no claim", () => {
    const fr = check([...CLEAN, "本年预算资金已全部支出。", "各项指标均未完成的情况不存在。"]);
    const f = findings(fr).filter((x) => x.code === "REPORT_CLAIM_CONTRADICTED");
    expect(f.map((x) => x.cell)).toEqual(["G4"]);
    expect(f[0].message).toContain("78.25%");
  });

  it("REPORT_SECTION_MISSING for each required section absent from the outline", () => {
    const fr = check(CLEAN.filter((l) => !l.startsWith("四、") && !l.startsWith("一、")));
    const f = findings(fr).filter((x) => x.code === "REPORT_SECTION_MISSING");
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining("“基本情况”"),
      expect.stringContaining("“存在的问题及改进措施”"),
    ]);
    expect(f.every((x) => x.severity === "warning")).toBe(true);
    // Where each should stand: the report's start, and after the section before it (三、资金使用及绩效情况).
    expect(f.map((x) => x.paragraph?.index)).toEqual([1, 6]);
  });

  it("a low 执行率 explained near its figure: FUNDS_LOW_EXECUTION says so; unexplained, it stays as it was", () => {
    const explained = findings(check(CLEAN)).filter((f) => f.code === "FUNDS_LOW_EXECUTION");
    expect(explained).toHaveLength(1);
    expect(explained[0].message).toContain("已说明原因");
    expect(explained[0].paragraph?.index).toBe(11);
    const bare = findings(check(replace("，主要是因为项目周期跨年，未付合同款结转下年", ""))).filter(
      (f) => f.code === "FUNDS_LOW_EXECUTION",
    );
    expect(bare).toHaveLength(1);
    expect(bare[0].message).not.toContain("已说明原因");
    expect(bare[0].paragraph).toBeUndefined();
  });

  it("figures of another budget, another year or a change are left alone (no false alarm)", () => {
    const fr = check([
      ...CLEAN,
      "地质灾害防治项目预算数 280 万元，执行数 250 万元，执行率 89.29%。",
      "上年预算执行率 95%，本年执行率较上年提高 5%。",
      "2020 年预算执行率 92.5%，2020 年全年预算数 1700 万元。",
      "全年预算收入 1839.1 万元，其中：当年财政拨款 1497.06 万元，上年结转资金 330.8 万元，专项债券 11.24 万元。",
    ]);
    expect(codes(fr)).toEqual([]);
    // The same year as the table's title is this table's figure.
    expect(codes(check([...CLAUSE_2021]))).toEqual(["REPORT_FIGURE_MISMATCH"]);
  });

  it("a table in 元 is compared with prose in 万元", () => {
    const g = seedGrid();
    g.values[2][0] = "资金情况 (元)";
    if (g.text?.[2]) g.text[2][0] = "资金情况 (元)";
    for (let r = 3; r <= 6; r++)
      for (let c = 2; c <= 4; c++)
        if (typeof g.values[r][c] === "number")
          g.values[r][c] = Math.round((g.values[r][c] as number) * 10000);
    expect(codes(check(CLEAN, g))).toEqual([]);
    // Reported once, against its cell (not again as a 78.25% that does not follow from it).
    expect(codes(check(replace("执行数 1439.13 万元", "执行数 1493.13 万元"), g))).toEqual([
      "REPORT_FIGURE_MISMATCH",
    ]);
  });

  it("project and department outlines differ: 项目概况 stands for 基本情况 in a project report", () => {
    const project = documentFromLines([
      "一、项目概况",
      "二、项目资金使用情况",
      "三、绩效目标完成情况",
      "四、偏差原因及改进措施",
    ]);
    expect(checkOutline(project, "project")).toEqual([]);
    expect(checkOutline(project, "department").map((f) => f.message)).toEqual([
      expect.stringContaining("“基本情况”"),
    ]);
  });

  it("a file that could not be checked is returned untouched", () => {
    const checked = checkWorkbookTables("x.xlsx", [
      { name: "Sheet1", values: [["姓名", "电话"]], merges: [] },
    ]);
    expect(applyReport(checked, documentFromLines(CLEAN))).toBe(checked.report);
  });
});

describe("an overspend in the report", () => {
  /** The seed with 全年执行数 1900 万元 (above 1839.1): FUNDS_OVERSPENT. */
  function overspentGrid(): Grid {
    const g = seedGrid();
    g.values[3][4] = 1900;
    if (g.text?.[3]) g.text[3][4] = "1900";
    return g;
  }
  const over = (fr: FileReport) => findings(fr).filter((f) => f.code === "FUNDS_OVERSPENT");

  it("explained near its figure, FUNDS_OVERSPENT says so; unexplained, it still asks", () => {
    const base = checkWorkbookTables("x.xlsx", [overspentGrid()]).report;
    expect(base.sheets[0].findings.some((f) => f.code === "FUNDS_OVERSPENT")).toBe(true);
    const explained = over(
      check(
        ["全年预算数 1839.1 万元，执行数 1900 万元。超支主要原因是年中追加地质灾害应急治理任务。"],
        overspentGrid(),
      ),
    );
    expect(explained).toHaveLength(1);
    expect(explained[0].message).toContain("已说明原因");
    expect(explained[0].paragraph?.index).toBe(1);
    const bare = over(check(["全年预算数 1839.1 万元，执行数 1900 万元。"], overspentGrid()));
    expect(bare).toHaveLength(1);
    expect(bare[0].message).not.toContain("已说明原因");
  });
});
