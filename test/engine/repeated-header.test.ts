/**
 * A repeated indicator header inside one table (scoring-rules.md §9): goal blocks under their own header
 * (Hubei's 年度绩效目标1 / 年度绩效目标2), print titles repeated after a page break. The rows join one
 * indicator list and the 总分 under them covers every block; a header under a new title, 项目名称 row or
 * funds block still starts a new table.
 */
import { checkGridTables, checkWorkbook } from "../../src/engine";
import { detectLayout } from "../../src/engine/layout";
import type { Table } from "../../src/engine/types";
import type { Grid } from "../../src/engine/grid";
import { makeGrid, pct, type RowSpec } from "../fixtures/grids";

function table(grid: Grid): Table {
  const res = detectLayout(grid);
  if (!res.ok) throw new Error(`expected a table, got: ${res.reason}`);
  return res.table;
}

const SCORES_HEADER = (label: string): RowSpec => [
  label,
  "一级指标",
  "二级指标",
  "三级指标",
  "年初目标值(A)",
  "实际完成值(B)",
  "得分",
];

/** The Hubei 20 + 80 template: funds (20), goal 1 (40) and goal 2 (40), no 分值 column, one 总分. */
function goalBlocks(opts: { total?: number; between?: RowSpec[] } = {}): {
  rows: RowSpec[];
  merges: string[];
} {
  const rows: RowSpec[] = [
    ["2020年度水土保持监测项目绩效自评表"],
    ["单位名称:某市水利科研所 填报日期:2021年3月10日"],
    ["项目名称", "水土保持监测"],
    ["主管部门", "某市水利局", null, "项目实施单位", "本单位"],
    ["预算执行情况(万元)(20分)", null, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
    [null, "年度财政资金总额", 10, 10, pct(1, "100%"), 20],
    SCORES_HEADER("年度绩效目标1(40分)"),
    [null, "产出指标", "质量指标", "监测数据合格率", "100%", pct(1, "100%"), 15],
    [null, null, "时效指标", "按时取得监测资料", "100%", pct(1, "100%"), 15],
    [null, "满意度指标", "服务对象满意度指标", "资料使用单位满意度", "≥90%", pct(0.95, "95%"), 10],
    ...(opts.between ?? []),
    SCORES_HEADER("年度绩效目标2(40分)"),
    [null, "产出指标", "数量指标", "整编监测资料", "12份", "12份", 20],
    [null, "效益指标", "社会效益指标", "为水土保持决策提供依据", "有效", "有效", 18],
    ["总分", null, null, null, null, null, opts.total ?? 98],
  ];
  const g2 = 6 + 4 + (opts.between?.length ?? 0);
  return {
    rows,
    merges: [
      "A1:G1",
      "A2:G2",
      "B3:G3",
      "A5:B5",
      `A7:A10`,
      "B8:B9",
      `A${g2 + 1}:A${g2 + 3}`,
      `A${g2 + 4}:F${g2 + 4}`,
    ],
  };
}

describe("a repeated indicator header with nothing new above it continues the table", () => {
  it("reads both goal blocks as one indicator list, under one 总分 covering funds and both blocks", () => {
    const { rows, merges } = goalBlocks();
    const t = table(makeGrid("Sheet1", rows, merges));
    expect(t.indicators.map((i) => i.name)).toEqual([
      "监测数据合格率",
      "按时取得监测资料",
      "资料使用单位满意度",
      "整编监测资料",
      "为水土保持决策提供依据",
    ]);
    expect(t.indicators.map((i) => i.row)).toEqual([7, 8, 9, 11, 12]);
    // The second block's 产出指标 is the same category as the first's; its own 二级 labels are kept.
    expect(t.categories.map((c) => [c.name, c.rows])).toEqual([
      ["产出指标", [7, 8, 11]],
      ["满意度指标", [9]],
      ["效益指标", [12]],
    ]);
    expect(t.indicators[3].level2).toBe("数量指标");
    expect(t.total?.score?.value).toBe(98);
  });

  it("checks the 总分 against every block: no false TOTAL_MISMATCH, one table, graded from the whole", () => {
    const { rows, merges } = goalBlocks();
    const r = checkGridTables(makeGrid("Sheet1", rows, merges));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tables).toHaveLength(1);
    const rep = r.tables[0].report;
    expect(rep.total).toMatchObject({ declared: 98, computed: 98 });
    expect(rep.grade.computed).toBe("优");
    expect(rep.findings.filter((f) => f.code === "TOTAL_MISMATCH")).toEqual([]);
    expect(checkWorkbook("x.xlsx", [makeGrid("Sheet1", rows, merges)]).sheets).toHaveLength(1);
  });

  it("still finds a wrong 总分, and advises the sum of every block", () => {
    const { rows, merges } = goalBlocks({ total: 90 });
    const r = checkGridTables(makeGrid("Sheet1", rows, merges));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tables).toHaveLength(1);
    const bad = r.tables[0].report.findings.find((f) => f.code === "TOTAL_MISMATCH");
    expect(bad?.cell).toBe("G14");
    expect(bad?.message).toContain("98");
  });

  it("a print-title header repeated after a page break (national template, 分值 column) joins the rows", () => {
    const header: RowSpec = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
    const rows: RowSpec[] = [
      ["项目支出绩效自评表"],
      ["项目名称", "乡村道路养护"],
      header,
      ["产出指标(50分)", "数量指标", "养护里程", "≥100公里", "100公里", 25, 25],
      [null, "质量指标", "验收合格率", "100%", pct(1, "100%"), 25, 25],
      header,
      ["效益指标(40分)", "社会效益指标", "群众出行便利", "有效改善", "有效改善", 40, 40],
      ["满意度指标(10分)", "服务对象满意度指标", "群众满意度", "≥90%", pct(0.96, "96%"), 10, 10],
      ["总分", null, null, null, null, 100, 100],
    ];
    const g = makeGrid("S", rows, ["A1:G1", "B2:G2", "A4:A5", "A9:E9"]);
    const t = table(g);
    expect(t.indicators.map((i) => i.name)).toEqual(["养护里程", "验收合格率", "群众出行便利", "群众满意度"]);
    expect(t.categories.map((c) => [c.name, c.declaredWeight])).toEqual([
      ["产出指标", 50],
      ["效益指标", 40],
      ["满意度指标", 10],
    ]);
    const r = checkGridTables(g);
    if (!r.ok) throw new Error(r.reason);
    expect(r.tables).toHaveLength(1);
    const rep = r.tables[0].report;
    expect(rep.total).toMatchObject({ weight: 100, declared: 100, computed: 100 });
    const sums = ["TOTAL_MISMATCH", "WEIGHT_TOTAL", "WEIGHT_CATEGORY"];
    expect(rep.findings.filter((f) => sums.includes(f.code))).toEqual([]);
  });

  it("a repeated two-row header (指标值 split under the first row) is skipped whole", () => {
    const upper: RowSpec = ["一级指标", "二级指标", "三级指标", "年度指标值", null, "分值", "得分"];
    const lower: RowSpec = [null, null, null, "年度指标值", "实际完成值"];
    const rows: RowSpec[] = [
      ["项目支出绩效自评表"],
      ["项目名称", "乡村道路养护"],
      upper,
      lower,
      ["产出指标", "数量指标", "养护里程", "≥100公里", "100公里", 25, 25],
      [null, "质量指标", "验收合格率", "100%", pct(1, "100%"), 25, 25],
      upper,
      lower,
      ["效益指标", "社会效益指标", "群众出行便利", "有效改善", "有效改善", 50, 50],
      ["总分", null, null, null, null, 100, 100],
    ];
    const merges = ["A1:G1", "B2:G2", "A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4", "G3:G4", "A5:A6"];
    merges.push("A7:A8", "B7:B8", "C7:C8", "D7:E7", "F7:F8", "G7:G8");
    const t = table(makeGrid("S", rows, merges));
    // 验收合格率 sits right above the repeated header: it is data, not the header's first row.
    expect(t.indicators.map((i) => [i.row, i.name])).toEqual([
      [4, "养护里程"],
      [5, "验收合格率"],
      [8, "群众出行便利"],
    ]);
    expect(t.total?.row).toBe(9);
  });
});

