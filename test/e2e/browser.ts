/**
 * Shared set-up for the end-to-end tests: find Chromium (scripts/find-chromium.js, the finder .ci/run
 * uses too: CHROMIUM_PATH, else the usual places), build the demo
 * when dist/demo is stale, serve it on a free port, and launch chromium with the flags that work on
 * this kind of machine (docs/platform-notes: no sandbox, no GPU, no background networking).
 */
import * as path from "path";
import type { Browser } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const SHOTS = path.join(ROOT, "test-output/screenshots");
export const OUT = path.join(ROOT, "test-output/e2e");

const finder = require(path.join(ROOT, "scripts/find-chromium.js")) as {
  findChromium(): string | null;
  candidates(): string[];
};
const FOUND = finder.findChromium();
export const CHROMIUM = FOUND ?? finder.candidates()[0];
export const HAVE_CHROMIUM = FOUND !== null;
export const SKIP_MESSAGE = "端到端测试已跳过：未找到 Chromium（apt-get install chromium）";

/** Under CI a missing chromium is a failure: CI must never skip these silently. */
export function describeBrowser(name: string, body: () => void): void {
  if (HAVE_CHROMIUM) {
    describe(name, body);
    return;
  }
  if (process.env.CI === "true") {
    test(`${name}: Chromium is required under CI`, () => {
      throw new Error(
        `CI 环境必须运行端到端测试，但未找到 Chromium（${finder.candidates().join("、")}）。请在 .ci/run 中 apt-get install chromium fonts-noto-cjk，或设置 CHROMIUM_PATH。`,
      );
    });
    return;
  }

  console.warn(SKIP_MESSAGE);
  describe.skip(name, body);
}

interface DemoServer {
  url: string;
  close(): Promise<void>;
}

const serve = require(path.join(ROOT, "scripts/serve-demo.js")) as {
  ensureBuilt(opts: { quiet: boolean }): boolean;
  startServer(opts: { port: number }): Promise<{ server: import("http").Server; url: string }>;
};

export async function startDemo(): Promise<DemoServer> {
  serve.ensureBuilt({ quiet: true });
  const { server, url } = await serve.startServer({ port: 0 });
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Playwright gives every launch a fresh, temporary user-data-dir of its own (it refuses one in args). */
export async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Chinese browser UI too (the file input's own button text), as the officers see it.
      "--lang=zh-CN",
    ],
  });
}
