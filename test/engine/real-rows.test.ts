/**
 * Issue 9: rows as published tables write them (test/fixtures/real/*.json quotes them in full). Each test is
 * one class of real layout the checker misread, built from the real rows, and asserts the reading.
 */
import { checkGrid } from "../../src/engine/check";
import type { SheetReport } from "../../src/engine/types";
import { makeGrid, type RowSpec } from "../fixtures/grids";

const P = (v: number, text: string) => ({ value: v, text, format: "0%" });

/** Anhui project template head: title, funds block (A5:H7), goal rows; the indicator header is row 10. */
function anhuiHead(
  funds: RowSpec[] = [[null, "年度资金总额:", 880, 880, 880, 10, P(1, "100%"), 10]],
): RowSpec[] {
  return [
    ["项目支出绩效自评表"],
    ["(2022年度)"],
    ["项目名称", "水旱灾害防御经费"],
    ["主管部门", null, null, null, "实施单位", "天长市水利局"],
    ["项目资金(万元)", null, "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
    ...funds,
    [null, "其中:本年财政拨款", 880, 880, 880, "-", null, "-"],
    ["年度总体目标完成情况", "预期目标", null, null, null, "实际完成情况"],
    [null, "完成年度防汛工作。", null, null, null, "完成年度目标。"],
    [
      "年度绩效指标完成情况",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
  ];
}

function report(rows: RowSpec[], merges: string[] = []): SheetReport {
  const r = checkGrid(makeGrid("Sheet1", rows, merges));
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

const codes = (r: SheetReport) =>
  r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);

describe("template placeholder rows (……, 指标2：, 指标1：/)", () => {
  // anhui-tianchang-2022: 产出/效益/满意度 with a placeholder pair under every 二级, 10 + 90 = 100.
  const rows = (weight8: number): RowSpec[] => [
    ...anhuiHead(),
    [null, "产出指标(50分)", "数量指标", "指标1:完成中型灌区节水改造项目数量", "1", 1, 10, 10],
    [null, null, null, "指标2:完成农业综合水价改革项目", "1", 1, 10, 10],
    [null, null, null, "……"],
    [null, null, "质量指标", "指标1:工程质量合格率", "100%", P(1, "100%"), 30, 30],
    [null, null, null, "指标2:"],
    [null, "效益指标(30分)", "社会效益指标", "指标1:保护全市人口财产不受损失", "有效", "有效", 30, 30],
    [null, null, "生态效益指标", "指标1:/", "/", "/"],
    [null, null, null, "……"],
    [
      null,
      "满意度指标(10分)",
      "服务对象满意度指标",
      "指标1:服务对象满意度",
      "90%",
      P(1, "100%"),
      weight8,
      10,
    ],
    [null, null, null, "指标2:"],
    ["总分", null, null, null, null, null, 100, 100],
  ];
  const merges = ["B11:B15", "C11:C13", "C14:C15", "B16:B18", "C17:C18", "B19:B20", "C19:C20"];

  it("are not indicators: no finding on them", () => {
    const r = report(rows(10), merges);
    expect(r.indicators.map((i) => i.name)).not.toContain("……");
    expect(r.indicators).toHaveLength(5);
    expect(codes(r)).toEqual([]);
  });

  it("never switch the sum checks off: weights of 110 against 总分 100 are reported", () => {
    const r = report(rows(20), merges);
    expect(codes(r)).toContain("WEIGHT_TOTAL@G21");
  });
});

describe("分值 and 得分 with blank target and blank actual", () => {
  it("is VALUE_MISSING (error) on the 实际完成值 cell, not a TARGET_UNPARSED warning", () => {
    // anhui-tianchang row 16: 指标1:工程质量合格 | | | 10 | 10
    const r = report(
      [
        ...anhuiHead(),
        [null, "产出指标(50分)", "数量指标", "指标1:完成中型灌区节水改造项目数量", "1", 1, 40, 40],
        [null, null, "质量指标", "指标1:工程质量合格", null, null, 10, 10],
        [null, "效益指标(30分)", "社会效益指标", "指标1:全市安全度汛", "有效", "有效", 30, 30],
        [null, "满意度指标(10分)", "服务对象满意度指标", "满意度", "90%", P(1, "100%"), 10, 10],
        ["总分", null, null, null, null, null, 100, 100],
      ],
      ["B11:B12"],
    );
    const f = r.findings.filter((x) => x.cell.endsWith("12"));
    expect(f.map((x) => `${x.code}@${x.cell}:${x.severity}`)).toEqual(["VALUE_MISSING@F12:error"]);
  });
});

describe("breakdown rows (其中…) under an indicator", () => {
  it("are parts of the indicator above: not scored, no 分值 required, WEIGHT_TOTAL still checked", () => {
    const rows = (w: number): RowSpec[] => [
      ...anhuiHead(),
      [null, "产出指标(50分)", "数量指标", "果树种植面积", "≥29.5亩", "29.5亩", w, w],
      [null, null, null, "其中桃树种植面积", "1.5亩", "1.5亩"],
      [null, null, null, "梨树种植面积", "5亩", "5亩"],
      [null, null, null, "柑橘种植面积", "20亩", "20亩"],
      [null, null, null, "其中李树种植面积", "3亩", "3亩"],
      [null, null, "质量指标", "苗木成活率", "≥90%", P(0.95, "95%"), 10, 10],
      [null, "效益指标(30分)", "社会效益指标", "带动就业", "≥10人", "11人", 30, 30],
      [null, "满意度指标(10分)", "服务对象满意度指标", "满意度", "90%", P(1, "100%"), 10, 10],
      ["总分", null, null, null, null, null, 100, 100],
    ];
    const ok = report(rows(40), ["B11:B16", "C11:C15"]);
    expect(ok.indicators.map((i) => i.name)).toEqual(["果树种植面积", "苗木成活率", "带动就业", "满意度"]);
    expect(codes(ok)).toEqual([]);
    const off = report(rows(50), ["B11:B16", "C11:C15"]);
    expect(codes(off)).toContain("WEIGHT_TOTAL@G19");
  });
});

describe("the 总分 row, its label anywhere in the row", () => {
  it("is the total (declared total and grade kept), not an indicator named 其他需要说明事项", () => {
    // issue 9: A24 其他需要说明事项 | B24:F24 无 | G24 总分 | H24 100 | I24 96 | J24 优
    const r = report(
      [
        ["2022年度项目支出绩效自评表"],
        ["项目名称", "义务教育营养改善计划专项资金"],
        ["项目资金(元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额", null, 387664.62, 387664.62, 10, P(1, "100%"), 10],
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "指标性质",
          "指标值",
          "度量单位",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ],
        ["产出指标", "数量指标", "学生受资助人数", "≧", 735, "人次", 735, 50, 50],
        [
          "效益指标",
          "社会效益指标",
          "政策知晓率",
          "═",
          100,
          "%",
          P(0.98, "98%"),
          30,
          26,
          "宣传不到位，下年加强",
        ],
        ["满意度指标", "服务对象满意度指标", "学生满意度", "≧", 95, "%", P(1, "100%"), 10, 10],
        ["其他需要说明事项", "无", null, null, null, null, "总分", 100, 96, "优"],
      ],
      ["B9:F9"],
    );
    expect(r.indicators).toHaveLength(3);
    expect(r.total).toMatchObject({ weight: 100, declared: 96, cell: "I9" });
    expect(r.grade).toMatchObject({ declared: "优", cell: "J9" });
    expect(r.categories.map((c) => c.name)).toEqual(["产出指标", "效益指标", "满意度指标"]);
    // 30 × 98 / 100 = 29.4 earned; 26 declared with a reason: only the low score is worth a look.
    expect(codes(r)).toEqual(["SCORE_TOO_LOW@I7"]);
  });

  it("a text row that runs across the number columns (其他需要说明事项 | 无) is not an indicator", () => {
    // yunnan-yongde-minglang-2022: A24:B24 其他需要说明事项, C24:J24 无, then 总分 on row 25.
    const r = report(
      [
        ["2022年度项目支出绩效自评表"],
        ["项目资金(元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额", null, 100, 100, 10, P(1, "100%"), 10],
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ],
        ["产出指标", "数量指标", "学生受资助人数", "≥735人次", 735, 50, 50],
        ["效益指标", "社会效益指标", "政策知晓率", "≥95%", P(1, "100%"), 30, 30],
        ["满意度指标", "服务对象满意度指标", "学生满意度", "≥95%", P(1, "100%"), 10, 10],
        ["其他需要说明事项", null, "无"],
        ["总分", null, null, null, null, 100, 100, "优"],
      ],
      ["A8:B8", "C8:H8", "A9:E9"],
    );
    expect(r.indicators).toHaveLength(3);
    expect(codes(r)).toEqual([]);
  });
});

