/**
 * Host detection (WPS first, then Office, else memory) and the command page, with fake globals.
 */
import { detectHost } from "../../src/hosts/detect";
import { hostErrorText } from "../../src/taskpane/host-error-text";
import { FakeEt } from "../fakes/et";
import { gridFromRows } from "../../src/engine/grid";

const fail = (p: Promise<unknown>) =>
  p.then(
    () => new Error("resolved"),
    (e: unknown) => e,
  );
import { registerCommands, showPane } from "../../src/commands/commands";

const excelOffice = (host: string | null, supported = true) => ({
  onReady: () => Promise.resolve({ host, platform: host ? "PC" : null }),
  context: { requirements: { isSetSupported: (name: string) => supported && name === "ExcelApi" } },
});

describe("detectHost", () => {
  test("no office.js at all (plain browser, blocked CDN): the fallback host", async () => {
    const h = await detectHost({ win: {} });
    expect(h.kind).toBe("memory");
  });

  test("office.js outside Office (onReady reports no host): the fallback", async () => {
    const mine = { kind: "memory" } as never;
    expect(await detectHost({ win: { Office: excelOffice(null) }, fallback: () => mine })).toBe(mine);
  });

  test("Office.onReady that never answers: a clear error, not an empty demo workbook posing as Excel", async () => {
    await expect(
      detectHost({
        win: { Office: { onReady: () => new Promise(() => undefined) } },
        timeoutMs: 20000,
        // No waiting: the timer fires at once, as 20 s of silence would.
        timer: (_ms, fire) => {
          fire();
          return () => undefined;
        },
      }),
    ).rejects.toMatchObject({ reason: "office-timeout", detail: "20" });
  });

  test("Word or PowerPoint: not ours, the fallback", async () => {
    expect((await detectHost({ win: { Office: excelOffice("Word"), Excel: {} } })).kind).toBe("memory");
  });

  test("Excel: the Excel host, with capabilities read from the requirement sets", async () => {
    const saved = (globalThis as Record<string, unknown>).Office;
    (globalThis as Record<string, unknown>).Office = excelOffice("Excel");
    try {
      const h = await detectHost({ win: { Office: excelOffice("Excel"), Excel: {} } });
      expect(h.kind).toBe("excel");
      expect(h.capabilities.mergedAreas).toBe(true);
    } finally {
      (globalThis as Record<string, unknown>).Office = saved;
    }
  });

  test("Excel 2013 (no ExcelApi): a clear Chinese error instead of a broken pane", async () => {
    const e = await fail(detectHost({ win: { Office: excelOffice("Excel", false) } }));
    expect(e).toMatchObject({ reason: "unsupported-excel" });
    expect(hostErrorText(e, "zh")).toContain("Microsoft 365、Office 2021");
    expect(hostErrorText(e, "zh")).not.toContain("2016");
  });

  test("opened by Excel (_host_Info in the address) but office.js blocked: an error naming office.js, never an empty Sheet1", async () => {
    const win = { location: { search: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0", hash: "" } };
    const e = await fail(detectHost({ win }));
    expect(e).toMatchObject({ reason: "no-office-js" });
    expect(hostErrorText(e, "zh")).toContain("office.js");
    expect(hostErrorText(e, "zh")).toContain("ZIPING_OFFICE_JS=bundled");
    expect(hostErrorText(e, "en")).toContain("office.js");
    // The same page in a plain browser is the demo, as before.
    expect((await detectHost({ win: { location: { search: "", hash: "" } } })).kind).toBe("memory");
  });

  test("the WPS pane page outside WPS says WPS was not detected, never the demo host", async () => {
    const e = await fail(detectHost({ win: {}, wpsPage: true }));
    expect(e).toMatchObject({ reason: "no-wps" });
    expect(hostErrorText(e, "zh")).toContain("未检测到 WPS");
  });

  test("older WPS: only wps.EtApplication() on the window is found, and it reads", async () => {
    const et = new FakeEt([gridFromRows("自评表", [["指标", "得分"]])]);
    const h = await detectHost({ win: et.legacyWindow(), wpsPage: true });
    expect(h.kind).toBe("wps");
    expect((await h.read()).grid.values[0]).toEqual(["指标", "得分"]);
  });

  test("WPS comes first, even when office.js is also on the page", async () => {
    const app = { ActiveWorkbook: {}, Worksheets: {}, ActiveSheet: {} };
    const h = await detectHost({ win: { Application: app, Office: excelOffice(null) } });
    expect(h.kind).toBe("wps");
  });
});

describe("command page", () => {
  test("showPane always completes the command; it opens the pane only with a shared runtime", async () => {
    const opened: string[] = [];
    const completed: string[] = [];
    const saved = (globalThis as Record<string, unknown>).Office;
    (globalThis as Record<string, unknown>).Office = {
      context: { requirements: { isSetSupported: (n: string) => n === "SharedRuntime" } },
      addin: { showAsTaskpane: () => (opened.push("pane"), Promise.resolve()) },
    };
    try {
      showPane({ completed: () => completed.push("done") });
      expect(opened).toEqual(["pane"]);
      (globalThis as Record<string, unknown>).Office = {
        context: { requirements: { isSetSupported: () => false } },
      };
      showPane({ completed: () => completed.push("done") });
      expect(opened).toEqual(["pane"]);
      expect(completed).toEqual(["done", "done"]);
    } finally {
      (globalThis as Record<string, unknown>).Office = saved;
    }
  });

  test("registerCommands associates showPane once Office is ready, and is a no-op without Office", async () => {
    const associated: string[] = [];
    const office = {
      onReady: (cb: () => void) => Promise.resolve().then(cb),
      actions: { associate: (id: string) => associated.push(id) },
    };
    registerCommands(office as never);
    await Promise.resolve();
    await Promise.resolve();
    expect(associated).toEqual(["showPane"]);
    expect(() => registerCommands(undefined)).not.toThrow();
  });
});
