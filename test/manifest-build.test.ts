/**
 * What `npm run build` does to the manifest and the pages, through the same functions webpack.config.js
 * uses (the full webpack build is too slow for the unit suite; docs/excel-addin.md shows it run).
 */
import * as fs from "fs";
import * as path from "path";

const config = require("../webpack.config.js") as {
  rewriteManifest(xml: string, base: string): string;
  baseUrlFrom(env?: Record<string, unknown>, warn?: (m: string) => void): string;
  officeJsHtml(html: string, src: string): string;
  withoutOfficeJs(html: string): string;
  DEV_BASE_URL: string;
  CDN_OFFICE_JS: string;
};

const ROOT = path.resolve(__dirname, "..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("deployment base URL", () => {
  const saved = process.env.ZIPING_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ZIPING_BASE_URL;
    else process.env.ZIPING_BASE_URL = saved;
  });

  test("defaults to the dev server and always ends in a slash", () => {
    delete process.env.ZIPING_BASE_URL;
    expect(config.baseUrlFrom()).toBe("https://localhost:3000/");
    process.env.ZIPING_BASE_URL = "https://addins.example.gov.cn/ziping";
    expect(config.baseUrlFrom()).toBe("https://addins.example.gov.cn/ziping/");
    delete process.env.ZIPING_BASE_URL;
    expect(config.baseUrlFrom({ baseUrl: "https://intranet:8443/a/" })).toBe("https://intranet:8443/a/");
  });

  test("refuses non-URLs and characters that would break the XML, with a message that says why", () => {
    process.env.ZIPING_BASE_URL = "addins";
    expect(() => config.baseUrlFrom()).toThrow(/not a URL/);
    process.env.ZIPING_BASE_URL = "https://a.example/?x=1&y=2";
    expect(() => config.baseUrlFrom()).toThrow(/must not contain/);
    process.env.ZIPING_BASE_URL = "ftp://a.example/";
    expect(() => config.baseUrlFrom()).toThrow(/https/);
  });

  test("http builds (WPS accepts it) but warns that Excel will not load the manifest", () => {
    process.env.ZIPING_BASE_URL = "http://intranet.example/ziping";
    const warnings: string[] = [];
    expect(config.baseUrlFrom({}, (m) => warnings.push(m))).toBe("http://intranet.example/ziping/");
    expect(warnings.join("")).toMatch(/only over https/);
  });

  test("every dev URL in the manifest moves to the base URL, nothing else changes", () => {
    const out = config.rewriteManifest(manifest, "https://addins.example.gov.cn/ziping/");
    expect(out).not.toContain("https://localhost");
    expect(out).toContain('DefaultValue="https://addins.example.gov.cn/ziping/taskpane.html"');
    expect(out).toContain('DefaultValue="https://addins.example.gov.cn/ziping/assets/icons/icon-80.png"');
    const count = (s: string, sub: string) => s.split(sub).length - 1;
    expect(count(out, "https://addins.example.gov.cn/ziping/")).toBe(count(manifest, config.DEV_BASE_URL));
    expect(out.replace(/https:\/\/addins\.example\.gov\.cn\/ziping\//g, "")).toBe(
      manifest.replace(/https:\/\/localhost:3000\//g, ""),
    );
  });
});

describe("office.js source", () => {
  const page = fs.readFileSync(path.join(ROOT, "src/commands/commands.html"), "utf8");

  test("the pages load office.js from Microsoft's CDN by default", () => {
    expect(page).toContain(config.CDN_OFFICE_JS);
  });

  test("bundled: the CDN script is pointed at the local copy", () => {
    const out = config.officeJsHtml(page, "office-js/office.js");
    expect(out).not.toContain("appsforoffice.microsoft.com");
    expect(out).toContain('<script src="office-js/office.js"></script>');
  });

  test("a page without office.js gets one in <head>; one that has a local copy is left alone", () => {
    const out = config.officeJsHtml(
      "<html><head><title>x</title></head><body></body></html>",
      "office-js/office.js",
    );
    expect(out).toMatch(/<script src="office-js\/office.js"><\/script>\s*<\/head>/);
    const local = '<head><script src="lib/office.js"></script></head>';
    expect(config.officeJsHtml(local, "office-js/office.js")).toBe(local);
  });
});

describe("the WPS pane page", () => {
  test("is the task pane without office.js: WPS runs none, and an intranet cannot reach the CDN", () => {
    const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    expect(html).toContain(config.CDN_OFFICE_JS);
    const wps = config.withoutOfficeJs(html);
    expect(wps).not.toMatch(/office\.js/);
    expect(wps).toContain('<div id="root">');
  });
});
