/**
 * Where the hosts keep document settings differently (the shared behaviour is in contract.test.ts):
 * Excel's Office settings and what happens when an Office has none or cannot save; WPS's custom
 * document properties, bound to the workbook the report came from.
 */
import type { Grid } from "../../src/engine/grid";
import { OfficeMockObject } from "office-addin-mock";
import { ExcelHost, officeExcelApi } from "../../src/hosts/excel";
import { HostError } from "../../src/hosts/host";
import { WpsHost } from "../../src/hosts/wps";
import { MockWorkbook } from "./excel-mock";
import { FakeEt } from "../fakes/et";

const S = "自评表";
const KEY = "ziping.explainedInReport";
const grid = (): Grid => ({
  name: S,
  values: [
    ["指标", "得分"],
    ["甲", 8],
  ],
  merges: [],
});

describe("Excel: Office.context.document.settings", () => {
  test("saved into the document by saveAsync: a new session on the same workbook reads it", async () => {
    const wb = new MockWorkbook([{ grid: grid() }]);
    const host = new ExcelHost(wb.excelApi());
    await host.setSetting!(KEY, '["a"]');
    expect(wb.savedSettings.get(KEY)).toBe(JSON.stringify('["a"]'));
    expect(await new ExcelHost(wb.excelApi()).getSetting!(KEY)).toBe('["a"]');
  });

  test("an Office without document settings gets no getSetting / setSetting (the pane says session only)", () => {
    const wb = new MockWorkbook([{ grid: grid() }], { documentSettings: false });
    const host = new ExcelHost(wb.excelApi());
    expect(host.getSetting).toBeUndefined();
    expect(host.setSetting).toBeUndefined();
  });

  test("a failed saveAsync rejects with data, and the session's copy is put back as it was", async () => {
    const wb = new MockWorkbook([{ grid: grid() }]);
    const host = new ExcelHost(wb.excelApi());
    await host.setSetting!(KEY, '["old"]');
    wb.settingsSaveFails = true;
    const e = await host.setSetting!(KEY, '["new"]').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect(e).toMatchObject({ reason: "failed", detail: "The document is read-only." });
    expect(await host.getSetting!(KEY)).toBe('["old"]');
    expect(wb.savedSettings.get(KEY)).toBe(JSON.stringify('["old"]'));
  });

  test("a setting someone else stored as a non-string reads as not set", async () => {
    const wb = new MockWorkbook([{ grid: grid() }]);
    wb.savedSettings.set(KEY, "42");
    expect(await new ExcelHost(wb.excelApi()).getSetting!(KEY)).toBeNull();
  });
});

describe("officeExcelApi: feature-detects Office.context.document.settings", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);
  const noop = () => undefined;

  test("an Office with get / set / remove / saveAsync hands them over", () => {
    g.Office = new OfficeMockObject({
      context: { document: { settings: { get: noop, set: noop, remove: noop, saveAsync: noop } } },
    });
    expect(officeExcelApi().documentSettings!()).not.toBeNull();
  });

  test.each([
    ["no document", { context: {} }],
    [
      "settings without saveAsync",
      { context: { document: { settings: { get: noop, set: noop, remove: noop } } } },
    ],
  ])("%s: none, so the host offers no settings", (_name, data) => {
    g.Office = new OfficeMockObject(data);
    expect(officeExcelApi().documentSettings!()).toBeNull();
    g.Office = undefined;
    expect(officeExcelApi().documentSettings!()).toBeNull();
  });
});

describe("WPS: the workbook's custom document properties", () => {
  test("a text property Excel and WPS show under 文件 → 属性 → 自定义; long values in ≤255-character parts", async () => {
    const et = new FakeEt([grid()]);
    const host = new WpsHost(et.app as never, () => 0);
    await host.read(S);
    await host.setSetting!(KEY, '["a"]');
    expect(et.documentProperties()).toEqual({ [KEY]: '["a"]' });
    const long = "说".repeat(300);
    await host.setSetting!(KEY, long);
    expect(et.documentProperties()).toEqual({ [KEY]: "说".repeat(255), [`${KEY}#2`]: "说".repeat(45) });
    await host.setSetting!(KEY, null);
    expect(et.documentProperties()).toEqual({});
  });

  test("a property of that name made by hand as a number is replaced by a text one", async () => {
    const et = new FakeEt([grid()]);
    et.addDocumentProperty(KEY, 1, 7);
    const host = new WpsHost(et.app as never, () => 0);
    await host.read(S);
    expect(await host.getSetting!(KEY)).toBe("7");
    await host.setSetting!(KEY, '["a"]');
    expect(et.documentProperties()).toEqual({ [KEY]: '["a"]' });
  });

  test("bound to the workbook the report came from, not the one in front; refused once it is closed", async () => {
    const a = new FakeEt([grid()], { workbookName: "甲单位.xlsx" });
    const b = new FakeEt([grid()], { workbookName: "乙单位.xlsx", joins: a });
    const host = new WpsHost(a.app as never, () => 0);
    await host.read(S);
    b.activateWorkbook();
    await host.setSetting!(KEY, '["甲"]');
    expect(a.documentProperties()).toEqual({ [KEY]: '["甲"]' });
    expect(b.documentProperties()).toEqual({});
    a.closeWorkbook();
    await expect(host.getSetting!(KEY)).rejects.toMatchObject({ reason: "no-workbook" });
    await expect(host.setSetting!(KEY, null)).rejects.toMatchObject({ reason: "no-workbook" });
    expect(b.documentProperties()).toEqual({});
  });
});
