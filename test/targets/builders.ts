/** Grids of a 自评表 and of its 绩效目标表 built in code, in the shapes published tables use. */
import type { CellValue, Grid } from "../../src/engine/grid";
import { detectLayout } from "../../src/engine/layout";
import type { Table } from "../../src/engine/types";
import { INDICATOR_HEADER, makeGrid, pct, type RowSpec } from "../fixtures/grids";

/** 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分. */
export type SelfRow = [string | null, string | null, string, CellValue, CellValue, number, number];

export const SELF_ROWS: SelfRow[] = [
  ["产出指标(50分)", "数量指标", "建成高标准农田面积", "≥1000亩", "1000亩", 20, 20],
  [null, null, "受益农户", "≥800户", "820户", 10, 10],
  [null, "质量指标", "验收合格率", "100%", "100%", 10, 10],
  [null, "时效指标", "完成及时率", "≥95%", "98%", 10, 10],
  ["效益指标(30分)", "社会效益指标", "带动农户增收", "≥500万元", "520万元", 30, 30],
  ["满意度指标(10分)", "服务对象满意度指标", "农户满意度", "≥90%", "95%", 10, 10],
];

/** A 项目支出绩效自评表 in the national 9-column layout with these indicator rows (header on row 11). */
export function selfGrid(rows: SelfRow[] = SELF_ROWS, project = "高标准农田建设项目", name = "自评表"): Grid {
  const body: RowSpec[] = rows.map(([l1, l2, n, t, a, w, s]) => [null, l1, l2, n, t, a, w, s, null]);
  const total = rows.reduce((x, r) => x + r[5], 10);
  const score = rows.reduce((x, r) => x + r[6], 9);
  return makeGrid(name, [
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", project],
    ["主管部门", "某县农业农村局", null, null, null, "实施单位", "某县农田建设服务中心"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 300, 320, 288, 10, pct(0.9, "90.00%"), 9],
    [null, "其中：本年财政拨款", 300, 320, 288],
    [null, "上年结转资金"],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "建成高标准农田1000亩", null, null, null, "建成高标准农田1000亩"],
    ["绩效指标", ...INDICATOR_HEADER],
    ...body,
    ["总分", null, null, null, null, null, total, score, "等级：优"],
  ]);
}

export function selfTable(rows: SelfRow[] = SELF_ROWS, project?: string): Table {
  const r = detectLayout(selfGrid(rows, project));
  if (!r.ok) throw new Error(r.reason);
  return r.table;
}

/** 一级, 二级, 三级, 指标值 (and 分值 when the layout has one). */
export type ApprovedRow = [string | null, string | null, string, CellValue, number?];

export const APPROVED_ROWS: ApprovedRow[] = [
  ["产出指标", "数量指标", "建成高标准农田面积", "≥1000亩"],
  [null, null, "受益农户", "≥800户"],
  [null, "质量指标", "验收合格率", "100%"],
  [null, "时效指标", "完成及时率", "≥95%"],
  ["效益指标", "社会效益指标", "带动农户增收", "≥500万元"],
  ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%"],
];

/** The MOF 项目支出绩效目标表: 绩效指标 | 一级 | 二级 | 三级 | 指标值, with 分值 when `weights`. */
export function approvedGrid(
  rows: ApprovedRow[] = APPROVED_ROWS,
  opts: { project?: string; weights?: boolean; targetHeader?: string; name?: string } = {},
): Grid {
  const header = ["绩效指标", "一级指标", "二级指标", "三级指标", opts.targetHeader ?? "指标值"];
  if (opts.weights) header.push("分值");
  return makeGrid(opts.name ?? "申报表", [
    ["项目支出绩效目标表"],
    ["（2024年度）"],
    ["项目名称", opts.project ?? "高标准农田建设项目"],
    ["主管部门及代码", "某县农业农村局", null, "实施单位", "某县农田建设服务中心"],
    ["项目资金（万元）", "年度资金总额", 320],
    ["年度绩效目标", "建成高标准农田1000亩"],
    header,
    ...rows.map(([l1, l2, n, t, w]) =>
      opts.weights ? [null, l1, l2, n, t, w ?? null] : [null, l1, l2, n, t],
    ),
  ]);
}
