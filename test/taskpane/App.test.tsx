/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sampleGrid, setCell, otherGrid, SAMPLE_SHEET } from "./sample-grid";
import {
  cardOf,
  installDomStubs,
  openCorrections,
  openEditor,
  renderPane,
  settled,
  summaryShown,
  withCode,
} from "./pane-helpers";
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

describe("task pane on the 2021 table", () => {
  test("opens and checks at once: summary with 总分, 等级, 执行率, counts and profile", async () => {
    renderPane([sampleGrid(), otherGrid()]);
    await summaryShown();
    expect(summaryRow("总分")).toEqual(["97.83", "97.83"]);
    expect(summaryRow("等级")).toEqual(["优", "优"]);
    expect(summaryRow("执行率")).toEqual(["78.25%", "78.25%"]);
    // One sentence, no separate counts that could disagree with it.
    expect(screen.queryByText(/^错误 \d+$|^警告 \d+$/)).toBeNull();
    expect(screen.getByText(/评分规则：财政部/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "重新校验" })).toBeInTheDocument();
    // 执行率 and the two over-achievements ask for an explanation: not yet 可以提交.
    expect(screen.getByTestId("verdict")).toHaveTextContent("无错误，但有 3 项需说明");
    expect(screen.getByText(/^已校验 \d\d:\d\d:\d\d$/)).toBeInTheDocument();
    // The four identical DIRECTION_INFERRED notes are one line, asked as a question.
    expect(withCode("DIRECTION_INFERRED")).toHaveLength(1);
    expect(screen.getByTestId("direction-notes")).toHaveTextContent("4 项指标的年度指标值未写 ≥ 或 ≤");
    expect(screen.getByTestId("direction-notes")).toHaveTextContent("请在该指标值前加“≤”");
  });

  test("one card per row, errors first; 下一个 opens each card and selects its cell; one open at a time", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([faultyGrid()]);
    await summaryShown();
    const cards = Array.from(document.querySelectorAll<HTMLElement>("[data-card-key]"));
    // H11 (score too high) and I11 (explanation missing) are one card for row 11.
    const row11 = cardOf("灾害防治知识宣传次数(次)");
    expect(row11.dataset.codes!.split(" ")).toEqual(
      expect.arrayContaining(["SCORE_TOO_HIGH", "EXPLANATION_MISSING"]),
    );
    expect(row11).toHaveTextContent("≥2 → 1");
    expect(screen.getByRole("list", { name: undefined, hidden: false })).toBeInTheDocument();
    expect(cards.every((c) => c.getAttribute("role") === "listitem")).toBe(true);
    // One unit: the verdict's N is what 下一个 steps through.
    const verdict = screen.getByTestId("verdict").textContent ?? "";
    const [, n, m] = /^暂不能提交：还有 (\d+) 项要处理（其中 (\d+) 项缺偏差说明）$/.exec(verdict) ?? [];
    expect(Number(n)).toBe(
      cards.filter((c) => /error|EXPLANATION|OVER_TARGET|FUNDS_LOW/.test(c.dataset.codes!)).length,
    );
    expect(Number(m)).toBeGreaterThan(0);
    expect(cards[0]).toBe(row11);

    await user.click(screen.getByRole("button", { name: "下一个" }));
    expect(host.selection()).toEqual({ sheet: SAMPLE_SHEET, cell: "H11" });
    expect(within(row11).getByRole("button", { expanded: true })).toBeInTheDocument();
    // The open card names the numbers and the fix.
    expect(row11).toHaveTextContent("得分6高于应得的3分");
    expect(screen.getByText(`第 1 / ${n} 项`)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "下一个" }));
    expect(document.querySelectorAll('[data-card-key] button[aria-expanded="true"]')).toHaveLength(1);
    expect(host.selection()?.cell).toBe(cards[1].dataset.cells!.split(" ")[0]);
    // 上一个 from the first wraps to the last, and says so.
    await user.click(screen.getByRole("button", { name: "上一个" }));
    await user.click(screen.getByRole("button", { name: "上一个" }));
    expect(screen.getByText(`已回到第 ${n} / ${n} 项`)).toBeInTheDocument();
    // 定位 selects the finding's cell; 更正为 X asks inside the card first.
    await user.click(screen.getByRole("button", { name: "下一个" }));
    await user.click(within(row11).getByRole("button", { name: "定位" }));
    expect(host.selection()?.cell).toBe("H11");
    await user.click(within(row11).getByRole("button", { name: "更正为 3" }));
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(6);
    await user.keyboard("{Enter}");
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(6);
    await user.keyboard("{Escape}");
    expect(within(row11).queryByRole("button", { name: "确定写入" })).toBeNull();
    await user.click(within(row11).getByRole("button", { name: "更正为 3" }));
    await user.click(within(row11).getByRole("button", { name: "确定写入" }));
    await screen.findByText(/已更正 1 个单元格。/);
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(3);
    expect(host.selection()?.cell).toBe("H11");
  });

  test("a guided explanation: facts first, phrases for the cause as toggles, both parts checked, safe text written", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([sampleGrid()]);
    await summaryShown();
    expect(withCode("OVER_TARGET")).toHaveLength(2);
    const name = "地质灾害防治知识宣传受众人数(人)";
    const box = await openEditor(user, name);
    // One action: the cursor is in the text box, the explanation cell (not the actual value) selected.
    expect(document.activeElement).toBe(box);
    expect(host.selection()?.cell).toBe("I12");
    expect(box.value).toBe("偏差原因：年度指标值≥1000人，实际完成1500人，完成率150%；改进措施：");
    const card = cardOf(name);
    // Only the over-achievement phrases: never 执行进度慢 or 加快执行进度 on this row.
    expect(within(card).queryByRole("button", { name: "执行进度慢" })).toBeNull();
    expect(within(card).queryByRole("button", { name: "加快执行进度" })).toBeNull();
    const low = within(card).getByRole("button", { name: "指标值设定偏低" });
    await user.click(low);
    expect(low).toHaveAttribute("aria-pressed", "true");
    expect(box.value).toMatch(/^偏差原因：.*完成率150%。年初指标值设定偏保守.*；改进措施：$/);
    // Writing with no improvement measure is refused; the message goes when the text changes.
    await user.click(within(card).getByRole("button", { name: "写入单元格" }));
    expect(within(card).getByText("请在“改进措施：”之后写明改进措施。")).toBeInTheDocument();
    expect(host.grid(SAMPLE_SHEET).values[11][8]).toBeNull();
    await user.click(within(card).getByRole("button", { name: "科学设定指标" }));
    expect(within(card).queryByText("请在“改进措施：”之后写明改进措施。")).toBeNull();
    // A toggle never inserts twice: a second press takes it out again.
    await user.click(low);
    expect(box.value).not.toContain("年初指标值设定偏保守");
    expect(low).toHaveAttribute("aria-pressed", "false");
    await user.click(low);
    expect(box.value.split("年初指标值设定偏保守").length).toBe(2);
    // The user's own words; a leading "=" must not reach the sheet as a formula.
    await user.clear(box);
    await user.type(box, "=偏差原因：年初指标值设定偏低；改进措施：下年度按实际完成情况提高指标值。");
    await user.click(within(card).getByRole("button", { name: "写入单元格" }));
    // The confirmation stays where the user works, and the written cell is selected.
    await screen.findByText(/已写入 I12。/);
    expect(screen.getByTestId("card-done")).toHaveTextContent(name);
    expect(host.selection()?.cell).toBe("I12");
    const written = host.grid(SAMPLE_SHEET).values[11][8];
    expect(written).toBe("＝偏差原因：年初指标值设定偏低；改进措施：下年度按实际完成情况提高指标值。");
    await waitFor(() => expect(withCode("OVER_TARGET")).toHaveLength(1));
    expect(screen.getByTestId("verdict")).toHaveTextContent("无错误，但有 2 项需说明");
  });

  test("the 执行率 warning marked 已在自评报告中说明 no longer counts; with the rows explained: 可以提交", async () => {
    const user = userEvent.setup();
    const g = sampleGrid();
    setCell(g, "I12", "偏差原因：宣传进社区，受众超出预期；改进措施：提高指标值。");
    setCell(g, "I23", "偏差原因：群众参与踊跃，超额完成；改进措施：提高指标值。");
    const { host } = renderPane([g]);
    await summaryShown();
    expect(screen.getByTestId("verdict")).toHaveTextContent("无错误，但有 1 项需说明");
    await user.click(within(cardOf("预算执行")).getByRole("button", { expanded: false }));
    await user.click(screen.getByRole("checkbox", { name: "已在自评报告中说明" }));
    await waitFor(() => expect(screen.getByTestId("verdict")).toHaveTextContent("可以提交"));
    expect(screen.getByTestId("success-panel")).toHaveTextContent("下一步");
    // Kept with the workbook (document settings), so the next pane on it remembers.
    expect(await host.getSetting("ziping.explainedInReport")).toBe(
      JSON.stringify(["自评表!FUNDS_LOW_EXECUTION@G4"]),
    );
  });

  test("an empty explanation is not written", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([sampleGrid()]);
    await summaryShown();
    const box = await openEditor(user, "植树造林面积(亩)");
    await user.clear(box);
    const card = cardOf("植树造林面积(亩)");
    await user.click(within(card).getByRole("button", { name: "写入单元格" }));
    expect(within(card).getByText("请先填写说明内容。")).toBeInTheDocument();
    expect(host.grid(SAMPLE_SHEET).values[22][8]).toBeNull();
  });

  test("corrections: choose one, confirm, values change; 撤销 restores values and fills exactly", async () => {
    const user = userEvent.setup();
    const fills = { [SAMPLE_SHEET]: { H11: "#DDEEFF", I27: "#FFFFCC" } };
    const { host } = renderPane([faultyGrid()], { fills });
    await summaryShown();
    const section = await openCorrections(user);
    const one = within(section).getByRole("checkbox", { name: /灾害防治知识宣传次数\(次\)（H11）：6 → 3/ });
    within(section).getByRole("checkbox", { name: /等级（I27）：等级：优 → 等级：良/ });
    await user.click(one);
    await user.click(within(section).getByRole("button", { name: "应用所选更正（1 项）" }));
    // Nothing is written before confirmation; Enter on the question does not confirm, Escape cancels.
    await user.keyboard("{Enter}");
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(6);
    await user.keyboard("{Escape}");
    expect(within(section).queryByRole("button", { name: "确定写入" })).toBeNull();
    await user.click(within(section).getByRole("button", { name: "应用所选更正（1 项）" }));
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
    const section = await openCorrections(user);
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
    expect(withCode("FUNDS_RATE_MISMATCH")).toHaveLength(1);
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
    const section = await openCorrections(user);
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
    const section = await openCorrections(user);
    await user.click(within(section).getByRole("checkbox", { name: "全选" }));
    await user.click(within(section).getByRole("button", { name: /应用所选更正/ }));
    await user.click(within(section).getByRole("button", { name: "确定写入" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("未写入");
    expect(alert).toHaveTextContent("受保护");
    expect(JSON.stringify(host.grid(SAMPLE_SHEET))).toBe(before);
    expect(screen.getByRole("button", { name: "撤销" })).toHaveAttribute("aria-disabled", "true");
    const box = await openEditor(user, "灾害防治知识宣传次数(次)");
    await user.clear(box);
    await user.type(box, "偏差原因：上级资金下达较晚；改进措施：加快执行进度。");
    await user.click(within(cardOf("灾害防治知识宣传次数(次)")).getByRole("button", { name: "写入单元格" }));
    await waitFor(() =>
      expect(within(cardOf("灾害防治知识宣传次数(次)")).getByRole("alert")).toHaveTextContent("受保护"),
    );
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
    expect(withCode("TOTAL_MISMATCH")).toHaveLength(1);
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
    // Chinese first: the rule's name in words, its code after it for reviewers.
    expect(rows[0]).toEqual([
      "序号",
      "严重程度",
      "单元格",
      "指标",
      "问题说明",
      "问题类型",
      "规则编号",
      "处理情况",
    ]);
    // Every finding, the four DIRECTION_INFERRED notes too (the pane only shows them as one line).
    expect(rows).toHaveLength(1 + 11);
    expect(rows[1]).toEqual([
      1,
      "错误",
      "H11",
      "灾害防治知识宣传次数(次)",
      expect.stringContaining("得分6高于应得的3分"),
      "得分偏高",
      "SCORE_TOO_HIGH",
      "",
    ]);
    expect(rows[rows.length - 1][1]).toBe("提示");
  });
});
