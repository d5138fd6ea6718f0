/** @jest-environment jsdom */
/**
 * The pane when the host misbehaves or the sheet moves under it: a failed undo keeps its record, a
 * failed highlight removal never strands our colours, a profile change redraws highlights, a user's
 * edit locks writes until the re-check, and a pane that goes away takes its highlights with it.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sampleGrid, setCell, SAMPLE_SHEET } from "./sample-grid";
import {
  installDomStubs,
  openCorrections,
  openEditor,
  renderPane,
  summaryShown,
  settled,
} from "./pane-helpers";
import { getProfile } from "../../src/engine";

beforeAll(installDomStubs);

function faultyGrid() {
  const g = sampleGrid();
  setCell(g, "F11", 1);
  setCell(g, "F23", 20);
  return g;
}

function jsonFile(name: string, text: string): File {
  return new File([text], name, { type: "application/json" });
}

const undoButton = () => screen.getByRole("button", { name: "撤销" });
const highlightSwitch = () => screen.getByRole("switch", { name: "在表格中标出问题" });

async function applyH11(user: ReturnType<typeof userEvent.setup>) {
  const section = await openCorrections(user);
  await user.click(within(section).getByRole("checkbox", { name: /H11/ }));
  await user.click(within(section).getByRole("button", { name: "应用所选更正（1 项）" }));
  await user.click(within(section).getByRole("button", { name: "确定写入" }));
  await screen.findByText("已更正 1 个单元格。");
}

describe("pane robustness", () => {
  test("an undo that throws keeps 撤销 (with its own honest message) and works on retry", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([faultyGrid()]);
    await summaryShown();
    expect(undoButton()).toHaveAttribute("aria-disabled", "true");
    await applyH11(user);
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(3);
    await waitFor(() => expect(undoButton()).not.toHaveAttribute("aria-disabled"));

    const spy = jest.spyOn(host, "undo").mockRejectedValueOnce(new Error("宿主连接中断"));
    await user.click(undoButton());
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("撤销没有完成：宿主连接中断");
    expect(alert).not.toHaveTextContent("表格未被修改");
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(3);
    await waitFor(() => expect(undoButton()).not.toHaveAttribute("aria-disabled"));

    await user.click(undoButton());
    await screen.findByText("已恢复原来的数值和填充色。");
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(6);
    expect(spy).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(undoButton()).toHaveAttribute("aria-disabled", "true"));
  });

  test("turning highlights off when the undo throws keeps the record: a later try restores the cell's own fill", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([sampleGrid()], { fills: { [SAMPLE_SHEET]: { G4: "#DDEEFF" } } });
    await summaryShown();
    await user.click(highlightSwitch());
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#FFEB9C"));
    await settled();

    jest.spyOn(host, "undo").mockRejectedValueOnce(new Error("宿主连接中断"));
    await user.click(highlightSwitch());
    expect(await screen.findByRole("alert")).toHaveTextContent("标记没有完成：宿主连接中断");
    expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#FFEB9C");
    await waitFor(() => expect(highlightSwitch()).toBeChecked());
    await waitFor(() => expect(highlightSwitch()).toBeEnabled());

    await user.click(highlightSwitch());
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#DDEEFF"));
    expect(highlightSwitch()).not.toBeChecked();
    // On and off again: the record holds G4's own fill, not our yellow.
    await user.click(highlightSwitch());
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#FFEB9C"));
    await user.click(highlightSwitch());
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#DDEEFF"));
  });

  test("a failed highlight removal on a write writes nothing and leaves the highlights removable", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([faultyGrid()], { fills: { [SAMPLE_SHEET]: { H11: "#DDEEFF" } } });
    await summaryShown();
    await user.click(highlightSwitch());
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "H11")).toBe("#FFC7CE"));
    await settled();
    jest.spyOn(host, "undo").mockRejectedValueOnce(new Error("宿主连接中断"));
    const section = await openCorrections(user);
    await user.click(within(section).getByRole("checkbox", { name: /H11/ }));
    await user.click(within(section).getByRole("button", { name: "应用所选更正（1 项）" }));
    await user.click(within(section).getByRole("button", { name: "确定写入" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("标记没有完成");
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(6);
    await waitFor(() => expect(highlightSwitch()).toBeEnabled());
    await user.click(highlightSwitch());
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "H11")).toBe("#DDEEFF"));
  });

  test("a profile change redraws the highlights on the new findings", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([sampleGrid()], { fills: { [SAMPLE_SHEET]: { F12: "#C6EFCE" } } });
    await summaryShown();
    await user.click(highlightSwitch());
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "F12")).toBe("#FFEB9C"));
    await settled();
    // 150 % and 160 % are under this profile's 200 % review ratio: F12 and F23 are no longer findings.
    const custom = { ...getProfile("mof-2020")!, id: "my-city", name: "本市规则", overshootReviewRatio: 2 };
    await user.upload(
      screen.getByLabelText("加载评分规则（JSON 文件）"),
      jsonFile("city.json", JSON.stringify(custom)),
    );
    await waitFor(() => expect(screen.getByTestId("verdict")).toHaveTextContent("无错误，但有 1 项需说明"));
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "F12")).toBe("#C6EFCE"));
    expect(host.fill(SAMPLE_SHEET, "F23")).toBeNull();
    expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#FFEB9C");
    expect(highlightSwitch()).toBeChecked();
    await waitFor(() => expect(highlightSwitch()).toBeEnabled());
    await user.click(highlightSwitch());
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "G4")).toBeNull());
    expect(host.fill(SAMPLE_SHEET, "F12")).toBe("#C6EFCE");
  });

  test("a user's edit locks every write until the re-check has finished", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([faultyGrid()]);
    await summaryShown();
    await settled();
    const section = await openCorrections(user);
    await user.click(within(section).getByRole("checkbox", { name: /H11/ }));
    const apply = within(section).getByRole("button", { name: "应用所选更正（1 项）" });
    expect(apply).not.toHaveAttribute("aria-disabled");
    await openEditor(user, "灾害防治知识宣传次数(次)");
    const writeButtons = () => screen.getAllByRole("button", { name: "写入单元格" });
    expect(writeButtons()[0]).toBeEnabled();

    act(() => host.setCell(SAMPLE_SHEET, "I9", "备注"));
    // At once, before the debounced re-check: the report may be stale.
    expect(screen.getByTestId("rechecking")).toHaveTextContent("正在重新校验");
    for (const b of writeButtons()) expect(b).toBeDisabled();
    expect(
      within(screen.getByRole("region", { name: "更正得分" })).getByRole("button", { name: /应用所选更正/ }),
    ).toHaveAttribute("aria-disabled", "true");
    expect(highlightSwitch()).toBeDisabled();
    expect(screen.getByRole("button", { name: "导出到“校验结果”工作表" })).toBeDisabled();

    await waitFor(() => expect(screen.queryByTestId("rechecking")).toBeNull(), { timeout: 3000 });
    await settled();
    await waitFor(() => expect(writeButtons()[0]).toBeEnabled());
    expect(highlightSwitch()).toBeEnabled();
    expect(screen.getByRole("button", { name: "导出到“校验结果”工作表" })).toBeEnabled();
  });

  test("a pane that unmounts with highlights on takes them off the sheet", async () => {
    const user = userEvent.setup();
    const { host, unmount } = renderPane([sampleGrid()], { fills: { [SAMPLE_SHEET]: { G4: "#DDEEFF" } } });
    await summaryShown();
    await user.click(highlightSwitch());
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "F12")).toBe("#FFEB9C"));
    await settled();
    unmount();
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#DDEEFF"));
    expect(host.fill(SAMPLE_SHEET, "F12")).toBeNull();
  });

  test("the confirmation takes focus on its question (never on 确定写入) and gives it back to the apply button", async () => {
    const user = userEvent.setup();
    renderPane([faultyGrid()]);
    await summaryShown();
    await settled();
    const section = await openCorrections(user);
    await user.click(within(section).getByRole("checkbox", { name: /H11/ }));
    await user.click(within(section).getByRole("button", { name: "应用所选更正（1 项）" }));
    await waitFor(() => expect(document.activeElement).toHaveTextContent("将修改 1 个单元格"));
    // Enter does not confirm; Escape cancels.
    await user.keyboard("{Enter}");
    expect(within(section).getByRole("button", { name: "确定写入" })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(section).getByRole("button", { name: "应用所选更正（1 项）" }),
      ),
    );
    // Confirming: focus lands back on the apply button, not on the page body.
    await user.click(within(section).getByRole("checkbox", { name: "全选" }));
    await user.click(within(section).getByRole("button", { name: /应用所选更正/ }));
    await user.click(within(section).getByRole("button", { name: "确定写入" }));
    await screen.findByText(/已更正 \d+ 个单元格。/);
    await settled();
    // Every correction applied: the button is gone, focus stays in the section (its heading).
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("heading", { name: "更正得分" })),
    );
  });

  test("撤销 keeps focus after it empties the history: it stays in the DOM, disabled", async () => {
    const user = userEvent.setup();
    renderPane([faultyGrid()]);
    await summaryShown();
    await applyH11(user);
    await settled();
    await user.click(undoButton());
    await screen.findByText("已恢复原来的数值和填充色。");
    await waitFor(() => expect(undoButton()).toHaveAttribute("aria-disabled", "true"));
    expect(document.activeElement).toBe(undoButton());
  });
});
