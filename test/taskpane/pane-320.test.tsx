/** @jest-environment jsdom */
/**
 * Issue 19, the pane as a clerk uses it: one sentence for the counts, 下一个 that goes on after a row
 * is resolved and takes focus to the card, Escape that closes the editor, the wrap said aloud, focus
 * kept after 确定写入, 撤销 that takes back the "已更正" line, 忽略 kept with the workbook, and rows
 * with the same lone cause shown as one card.
 */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/hosts/memory";
import { hostErrorText, plainErrorText } from "../../src/taskpane/host-error-text";
import { SAMPLE_SHEET, sampleGrid, setCell } from "./sample-grid";
import {
  cardOf,
  installDomStubs,
  openEditor,
  renderPane,
  seenStorage,
  settled,
  summaryShown,
} from "./pane-helpers";

installDomStubs();
jest.setTimeout(30_000);

const verdict = () => screen.getByTestId("verdict").textContent ?? "";
const toggleOf = (name: string) => cardOf(name).querySelector<HTMLElement>("button[aria-expanded]")!;
const next = () => screen.getByRole("button", { name: "下一个" });
/** Lets focusCard's setTimeout run. */
const tick = () => new Promise((r) => setTimeout(r, 10));

describe("stepping through the cards", () => {
  test("下一个 goes on from a resolved row; Enter on it lands on the card; the wrap is said", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([sampleGrid()]);
    await summaryShown();
    expect(verdict()).toBe("无错误，但有 3 项需说明");
    // Steps: 预算执行, then the two rows to explain, top to bottom.
    next().focus();
    await user.keyboard("{Enter}");
    await tick();
    expect(screen.getByTestId("step")).toHaveTextContent("第 1 / 3 项");
    expect(document.activeElement).toBe(toggleOf("预算执行"));
    await user.click(next());
    await tick();
    const name = "地质灾害防治知识宣传受众人数(人)";
    expect(toggleOf(name)).toHaveAttribute("aria-expanded", "true");
    expect(document.activeElement).toBe(toggleOf(name));
    // Resolve the open row: its card leaves the list.
    const box = await openEditor(user, name);
    await user.clear(box);
    await user.type(box, "偏差原因：宣传进社区，受众超出预期；改进措施：下年度提高指标值。");
    await user.click(within(cardOf(name)).getByRole("button", { name: "写入单元格" }));
    await waitFor(() => expect(verdict()).toBe("无错误，但有 2 项需说明"));
    expect(host.grid(SAMPLE_SHEET).values[11][8]).toMatch(/^偏差原因/);
    // 下一个 goes on to the row after it, not back to the first.
    await user.click(next());
    await tick();
    expect(toggleOf("植树造林面积(亩)")).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByTestId("step")).toHaveTextContent("第 2 / 2 项");
    // From the last, 下一个 wraps to the first and says so.
    await user.click(next());
    await tick();
    expect(screen.getByTestId("step")).toHaveTextContent("已回到第 1 / 2 项");
    expect(toggleOf("预算执行")).toHaveAttribute("aria-expanded", "true");
  });

  test("Escape closes the editor and puts focus back on the card", async () => {
    const user = userEvent.setup();
    renderPane([sampleGrid()]);
    await summaryShown();
    const name = "植树造林面积(亩)";
    const box = await openEditor(user, name);
    await tick();
    expect(document.activeElement).toBe(box);
    await user.keyboard("{Escape}");
    expect(cardOf(name).querySelector("textarea")).toBeNull();
    expect(document.activeElement).toBe(toggleOf(name));
  });

  test("the collapsed line's 填写偏差说明 opens the text box at once, focused", async () => {
    const user = userEvent.setup();
    renderPane([sampleGrid()]);
    await summaryShown();
    const name = "植树造林面积(亩)";
    expect(toggleOf(name)).toHaveAttribute("aria-expanded", "false");
    await user.click(screen.getByRole("button", { name: `填写偏差说明：${name}` }));
    await tick();
    const box = cardOf(name).querySelector("textarea");
    expect(box).not.toBeNull();
    expect(document.activeElement).toBe(box);
  });

  test("after 确定写入 focus is on the outcome, and 撤销 takes the 已更正 line back", async () => {
    const user = userEvent.setup();
    const g = sampleGrid();
    setCell(g, "F11", 1);
    const { host } = renderPane([g]);
    await summaryShown();
    const name = "灾害防治知识宣传次数(次)";
    // The summary leads with the score that is wrong: declared → recomputed.
    expect(cardOf(name).textContent).toMatch(/得分 6→3 · ≥2 → 1/);
    await user.click(toggleOf(name));
    await user.click(within(cardOf(name)).getByRole("button", { name: "更正为 3" }));
    await user.click(within(cardOf(name)).getByRole("button", { name: "确定写入" }));
    await settled();
    await waitFor(() => expect(document.activeElement).toHaveTextContent("已更正 1 个单元格。"));
    expect(document.activeElement).not.toBe(document.body);
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(3);
    await user.click(screen.getByRole("button", { name: "撤销" }));
    await settled();
    await waitFor(() => expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(6));
    await waitFor(() => expect(screen.queryByText("已更正 1 个单元格。")).toBeNull());
  });
});

