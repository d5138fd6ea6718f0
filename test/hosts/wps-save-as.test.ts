/**
 * WPS binds to a workbook's FullName, which Save As and the first save of a new workbook change.
 * The host follows its workbook through WorkbookAfterSave (the shared behaviour is in
 * contract.test.ts, "Save As"); here, what only WPS has: a new unsaved workbook, and a Save As of
 * some other workbook, which must not move the binding.
 */
import type { Grid } from "../../src/engine/grid";
import { WpsHost } from "../../src/hosts/wps";
import { FakeEt } from "../fakes/et";

const S = "自评表";
const grid = (): Grid => ({
  name: S,
  values: [
    ["指标", "得分", "说明"],
    ["甲", 8, null],
  ],
  merges: [],
});
const note = (text: string) => [
  { kind: "value" as const, cell: "C2", value: text, purpose: "explanation" as const },
];

describe("WPS after Save As", () => {
  test("a new workbook (FullName = 工作簿1) saved for the first time stays bound", async () => {
    const et = new FakeEt([grid()], { workbookName: "工作簿1", unsaved: true });
    const host = new WpsHost(et.app as never, () => 0);
    await host.read(S);
    const res = await host.apply(S, note("保存前"));
    if (!res.ok) throw new Error(res.reason);
    et.saveAs("C:\\Users\\fake\\自评表.xlsx");
    expect(await host.apply(S, note("保存后"))).toMatchObject({ ok: true });
    expect(et.cell(S, "C2").value).toBe("保存后");
    await host.setSetting("ziping.reviewed", '["x"]');
    expect(et.documentProperties()).toEqual({ "ziping.reviewed": '["x"]' });
  });

  test("Save As of another open workbook does not move the binding", async () => {
    const a = new FakeEt([grid()], { workbookName: "甲单位.xlsx" });
    const b = new FakeEt([grid()], { workbookName: "乙单位.xlsx", joins: a });
    const host = new WpsHost(a.app as never, () => 0);
    await host.read(S);
    b.saveAs("D:\\归档\\乙单位-定稿.xlsx");
    expect(await host.apply(S, note("甲的说明"))).toMatchObject({ ok: true });
    expect(a.cell(S, "C2").value).toBe("甲的说明");
    expect(b.cell(S, "C2").value).toBeNull();
  });

  test("a workbook closed, not renamed, is still refused as closed after another is saved", async () => {
    const a = new FakeEt([grid()], { workbookName: "甲单位.xlsx" });
    const b = new FakeEt([grid()], { workbookName: "乙单位.xlsx", joins: a });
    const host = new WpsHost(a.app as never, () => 0);
    await host.read(S);
    a.closeWorkbook();
    b.saveAs("D:\\归档\\乙单位-定稿.xlsx"); // 乙 is saved while 甲 is gone: it is not 甲
    expect(await host.apply(S, note("x"))).toMatchObject({ ok: false, reason: "no-workbook" });
    expect(b.cell(S, "C2").value).toBeNull();
  });
});