describe("a header under a new title, 项目名称 row or funds block still starts a new table", () => {
  /** Table 1 has no 总分 row: only what sits above the second header can end it. */
  function twoTables(top2: RowSpec[]): Grid {
    const header: RowSpec = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
    return makeGrid("S", [
      ["项目支出绩效自评表"],
      ["项目名称", "甲项目"],
      header,
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 60, 60],
      ["效益指标", "社会效益指标", "技能提升", "有效", "有效", 40, 40],
      [],
      ...top2,
      header,
      ["产出指标", "数量指标", "建成道路", "≥5公里", "5公里", 50, 50],
      ["效益指标", "社会效益指标", "出行便利", "有效", "有效", 50, 50],
      ["总分", null, null, null, null, 100, 100],
    ]);
  }

  it.each<[string, RowSpec[]]>([
    ["a title", [["项目支出绩效自评表"]]],
    ["a 项目名称 row", [["项目名称", "乙项目"]]],
    [
      "a funds block",
      [
        ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"],
        [null, "年度资金总额", 100, 100, 100, pct(1, "100%"), 10],
      ],
    ],
    ["a goal block", [["年度总体目标", "建成道路5公里"]]],
  ])("%s above the second header: two tables, each with its own rows", (_, top2) => {
    const r = checkGridTables(twoTables(top2));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tables).toHaveLength(2);
    expect(r.tables[0].report.indicators.map((i) => i.name)).toEqual(["培训人次", "技能提升"]);
    expect(r.tables[1].report.indicators.map((i) => i.name)).toEqual(["建成道路", "出行便利"]);
    expect(r.tables[1].report.total.declared).toBe(100);
    expect(r.tables[1].report.total.cell).toBe(`G${top2.length + 10}`);
    // A funds block above the second header is the second table's, not rows of the first.
    expect(r.tables[0].report.funds).toBeNull();
  });

  it("a header naming other columns (another layout) is another table, not a repeat", () => {
    const rows: RowSpec[] = [
      ["项目支出绩效自评表"],
      ["项目名称", "甲项目"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 60, 60],
      ["一级指标", "三级指标", "二级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["效益指标", "技能提升", "社会效益指标", "有效", "有效", 40, 40],
    ];
    const t = table(makeGrid("S", rows));
    expect(t.indicators.map((i) => i.name)).toEqual(["培训人次"]);
  });
});

describe("a provincial header without 一级/二级 columns, repeated", () => {
  it("is skipped, not read as an indicator named 指标名称, and its group rows carry on", () => {
    const header: RowSpec = [
      "指标名称",
      "计量单位",
      "年初指标值",
      "全年完成值",
      "指标权重（分）",
      "指标得分（分）",
    ];
    const rows: RowSpec[] = [
      ["项目支出绩效自评表"],
      ["项目名称", "乡村道路养护"],
      header,
      ["产出指标", null, null, null, 60],
      ["养护里程", "公里", "≥100", 100, 60, 60],
      header,
      ["效益指标", null, null, null, 40],
      ["群众出行便利", null, "有效改善", "有效改善", 40, 40],
      ["合计", null, null, null, 100, 100],
    ];
    const t = table(makeGrid("S", rows, ["A1:F1", "B2:F2"]));
    expect(t.indicators.map((i) => i.name)).toEqual(["养护里程", "群众出行便利"]);
    expect(t.categories.map((c) => [c.name, c.declaredWeight])).toEqual([
      ["产出指标", 60],
      ["效益指标", 40],
    ]);
    expect(t.total?.row).toBe(8);
  });
});
