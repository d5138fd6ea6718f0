/** @jest-environment jsdom */
/**
 * The task pane's flow with the WPS host over the fake ET object model, as App.test.tsx does with
 * the memory host: check, navigate, write an explanation, correct and undo, highlight (BGR fills),
 * protection refusal, re-check on SheetChange, export of the findings to a new sheet.
 */
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import "@testing-library/jest-dom";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { WpsHost } from "../../src/hosts/wps";
import { FakeEt, type FakeSheetInit } from "../fakes/et";
import { sampleGrid, setCell, SAMPLE_SHEET } from "./sample-grid";
import {
  cardOf,
  installDomStubs,
  openCorrections,
  openEditor,
  seenStorage,
  summaryShown,
  settled,
  withCode,
} from "./pane-helpers";
import { checkGrid } from "../../src/engine";

beforeAll(installDomStubs);

function faultyGrid() {
  const g = sampleGrid();
  setCell(g, "F11", 1);
  setCell(g, "F23", 20);
  return g;
}

function renderWps(init: Omit<FakeSheetInit, "grid"> = {}, grid = faultyGrid()) {
  const et = new FakeEt([{ grid, ...init }]);
  const host = new WpsHost(et.app as any);
  render(<App host={host} storage={seenStorage()} />);
  return { et, host };
}

function summaryRow(label: string): string[] {
  const table = screen.getByRole("table");
  const row = within(table).getByRole("rowheader", { name: label }).closest("tr")!;
  return within(row)
    .getAllByRole("cell")
    .map((c) => c.textContent ?? "");
}

test("checks the sheet read through ET and moves the selection in WPS", async () => {
  const user = userEvent.setup();
  const { et } = renderWps();
  await summaryShown();
  expect(summaryRow("执行率")).toEqual(["78.25%", "78.25%"]);
  expect(summaryRow("总分")).toEqual(["97.83", "88.83"]);
  expect(screen.getByTestId("verdict")).toHaveTextContent(/^暂不能提交：还有 \d+ 项要处理/);
  await user.click(screen.getByRole("button", { name: "下一个" }));
  expect(et.selection()).toEqual({ sheet: SAMPLE_SHEET, cell: "H11" });
});

test("writes an explanation as text into the cell; the finding goes away", async () => {
  const user = userEvent.setup();
  const { et } = renderWps({}, sampleGrid());
  await summaryShown();
  const box = await openEditor(user, "地质灾害防治知识宣传受众人数(人)");
  await user.clear(box);
  await user.type(box, "=偏差原因：年初指标值设定偏低；改进措施：下年度提高指标值。");
  await user.click(
    within(cardOf("地质灾害防治知识宣传受众人数(人)")).getByRole("button", { name: "写入单元格" }),
  );
  await screen.findByText(/已写入 I12。/);
  expect(et.cell(SAMPLE_SHEET, "I12").formula).toBeNull();
  expect(String(et.cell(SAMPLE_SHEET, "I12").value)).toContain("年初指标值设定偏低");
  await waitFor(() => expect(withCode("OVER_TARGET")).toHaveLength(1));
});

test("corrections are applied in ET and undone exactly, fills included", async () => {
  const user = userEvent.setup();
  const { et } = renderWps({ fills: { H11: "#DDEEFF" } });
  await summaryShown();
  const section = await openCorrections(user);
  await user.click(within(section).getByRole("checkbox", { name: "全选" }));
  await user.click(within(section).getByRole("button", { name: "应用所选更正（4 项）" }));
  await user.click(within(section).getByRole("button", { name: "确定写入" }));
  await screen.findByText("已更正 4 个单元格。");
  expect(["H11", "H23", "H27", "I27"].map((c) => et.cell(SAMPLE_SHEET, c).value)).toEqual([
    3,
    4,
    88.83,
    "等级：良",
  ]);
  await waitFor(() => expect(summaryRow("总分")).toEqual(["88.83", "88.83"]));
  await user.click(screen.getByRole("button", { name: "撤销" }));
  await screen.findByText("已恢复原来的数值和填充色。");
  expect(["H11", "H23", "H27", "I27"].map((c) => et.cell(SAMPLE_SHEET, c).value)).toEqual([
    6,
    10,
    97.83,
    "等级：优",
  ]);
  expect(et.cell(SAMPLE_SHEET, "H11").fill).toBe("#DDEEFF");
});

