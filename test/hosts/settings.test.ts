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

// Below ExcelApi 1.7 (no workbook.properties.custom) the marks stay in the document settings.
const OLD = { api: "1.6" };

describe("Excel below ExcelApi 1.7: Office.context.document.settings", () => {
  test("saved into the document by saveAsync: a new session on the same workbook reads it", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], OLD);
    const host = new ExcelHost(wb.excelApi());
    await host.setSetting!(KEY, '["a"]');
    expect(wb.savedSettings.get(KEY)).toBe(JSON.stringify('["a"]'));
    expect(await new ExcelHost(wb.excelApi()).getSetting!(KEY)).toBe('["a"]');
  });

  test("an Office without document settings gets no getSetting / setSetting (the pane says session only)", () => {
    const wb = new MockWorkbook([{ grid: grid() }], { ...OLD, documentSettings: false });
    const host = new ExcelHost(wb.excelApi());
    expect(host.getSetting).toBeUndefined();
    expect(host.setSetting).toBeUndefined();
  });

  test("a failed saveAsync rejects with data, and the session's copy is put back as it was", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], OLD);
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
    const wb = new MockWorkbook([{ grid: grid() }], OLD);
    wb.savedSettings.set(KEY, "42");
    expect(await new ExcelHost(wb.excelApi()).getSetting!(KEY)).toBeNull();
  });
});

describe("Excel from ExcelApi 1.7: the workbook's custom properties (workbook.properties.custom)", () => {
  const REVIEWED = "ziping.reviewed";
  const props = (wb: MockWorkbook) =>
    Object.fromEntries([...wb.customProperties.values()].map((p) => [p.key, p.value]));

  test("both kinds of mark are custom properties, seen by every session; document settings untouched", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.7" });
    const host = new ExcelHost(wb.excelApi());
    await host.setSetting!(KEY, '["自评表!EXEC_RATE_LOW@G9"]');
    await host.setSetting!(REVIEWED, '["自评表!SCORE_SUM@D12"]');
    expect(props(wb)).toEqual({
      [KEY]: '["自评表!EXEC_RATE_LOW@G9"]',
      [REVIEWED]: '["自评表!SCORE_SUM@D12"]',
    });
    expect(wb.savedSettings.size).toBe(0);
    const other = new ExcelHost(wb.excelApi());
    expect(await other.getSetting!(REVIEWED)).toBe('["自评表!SCORE_SUM@D12"]');
    await other.setSetting!(KEY, null);
    expect(props(wb)).toEqual({ [REVIEWED]: '["自评表!SCORE_SUM@D12"]' });
  });

  test("Excel trims a value to 255 characters, so a long one is split into parts and joined back whole", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.7" });
    const host = new ExcelHost(wb.excelApi());
    const long = JSON.stringify(
      Array.from({ length: 40 }, (_, i) => `第${i + 1}张表!EXEC_RATE_LOW@G${i + 9}`),
    );
    expect(long.length).toBeGreaterThan(2 * 255);
    await host.setSetting!(KEY, long);
    const parts = Object.entries(props(wb));
    expect(parts.length).toBe(Math.ceil(long.length / 255));
    expect(parts.map(([k]) => k)).toEqual(parts.map((_, i) => (i === 0 ? KEY : `${KEY}#${i + 1}`)));
    for (const [, v] of parts) expect(String(v).length).toBeLessThanOrEqual(255);
    expect(await new ExcelHost(wb.excelApi()).getSetting!(KEY)).toBe(long);
    await host.setSetting!(KEY, '["短"]'); // the stale tail parts are deleted
    expect(props(wb)).toEqual({ [KEY]: '["短"]' });
  });

  test("a surrogate pair is never cut between parts", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.7" });
    const host = new ExcelHost(wb.excelApi());
    const long = "a" + "𠀀".repeat(200); // 401 UTF-16 units; a cut at 255 would fall inside a pair
    await host.setSetting!(KEY, long);
    expect(await host.getSetting!(KEY)).toBe(long);
  });

  test("a mark kept in the old place (document settings) is read, and moved by the next write", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.7" });
    wb.savedSettings.set(KEY, JSON.stringify('["旧标记"]'));
    const host = new ExcelHost(wb.excelApi());
    expect(await host.getSetting!(KEY)).toBe('["旧标记"]');
    await host.setSetting!(KEY, '["旧标记","新标记"]');
    expect(props(wb)).toEqual({ [KEY]: '["旧标记","新标记"]' });
    expect(wb.savedSettings.has(KEY)).toBe(false);
    // Removing it now removes it: the old copy cannot come back.
    await host.setSetting!(KEY, null);
    expect(await new ExcelHost(wb.excelApi()).getSetting!(KEY)).toBeNull();
  });

  test("one sync to read, two to write; no saveAsync when there is no old copy", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.7", documentSettings: false });
    const host = new ExcelHost(wb.excelApi());
    await host.setSetting!(KEY, '["a"]');
    expect(wb.syncs).toBe(2);
    await host.getSetting!(KEY);
    expect(wb.syncs).toBe(3);
  });

  test("a mark set while the user types in a cell waits for them rather than being lost", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.7" });
    const host = new ExcelHost(wb.excelApi());
    wb.startEdit();
    const setting = host.setSetting!(KEY, '["a"]');
    await new Promise((r) => setTimeout(r, 5));
    expect(props(wb)).toEqual({});
    wb.endEdit();
    await setting;
    expect(props(wb)).toEqual({ [KEY]: '["a"]' });
  });

  test("a failed write rejects with data", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.7" });
    const host = new ExcelHost(wb.excelApi());
    const e = await host.setSetting!("k".repeat(300), "v").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect(e).toMatchObject({ during: "apply", reason: "failed" });
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
