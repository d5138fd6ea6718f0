import { readApprovedTargets } from "../../src/engine/targets";
import { makeGrid } from "../fixtures/grids";
import { approvedGrid, APPROVED_ROWS, selfGrid } from "./builders";

function tables(grid: Parameters<typeof readApprovedTargets>[0]) {
  const r = readApprovedTargets(grid);
  if (!r.ok) throw new Error(r.reason);
  return r.tables;
}

describe("readApprovedTargets", () => {
  it("reads the MOF layout: categories carried down, project and units from the head", () => {
    const [t] = tables(approvedGrid());
    expect(t.project).toBe("高标准农田建设项目");
    expect(t.units).toEqual(["某县农业农村局", "某县农田建设服务中心"]);
    expect(t.title).toBe("项目支出绩效目标表");
    expect(t.hasWeights).toBe(false);
    expect(t.indicators.map((i) => [i.level1, i.level2, i.name, i.target.text])).toEqual(
      APPROVED_ROWS.map((r, k) => [
        ["产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"][k],
        ["数量指标", "数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"][k],
        r[2],
        r[3],
      ]),
    );
    expect(t.indicators[0].nameCell).toBe("D8");
    expect(t.indicators[0].target.cell).toBe("E8");
  });

  it("reads 分值 when the table has it, and the long 指标值 header", () => {
    const rows = APPROVED_ROWS.map(([a, b, c, d], k) => [a, b, c, d, k === 0 ? 20 : 10] as const);
    const [t] = tables(
      approvedGrid(
        rows.map((r) => [...r]),
        { weights: true, targetHeader: "指标值（包含数字及文字描述）" },
      ),
    );
    expect(t.hasWeights).toBe(true);
    expect(t.indicators.map((i) => i.weight)).toEqual([20, 10, 10, 10, 10, 10]);
    expect(t.indicators[0].weightCell).toBe("F8");
  });

  it("stops at a 合计 row and at notes under the table", () => {
    const [t] = tables(
      makeGrid("S", [
        ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
        ["产出指标", "数量指标", "培训人次", "≥300人次", 50],
        ["效益指标", "社会效益指标", "技能提升率", "≥80%", 50],
        ["合计", null, null, null, 100],
        ["注：指标值应与预算批复一致", null, "不是指标", "≥1"],
      ]),
    );
    expect(t.indicators.map((i) => i.name)).toEqual(["培训人次", "技能提升率"]);
    const [u] = tables(
      makeGrid("S", [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人次", "≥300人次"],
        [null, null, "合计", null],
        [null, null, "不是指标", "≥1"],
      ]),
    );
    expect(u.indicators.map((i) => i.name)).toEqual(["培训人次"]);
  });

  it("reads split 指标性质 / 指标值 / 度量单位 columns and a starred header", () => {
    const [t] = tables(
      makeGrid("S", [
        ["部门整体支出绩效目标表"],
        ["部门（单位）名称", "某区价格认证中心"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "*指标值", "度量单位"],
        ["产出指标", "数量指标", "认定案件数", "≥", 120, "件"],
        [null, "质量指标", "认定准确率", "≥", 98, "%"],
      ]),
    );
    expect(t.project).toBe("某区价格认证中心");
    expect(t.indicators.map((i) => [i.name, i.nature?.text, i.target.value, i.unit?.text])).toEqual([
      ["认定案件数", "≥", 120, "件"],
      ["认定准确率", "≥", 98, "%"],
    ]);
  });

  it("splits a disclosure sheet that lists many projects by its 项目名称 column", () => {
    const ts = tables(
      makeGrid(
        "项目绩效目标",
        [
          ["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
          ["道路保洁", "产出指标", "数量指标", "保洁面积", "≥20万平方米"],
          [null, "效益指标", "社会效益指标", "路面整洁度", "明显改善"],
          ["公厕运维", "产出指标", "数量指标", "运维公厕数", "36座"],
        ],
        ["A2:A3"],
      ),
    );
    expect(ts.map((t) => [t.project, t.indicators.map((i) => i.name)])).toEqual([
      ["道路保洁", ["保洁面积", "路面整洁度"]],
      ["公厕运维", ["运维公厕数"]],
    ]);
  });

  it("reads group rows when the table has no 一级 / 二级 columns", () => {
    const [t] = tables(
      makeGrid("S", [
        ["三级指标", "指标值"],
        ["产出指标", null],
        ["数量指标", null],
        ["培训人次", "≥300人次"],
        ["效益指标", null],
        ["社会效益指标", null],
        ["技能提升率", "≥80%"],
      ]),
    );
    expect(t.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "培训人次"],
      ["效益指标", "社会效益指标", "技能提升率"],
    ]);
  });

  it("refuses a 自评表 and a sheet with no such header, saying why", () => {
    const self = readApprovedTargets(selfGrid());
    expect(self).toEqual({ ok: false, reason: expect.stringContaining("是自评表") });
    const other = readApprovedTargets(makeGrid("说明", [["填表说明"], ["本表按年度填写"]]));
    expect(other).toEqual({ ok: false, reason: expect.stringContaining("不是绩效目标表") });
  });

  it("never throws on malformed grids", () => {
    const bad = { name: "x", values: [null, [1, { a: 1 }], "row"], merges: [{ top: "a" }] } as never;
    expect(readApprovedTargets(bad).ok).toBe(false);
    expect(readApprovedTargets({ name: "e", values: [], merges: [] }).ok).toBe(false);
  });
});
