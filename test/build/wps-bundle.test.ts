/**
 * The WPS add-in's webpack build: the config, and the built main.js (ES2017) putting working ribbon
 * callbacks on window as WPS loads it. Runs webpack, so it belongs to `npm run test:e2e`, not the unit loop.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { FakeEt } from "../fakes/et";
import { gridFromRows } from "../../src/engine/grid";

const wpsConfig = require("../../packaging/wps/webpack.config.js");

const BASE = "http://10.0.0.5/ziping/";

describe("webpack build", () => {
  test("config: ES2017 target, dist/wps, pane URL from ZIPING_BASE_URL", () => {
    const config = wpsConfig({ ZIPING_BASE_URL: BASE }, { mode: "production" });
    expect(config.target).toEqual(["web", "es2017"]);
    expect(config.output.path).toBe(path.resolve(__dirname, "../../dist/wps"));
    expect(config.entry).toEqual({ main: "./src/wps-addin/main.ts" });
    const define = config.plugins.find((p: any) => p.definitions);
    expect(define.definitions.__ZIPING_PANE_URL__).toBe(JSON.stringify(BASE + "wps/pane/taskpane-wps.html"));
  });

  test("the built main.js runs as WPS would load it and the button opens the pane", async () => {
    const webpack = require("webpack");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-wps-"));
    const config = wpsConfig({ ZIPING_BASE_URL: BASE }, { mode: "production" });
    config.output.path = out;
    const stats: any = await new Promise((resolve, reject) =>
      webpack(config, (err: Error | null, s: any) => (err ? reject(err) : resolve(s))),
    );
    expect(stats.hasErrors()).toBe(false);
    for (const f of [
      "main.js",
      "index.html",
      "ribbon.xml",
      "publish.html",
      "publish.xml",
      "jsplugins.xml",
      "manifest.xml",
      "images/icon-32.png",
    ])
      expect([f, fs.existsSync(path.join(out, f))]).toEqual([f, true]);
    const main = fs.readFileSync(path.join(out, "main.js"), "utf8");
    expect(main).not.toMatch(/\?\.|\?\?/); // no ES2020 syntax for the embedded Chromium
    expect(main).not.toContain("randomUUID");

    const et = new FakeEt([gridFromRows("自评表", [["x"]])]);
    const win: any = {
      Application: et.app,
      location: { href: BASE + "wps/index.html" },
      alert: () => undefined,
    };
    win.window = win;
    vm.runInNewContext(main, { window: win, URL, alert: win.alert });
    for (const name of ["OnAddinLoad", "OnAction", "GetImage", "OnGetEnabled"])
      expect(typeof win[name]).toBe("function");
    win.OnAction({ Id: "zipingTogglePane" });
    expect(et.panes()[0]._url).toBe(BASE + "wps/pane/taskpane-wps.html");
    expect(et.panes()[0].Visible).toBe(true);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
