/**
 * The issue-11 measuring table: a 部门整体支出绩效自评表 with 25 indicators, 20 of which fell short of
 * their target (700 of ≥1000) with no explanation written; every score, the total and the grade are
 * the recomputed ones, so what remains is exactly what a clerk still has to explain. Built in code,
 * scored by the engine, written as a real .xlsx with exceljs.
 */
import { Workbook } from "exceljs";
import { checkGrid, getProfile, parseA1, DEFAULT_PROFILE_ID } from "../../src/engine";
import type { CellValue, Grid } from "../../src/engine";

export const SHEET = "自评表";
/** The 25 indicators start on sheet row FIRST_ROW + 1 (A1 numbering: row 11). */
export const FIRST_ROW = 10;
export const COUNT = 25;
export const SHORT = 20;

const CATEGORIES: [string, string, number[]][] = [
  ["产出指标(50分)", "数量指标", [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4]],
  ["效益指标(30分)", "社会效益指标", [5, 5, 5, 5, 5, 5]],
  ["满意度指标(10分)", "服务对象满意度指标", [3, 3, 2, 2]],
];

export function grid25(): Grid {
  const values: CellValue[][] = [
    ["2023 年度部门整体支出绩效自评表", null, null, null, null, null, null, null, null],
    ["部门名称", "测试市某某局", null, null, null, null, null, null, null],
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
    [null, "完成年度各项工作任务。", null, null, null, "基本完成。", null, null, null],
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
  ];
  let n = 0;
  for (const [level1, level2, weights] of CATEGORIES)
    weights.forEach((w, i) => {
      const short = n < SHORT;
      values.push([
        null,
        i === 0 ? level1 : null,
        i === 0 ? level2 : null,
        `第${n + 1}项服务人数(人)`,
        "≥1000",
        short ? 700 : 1000,
        w,
        w,
        null,
      ]);
      n++;
    });
  values.push(["总分", null, null, null, null, null, 100, null, null]);
  const g: Grid = { name: SHEET, values, merges: [] };
  // Declared scores, total and grade as the rules give them: only explanations are missing.
  const res = checkGrid(g, getProfile(DEFAULT_PROFILE_ID)!);
  if (!res.ok) throw new Error(`fixture not recognised: ${res.reason}`);
  for (const ind of res.report.indicators) values[parseA1(ind.scoreCell)!.row][7] = ind.scoreComputed;
  const again = checkGrid(g, getProfile(DEFAULT_PROFILE_ID)!);
  if (!again.ok) throw new Error("fixture lost");
  const totalRow = values.length - 1;
  values[totalRow][7] = again.report.total.computed;
  values[totalRow][8] = `等级：${again.report.grade.computed}`;
  return g;
}

/**
 * Writes the table; lowScore puts a declared score below the rules' on that indicator (1-based), so a
 * card far down the list offers 更正为 X.
 */
export async function write25(file: string, lowScore?: { indicator: number; score: number }): Promise<void> {
  const g = grid25();
  if (lowScore) g.values[FIRST_ROW + lowScore.indicator - 1][7] = lowScore.score;
  const wb = new Workbook();
  const ws = wb.addWorksheet(SHEET);
  g.values.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, c) => {
      if (v !== null && v !== undefined) row.getCell(c + 1).value = v as never;
    });
  });
  ws.getCell("G4").numFmt = "0.00%";
  ws.mergeCells("A1:I1");
  await wb.xlsx.writeFile(file);
}