describe("categories", () => {
  it("one category written in two merged blocks (label repeated after a page break) is one category", () => {
    // hebei-langfang-shipin-2019: B26:B34 效益指标 and B35:B37 效益指标.
    const r = report(
      [
        ...anhuiHead(),
        [null, "产出指标", "数量指标", "工程完工率", "100", 100, 50, 50],
        [null, "效益指标", "经济效益指标", "安全率", "100", 100, 10, 10],
        [null, null, "社会效益指标", "学校发展能力", "100", 100, 10, 10],
        [null, "效益指标", "可持续影响指标", "长期使用性", "100", 100, 10, 10],
        [null, "满意度指标", "服务对象满意度指标", "学生满意度", "100", 100, 10, 10],
        ["总分", null, null, null, null, null, 100, 100],
      ],
      ["B12:B13"],
    );
    expect(r.categories.map((c) => [c.name, c.weightSum])).toEqual([
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 10],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("a 一级 cell reading only (50分) is named from its 二级 indicators", () => {
    // anhui-tianchang-2022 and shandong-jinan-licheng-2019: B13 (50分), B25 (30分).
    const r = report(
      [
        ...anhuiHead(),
        [null, "(50分)", "数量指标", "完成项目数量", "1", 1, 50, 50],
        [null, "(30分)", "经济效益指标", "全市安全度汛", "有效", "有效", 30, 30],
        [null, "满意度指标(10分)", "服务对象满意度指标", "服务对象满意度", "90%", P(1, "100%"), 10, 10],
        ["总分", null, null, null, null, null, 100, 100],
      ],
      [],
    );
    expect(r.categories.map((c) => c.name)).toEqual(["产出指标", "效益指标", "满意度指标"]);
    expect(codes(r)).toEqual([]);
  });
});

describe("funds headers with their own marks", () => {
  it("年初预算数(A) | 全年执行数(B) with no 全年预算数: the column marked (A) is the budget", () => {
    // beijing-haidian-xueyuanlu-2016 / shandong-jinan-licheng-2019 funds block.
    const r = report([
      ["项目支出绩效自评表(2016年度)"],
      ["项目资金(万元)", null, "年初预算数(A)", "全年执行数(B)", "分值(10分)", "执行率(B/A)", "得分"],
      [null, "年度资金总额:", 1172.55, 1268.72, 10, P(1.082, "108.2%"), 10],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标(50分)", "数量指标", "清扫道路", "≥20条", 20, 50, 50],
      ["效益指标(30分)", "社会效益指标", "环境改善", "有效", "有效", 30, 30],
      ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", P(0.95, "95%"), 10, 10],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(r.funds).toMatchObject({ budget: 1172.55, spent: 1268.72, weight: 10 });
    expect(codes(r)).toEqual(["FUNDS_OVERSPENT@D3"]);
  });

  it("a funds block that is there but not understood is reported, and the sums it holds points for are not checked", () => {
    const r = report([
      ["项目支出绩效自评表"],
      ["项目资金(万元)", null, "资金来源", "金额", "分值", "得分"],
      [null, "年度资金总额", "财政", 100, 10, 10],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标(50分)", "数量指标", "清扫道路", "≥20条", 20, 50, 50],
      ["效益指标(30分)", "社会效益指标", "环境改善", "有效", "有效", 30, 30],
      ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", P(0.95, "95%"), 10, 10],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(codes(r)).toEqual(["FUNDS_UNREAD@A2"]);
  });
});

describe("provincial indicator headers", () => {
  it("指标名称 | 计量单位 | 指标性质 | 年初指标值 | 调整指标值 | 全年完成值 | 得分系数 | 指标权重（分） | 指标得分（分）, group rows for categories", () => {
    const r = report([
      ["2023年度项目支出绩效自评表"],
      [
        "指标名称",
        "计量单位",
        "指标性质",
        "年初指标值",
        "调整指标值",
        "全年完成值",
        "得分系数",
        "指标权重（分）",
        "指标得分（分）",
      ],
      ["产出指标", null, null, null, null, null, null, 60],
      ["数量指标"],
      ["新建道路长度", "公里", "≥", 12, 10, 10, 1, 30, 30],
      ["质量指标"],
      ["验收合格率", "%", "≥", 95, null, 90, 0.95, 30, 28.42],
      ["效益指标", null, null, null, null, null, null, 30],
      ["受益人口", "人", "≥", 5000, null, 5200, 1, 30, 30],
      ["满意度指标", null, null, null, null, null, null, 10],
      ["群众满意度", "%", "≥", 90, null, 95, 1, 10, 10],
      ["合计", null, null, null, null, null, null, 100, 98.42],
    ]);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "新建道路长度"],
      ["产出指标", "质量指标", "验收合格率"],
      ["效益指标", "", "受益人口"],
      ["满意度指标", "", "群众满意度"],
    ]);
    // The adjusted target 10 replaces the original 12: 10 of 10 is met.
    expect(r.indicators[0].target).toBe("≥10公里");
    expect(r.indicators[0].scoreComputed).toBe(30);
    // 90 of 95: 30 × 90 / 95 = 28.42, and it fell short with no explanation column to ask in.
    expect(r.indicators[1].scoreComputed).toBe(28.42);
    expect(r.total).toMatchObject({ weight: 100, declared: 98.42, computed: 98.42 });
    // Group rows give categories, so category rules apply: 60 / 30 / 10 with no funds line is not 10/50/30/10.
    expect(codes(r)).toEqual(["WEIGHT_SPLIT@A3"]);
  });

  it("without 一级/二级 and without group rows, checks scores and totals but no category rule", () => {
    const r = report([
      ["部门整体支出绩效自评表"],
      ["指标名称", "年初指标值", "全年完成值", "参考分值", "指标得分"],
      ["培训人次", "≥100人次", 110, 50, 50],
      ["办件及时率", "≥95%", P(0.9, "90%"), 50, 50],
      ["合计", null, null, 100, 100],
    ]);
    expect(r.categories).toEqual([]);
    expect(codes(r)).toEqual(["SCORE_TOO_HIGH@E4"]);
  });
});

describe("预算执行率 as a row of the indicator block", () => {
  it("is scored like the funds line (10 for 100%) and its unexplained 9 is flagged", () => {
    const r = report(
      [
        ["项目支出绩效自评表"],
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ],
        ["产出指标(50分)", "数量指标", "预算执行率", "—", P(1, "100%"), 10, 9],
        [null, null, "完成数量", "≥10个", 10, 40, 40],
        ["效益指标(30分)", "社会效益指标", "受益人数", "≥100人", 100, 30, 30],
        ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", P(0.95, "95%"), 10, 10],
        ["总分", null, null, null, null, 90, 89],
      ],
      ["A3:A4"],
    );
    expect(r.funds?.score).toMatchObject({ declared: 9, computed: 10 });
    expect(r.findings.map((f) => f.code)).toContain("FUNDS_SCORE_MISMATCH");
    expect(r.findings.find((f) => f.code === "FUNDS_SCORE_MISMATCH")?.cell).toBe("G3");
  });
});

describe("tables without a 分值 column (scores only)", () => {
  // yunnan-baoshan-tuiyijunren-2022 / hubei-huangshi-2022: 预算执行情况(20分), 年度绩效目标(80分), no 分值.
  const rows = (total: number): RowSpec[] => [
    ["2022年度项目支出绩效自评表"],
    ["项目名称", "春节走访慰问经费"],
    ["预算执行情况(万元)\n(20分)", null, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分\n(20分*执行率)"],
    [null, "年度财政资金总额", 34.64, 34.64, P(1, "100%"), 20],
    ["年度绩效目标\n(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    [null, "产出指标(60分)", "数量指标", "慰问人数", "≥585人", "585人", 20],
    [null, null, "质量指标", "补助经费足额拨付率", "100%", P(1, "100%"), 20],
    [null, null, "时效指标", "春节前完成走访慰问", "及时", "及时", 20],
    [null, "效益指标(10分)", "社会效益指标", "群体性事件", "≤5次", "0次", 10],
    [null, "满意度指标(10分)", "服务对象满意度指标", "满意率", "100%", P(1, "100%"), 10],
    ["总分(100分)", total, "自评等级", "优"],
  ];
  const merges = ["A3:A4", "A5:A10", "B6:B8"];

  it("are read: 总分 = Σ 得分, grade checked, no 分值 asked for", () => {
    const r = report(rows(100), merges);
    expect(r.total).toMatchObject({ declared: 100, computed: 100, cell: "B11" });
    expect(r.grade).toMatchObject({ declared: "优", computed: "优" });
    // The template's own 20 / 60 / 10 / 10 is not the profile's split: a warning on the categories only.
    expect(codes(r)).toEqual(["WEIGHT_SPLIT@B6", "WEIGHT_SPLIT@B9"]);
  });

  it("a declared 总分 that is not Σ 得分 is TOTAL_MISMATCH", () => {
    expect(codes(report(rows(98), merges))).toEqual([
      "TOTAL_MISMATCH@B11",
      "WEIGHT_SPLIT@B6",
      "WEIGHT_SPLIT@B9",
    ]);
  });
});

describe("look-alike operators", () => {
  it.each([
    ["═", "equal"],
    ["〓", "equal"],
    ["≮", "positive"],
    ["≯", "reverse"],
  ])("%s reads as an operator (%s)", (op, direction) => {
    const r = report([
      ["项目支出绩效自评表"],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标", "质量指标", "合格率", `${op}100%`, P(1, "100%"), 100, 100],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(r.indicators[0].direction).toBe(direction);
    expect(r.indicators[0].directionInferred).toBe(false);
  });
});

describe("smaller readings", () => {
  it("a total row that holds 0 is called 0, not empty", () => {
    const r = report([
      ...anhuiHead([[null, "年度资金总额:", 0, 0, 0, 10, 0, 0]]),
      [null, "产出指标(50分)", "数量指标", "数量", "=8个", 8, 50, 50],
      [null, "效益指标(30分)", "社会效益指标", "效益", "效果明显", "达成预期指标", 30, 30],
      [null, "满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", P(0.95, "95%"), 10, 10],
    ]);
    const f = r.findings.find((x) => x.code === "FUNDS_SUBTOTAL_MISMATCH");
    expect(f?.message).toMatch(/合计行为0/);
    // No total row and no grade cell: no grade to change either.
    expect(codes(r)).not.toContain("GRADE_CHANGES_ON_RECALC@A1");
  });

  it("WEIGHT_TOTAL with no total row points at the first 分值; TOTAL_MISMATCH blames the weights when they are wrong", () => {
    const body: RowSpec[] = [
      [null, "产出指标(70分)", "数量指标", "安装坡面水标尺", "≥266米", "266米", 70, 70],
      [null, "效益指标(20分)", "社会效益指标", "受益人口", "≥1000人", "1000人", 20, 20],
      [null, "满意度指标(10分)", "服务对象满意度指标", "满意度", "≥95%", P(0.95, "95%"), 10, 10],
    ];
    const noTotal = report([...anhuiHead(), ...body]);
    expect(noTotal.findings.find((f) => f.code === "WEIGHT_TOTAL")?.cell).toBe("F6");
    const withTotal = report([...anhuiHead(), ...body, ["总分", null, null, null, null, null, 100, 100]]);
    const t = withTotal.findings.find((f) => f.code === "TOTAL_MISMATCH");
    expect(t?.message).toMatch(/各项分值合计为110分而不是100分/);
    expect(t?.message).not.toMatch(/请改为110/);
  });

  it("an unfilled table (no 得分 at all) is said to be not filled in, not graded 差", () => {
    // sichuan-qingshen-2023: 完成值 and 得分 blank everywhere, 合计 得分 blank.
    const r = report([
      ["部门预算项目支出绩效自评表(2023年度)"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "完成值", "权重", "得分", "未完成原因分析"],
      ["产出指标", "数量指标", "发放(缴纳)覆盖率", "=100%", null, 60, null],
      ["效益指标", "社会效益指标", "足额保障率(参保率)", "=100%", null, 40, null],
      ["合计", null, null, null, null, 100, null],
    ]);
    expect(r.grade.computed).toBeNull();
    expect(codes(r).filter((c) => !c.startsWith("WEIGHT_SPLIT"))).toEqual([
      "VALUE_MISSING@E3",
      "VALUE_MISSING@G3",
      "TABLE_NOT_FILLED@G3",
      "VALUE_MISSING@E4",
      "VALUE_MISSING@G4",
    ]);
    expect(r.findings.some((f) => f.code === "TABLE_NOT_FILLED" && f.severity === "error")).toBe(true);
  });
});

describe("units and figures as clerks write them", () => {
  it("a per-person-month unit (元/人*月, 元/人·月) is a unit: 758 against ≥570 is over target", () => {
    // anhui-suixi-minzhengju-2019 row 17.
    const r = report([
      ["绩效目标自评表 (2019年度)"],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "全年实际值",
        "分值",
        "得分",
        "未完成原因及拟采取的改进措施",
      ],
      ["产出指标", "质量指标", "农村特困人员救助供养基本生活标准", ">=570元/人·月", "758元/人*月", 100, 100],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(r.indicators[0].kind).toBe("quantitative");
    expect(codes(r)).toContain("OVER_TARGET@E3");
    expect(codes(r)).not.toContain("QUAL_UNCLASSIFIED@E3");
  });

  it("money written with its unit in the cell (150万) is read in the block's unit", () => {
    // hubei-ezhou-shenpiju-2021 funds row.
    const r = report([
      ["项目支出绩效自评表"],
      ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", "150万", "150万", "125.25万", 10, P(0.835, "83.5%"), 8.35],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标", "数量指标", "办结率", "100%", P(1, "100%"), 90, 90],
      ["总分", null, null, null, null, 100, 98.35],
    ]);
    expect(r.funds).toMatchObject({ budget: 150, spent: 125.25, rate: { computed: 0.835 } });
    expect(codes(r)).toEqual(["FUNDS_LOW_EXECUTION@G3", "WEIGHT_SPLIT@A5"]);
  });

  it("a rate written as a bare fraction is a percentage at its precision (0.1 is 10 %, not a 5–15 % window)", () => {
    const rows = (rate: number): RowSpec[] => [
      ["项目支出绩效自评表"],
      ["预算执行情况(万元)(20分)", null, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
      [null, "年度财政资金总额", 650, 94, rate, 2.89],
    ];
    const mismatch = (rate: number) =>
      checkGrid(makeGrid("S", rows(rate))).ok &&
      (checkGrid(makeGrid("S", rows(rate))) as { report: SheetReport }).report.findings.some(
        (f) => f.code === "FUNDS_RATE_MISMATCH",
      );
    // 94 / 650 = 14.46 %: 0.14 is 14 % (matches at whole percent), 0.145 is 14.5 % (matches at one decimal).
    expect(mismatch(0.14)).toBe(false);
    expect(mismatch(0.145)).toBe(false);
    expect(mismatch(0.1446)).toBe(false);
    // 0.1 is 10 %, which 14.46 % is not; 0.144 is 14.4 %, 0.2 is 20 %.
    expect(mismatch(0.1)).toBe(true);
    expect(mismatch(0.144)).toBe(true);
    expect(mismatch(0.2)).toBe(true);
  });

  it("a page cut inside the indicator header (nothing under it) is read for its funds", () => {
    // guizhou-suiyang-taibai-2021: 年初预算数(A) | 全年执行数(B), header cut at "得分计算".
    const r = report([
      ["部门整体支出绩效自评表"],
      ["部门(单位)名称", "绥阳县太白镇人民政府"],
      [
        "部门(单位)总体资金(万元)",
        "资 金 来 源",
        "年初预算数(A)",
        "全年执行数(B)",
        "分值(10分)",
        "得分",
        "得分计算方法",
      ],
      [null, "年度资金总额:", 1172.55, 1268.72, 10, 10, "执行率*该指标分值,最高不得超过分值上限。"],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值(A)", "全年实际值(B)", "分值", "得分计算"],
    ]);
    expect(r.funds).toMatchObject({ budget: 1172.55, spent: 1268.72 });
    expect(codes(r)).toEqual(["FUNDS_OVERSPENT@D4"]);
  });
});

describe("outline subtotals", () => {
  it("an item (一、) whose score is the sum of its numbered parts (1、2、3、) is not counted twice", () => {
    // yunnan-longyang-2022: 一、示范区建立 15 = 5 + 5 + 5.
    const rows = (parent: number): RowSpec[] => [
      ["2022年度项目支出绩效自评表"],
      ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      ["产出指标", "数量指标", "一、示范区建立", "≧20000亩", "20000亩", parent],
      [null, null, "1、水稻侧深施肥+缓控释肥", "≧500亩", "500亩", 5],
      [null, null, "2、玉米种肥同播+缓控释肥", "≧1000亩", "1000亩", 5],
      [null, null, "3、施用配方肥", "≧18500亩", "18500亩", 5],
      [null, null, "二、农户施肥情况调查", "≧300户", "300户", 5],
      ["总分", null, null, null, null, 20],
    ];
    const r = report(rows(15), ["A3:A7", "B3:B7"]);
    expect(r.indicators.map((i) => i.name)).not.toContain("一、示范区建立");
    expect(r.total).toMatchObject({ declared: 20, computed: 20 });
    expect(codes(r)).toEqual([]);
    // Not a sum of its parts: an indicator of its own.
    expect(report(rows(14), ["A3:A7", "B3:B7"]).indicators.map((i) => i.name)).toContain("一、示范区建立");
  });
});

describe("预算执行率 row: an explained deduction stands", () => {
  it("100% scored 9 of 10 with a reason is not a mismatch; without one it is", () => {
    const rows = (reason: string | null): RowSpec[] => [
      ["项目支出绩效自评表"],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["预算执行情况(10分)", "预算执行率", "预算执行率", "—", P(1, "100%"), 10, 9, reason],
      ["产出指标(50分)", "数量指标", "完成数量", "≥10个", 10, 50, 50],
      ["效益指标(30分)", "社会效益指标", "受益人数", "≥100人", 100, 30, 30],
      ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", P(0.95, "95%"), 10, 10],
      ["总分", null, null, null, null, 100, 99],
    ];
    expect(codes(report(rows(null)))).toEqual(["FUNDS_SCORE_MISMATCH@G3"]);
    expect(codes(report(rows("资金支付进度滞后于合同约定，扣1分")))).toEqual([]);
  });
});

describe("more real wordings", () => {
  it("无上访 against 小于5次 is none, i.e. 0: met, no VALUE_NOT_NUMERIC", () => {
    // yunnan-baoshan-tuiyijunren-2022 row 15.
    const r = report([
      ["2022年度项目支出绩效自评表"],
      ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      ["效益指标(100分)", "社会效益指标", "年内无群体性事件发生", "小于5次", "无上访", 100],
      ["总分", null, null, null, null, 100],
    ]);
    expect(r.indicators[0]).toMatchObject({ kind: "quantitative", direction: "reverse" });
    expect(codes(r).filter((c) => !c.startsWith("WEIGHT_SPLIT"))).toEqual([]);
  });

  it("a 一级 label missing its opening bracket (效益指标\\n30分)) is still 效益指标", () => {
    // hunan-yongzhou-lingling-2021.
    const r = report([
      ["部门整体支出绩效自评表"],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标(70分)", "数量指标", "造林面积", "≥100亩", 100, 70, 70],
      ["效益指标\n30分)", "社会效益指标", "受益人数", "≥100人", 100, 30, 30],
      ["总分", null, null, null, null, 100, 100],
    ]);
    expect(r.categories.map((c) => [c.name, c.declaredWeight])).toEqual([
      ["产出指标", 70],
      ["效益指标", 30],
    ]);
  });

  it("绩效指标(90分) is compared with the weights only when every weight is there", () => {
    // sichuan-daying-2023: the only indicator row is cut before its 权重.
    const r = report([
      ["部门预算项目支出绩效自评表(2023年度)"],
      [
        "绩效指标(90分)",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "完成值",
        "权重",
        "得分",
      ],
      [null, "产出指标", "质量指标", "完成安可产品购买并按要求支付资金", "=", 100, null, null, null, null],
    ]);
    expect(codes(r).filter((c) => c.startsWith("WEIGHT_CATEGORY"))).toEqual([]);
  });
});

describe("robust to how a host reads the sheet", () => {
  it("其他需要说明事项 | 无 with its merge lost is still no indicator", () => {
    const r = report([
      ["2022年度项目支出绩效自评表"],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标", "数量指标", "学生受资助人数", "≥735人次", 735, 100, 100],
      ["其他需要说明事项", null, "无"],
      ["总分", null, null, null, null, 100, 100, "优"],
    ]);
    expect(r.indicators).toHaveLength(1);
    expect(codes(r).filter((c) => !c.startsWith("WEIGHT_SPLIT"))).toEqual([]);
  });

  it('a 总分 written as text beside its label (总分(100分) | "100") is the declared total', () => {
    const r = report([
      ["2022年度项目支出绩效自评表"],
      ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      ["产出指标", "数量指标", "慰问人数", "≥585人", "585人", 100],
      ["总分(100分)", "100", "自评等级", "优"],
    ]);
    expect(r.total).toMatchObject({ declared: 100, cell: "B4" });
  });

  it("an indicator block whose header is not understood is refused, not read as funds only", () => {
    const res = checkGrid(
      makeGrid("S", [
        ["项目支出绩效自评表"],
        ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额", 100, 100, 100, 10, P(1, "100%"), 10],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
        ["产出指标", "数量指标", "培训人次", "≥", 100, "人次", 100, 90, 90],
      ]),
    );
    expect(res.ok).toBe(false);
  });
});

describe("预算执行率 as an ordinary indicator (the money block scores the funds itself)", () => {
  it("its '—' target is full execution: 100% scored 9 of 10 with no reason is an unexplained deduction", () => {
    const r = report([
      ...anhuiHead(),
      [null, "产出指标(50分)", "数量指标", "预算执行率", "—", P(1, "100%"), 10, 9],
      [null, null, null, "完成数量", "≥10个", 10, 40, 40],
      [null, "效益指标(30分)", "社会效益指标", "受益人数", "≥100人", 100, 30, 30],
      [null, "满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", P(0.95, "95%"), 10, 10],
      ["总分", null, null, null, null, null, 100, 99],
    ]);
    expect(r.funds?.score).toMatchObject({ declared: 10, computed: 10 });
    expect(codes(r)).toEqual(["SCORE_DEDUCTION_UNEXPLAINED@H11"]);
  });
});

describe("a department total broken down twice", () => {
  it("by source and by use, each adding up to the total, is no subtotal mismatch", () => {
    const rows = (use: number): RowSpec[] => [
      ["2023年度部门整体支出绩效自评表"],
      ["预算资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 861.1, 2030.12, 2030.12, 10, P(1, "100%"), 10],
      [null, "其中：一般公共预算", 861.1, 1444.5, 1444.5],
      [null, "其他资金", 0, 585.62, 585.62],
      [null, "其中：基本支出", 600, 900.47, 900.47],
      [null, "项目支出", 261.1, use, use],
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标", "数量指标", "办件数量", "≥100件", 100, 90, 90],
      ["总分", null, null, null, null, 100, 100],
    ];
    const subtotal = (use: number) =>
      report(rows(use))
        .findings.filter((f) => f.code === "FUNDS_SUBTOTAL_MISMATCH")
        .map((f) => f.cell);
    expect(subtotal(1129.65)).toEqual([]);
    expect(subtotal(1100)).toEqual(["D3", "E3"]);
  });
});

describe("the reasons block under 总分 (templates without a reason column per row)", () => {
  // yunnan-baoshan / yunnan-shidian: 偏差大或目标未完成原因分析 | … and 改进措施及结果应用方案 | … under 总分.
  const rows = (reason: string): RowSpec[] => [
    ["2022年度项目支出绩效自评表"],
    ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    ["产出指标(60分)", "数量指标", "扶持发展新型农业经营主体(个)", "15", "6", 24],
    ["效益指标(30分)", "经济效益指标", "助农增收(元)", "1980", "2074", 30],
    ["满意度指标(10分)", "服务对象满意度指标", "满意度(%)", "90", "100", 10],
    ["总分", null, null, null, null, 64],
    ["偏差大或\n目标未完成\n原因分析", reason],
    ["改进措施及\n结果应用方案", "无"],
  ];
  const merges = ["B7:F7", "B8:F8"];

  it("a shortfall with that block blank or 无 is EXPLANATION_MISSING on it", () => {
    expect(codes(report(rows("无"), merges)).filter((c) => !c.startsWith("WEIGHT"))).toEqual([
      "EXPLANATION_MISSING@B7",
    ]);
  });

  it("filled, it explains the shortfalls", () => {
    const r = report(rows("部分经营主体带动能力有限，扶持奖补条件未达到，经核实据实补贴。"), merges);
    expect(codes(r).filter((c) => !c.startsWith("WEIGHT"))).toEqual([]);
  });
});

describe("weights only in the 一级 labels (no 分值 column)", () => {
  // Shaped like a Hubei 20 + 80 form: the 一级 labels carry the points, each row only a 得分.
  const rows = (output: number, effect: number): RowSpec[] => [
    ["项目支出绩效自评表"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
    [`产出指标(${output}分)`, "数量指标", "培训人次", "≥100人次", "120人次", output / 2],
    [null, "质量指标", "合格率", "≥95%", "98%", output / 2],
    [`效益指标(${effect}分)`, "社会效益指标", "群众知晓率", "≥90%", "95%", effect],
    ["总分", null, null, null, null, output + effect],
  ];

  it("labels adding up to more than 100 are WEIGHT_TOTAL, and 总分 advice blames the weights", () => {
    const r = report(rows(60, 50));
    expect(codes(r)).toContain("WEIGHT_TOTAL@A3");
    const total = r.findings.find((f) => f.code === "TOTAL_MISMATCH");
    if (total) expect(total.message).toContain("分值");
  });

  it("labels adding up to 100 raise nothing about the total", () => {
    const r = report(rows(60, 40));
    expect(codes(r).filter((c) => /^(WEIGHT_TOTAL|TOTAL_MISMATCH)/.test(c))).toEqual([]);
  });
});

describe("the goal block's own points (年度绩效目标(80分)) against its 一级 labels", () => {
  // A 20 + 80 form: funds (20分), then a goal block merged down column A beside the 一级 labels.
  const rows = (output: number, effect: number, block = "年度绩效目标\n(80分)"): RowSpec[] => [
    ["项目自评表"],
    ["预算执行情况(万元)\n(20分)", null, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分\n(20分*执行率)"],
    [null, "年度财政资金总额", 100, 100, P(1, "100%"), 20],
    [block, "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    [null, `产出指标\n(${output}分)`, "数量指标", "培训人次", "≥100人次", "120人次", output / 2],
    [null, null, "质量指标", "合格率", "≥95%", "98%", output / 2],
    [null, `效益指标\n(${effect}分)`, "社会效益指标", "群众知晓率", "≥90%", "95%", effect],
    ["总分", null, null, null, null, null, 20 + output + effect],
  ];
  const merges = ["A2:A3", "A4:A7", "B5:B6"];

  it("labels adding up to more than the block are WEIGHT_CATEGORY at the block's label", () => {
    const r = report(rows(60, 40), merges);
    const f = r.findings.find((x) => x.code === "WEIGHT_CATEGORY");
    expect(f?.cell).toBe("A4");
    expect(f?.message).toContain("年度绩效目标(80分)");
    expect(f?.message).toContain("100分");
    expect(f?.data).toMatchObject({ variant: "block", sum: 100, declared: 80, basis: "labels" });
  });

  it("labels adding up to the block raise no weight finding", () => {
    const r = report(rows(50, 30), merges);
    expect(codes(r).filter((c) => c.startsWith("WEIGHT_CATEGORY") || c.startsWith("WEIGHT_TOTAL"))).toEqual(
      [],
    );
  });

  it("a goal block label without points holds nothing", () => {
    const r = report(rows(60, 40, "年度绩效目标"), merges);
    expect(codes(r).filter((c) => c.startsWith("WEIGHT_CATEGORY"))).toEqual([]);
  });
});

describe("a 一级 label with points and no name (“(50分)”) carried down instead of merged", () => {
  const rows = (carried: boolean): RowSpec[] => [
    ["项目支出绩效自评表"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["(50分)", "数量指标", "培训人次", "≥100人次", "120人次", 25, 25],
    [carried ? "(50分)" : null, "质量指标", "合格率", "≥95%", "98%", 25, 25],
    ["(50分)", "社会效益指标", "群众知晓率", "≥90%", "95%", 50, 50],
    ["总分", null, null, null, null, 100, 100],
  ];

  it("is one category of 50, as when merged", () => {
    for (const carried of [false, true]) {
      const r = report(rows(carried), carried ? [] : ["A3:A4"]);
      expect(r.categories.map((c) => [c.name, c.declaredWeight, c.weightSum])).toEqual([
        ["产出指标", 50, 50],
        ["效益指标", 50, 50],
      ]);
      expect(codes(r).filter((c) => c.startsWith("WEIGHT_CATEGORY"))).toEqual([]);
    }
  });
});

describe("a named 一级 label carried down instead of merged", () => {
  // The label's first copy stands on a row with no 三级 of its own; the category is still found there.
  const rows = (merged: boolean): RowSpec[] => [
    ["项目支出绩效自评表"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标(70分)", "数量指标", "培训人次", "≥100人次", "120人次", 70, 70],
    ["效益指标(20分)", "经济效益指标", null, null, null, null, null],
    [merged ? null : "效益指标(20分)", "社会效益指标", "群众知晓率", "≥90%", "95%", 20, 20],
    ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10],
    ["总分", null, null, null, null, 100, 100],
  ];

  it("points at the label's first copy, as at the merged label's top", () => {
    const cells = (merged: boolean) =>
      report(rows(merged), merged ? ["A4:A5"] : []).categories.map((c) => [c.name, c.cell]);
    expect(cells(false)).toEqual(cells(true));
    expect(cells(false)).toContainEqual(["效益指标", "A4"]);
  });
});

describe("a 一级 label split by a page break before its first indicator", () => {
  const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
  const rows = (split: boolean): RowSpec[] => [
    ["项目支出绩效自评表"],
    header,
    ["产出指标(70分)", "数量指标", "培训人次", "≥100人次", "120人次", 70, 70],
    ["效益指标(20分)", "经济效益指标", null, null, null, null, null],
    ...(split ? [header] : []),
    [split ? "效益指标(20分)" : null, "社会效益指标", "群众知晓率", "≥90%", "95%", 20, 20],
    ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10],
    ["总分", null, null, null, null, 100, 100],
  ];

  it("starts its category at the part above the break, as at the merged label's top", () => {
    const merged = report(rows(false), ["A4:A5"]).categories.map((c) => [c.name, c.cell, c.declaredWeight]);
    const split = report(rows(true)).categories.map((c) => [c.name, c.cell, c.declaredWeight]);
    expect(merged).toContainEqual(["效益指标", "A4", 20]);
    expect(split).toContainEqual(["效益指标", "A4", 20]);
  });
});
