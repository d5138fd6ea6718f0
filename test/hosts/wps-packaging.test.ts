/**
 * The WPS add-in package: templates filled for the base URL, ribbon.xml as WPS wants it, and the
 * built main.js (ES2017) putting working ribbon callbacks on window.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { FakeEt } from "../fakes/et";
import { gridFromRows } from "../../src/engine/grid";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderWpsFiles, baseUrlFrom } = require("../../packaging/wps/render");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wpsConfig = require("../../packaging/wps/webpack.config.js");

const BASE = "http://10.0.0.5/ziping/";

describe("templates", () => {
  const files: Record<string, string> = renderWpsFiles({ baseUrl: BASE, version: "1.2.3" });

  test("ribbon.xml: CustomUI without an XML declaration, its own tab, callbacks by name", () => {
    const ribbon = files["ribbon.xml"];
    expect(ribbon.trimStart().startsWith("<customUI")).toBe(true);
    expect(ribbon).not.toContain("<?xml");
    expect(ribbon).toContain('xmlns="http://schemas.microsoft.com/office/2006/01/customui"');
    expect(ribbon).toContain('onLoad="OnAddinLoad"');
    expect(ribbon).toMatch(/<tab id="zipingTab" label="自评表校验">/);
    expect(ribbon.replace(/\s+/g, " ")).toMatch(
      /<button id="zipingTogglePane"[^>]*onAction="OnAction"[^>]*getImage="GetImage"[^>]*getEnabled="OnGetEnabled"/,
    );
    // Well-formed enough: every opened element is closed.
    const opened = (ribbon.match(/<(customUI|ribbon|tabs|tab|group)\b/g) ?? []).length;
    const closed = (ribbon.match(/<\/(customUI|ribbon|tabs|tab|group)>/g) ?? []).length;
    expect(opened).toBe(closed);
  });

  test("install files point at the add-in folder under the base URL", () => {
    const addon = BASE + "wps/";
    expect(files["jsplugins.xml"]).toContain(
      `<jspluginonline name="ziping" type="et" url="${addon}" version="1.2.3"/>`,
    );
    expect(files["publish.xml"]).toContain(`url="${addon}"`);
    expect(files["publish.html"]).toContain(`url: "${addon}"`);
    expect(files["publish.html"]).toContain("http://127.0.0.1:58890");
    expect(files["oem.ini.example"]).toContain(`JSPluginsServer=${addon}jsplugins.xml`);
    expect(files["oem.ini.example"]).toContain("JsApiPlugin=true");
    expect(files["index.html"]).toContain('<script src="main.js"></script>');
    for (const [name, text] of Object.entries(files))
      expect([name, /\{\{\w+\}\}/.test(text)]).toEqual([name, false]);
  });

  test("the base URL is checked and given a trailing slash", () => {
    expect(baseUrlFrom({ ZIPING_BASE_URL: "https://a.example/z" }, {})).toBe("https://a.example/z/");
    expect(baseUrlFrom({}, { ZIPING_BASE_URL: "http://b/" })).toBe("http://b/");
    expect(() => baseUrlFrom({ ZIPING_BASE_URL: "ftp://x" }, {})).toThrow("ZIPING_BASE_URL");
    expect(() => baseUrlFrom({ ZIPING_BASE_URL: 'http://x/"><script>' }, {})).toThrow("ZIPING_BASE_URL");
  });
});

describe("webpack build", () => {
  test("config: ES2017 target, dist/wps, pane URL from ZIPING_BASE_URL", () => {
    const config = wpsConfig({ ZIPING_BASE_URL: BASE }, { mode: "production" });
    expect(config.target).toEqual(["web", "es2017"]);
    expect(config.output.path).toBe(path.resolve(__dirname, "../../dist/wps"));
    expect(config.entry).toEqual({ main: "./src/wps-addin/main.ts" });
    const define = config.plugins.find((p: any) => p.definitions);
    expect(define.definitions.__ZIPING_PANE_URL__).toBe(JSON.stringify(BASE + "taskpane-wps.html"));
  });

  test("the built main.js runs as WPS would load it and the button opens the pane", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
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
    expect(et.panes()[0]._url).toBe(BASE + "taskpane-wps.html");
    expect(et.panes()[0].Visible).toBe(true);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
