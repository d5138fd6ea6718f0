/**
 * End to end: the built demo in Debian's chromium, a whole session as a finance officer would do it
 * on the bundled 2021 sample, then a faulty workbook opened through the file picker. Every request
 * that would leave this machine is blocked and recorded; the test fails if there is one.
 */
import * as fs from "fs";
import * as path from "path";
import { Workbook } from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { HIGHLIGHT_COLORS } from "../../src/engine";
import { OUT, ROOT, SHOTS, describeBrowser, launch, startDemo } from "./browser";

const SAMPLE = path.join(ROOT, "assets/samples/2021年度部门整体支出绩效自评表.xlsx");
const FIXTURES = path.join(ROOT, "test/fixtures/generated");

interface ManifestEntry {
  file: string;
  expect: string[];
  layout?: { sheet: string };
}

function manifest(): ManifestEntry[] {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, "manifest.json"), "utf8")).fixtures;
}

describeBrowser("demo in Chromium", () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.mkdirSync(OUT, { recursive: true });
    demo = await startDemo();
    browser = await launch();
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      locale: "zh-CN",
    });
    // Offline by construction: anything not addressed to this machine is aborted and recorded.
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
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const pane = () => page.locator(".demo-pane");
  const summaryRow = (label: string) => page.getByTestId(`summary-${label}`);
  const cell = (a1: string) => page.locator(`td[data-cell="${a1}"]`);
  /** The card holding a finding: cards list their codes and cells. */
  const findingFor = (code: string, a1: string) =>
    page.locator(`[data-codes~="${code}"][data-cells~="${a1}"]`);
  const openCard = (code: string, a1: string) =>
    findingFor(code, a1).locator("button[aria-expanded]").first().click();

  async function summaryTexts(): Promise<string[]> {
    return page.locator('[data-testid^="summary-"]').allInnerTexts();
  }

  /** Every cell of the sheet view: address → text (what the user sees), plus fills. */
  async function sheetCells(): Promise<Record<string, string>> {
    return page.$$eval("td[data-cell]", (tds) =>
      Object.fromEntries(
        tds.map((td) => [
          td.getAttribute("data-cell")!,
          `${td.textContent}|${td.getAttribute("data-fill") ?? ""}`,
        ]),
      ),
    );
  }

  async function axeCheck(label: string): Promise<void> {
    // Evaluated through the DevTools protocol: the page's own CSP (script-src 'self') stays in force.
    if (!(await page.evaluate(() => "axe" in window)))
      await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: Document,
              opts: object,
            ) => Promise<{
              violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
            }>;
          };
        }
      ).axe;
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
    });
    const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
    const rest = result.filter((v) => !bad.includes(v));

    if (rest.length)
      console.log(
        `axe (${label}) — minor/moderate:\n` +
          rest.map((v) => `  ${v.impact} ${v.id}: ${v.help} ${v.targets.join(", ")}`).join("\n"),
      );
    expect(bad).toEqual([]);
  }

  test("the pane opens on the bundled sample beside a read-only view of the sheet, without exceljs", async () => {
    await page.goto(demo.url);
    await page.getByRole("heading", { name: "绩效自评表校验助手", level: 1 }).waitFor();
    const grid = page.getByRole("grid", { name: "工作表“自评表”（只读）" });
    await grid.waitFor();
    // Merged title A1:I1 and the table's own values as displayed.
    await expect(cell("A1").getAttribute("colspan")).resolves.toBe("9");
    await expect(cell("A1").innerText()).resolves.toContain("2021 年度部门整体支出绩效自评表");
    await expect(cell("H27").innerText()).resolves.toBe("97.83");
    await expect(page.getByTestId("file-name").innerText()).resolves.toBe(path.basename(SAMPLE));
    // No office.js, and exceljs is not part of the first screen.
    expect(requests.some((u) => /office\.js/i.test(u))).toBe(false);
    expect(requests.some((u) => /exceljs|xlsx\.[0-9a-f]+\.js/.test(u))).toBe(false);
    await summaryRow("总分").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "01-opened.png") });
  });

  test("重新校验 shows 总分 97.83, 等级 优, 执行率 78.25 % and the over-achievement findings", async () => {
    await page.getByRole("button", { name: "重新校验" }).click();
    await page.getByText(/^已重新校验（\d\d:\d\d:\d\d）。$/).waitFor();
    await expect(page.getByTestId("verdict").innerText()).resolves.toBe("无错误，但有 3 项需说明");
    await summaryRow("总分").waitFor();
    const [total, grade, rate] = await Promise.all(
      ["总分", "等级", "执行率"].map((l) => summaryRow(l).innerText()),
    );
    expect(total.split(/\s+/)).toEqual(["总分", "97.83", "97.83"]);
    expect(grade.split(/\s+/)).toEqual(["等级", "优", "优"]);
    expect(rate.replace(/\s+/g, " ")).toMatch(/^执行率 78\.25 ?% 78\.25 ?%$/);
    // 1500 against ≥1000 and 80 against ≥50 are the sample's over-achievements.
    for (const a1 of ["F12", "F23"]) {
      const f = findingFor("OVER_TARGET", a1);
      await expect(f.count()).resolves.toBe(1);
      await expect(f.innerText()).resolves.toMatch(/超额完成/);
    }
    await pane().screenshot({ path: path.join(SHOTS, "02-checked-pane.png") });
    await page.screenshot({ path: path.join(SHOTS, "02-checked.png") });
    await axeCheck("sample, checked");
  });

  test("clicking a finding selects its cell in the sheet view and brings it into view", async () => {
    await openCard("OVER_TARGET", "F23");
    await expect(findingFor("OVER_TARGET", "F23").innerText()).resolves.toMatch(
      /实际完成值80为指标值50的160%/,
    );
    await page.locator('td[data-cell="F23"][aria-selected="true"]').waitFor();
    await expect(page.locator('td[aria-selected="true"]').count()).resolves.toBe(1);
    await expect(page.getByTestId("name-box").innerText()).resolves.toBe("F23");
    const visible = await cell("F23").evaluate((td) => {
      const box = td.getBoundingClientRect();
      const view = td.closest(".sv-scroll")!.getBoundingClientRect();
      return (
        box.top >= view.top && box.bottom <= view.bottom && box.left >= view.left && box.right <= view.right
      );
    });
    expect(visible).toBe(true);
  });

  test("a guided explanation written for a finding makes that finding disappear", async () => {
    const name = "地质灾害防治知识宣传受众人数(人)";
    // One action from the card puts the cursor in the row's text box and selects I12, not F12.
    await page.getByRole("button", { name: `填写偏差说明：${name}` }).click();
    const card = findingFor("OVER_TARGET", "F12");
    const box = card.getByRole("textbox");
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(page.getByTestId("name-box").innerText()).resolves.toBe("I12");
    // Only the phrases of an over-achievement, as toggles.
    await expect(card.getByRole("button", { name: "执行进度慢" }).count()).resolves.toBe(0);
    await card.getByRole("button", { name: "指标值设定偏低" }).click();
    await card.getByRole("button", { name: "科学设定指标" }).click();
    await box.press("End");
    await box.pressSequentially("宣传进社区，受众超出预期。");
    const text = await box.inputValue();
    expect(text).toMatch(
      /^偏差原因：年度指标值≥1000人，实际完成1500人，完成率150%。年初指标值设定偏保守.*；改进措施：.*宣传进社区，受众超出预期。$/,
    );
    await card.screenshot({ path: path.join(SHOTS, "03-explanation-card.png") });
    await card.getByRole("button", { name: "写入单元格" }).click();
    await page.getByTestId("card-done").filter({ hasText: "已写入 I12。" }).waitFor();
    await expect(findingFor("OVER_TARGET", "F12").count()).resolves.toBe(0);
    // The other over-achievement still waits for its explanation.
    await expect(findingFor("OVER_TARGET", "F23").count()).resolves.toBe(1);
    await expect(cell("I12").innerText()).resolves.toBe(text);
    await expect(page.getByTestId("verdict").innerText()).resolves.toBe("无错误，但有 2 项需说明");
    await page.screenshot({ path: path.join(SHOTS, "03-explanation.png") });
  });

  test("the 执行率 warning can be marked 已在自评报告中说明", async () => {
    await openCard("FUNDS_LOW_EXECUTION", "G4");
    await page.getByRole("checkbox", { name: "已在自评报告中说明" }).check();
    await expect(page.getByTestId("verdict").innerText()).resolves.toBe("无错误，但有 1 项需说明");
  });

  test("下载 saves the original workbook with the explanation written in, everything else kept", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载", exact: true }).click(),
    ]);
    // A neutral name: the file claims nothing (no "已校验").
    expect(download.suggestedFilename()).toBe("2021年度部门整体支出绩效自评表.xlsx");
    const saved = path.join(OUT, "download.xlsx");
    await download.saveAs(saved);
    const [before, after] = [new Workbook(), new Workbook()];
    await before.xlsx.readFile(SAMPLE);
    await after.xlsx.readFile(saved);
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    const [b, a] = [before.worksheets[0], after.worksheets[0]];
    expect(String(a.getCell("I12").value)).toMatch(/宣传进社区，受众超出预期。$/);
    expect(a.model.merges.slice().sort()).toEqual(b.model.merges.slice().sort());
    // Only the explanation changed: every other cell, formula and number format is the original's.
    const addresses = new Set<string>();
    for (const ws of [a, b])
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => void addresses.add(c.address)),
      );
    const diff = [...addresses].filter((x) => {
      const [o, n] = [b.getCell(x), a.getCell(x)];
      return (
        JSON.stringify(o.value) !== JSON.stringify(n.value) ||
        o.numFmt !== n.numFmt ||
        JSON.stringify(o.fill) !== JSON.stringify(n.fill)
      );
    });
    expect(diff).toEqual(["I12"]);
  });

  test("highlights show on the sheet view and come off again, leaving the cells' own fills", async () => {
    const before = await sheetCells();
    const toggle = page.getByRole("switch", { name: "在表格中标出问题" });
    await toggle.check();
    await page.locator(`td[data-cell="F23"][data-fill="${HIGHLIGHT_COLORS.warning}"]`).waitFor();
    // The explained row is no longer marked.
    await expect(cell("F12").getAttribute("data-fill")).resolves.toBeNull();
    await openCard("OVER_TARGET", "F23");
    await page.screenshot({ path: path.join(SHOTS, "05-highlights.png") });
    await toggle.uncheck();
    await page.locator(`td[data-cell="F23"]:not([data-fill])`).waitFor();
    expect(await sheetCells()).toEqual(before);
  });

  test("the arrow keys move the selection in the sheet view", async () => {
    await cell("F23").focus();
    await page.keyboard.press("ArrowRight");
    await page.locator('td[data-cell="G23"][aria-selected="true"]').waitFor();
    await page.keyboard.press("ArrowUp");
    await page.locator('td[data-cell="G22"][aria-selected="true"]').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-cell"))).resolves.toBe("G22");
  });

  test("a faulty workbook opened through the file picker: corrections update 总分 and 等级, 撤销 restores the exact values", async () => {
    const entry = manifest().find((f) => f.expect.includes("GRADE_CHANGES_ON_RECALC"));
    expect(entry).toBeDefined();
    await page.getByTestId("file-input").setInputFiles(path.join(FIXTURES, entry!.file));
    await page.getByTestId("file-name").filter({ hasText: entry!.file }).waitFor();
    // The parser arrived only now, as its own chunk.
    expect(requests.some((u) => /exceljs\.[0-9a-f]+\.js/.test(u))).toBe(true);
    await page.locator(`[data-codes~="GRADE_CHANGES_ON_RECALC"]`).first().waitFor();

    const cellsBefore = await sheetCells();
    const summaryBefore = await summaryTexts();
    const [totalBefore, gradeBefore] = [summaryBefore[0].split(/\s+/), summaryBefore[1].split(/\s+/)];
    expect(totalBefore[1]).not.toBe(totalBefore[2]);
    expect(gradeBefore[1]).not.toBe(gradeBefore[2]);

    await page.getByRole("button", { name: /^批量更正/ }).click();
    await page.getByRole("checkbox", { name: "全选" }).check();
    await page.getByRole("button", { name: /应用所选更正/ }).click();
    await page.getByRole("button", { name: "确定写入" }).click();
    await page.getByRole("button", { name: "撤销" }).waitFor();
    await page.getByText(/^已更正 \d+ 个单元格。$/).waitFor();
    // The declared values are now the recomputed ones: 总分 (its =SUM formula recalculated) and 等级.
    const total = (await summaryRow("总分").innerText()).split(/\s+/);
    const grade = (await summaryRow("等级").innerText()).split(/\s+/);
    expect(total[1]).toBe(totalBefore[2]);
    expect(total[2]).toBe(totalBefore[2]);
    expect(grade[1]).toBe(gradeBefore[2]);
    expect(grade[2]).toBe(gradeBefore[2]);
    await expect(page.locator(`[data-codes~="GRADE_CHANGES_ON_RECALC"]`).count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "04-corrected.png") });
    await axeCheck("faulty workbook, corrected");

    await page.getByRole("button", { name: "撤销" }).click();
    await page.getByText("已恢复原来的数值和填充色。").waitFor();
    expect(await sheetCells()).toEqual(cellsBefore);
    expect(await summaryTexts()).toEqual(summaryBefore);
  });

  test("the sheet picker switches the view and the pane between the workbook's sheets", async () => {
    const entry = manifest().find((f) => f.file.includes("multi-sheet"));
    expect(entry).toBeDefined();
    await page.getByTestId("file-input").setInputFiles(path.join(FIXTURES, entry!.file));
    await page.getByTestId("file-name").filter({ hasText: entry!.file }).waitFor();
    const picker = page.getByTestId("sheet-picker");
    // It opens on the sheet that holds the table, not on the instructions before it.
    await expect(picker.inputValue()).resolves.toBe(entry!.layout!.sheet);
    const names = await picker.locator("option").allInnerTexts();
    expect(names.length).toBeGreaterThan(1);
    const other = names.find((n) => n !== entry!.layout!.sheet)!;
    await picker.selectOption(other);
    await page.getByRole("grid", { name: `工作表“${other}”（只读）` }).waitFor();
    await page.getByText(`工作表“${other}”不是绩效自评表`).waitFor();
    await picker.selectOption(entry!.layout!.sheet);
    await summaryRow("总分").waitFor();
  });

  test("a file that is not a workbook gets a clear Chinese message and the open workbook stays", async () => {
    const shown = await page.getByTestId("file-name").innerText();
    await page.getByTestId("file-input").setInputFiles(path.join(FIXTURES, "not-a-zip.xlsx"));
    const alert = page.getByRole("alert").filter({ hasText: "无法读取文件" });
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/另存为 \.xlsx/);
    await expect(page.getByTestId("file-name").innerText()).resolves.toBe(shown);
    // The previous file's result stays, greyed out and out of reach, with a note that says whose it is.
    await page.getByTestId("stale-note").filter({ hasText: "未能打开“not-a-zip.xlsx”" }).waitFor();
    await expect(page.locator(".demo-pane-app").getAttribute("inert")).resolves.not.toBeNull();
    await page.getByRole("button", { name: /^继续查看/ }).click();
    await expect(page.locator(".demo-pane-app").getAttribute("inert")).resolves.toBeNull();
    await summaryRow("总分").waitFor();
  });

  test("nothing left the machine and the page raised no errors", () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
