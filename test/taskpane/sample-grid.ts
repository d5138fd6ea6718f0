/**
 * A faithful copy, built in code, of the 2021 部门整体支出绩效自评表 (株洲市芦淞区自然资源局) as a host
 * reads it: values in the top-left cell of each merged area, display text where a number format
 * changes what the user sees, and the merged areas. Declared 总分 97.83, 等级 优, 执行率 78.25 %.
 */
import type { CellValue, Grid, MergedArea } from "../../src/engine/grid";
import { parseRange } from "../../src/engine/grid";

export const SAMPLE_SHEET = "自评表";

type Row = CellValue[];

const NOTE =
  '备注：1. "执行率" = "全年执行数" / "全年预算数"；2. 90 分（含）以上为优、80（含）—90 分为良、60（含）—80 分为中、60 分以下为差。';

/** Rows 1–28 (A–I). */
function rows(): Row[] {
  const r: Row[] = [
    ["2021 年度部门整体支出绩效自评表", null, null, null, null, null, null, null, null],
    ["部门名称", "株洲市芦淞区自然资源局", null, null, null, null, null, null, null],
    [
      "资金情况 (万元)",
      "年度资金总额",
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分(分值×执行率)",
      null,
    ],
    [null, "合计", 985.93, 1839.1, 1439.13, 10, 0.7825, 7.83, null],
    [null, "其中：当年财政拨款", 985.93, 1497.06, null, null, null, null, null],
    [null, "上年结转资金", null, 330.8, null, null, null, null, null],
    [null, "其他资金", null, 11.24, null, null, null, null, null],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况", null, null, null],
    [
      null,
      "严守耕地红线，确保全区耕地保有量和基本农田保护面积不减少。",
      null,
      null,
      null,
      "完成集体土地征收项目33个，面积1197亩。",
      null,
      null,
      null,
    ],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    [null, "产出指标(50分)", "数量指标", "灾害防治知识宣传次数(次)", "≥2", 2, 6, 6, null],
    [null, null, null, "地质灾害防治知识宣传受众人数(人)", "≥1000", 1500, 3, 3, null],
    [null, null, null, "国土规划巡察次数", "≥100", 110, 3, 3, null],
    [null, null, null, "开展森林防护重要性宣传活动场次(场次)", "≥30", 30, 5, 5, null],
    [null, null, "质量指标", "森林防火巡察覆盖率", "100%", 1, 5, 5, null],
    [null, null, null, "执法监察整改到位率", "100%", 1, 4, 4, null],
    [null, null, null, "征拆面积完成率", "100%", "100%", 4, 4, null],
    [
      null,
      null,
      null,
      "科学合理性",
      "国土资源规划科学合理，能够更为有效的提高国土资源的综合利用能力",
      "科学",
      5,
      5,
      null,
    ],
    [
      null,
      null,
      null,
      "合规性",
      "国土资源规划程序符合规定程序，管理严格按照有关规定进行",
      "合规",
      5,
      5,
      null,
    ],
    [null, null, "时效指标", "地质灾害治理及时性", "及时", "及时", 5, 5, null],
    [null, null, "成本指标", "超预算支出比例", "≤ 0%", 0, 5, 5, null],
    [null, "效益指标 (30分)", "经济效益指标", "拆迁完成率(%)", "100%", 1, 10, 10, null],
    [null, null, "生态效益指标", "植树造林面积(亩)", "≥ 50", 80, 10, 10, null],
    [null, null, "可持续影响指标", "是否可持续", "可持续", "可持续", 10, 10, null],
    [null, "满意度指标 (10分)", "服务对象满意度指标", "拆迁户满意度(%)", "≥ 95%", 1, 5, 5, null],
    [null, null, null, "公众满意度", "≥ 95%", "100%", 5, 5, null],
    ["总分", null, null, null, null, null, 100, 97.83, "等级：优"],
    [NOTE, null, null, null, null, null, null, null, null],
  ];
  return r;
}

const MERGES = [
  "A1:I1",
  "B2:I2",
  "H3:I3",
  "A3:A7",
  "H4:I4",
  "H5:I5",
  "H6:I6",
  "H7:I7",
  "B8:E8",
  "F8:I8",
  "A8:A9",
  "B9:E9",
  "F9:I9",
  "A10:A26",
  "B11:B21",
  "C11:C14",
  "C15:C19",
  "B22:B24",
  "B25:B26",
  "C25:C26",
  "A27:F27",
  "A28:I28",
];

/** Number formats (and so display text) of the cells that have one. */
const FORMATS: Record<string, [string, string]> = {
  G4: ["0.00%", "78.25%"],
  F15: ["0%", "100%"],
  F16: ["0%", "100%"],
  F21: ["0%", "0%"],
  F22: ["0%", "100%"],
  F25: ["0%", "100%"],
};

function cellIndex(a1: string): { row: number; col: number } {
  const area = parseRange(a1)!;
  return { row: area.top, col: area.left };
}

/** The 2021 table as a fresh Grid (callers may mutate it). */
export function sampleGrid(name = SAMPLE_SHEET): Grid {
  const values = rows();
  const text: (string | null)[][] = values.map((r) => r.map(() => null));
  const formats: (string | null)[][] = values.map((r) => r.map(() => null));
  for (const [a1, [fmt, shown]] of Object.entries(FORMATS)) {
    const { row, col } = cellIndex(a1);
    formats[row][col] = fmt;
    text[row][col] = shown;
  }
  const merges: MergedArea[] = MERGES.map((m) => parseRange(m)!);
  return { name, values, text, formats, merges };
}

/** Sets one cell of a Grid by A1 address (for building faulty variants). */
export function setCell(grid: Grid, a1: string, value: CellValue, shown?: string): Grid {
  const { row, col } = cellIndex(a1);
  while (grid.values.length <= row) grid.values.push([]);
  grid.values[row][col] = value;
  if (grid.text) {
    while (grid.text.length <= row) grid.text.push([]);
    grid.text[row][col] = shown ?? null;
  }
  return grid;
}

/** A sheet that is not a 自评表 at all. */
export function otherGrid(name = "说明"): Grid {
  return { name, values: [["填表说明"], ["请在自评表中填写各项指标。"]], merges: [] };
}
