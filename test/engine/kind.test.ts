/**
 * project or department from the evidence (scoring-rules.md §9): the title's 项目支出 / 整体支出 (部门整体),
 * department-only sections, a 项目名称 row, a title naming a 项目, then 部门名称 / 单位名称 rows.
 */
import { detectLayout } from "../../src/engine/layout";
import type { Table } from "../../src/engine/types";
import { makeGrid, pct, type RowSpec } from "../fixtures/grids";

function table(top: RowSpec[], fundsExtra: RowSpec[] = []): Table {
  const rows: RowSpec[] = [
    ...top,
    ["资金情况（万元）", null, "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"],
    [null, "年度资金总额", 100, 100, 100, pct(1, "100%"), 10],
    ...fundsExtra,
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
    ["效益指标", "社会效益指标", "技能提升", "有效", "有效", 40, 40],
    ["总分", null, null, null, null, 100, 100],
  ];
  const res = detectLayout(makeGrid("S", rows));
  if (!res.ok) throw new Error(res.reason);
  return res.table;
}

describe("the kind of table comes from the evidence", () => {
  it.each<[string, RowSpec[], "project" | "department"]>([
    [
      "…项目绩效自评表 with 单位名称 and a 项目名称 row",
      [["2020年度水土保持监测项目绩效自评表"], ["单位名称:某所"], ["项目名称", "水土保持监测"]],
      "project",
    ],
    [
      "绩效自评表 with a 部门名称 row and a 项目名称 row",
      [["绩效自评表"], ["部门名称", "某局"], ["项目名称", "某项目"]],
      "project",
    ],
    [
      "…项目绩效自评表 with only a 单位名称 row",
      [["2022年度道路养护项目绩效自评表"], ["单位名称", "某局"]],
      "project",
    ],
    ["项目支出 in the title beats a 部门名称 row", [["项目支出绩效自评表"], ["部门名称", "某局"]], "project"],
    ["绩效自评表 with only a 单位名称 row", [["绩效自评表"], ["单位名称", "某局"]], "department"],
    [
      "整体支出 in the title beats a 项目名称 row",
      [["部门整体支出绩效自评表"], ["项目名称", "某项目"]],
      "department",
    ],
    ["部门整体 in the title", [["2021年度部门整体绩效自评表"], ["单位名称", "某局"]], "department"],
    [
      "主管部门 / 实施单位 only",
      [["绩效自评表"], ["主管部门", "某局", null, "实施单位", "某中心"]],
      "project",
    ],
  ])("%s → %s", (_, top, kind) => {
    expect(table(top).kind).toBe(kind);
  });

  it("a department-only section (按收入性质分 / 按支出性质分) makes it a department's table", () => {
    const t = table(
      [["绩效自评表"], ["项目名称", "某项目"]],
      [
        ["按收入性质分：100", null, null, "按支出性质分：100"],
        ["其中：基本支出", 60],
      ],
    );
    expect(t.kind).toBe("department");
  });

  it("the unit follows the kind: the 项目名称 of a project table, the 单位名称 of a department's", () => {
    expect(table([["某项目绩效自评表"], ["单位名称:某所"], ["项目名称", "水土保持监测"]]).unit).toBe(
      "水土保持监测",
    );
    expect(table([["绩效自评表"], ["单位名称", "某局"]]).unit).toBe("某局");
  });
});