describe("one sentence for the counts", () => {
  test("errors: 暂不能提交 with the number to handle and how many lack an explanation", async () => {
    const g = sampleGrid();
    setCell(g, "F11", 1);
    renderPane([g]);
    await summaryShown();
    // Row 11 (error, explanation missing) and the three to explain: four, all without an explanation.
    expect(verdict()).toBe("暂不能提交：还有 4 项要处理（其中 4 项缺偏差说明）");
    await userEvent.setup().click(next());
    expect(screen.getByTestId("step")).toHaveTextContent("第 1 / 4 项");
  });
});

describe("忽略: a reviewed card set aside", () => {
  test("leaves the counts, waits under 已忽略, is kept with the workbook and comes back with 恢复", async () => {
    const user = userEvent.setup();
    const { host, unmount } = renderPane([sampleGrid()]);
    await summaryShown();
    const name = "植树造林面积(亩)";
    await user.click(toggleOf(name));
    await user.click(within(cardOf(name)).getByRole("button", { name: "忽略" }));
    await waitFor(() => expect(verdict()).toBe("无错误，但有 2 项需说明"));
    expect(screen.getByTestId("card-done")).toHaveTextContent(`已忽略“${name}”`);
    expect(screen.getByRole("button", { name: "已忽略 1 项" })).toHaveAttribute("aria-expanded", "false");
    const kept = JSON.parse((await host.getSetting("ziping.ignored")) ?? "[]") as string[];
    expect(kept).toHaveLength(1);
    // Keyed by data, not by place: the sheet, the code, the cell and a hash.
    expect(kept[0]).toMatch(/^自评表!OVER_TARGET@F23#[0-9a-f]{8}$/);
    unmount();

    // A new pane on the same workbook: still set aside after the re-check.
    render(<App host={host} storage={seenStorage()} />);
    await summaryShown();
    expect(verdict()).toBe("无错误，但有 2 项需说明");
    await user.click(screen.getByRole("button", { name: "已忽略 1 项" }));
    await user.click(screen.getByRole("button", { name: `恢复：${name}` }));
    await waitFor(() => expect(verdict()).toBe("无错误，但有 3 项需说明"));
    expect(await host.getSetting("ziping.ignored")).toBeNull();
    expect(screen.queryByTestId("ignored")).toBeNull();
  });

  test("errors set aside leave 可以提交 that says so, and the panel says a reviewer still sees them", async () => {
    const g = sampleGrid();
    setCell(g, "I12", "偏差原因：宣传进社区；改进措施：提高指标值。");
    setCell(g, "I23", "偏差原因：群众参与踊跃；改进措施：提高指标值。");
    setCell(g, "F11", 1); // a 分值 changed: the weights no longer add up
    const user = userEvent.setup();
    renderPane([g]);
    await summaryShown();
    expect(verdict()).toMatch(/^暂不能提交/);
    // Set aside every card still to handle (the weights card and the 执行率 card).
    for (let i = 0; i < 5 && !verdict().startsWith("可以提交"); i++) {
      const card = document.querySelector<HTMLElement>("[data-card-key]")!;
      const toggle = card.querySelector<HTMLElement>("button[aria-expanded]");
      if (toggle?.getAttribute("aria-expanded") === "false") await user.click(toggle);
      await user.click(within(card).getByRole("button", { name: "忽略" }));
      await settled();
    }
    expect(verdict()).toBe("可以提交（已忽略 1 项错误）");
    expect(screen.getByTestId("success-panel")).toHaveTextContent("审核方用本工具校验时仍会列出");
  });

  test("a mark lapses when the row's data change", async () => {
    const g = sampleGrid();
    const host = new MemoryHost([g]);
    render(<App host={host} storage={seenStorage()} />);
    await summaryShown();
    const user = userEvent.setup();
    await user.click(toggleOf("植树造林面积(亩)"));
    await user.click(within(cardOf("植树造林面积(亩)")).getByRole("button", { name: "忽略" }));
    await waitFor(() => expect(verdict()).toBe("无错误，但有 2 项需说明"));
    // The clerk changes the actual value: the review no longer holds.
    await host.apply(SAMPLE_SHEET, [{ kind: "value", cell: "F23", value: 90, purpose: "score" }]);
    await user.click(screen.getByRole("button", { name: "重新校验" }));
    await settled();
    await waitFor(() => expect(verdict()).toBe("无错误，但有 3 项需说明"));
  });

  test("the export says which findings were ignored, in its 处理情况 column", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([sampleGrid()]);
    await summaryShown();
    await user.click(toggleOf("植树造林面积(亩)"));
    await user.click(within(cardOf("植树造林面积(亩)")).getByRole("button", { name: "忽略" }));
    await settled();
    await user.click(screen.getByRole("button", { name: "导出到“校验结果”工作表" }));
    await screen.findByText("已导出到工作表“校验结果”。");
    const rows = host.grid("校验结果").values;
    const f23 = rows.find((r) => r[2] === "F23")!;
    expect(f23.slice(5)).toEqual(["超额完成", "OVER_TARGET", "已忽略（已核实）"]);
  });
});

