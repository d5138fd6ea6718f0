/**
 * The ribbon callbacks of the WPS add-in against the fake ET Application: plain (non-async)
 * functions, and the button toggles one task pane whose ID is kept in PluginStorage.
 */
import { FakeEt } from "../fakes/et";
import { gridFromRows } from "../../src/engine/grid";
import {
  createRibbonCallbacks,
  paneUrlFor,
  PANE_ID_KEY,
  PANE_PATH,
  ribbonAppFrom,
  TOGGLE_BUTTON_ID,
  togglePane,
} from "../../src/wps-addin/ribbon";
import type { RibbonApp } from "../../src/wps-addin/ribbon";

const URL = "http://10.0.0.5/ziping/taskpane.html";

function setup() {
  const et = new FakeEt([gridFromRows("自评表", [["x"]])]);
  const cb = createRibbonCallbacks(() => et.app as any, URL);
  return { et, cb };
}

test("callbacks are plain functions returning plain values (WPS does not await)", () => {
  const { cb } = setup();
  for (const name of ["OnAddinLoad", "OnAction", "GetImage", "GetLabel", "OnGetEnabled"] as const) {
    expect(typeof cb[name]).toBe("function");
    expect(cb[name].constructor.name).toBe("Function");
  }
  expect(cb.OnAddinLoad({})).toBe(true);
  expect(cb.OnGetEnabled({ Id: TOGGLE_BUTTON_ID })).toBe(true);
  expect(cb.GetImage({ Id: TOGGLE_BUTTON_ID })).toBe("images/icon-32.png");
  expect(cb.GetLabel({ Id: TOGGLE_BUTTON_ID })).toBe("校验自评表");
});

test("the button creates the pane once, keeps its ID in PluginStorage, then toggles it", () => {
  const { et, cb } = setup();
  expect(cb.OnAction({ Id: TOGGLE_BUTTON_ID })).toBe(true);
  expect(et.panes()).toHaveLength(1);
  const pane = et.panes()[0];
  expect(pane._url).toBe(URL);
  expect(pane.Visible).toBe(true);
  expect((et.app as any).PluginStorage.getItem(PANE_ID_KEY)).toBe(String(pane.ID));
  cb.OnAction({ Id: TOGGLE_BUTTON_ID });
  expect(pane.Visible).toBe(false);
  cb.OnAction({ Id: TOGGLE_BUTTON_ID });
  expect(pane.Visible).toBe(true);
  expect(et.panes()).toHaveLength(1);
});

test("a pane WPS no longer knows is created again", () => {
  const { et } = setup();
  const app = et.app as any;
  togglePane(app, URL);
  et.panes()[0].Delete();
  const again = togglePane(app, URL);
  expect(again.ID).toBe(2);
  expect(app.PluginStorage.getItem(PANE_ID_KEY)).toBe("2");
});

test("other controls and a missing Application do nothing harmful", () => {
  const { et, cb } = setup();
  expect(cb.OnAction({ Id: "other" })).toBe(true);
  expect(et.panes()).toHaveLength(0);
  const alerts: string[] = [];
  (global as any).alert = (m: string) => alerts.push(m);
  const none = createRibbonCallbacks(() => undefined, URL);
  expect(none.OnAction({ Id: TOGGLE_BUTTON_ID })).toBe(true);
  expect(alerts[0]).toContain("WPS");
});

test("the pane URL comes from the page's own address (a redeploy needs no rebuild), else from the build", () => {
  expect(paneUrlFor(URL, "http://moved.example/新/ziping/wps/index.html")).toBe(
    "http://moved.example/%E6%96%B0/ziping/wps/pane/taskpane-wps.html",
  );
  expect(paneUrlFor("", "http://intranet/ziping/wps/index.html")).toBe(
    "http://intranet/ziping/wps/pane/taskpane-wps.html",
  );
  expect(paneUrlFor(URL, "about:blank")).toBe(URL);
  expect(paneUrlFor("", "not a url")).toBe(PANE_PATH);
});

describe("issue 19: the pane resolved against the ribbon page, inside the add-in folder", () => {
  test.each([
    [
      "offline package in jsaddons (Windows)",
      "file:///C:/Users/clerk/AppData/Roaming/kingsoft/wps/jsaddons/ziping_1.0.0/ribbon.html",
      "file:///C:/Users/clerk/AppData/Roaming/kingsoft/wps/jsaddons/ziping_1.0.0/pane/taskpane-wps.html",
    ],
    [
      "offline package in jsaddons (Linux, a user name in Chinese)",
      "file:///home/张三/.local/share/Kingsoft/wps/jsaddons/ziping_1.0.0/index.html",
      "file:///home/%E5%BC%A0%E4%B8%89/.local/share/Kingsoft/wps/jsaddons/ziping_1.0.0/pane/taskpane-wps.html",
    ],
    [
      "wpsjs debug server at the root",
      "http://127.0.0.1:3889/ribbon.html",
      "http://127.0.0.1:3889/pane/taskpane-wps.html",
    ],
    [
      "online, the add-in in a sub-folder of the site",
      "https://intranet.example.gov.cn/apps/ziping/wps/index.html?v=1.0.0#x",
      "https://intranet.example.gov.cn/apps/ziping/wps/pane/taskpane-wps.html",
    ],
    [
      "the add-in address given without index.html (a folder, ending in /)",
      "http://10.0.0.5/ziping/wps/",
      "http://10.0.0.5/ziping/wps/pane/taskpane-wps.html",
    ],
  ])("%s", (_name, page, pane) => {
    expect(paneUrlFor("https://build.example/ziping/wps/pane/taskpane-wps.html", page)).toBe(pane);
  });

  test("the button opens the pane at that address, through the fake ET", () => {
    const et = new FakeEt([gridFromRows("自评表", [["x"]])]);
    const page = "file:///C:/Users/clerk/AppData/Roaming/kingsoft/wps/jsaddons/ziping_1.0.0/index.html";
    const cb = createRibbonCallbacks(() => et.app as unknown as RibbonApp, paneUrlFor("", page));
    cb.OnAction({ Id: TOGGLE_BUTTON_ID });
    expect(et.panes()[0]._url).toBe(
      "file:///C:/Users/clerk/AppData/Roaming/kingsoft/wps/jsaddons/ziping_1.0.0/pane/taskpane-wps.html",
    );
  });
});

test("older WPS: the ribbon opens the pane through the global wps object", () => {
  const et = new FakeEt([gridFromRows("自评表", [["x"]])]);
  const legacy = et.legacyWindow() as unknown as Record<string, unknown>;
  // Older releases also carry PluginStorage and GetTaskPane on wps.
  const app = et.app as any;
  Object.assign(legacy.wps as object, {
    PluginStorage: app.PluginStorage,
    GetTaskPane: (id: number) => app.GetTaskPane(id),
  });
  const found = ribbonAppFrom(legacy);
  expect(found).toBe(legacy.wps);
  const cb = createRibbonCallbacks(() => ribbonAppFrom(legacy), URL);
  cb.OnAction({ Id: TOGGLE_BUTTON_ID });
  expect(et.panes()).toHaveLength(1);
  expect(et.panes()[0].Visible).toBe(true);
  cb.OnAction({ Id: TOGGLE_BUTTON_ID });
  expect(et.panes()[0].Visible).toBe(false);
  expect(ribbonAppFrom({})).toBeUndefined();
  expect(ribbonAppFrom({ Application: et.app })).toBe(et.app);
});
