/**
 * Host detection (WPS first, then Office, else memory) and the command page, with fake globals.
 */
import { detectHost } from "../../src/hosts/detect";
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
      detectHost({ win: { Office: { onReady: () => new Promise(() => undefined) } }, timeoutMs: 20 }),
    ).rejects.toThrow(/没有就绪/);
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
    await expect(detectHost({ win: { Office: excelOffice("Excel", false) } })).rejects.toThrow("Excel 2016");
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
