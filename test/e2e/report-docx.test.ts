/**
 * End to end in Chromium: the built demo opens a 自评报告 .docx (its table and prose checked by the real
 * pane, read-only, the docx reader arriving as its own chunk), and 下载报告草稿 downloads a real .docx with
 * the table's figures.
 * Offline by construction, as the demo suite: any request leaving this machine fails the test.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { OUT, ROOT, describeBrowser, launch, startDemo } from "./browser";
import { readDocx } from "../../src/docx/read";

const FIXTURES = path.join(ROOT, "test/fixtures/generated");

describeBrowser("demo with a 自评报告 .docx in Chromium", () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    demo = await startDemo();
    browser = await launch();
    const context = await browser.newContext({
      acceptDownloads: true,
      locale: "zh-CN",
      viewport: { width: 1280, height: 800 },
    });
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1"))
        return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(demo.url);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  test("open the reference report, check its table, download the draft", async () => {
    await page.getByTestId("summary-总分").waitFor();
    expect(requests.some((u) => /docx\.[0-9a-f]+\.js/.test(u))).toBe(false);
    await page.getByTestId("file-input").setInputFiles(path.join(FIXTURES, "report-2021-department.docx"));
    await page.getByTestId("file-name").filter({ hasText: "report-2021-department.docx" }).waitFor();
    expect(requests.some((u) => /docx\.[0-9a-f]+\.js/.test(u))).toBe(true);
    await expect(page.getByTestId("sheet-picker").inputValue()).resolves.toBe("表格1");
    // A table read from Word is checked with its prose in the real pane, read-only and saying why.
    await page.getByTestId("read-only").filter({ hasText: "表格来自 Word 文档，无法写回" }).waitFor();
    await page.getByTestId("summary-总分").filter({ hasText: "97.83" }).waitFor();
    await page.getByTestId("verdict").waitFor();
    expect(await page.getByRole("button", { name: "下载", exact: true }).count()).toBe(0);
    for (const name of ["撤销", "导出到“校验结果”工作表", "填写偏差说明"])
      expect(await page.getByRole("button", { name, exact: true }).count()).toBe(0);
    expect(await page.getByRole("switch").count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载报告草稿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("report-2021-department-自评报告（草稿）.docx");
    const saved = path.join(OUT, "draft.docx");
    await download.saveAs(saved);
    const text = (await readDocx(fs.readFileSync(saved))).doc.paragraphs.map((p) => p.text).join("\n");
    for (const s of ["1839.1", "1439.13", "78.25%", "97.83", "“优”"]) expect(text).toContain(s);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("prose that contradicts its table: a REPORT_ card at the paragraph, as the CLI says", async () => {
    await page.getByTestId("file-input").setInputFiles(path.join(FIXTURES, "report-rate-87.25.docx"));
    await page.getByTestId("file-name").filter({ hasText: "report-rate-87.25.docx" }).waitFor();
    await page.getByTestId("verdict").filter({ hasText: "暂不能提交" }).waitFor();
    const card = page.locator("[data-codes~='REPORT_FIGURE_MISMATCH']");
    await card.waitFor();
    await expect(card.textContent()).resolves.toMatch(/报告第 \d+ 段/);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