describe("same cause, one card", () => {
  test("three rows with an empty 年度指标值 are one card listing the rows", async () => {
    const user = userEvent.setup();
    const g = sampleGrid();
    for (const a1 of ["E13", "E14", "E15"]) setCell(g, a1, null);
    renderPane([g]);
    await summaryShown();
    const groups = Array.from(document.querySelectorAll<HTMLElement>("[data-card-key^='same-']"));
    expect(groups).toHaveLength(1);
    expect(groups[0].dataset.cells).toBe("E13 E14 E15");
    await user.click(groups[0].querySelector("button[aria-expanded]")!);
    const rows = within(groups[0]).getByTestId("group-rows");
    expect(
      within(rows)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "第 13 行：国土规划巡察次数",
      "第 14 行：开展森林防护重要性宣传活动场次(场次)",
      "第 15 行：森林防火巡察覆盖率",
    ]);
  });
});

describe("words at the edges", () => {
  test("an English reader error becomes a Chinese sentence; host data keeps its own words", () => {
    const zip = new Error("Corrupted zip: can't find end of central directory");
    expect(plainErrorText(zip, "zh")).toBe(
      "文件已损坏，或不是 Excel（.xlsx）文件，无法打开。请用 Excel 或 WPS 打开它，另存为 .xlsx 后再试。",
    );
    expect(hostErrorText(zip, "zh")).not.toMatch(/zip|central|directory/i);
    expect(plainErrorText(zip, "en")).toMatch(/^The file is damaged/);
    expect(plainErrorText(new Error("Something odd"), "zh")).toBe("出现意外错误（原始信息：Something odd）");
    expect(plainErrorText(new Error("校验时出错"), "zh")).toBe("校验时出错");
  });

  test("a one-sheet file that is not a table is not told to pick another sheet", async () => {
    renderPane([{ name: "说明", values: [["填表说明"], ["请在自评表中填写各项指标。"]], merges: [] }]);
    const bar = await screen.findByText(/不是绩效自评表/);
    expect(bar.textContent).toMatch(/这个文件只有这一个工作表/);
    expect(bar.textContent).not.toMatch(/选择/);
    expect(bar.textContent!.match(/不是绩效自评表/g)).toHaveLength(1);
  });
});

test("a read that fails on re-check says why in Chinese, not in the library's English", async () => {
  const { host } = renderPane([sampleGrid()]);
  await summaryShown();
  jest.spyOn(host, "read").mockRejectedValue(new Error("Corrupted zip: can't find end of central directory"));
  host.setCell(SAMPLE_SHEET, "F23", 90);
  const alert = await screen.findByText(/^读取工作表失败：/, {}, { timeout: 3000 });
  expect(alert.textContent).toMatch(/文件已损坏/);
  expect(alert.textContent).not.toMatch(/zip|central/i);
});
