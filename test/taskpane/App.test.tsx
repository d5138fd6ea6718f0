/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sampleGrid, setCell, otherGrid, SAMPLE_SHEET } from "./sample-grid";
import { installDomStubs, renderPane, summaryShown, settled } from "./pane-helpers";
import { CHANGE_DEBOUNCE_MS } from "../../src/taskpane/usePane";

beforeAll(installDomStubs);

/** The seed table with two rows that fell short: scores too high, explanations missing, grade 优 → 良. */
function faultyGrid() {
  const g = sampleGrid();
  setCell(g, "F11", 1);
  setCell(g, "F23", 20);
  return g;
}

function summaryRow(label: string): string[] {
  const table = screen.getByRole("table");
  const row = within(table).getByRole("rowheader", { name: label }).closest("tr")!;
  return within(row)
    .getAllByRole("cell")
    .map((c) => c.textContent ?? "");
}

function findingButtons(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>("[data-finding-index]"));
}

describe("task pane on the 2021 table", () => {
  test("opens and checks at once: summary with 总分, 等级, 执行率, counts and profile", async () => {
    renderPane([sampleGrid(), otherGrid()]);
    await summaryShown();
    expect(summaryRow("总分")).toEqual(["97.83", "97.83"]);
    expect(summaryRow("等级")).toEqual(["优", "优"]);
    expect(summaryRow("执行率")).toEqual(["78.25%", "78.25%"]);
    expect(screen.getByText("错误 0")).toBeInTheDocument();
    expect(screen.getByText("警告 3")).toBeInTheDocument();
    expect(screen.getByText(/评分规则：财政部/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "重新校验" })).toBeInTheDocument();
    expect(screen.getByText("未发现错误，可以提交。")).toBeInTheDocument();
  });

  test("findings are grouped errors first; clicking selects the cell; 下一个问题 steps through", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([faultyGrid()]);
    await summaryShown();
    const buttons = findingButtons();
    const severities = buttons.map((b) => within(b).getAllByText(/^(错误|警告|提示)$/)[0].textContent);
    const firstWarning = severities.indexOf("警告");
    expect(firstWarning).toBeGreaterThan(0);
    expect(severities.slice(0, firstWarning).every((s) => s === "错误")).toBe(true);
    expect(severities.lastIndexOf("错误")).toBeLessThan(firstWarning);
    expect(screen.getByRole("heading", { name: "错误（4）" })).toBeInTheDocument();
    // Names the indicator and its numbers in Chinese.
    expect(buttons[0]).toHaveTextContent("灾害防治知识宣传次数(次)");
    expect(buttons[0]).toHaveTextContent("得分6高于应得的3分");

    await user.click(buttons[2]);
    expect(host.selection()).toEqual({
      sheet: SAMPLE_SHEET,
      cell: buttons[2].textContent!.match(/单元格 ([A-Z]+\d+)/)![1],
    });
    expect(buttons[2]).toHaveAttribute("aria-current", "true");

    await user.click(screen.getByRole("button", { name: "下一个问题" }));
    expect(host.selection()?.cell).toBe(buttons[3].textContent!.match(/单元格 ([A-Z]+\d+)/)![1]);
    expect(screen.getByText(`第 4 / ${buttons.length} 个问题`)).toBeInTheDocument();
    // Wraps round after the last one.
    for (let i = 4; i < buttons.length; i++)
      await user.click(screen.getByRole("button", { name: "下一个问题" }));
    await user.click(screen.getByRole("button", { name: "下一个问题" }));
    expect(host.selection()?.cell).toBe("H11");
  });

  test("a guided explanation writes safe text into the cell and its finding disappears", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([sampleGrid()]);
    await summaryShown();
    expect(document.querySelector('[data-code="OVER_TARGET"]')).not.toBeNull();
    const card = screen.getByRole("article", { name: /地质灾害防治知识宣传受众人数/ });
    expect(card).toHaveTextContent("≥1000");
    expect(card).toHaveTextContent("1500");
    expect(card).toHaveTextContent("超额完成（为指标值的150%）");
    // Phrase suggestions by cause.
    for (const cause of ["客观原因", "主观原因", "改进措施"])
      expect(within(card).getByText(cause)).toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "指标值设定偏低" }));
    const box = within(card).getByRole("textbox", {
      name: /地质灾害防治知识宣传受众人数.*偏差原因分析及改进措施/,
    });
    expect((box as HTMLTextAreaElement).value).toContain("年初指标值设定偏保守");
    await user.click(within(card).getByRole("button", { name: "跨年度项目" }));
    // The user edits the suggestion; a leading "=" must not reach the sheet as a formula.
    await user.clear(box);
    await user.type(box, "=年初指标值设定偏低，下年度按实际完成情况提高指标值。");
    await user.click(within(card).getByRole("button", { name: "写入单元格" }));
    await screen.findByText("已写入 I12。");
    const written = host.grid(SAMPLE_SHEET).values[11][8];
    expect(written).toBe("＝年初指标值设定偏低，下年度按实际完成情况提高指标值。");
    await waitFor(() => expect(document.querySelectorAll('[data-code="OVER_TARGET"]')).toHaveLength(1));
    expect(screen.getByText("警告 2")).toBeInTheDocument();
    expect(
      within(screen.getByRole("article", { name: /地质灾害防治知识宣传受众人数/ })).getByText("已填写"),
    ).toBeInTheDocument();
  });

  test("an empty explanation is not written", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([sampleGrid()]);
    await summaryShown();
    const card = screen.getByRole("article", { name: /植树造林面积/ });
    await user.click(within(card).getByRole("button", { name: "写入单元格" }));
    expect(within(card).getByText("请先填写说明内容。")).toBeInTheDocument();
    expect(host.grid(SAMPLE_SHEET).values[22][8]).toBeNull();
  });

  test("corrections: choose one, confirm, values change; 撤销 restores values and fills exactly", async () => {
    const user = userEvent.setup();
    const fills = { [SAMPLE_SHEET]: { H11: "#DDEEFF", I27: "#FFFFCC" } };
    const { host } = renderPane([faultyGrid()], { fills });
    await summaryShown();
    const section = screen.getByRole("region", { name: "更正得分" });
    const one = within(section).getByRole("checkbox", { name: /灾害防治知识宣传次数\(次\)（H11）：6 → 3/ });
    within(section).getByRole("checkbox", { name: /等级（I27）：等级：优 → 等级：良/ });
    await user.click(one);
    await user.click(within(section).getByRole("button", { name: "应用所选更正（1 项）" }));
    // Nothing is written before confirmation.
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(6);
    await user.click(within(section).getByRole("button", { name: "确定写入" }));
    await screen.findByText("已更正 1 个单元格。");
    const grid = host.grid(SAMPLE_SHEET);
    expect(grid.values[10][7]).toBe(3);
    expect(grid.values[22][7]).toBe(10); // not chosen
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: "更正得分" })).queryByRole("checkbox", { name: /H11/ }),
      ).toBeNull(),
    );
    expect(summaryRow("总分")).toEqual(["97.83", "88.83"]);

    await user.click(screen.getByRole("button", { name: "撤销" }));
    await screen.findByText("已恢复原来的数值和填充色。");
    expect(grid.values[10][7]).toBe(6);
    expect(host.fill(SAMPLE_SHEET, "H11")).toBe("#DDEEFF");
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "撤销" })).toHaveAttribute("aria-disabled", "true"),
    );
  });

  test("corrections: choose all, confirm, total and grade follow; undo restores all", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([faultyGrid()]);
    await summaryShown();
    const section = screen.getByRole("region", { name: "更正得分" });
    await user.click(within(section).getByRole("checkbox", { name: "全选" }));
    await user.click(within(section).getByRole("button", { name: "应用所选更正（4 项）" }));
    await user.click(within(section).getByRole("button", { name: "确定写入" }));
    await screen.findByText("已更正 4 个单元格。");
    const grid = host.grid(SAMPLE_SHEET);
    expect([grid.values[10][7], grid.values[22][7], grid.values[26][7], grid.values[26][8]]).toEqual([
      3,
      4,
      88.83,
      "等级：良",
    ]);
    await waitFor(() => expect(summaryRow("总分")).toEqual(["88.83", "88.83"]));
    expect(summaryRow("等级")).toEqual(["良", "良"]);
    expect(screen.getByText("没有需要更正的得分、执行率、总分或等级。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "撤销" }));
    await screen.findByText("已恢复原来的数值和填充色。");
    expect([grid.values[10][7], grid.values[22][7], grid.values[26][7], grid.values[26][8]]).toEqual([
      6,
      10,
      97.83,
      "等级：优",
    ]);
    expect(grid.text?.[26]?.[7] ?? null).toBeNull();
  });

  test("highlights on and off restore the previous fills, and never undo the user's typing", async () => {
    const user = userEvent.setup();
    const fills = { [SAMPLE_SHEET]: { F12: "#C6EFCE" } };
    const { host } = renderPane([sampleGrid()], { fills });
    await summaryShown();
    const sw = screen.getByRole("switch", { name: "在表格中标出问题" });
    await user.click(sw);
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "F12")).toBe("#FFEB9C"));
    expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#FFEB9C");
    expect(host.fill(SAMPLE_SHEET, "F23")).toBe("#FFEB9C");
    // The user types into a highlighted cell: the re-check finds a new error there and redraws it.
    act(() => host.setCell(SAMPLE_SHEET, "G4", 0.8));
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#FFC7CE"), { timeout: 3000 });
    expect(document.querySelector('[data-code="FUNDS_RATE_MISMATCH"]')).not.toBeNull();
    await settled();
    await user.click(screen.getByRole("switch", { name: "在表格中标出问题" }));
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "F12")).toBe("#C6EFCE"));
    expect(host.fill(SAMPLE_SHEET, "G4")).toBeNull();
    expect(host.fill(SAMPLE_SHEET, "F23")).toBeNull();
    // What the user typed stays.
    expect(host.grid(SAMPLE_SHEET).values[3][6]).toBe(0.8);
  });

  test("writing while highlights are on keeps undo exact and redraws highlights on the new findings", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([faultyGrid()], { fills: { [SAMPLE_SHEET]: { H11: "#DDEEFF" } } });
    await summaryShown();
    await user.click(screen.getByRole("switch", { name: "在表格中标出问题" }));
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "H11")).toBe("#FFC7CE"));
    const section = screen.getByRole("region", { name: "更正得分" });
    await user.click(within(section).getByRole("checkbox", { name: /H11/ }));
    await user.click(within(section).getByRole("button", { name: "应用所选更正（1 项）" }));
    await user.click(within(section).getByRole("button", { name: "确定写入" }));
    await screen.findByText("已更正 1 个单元格。");
    // H11 is fixed: no longer highlighted, its own fill back.
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "H11")).toBe("#DDEEFF"));
    expect(host.fill(SAMPLE_SHEET, "H23")).toBe("#FFC7CE");
    await user.click(screen.getByRole("button", { name: "撤销" }));
    await screen.findByText("已恢复原来的数值和填充色。");
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "H11")).toBe("#FFC7CE"));
    await user.click(screen.getByRole("switch", { name: "在表格中标出问题" }));
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "H11")).toBe("#DDEEFF"));
    expect(host.fill(SAMPLE_SHEET, "H23")).toBeNull();
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(6);
  });

  test("a host that cannot read fills shows that highlights will be cleared", async () => {
    renderPane([sampleGrid()], { capabilities: { restoreFills: false } });
    await summaryShown();
    expect(screen.getByText(/关闭标记时会清除这些单元格的填充色/)).toBeInTheDocument();
  });

  test("a protected sheet is refused with a Chinese message and nothing is written", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([faultyGrid()], { protectedSheets: [SAMPLE_SHEET] });
    await summaryShown();
    expect(screen.getByText(/工作表“自评表”受保护：可以校验/)).toBeInTheDocument();
    const before = JSON.stringify(host.grid(SAMPLE_SHEET));
    const section = screen.getByRole("region", { name: "更正得分" });
    await user.click(within(section).getByRole("checkbox", { name: "全选" }));
    await user.click(within(section).getByRole("button", { name: /应用所选更正/ }));
    await user.click(within(section).getByRole("button", { name: "确定写入" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("未写入");
    expect(alert).toHaveTextContent("受保护");
    expect(JSON.stringify(host.grid(SAMPLE_SHEET))).toBe(before);
    expect(screen.getByRole("button", { name: "撤销" })).toHaveAttribute("aria-disabled", "true");
    const card = screen.getByRole("article", { name: /灾害防治知识宣传次数/ });
    await user.type(within(card).getByRole("textbox"), "资金到位晚导致进度推迟。");
    await user.click(within(card).getByRole("button", { name: "写入单元格" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("受保护"));
    expect(JSON.stringify(host.grid(SAMPLE_SHEET))).toBe(before);
  });

  test("re-checks when the user edits the sheet (debounced)", async () => {
    const { host } = renderPane([sampleGrid()]);
    await summaryShown();
    act(() => host.setCell(SAMPLE_SHEET, "H27", 90));
    // Not at once: the pane waits for the typing to stop.
    await new Promise((r) => setTimeout(r, CHANGE_DEBOUNCE_MS / 4));
    expect(summaryRow("总分")).toEqual(["97.83", "97.83"]);
    await waitFor(() => expect(summaryRow("总分")).toEqual(["90", "97.83"]), { timeout: 3000 });
    expect(document.querySelector('[data-code="TOTAL_MISMATCH"]')).not.toBeNull();
    await settled();
  });

  test("a sheet that is not a 自评表 shows the reason and the picker; picking the table checks it", async () => {
    const user = userEvent.setup();
    renderPane([otherGrid(), sampleGrid()]);
    await screen.findByText(/工作表“说明”不是绩效自评表/);
    expect(screen.queryByRole("heading", { name: "校验摘要" })).toBeNull();
    await user.selectOptions(screen.getByRole("combobox", { name: "工作表" }), SAMPLE_SHEET);
    await summaryShown();
    expect(summaryRow("总分")).toEqual(["97.83", "97.83"]);
  });

  test("重新校验 checks the active sheet again, following the user to another sheet", async () => {
    const user = userEvent.setup();
    const second = sampleGrid("自评表(2)");
    setCell(second, "H27", 95);
    const { host } = renderPane([sampleGrid(), second]);
    await summaryShown();
    expect(summaryRow("总分")).toEqual(["97.83", "97.83"]);
    act(() => host.setActive("自评表(2)"));
    await user.click(screen.getByRole("button", { name: "重新校验" }));
    await waitFor(() => expect(summaryRow("总分")).toEqual(["95", "97.83"]));
    expect(screen.getByRole("combobox", { name: "工作表" })).toHaveValue("自评表(2)");
  });

  test("export writes the findings to a new 校验结果 sheet", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([faultyGrid()]);
    await summaryShown();
    await user.click(screen.getByRole("button", { name: "导出到“校验结果”工作表" }));
    await screen.findByText("已导出到工作表“校验结果”。");
    const rows = host.grid("校验结果").values;
    expect(rows[0]).toEqual(["序号", "严重程度", "单元格", "指标", "问题说明", "代码"]);
    expect(rows).toHaveLength(1 + findingButtons().length);
    expect(rows[1]).toEqual([
      1,
      "错误",
      "H11",
      "灾害防治知识宣传次数(次)",
      expect.stringContaining("得分6高于应得的3分"),
      "SCORE_TOO_HIGH",
    ]);
    expect(rows[rows.length - 1][1]).toBe("提示");
  });
});
