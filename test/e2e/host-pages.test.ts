/**
 * The built pane pages in Chromium, where the mocks cannot tell: inside Excel with office.js
 * unreachable, under IE11's documentMode, the WPS pane page outside WPS, and the WPS add-in folder
 * loaded from file:// as an offline package is. Builds the add-in and the WPS add-in (development
 * mode, into dist/) once, serves dist/ on a free port, and blocks Microsoft's CDN.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import http from "http";
import path from "path";
import type { Browser } from "playwright-core";
import { ROOT, describeBrowser, launch } from "./browser";

const DIST = path.join(ROOT, "dist");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript" };

function serveDist(): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, server });
    }),
  );
}

jest.setTimeout(240_000);

describeBrowser("host pages (built pane in Chromium)", () => {
  let browser: Browser;
  let base: { url: string; server: http.Server };

  beforeAll(async () => {
    execFileSync("npx", ["webpack", "--mode", "development", "--env", "only=addin,wps"], {
      cwd: ROOT,
      stdio: "ignore",
    });
    base = await serveDist();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => base?.server.close(() => r(undefined)));
  });

  async function open(page: string, init?: string, userAgent?: string): Promise<string> {
    const context = await browser.newContext(userAgent ? { userAgent } : {});
    // An intranet that cannot reach Microsoft's CDN.
    await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    const p = await context.newPage();
    if (init) await p.addInitScript(init);
    await p.goto(base.url + page);
    await p.waitForFunction(
      () => !/正在加载/.test(document.getElementById("root")?.textContent ?? "正在加载"),
      null,
      {
        timeout: 30_000,
      },
    );
    const text = (await p.textContent("#root")) ?? "";
    await context.close();
    return text;
  }

  test("inside Excel with office.js unreachable: an error naming office.js, not an empty Sheet1", async () => {
    const text = await open("taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0");
    expect(text).toContain("office.js");
    expect(text).toContain("ZIPING_OFFICE_JS=bundled");
    expect(text).not.toContain("Sheet1");
  });

  test("IE11 (documentMode 11): the guard says which Office versions work", async () => {
    const text = await open(
      "taskpane.html",
      "Object.defineProperty(document, 'documentMode', { value: 11 });",
    );
    expect(text).toContain("Microsoft 365");
    expect(text).toContain("Office 2021");
    expect(text).toContain("WPS");
  });

  test.each([
    [
      "old Edge (EdgeHTML, Office 2019)",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
    ],
    [
      "IE11 (Office 2016)",
      "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
    ],
  ])("%s user agent: the same guard message", async (_name, ua) => {
    const text = await open("taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0", undefined, ua);
    expect(text).toContain("Office 2021");
    expect(text).not.toContain("office.js"); // the guard speaks first; the bundle stays quiet
  });

  test("an old WPS webview gets a WPS message, not an Office one", async () => {
    const text = await open(
      "taskpane-wps.html",
      "window.wps = {}; Object.defineProperty(document, 'documentMode', { value: 11 });",
    );
    expect(text).toContain("升级");
    expect(text).toContain("WPS");
    expect(text).not.toContain("Office 2021");
  });

  test("the WPS pane page outside WPS says WPS was not detected", async () => {
    const text = await open("taskpane-wps.html");
    expect(text).toContain("未检测到 WPS");
  });

  test("issue 19: dist/wps alone, as an offline package in jsaddons, opens its pane from file://", async () => {
    // The add-in folder unpacked where WPS keeps offline add-ins, and nothing else of dist/ beside it.
    const addons = fs.mkdtempSync(path.join(os.tmpdir(), "jsaddons-"));
    const folder = path.join(addons, "ziping_1.0.0");
    fs.cpSync(path.join(DIST, "wps"), folder, { recursive: true });
    const context = await browser.newContext();
    const outside: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (!url.startsWith(`file://${folder}/`)) outside.push(url);
      return url.startsWith("file:") ? route.continue() : route.abort();
    });
    const p = await context.newPage();
    // A stand-in for WPS's Application: records the address the ribbon asks CreateTaskPane for.
    await p.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      const store: Record<string, unknown> = {};
      w.Application = {
        PluginStorage: {
          getItem: (k: string) => store[k] ?? null,
          setItem: (k: string, v: unknown) => (store[k] = v),
        },
        GetTaskPane: () => null,
        CreateTaskPane: (url: string) => {
          w.__paneUrl = url;
          return { ID: 1, Visible: false };
        },
      };
    });
    await p.goto(`file://${folder}/index.html`);
    const url = await p.evaluate(() => {
      const w = window as unknown as Record<string, (c: { Id: string }) => boolean> & { __paneUrl?: string };
      w.OnAction({ Id: "zipingTogglePane" });
      return w.__paneUrl;
    });
    expect(url).toBe(`file://${folder}/pane/taskpane-wps.html`);
    // The pane page there runs with its own scripts (no WPS behind this page: it says so).
    const pane = await context.newPage();
    await pane.goto(url!);
    await pane.waitForFunction(
      () => !/正在加载/.test(document.getElementById("root")?.textContent ?? "正在加载"),
    );
    expect(await pane.textContent("#root")).toContain("未检测到 WPS");
    expect(outside).toEqual([]);
    await context.close();
    fs.rmSync(addons, { recursive: true, force: true });
  });
});