test("highlights are set as BGR fills and switched off back to the previous fills", async () => {
  const user = userEvent.setup();
  const { et } = renderWps({ fills: { F12: "#C6EFCE" } }, sampleGrid());
  await summaryShown();
  await user.click(screen.getByRole("switch", { name: "在表格中标出问题" }));
  await waitFor(() => expect(et.cell(SAMPLE_SHEET, "F12").fill).toBe("#FFEB9C"));
  expect(et.fillBgr(SAMPLE_SHEET, "F12")).toBe(0x9cebff);
  await settled();
  await user.click(screen.getByRole("switch", { name: "在表格中标出问题" }));
  await waitFor(() => expect(et.cell(SAMPLE_SHEET, "F12").fill).toBe("#C6EFCE"));
  expect(et.cell(SAMPLE_SHEET, "G4").fill).toBeNull();
});

test("a protected sheet is refused in Chinese and nothing is written", async () => {
  const user = userEvent.setup();
  const { et } = renderWps({ protected: true });
  await summaryShown();
  const section = await openCorrections(user);
  await user.click(within(section).getByRole("checkbox", { name: "全选" }));
  await user.click(within(section).getByRole("button", { name: /应用所选更正/ }));
  await user.click(within(section).getByRole("button", { name: "确定写入" }));
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("受保护");
  expect(alert).toHaveTextContent("未写入");
  expect(et.writes).toEqual([]);
});

test("re-checks when the user edits the sheet in WPS (SheetChange)", async () => {
  const { et } = renderWps({}, sampleGrid());
  await summaryShown();
  act(() => et.userEdit(SAMPLE_SHEET, "H27", 90));
  await waitFor(() => expect(summaryRow("总分")).toEqual(["90", "97.83"]), { timeout: 3000 });
  expect(withCode("TOTAL_MISMATCH")).toHaveLength(1);
  await settled();
});

test("exports the findings to a new 校验结果 sheet in WPS without overwriting one that exists", async () => {
  const user = userEvent.setup();
  const et = new FakeEt([
    { grid: faultyGrid() },
    { grid: { name: "校验结果", values: [["上次的结果"]], merges: [] } },
  ]);
  render(<App host={new WpsHost(et.app as any)} storage={seenStorage()} />);
  await summaryShown();
  // Every finding of the table, as the engine reports them.
  const findings = (checkGrid(faultyGrid()) as { report: { findings: unknown[] } }).report.findings.length;
  await user.click(screen.getByRole("button", { name: "导出到“校验结果”工作表" }));
  await screen.findByText("已导出到工作表“校验结果 (2)”。");
  expect(et.sheetNames()).toEqual([SAMPLE_SHEET, "校验结果", "校验结果 (2)"]);
  expect(et.activeSheet()).toBe(SAMPLE_SHEET);
  expect(et.cell("校验结果", "A1").value).toBe("上次的结果");
  const row = (r: number) =>
    ["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => et.cell("校验结果 (2)", `${c}${r}`).value);
  expect(row(1)).toEqual([
    "序号",
    "严重程度",
    "单元格",
    "指标",
    "问题说明",
    "问题类型",
    "规则编号",
    "处理情况",
  ]);
  expect(et.cell("校验结果 (2)", "A1").bold).toBe(true);
  expect(row(2)).toEqual([
    1,
    "错误",
    "H11",
    "灾害防治知识宣传次数(次)",
    expect.stringContaining("得分6高于应得的3分"),
    "得分偏高",
    "SCORE_TOO_HIGH",
    // Nothing done about it: the 处理情况 cell stays empty.
    null,
  ]);
  expect(row(findings + 1)[0]).toBe(findings);
  expect(row(findings + 2)).toEqual([null, null, null, null, null, null, null, null]);
  // The checked sheet itself was not written.
  expect(et.writes.every((w) => w.startsWith("校验结果 (2)!"))).toBe(true);
  await settled();
});
