/**
 * The WPS add-in package: templates filled for the base URL and ribbon.xml as WPS wants it (the built
 * main.js is tested in test/build/wps-bundle.test.ts, which runs webpack).
 */

import * as fs from "fs";
import * as path from "path";

const { renderWpsFiles, baseUrlFrom } = require("../../packaging/wps/render");

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

  test("one name for the action: the WPS button says what the Excel ribbon button says, zh and en", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
    const label =
      /<bt:String id="CheckButton.Label" DefaultValue="([^"]+)">\s*<bt:Override Locale="zh-CN" Value="([^"]+)"/.exec(
        manifest,
      );
    expect(label?.slice(1)).toEqual(["Check table", "校验自评表"]);
    const button = /<button id="zipingTogglePane"[^>]*>/.exec(files["ribbon.xml"].replace(/\s+/g, " "))![0];
    expect(button).toContain('label="校验自评表"');
    expect(button).toContain('screentip="校验自评表（Check table）"');
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
