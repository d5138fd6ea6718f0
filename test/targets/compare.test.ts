import { compareWithApproved, readApprovedTargets, type ApprovedTable } from "../../src/engine/targets";
import {
  approvedGrid,
  APPROVED_ROWS,
  SELF_ROWS,
  selfTable,
  type ApprovedRow,
  type SelfRow,
} from "./builders";

function approved(rows: ApprovedRow[] = APPROVED_ROWS, weights = false): ApprovedTable {
  const r = readApprovedTargets(approvedGrid(rows, { weights }));
  if (!r.ok) throw new Error(r.reason);
  return r.tables[0];
}

const withRow = (k: number, row: SelfRow, rows: SelfRow[] = SELF_ROWS) =>
  rows.map((r, i) => (i === k ? row : r));
const codes = (fs: { code: string; cell: string }[]) => fs.map((f) => `${f.code}@${f.cell}`);

describe("compareWithApproved", () => {
  it("finds nothing when the 自评表 keeps the approved targets, however written", () => {
    const rows = withRow(0, [
      "产出指标(50分)",
      "数量指标",
      "建成高标准农田面积",
      "≧ 1,000 亩",
      "1000亩",
      20,
      20,
    ]);
    const c = compareWithApproved(selfTable(rows), approved());
    expect(c.findings).toEqual([]);
    expect(c.notes).toEqual([]);
  });

  it("TARGET_CHANGED names both targets, at the 自评表's target cell, with data", () => {
    const rows = withRow(1, [null, null, "受益农户", "≥600户", "620户", 10, 10]);
    const c = compareWithApproved(selfTable(rows), approved());
    expect(codes(c.findings)).toEqual(["TARGET_CHANGED@E13"]);
    const f = c.findings[0];
    expect(f.severity).toBe("error");
    expect(f.row).toBe(13);
    expect(f.data).toEqual({
      indicator: "受益农户",
      approved: "≥800户",
      approvedCell: "E9",
      approvedSheet: "申报表",
      current: "≥600户",
      change: "value",
      match: { by: "name", otherName: "受益农户", similarity: 1 },
    });
    expect(f.message).toContain("≥800户");
    expect(f.message).toContain("≥600户");
    expect(f.messageEn).toContain("≥800户 approved");
  });

  it("INDICATOR_MISSING points at the category in the 自评表; INDICATOR_ADDED at the new row's name", () => {
    const rows = withRow(3, [null, "时效指标", "资金拨付及时率", "100%", "100%", 10, 10]);
    const c = compareWithApproved(selfTable(rows), approved());
    expect(codes(c.findings)).toEqual(["INDICATOR_MISSING@C15", "INDICATOR_ADDED@D15"]);
    expect(c.findings[0].data).toMatchObject({
      indicator: "完成及时率",
      category: "时效指标",
      approvedTarget: "≥95%",
    });
    expect(c.findings[1].severity).toBe("warning");
    expect(c.findings[1].data).toEqual({ indicator: "资金拨付及时率", category: "时效指标", target: "100%" });
  });

  it("a missing indicator whose 二级 is gone points at its 一级 label", () => {
    const rows = withRow(4, ["效益指标(30分)", "经济效益指标", "带动就业人数", "≥50人", "60人", 30, 30]);
    const c = compareWithApproved(selfTable(rows), approved());
    expect(codes(c.findings)).toEqual(["INDICATOR_MISSING@B16", "INDICATOR_ADDED@D16"]);
  });

  it("pairs an edited name by position, says so in the message and notes, and still compares targets", () => {
    const rows = withRow(0, ["产出指标(50分)", "数量指标", "新建高标准农田面积", "≥900亩", "950亩", 20, 20]);
    const c = compareWithApproved(selfTable(rows), approved());
    expect(codes(c.findings)).toEqual(["TARGET_CHANGED@E12"]);
    expect(c.findings[0].data).toMatchObject({ match: { by: "position", otherName: "建成高标准农田面积" } });
    expect(c.findings[0].message).toContain("按位置和相似度对应");
    expect(c.notes).toEqual([
      expect.stringContaining("“新建高标准农田面积”（D12）与申报表的“建成高标准农田面积”"),
    ]);
  });

  it("WEIGHT_CHANGED only when the 申报表 has 分值, naming both", () => {
    const weighted = APPROVED_ROWS.map(([a, b, c, d], k): ApprovedRow => [
      a,
      b,
      c,
      d,
      k === 0 ? 25 : k === 1 ? 5 : k === 4 ? 30 : 10,
    ]);
    const c = compareWithApproved(selfTable(), approved(weighted, true));
    expect(codes(c.findings)).toEqual(["WEIGHT_CHANGED@G12", "WEIGHT_CHANGED@G13"]);
    expect(c.findings[0].data).toMatchObject({ approved: 25, current: 20 });
    expect(c.findings[0].severity).toBe("warning");
    expect(compareWithApproved(selfTable(), approved()).findings).toEqual([]);
  });

  it("a quantified target reported as words is a change; rephrased words are not", () => {
    const rows = withRow(5, ["满意度指标(10分)", "服务对象满意度指标", "农户满意度", "较高", "满意", 10, 10]);
    const c = compareWithApproved(selfTable(rows), approved());
    expect(c.findings.map((f) => [f.code, f.data])).toEqual([
      ["TARGET_CHANGED", expect.objectContaining({ change: "kind", approved: "≥90%", current: "较高" })],
    ]);
    const words = APPROVED_ROWS.map((r, k): ApprovedRow => (k === 5 ? [r[0], r[1], r[2], "满意度较高"] : r));
    expect(compareWithApproved(selfTable(rows), approved(words)).findings).toEqual([]);
  });

  it("leaves 预算执行率 rows alone: the 申报表 never lists them", () => {
    const rows: SelfRow[] = [...SELF_ROWS, [null, "经济效益指标", "预算执行率", "100%", "90%", 0, 0]];
    expect(compareWithApproved(selfTable(rows), approved()).findings).toEqual([]);
  });
});
