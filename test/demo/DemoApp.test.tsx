/** @jest-environment jsdom */
/**
 * The demo page around the real pane: switching sheets in the top bar remounts the pane, and 下载
 * writes the user's changes into the file — neither may leave the pane's highlight colours behind.
 * exceljs itself is exercised by the e2e suite; here the save step only records what it was given.
 */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { DemoApp, makeDoc } from "../../src/demo/DemoApp";
import type { WorkbookChanges } from "../../src/demo/changes";
import { cardOf, installDomStubs } from "../taskpane/pane-helpers";
import { otherGrid, sampleGrid, SAMPLE_SHEET } from "../taskpane/sample-grid";

const saved: WorkbookChanges[] = [];
jest.mock("../../src/demo/xlsx-chunk", () => ({
  saveXlsx: async (_bytes: ArrayBuffer, changes: WorkbookChanges) => {
    saved.push(JSON.parse(JSON.stringify(changes)));
    return new ArrayBuffer(8);
  },
  openXlsx: async () => {
    throw new Error("not used");
  },
}));

beforeAll(() => {
  installDomStubs();
  const u = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
  u.createObjectURL = () => "blob:test";
  u.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function () {};
});

beforeEach(() => {
  saved.length = 0;
});

function demo() {
  const doc = makeDoc(
    "自评.xlsx",
    { grids: [sampleGrid(), otherGrid()], fills: { [SAMPLE_SHEET]: { G4: "#DDEEFF" } } },
    { bytes: new ArrayBuffer(0) },
  );
  render(<DemoApp initial={doc} />);
  return doc;
}

async function highlightsOn(doc: ReturnType<typeof demo>) {
  const user = userEvent.setup();
  await screen.findByRole("heading", { name: "校验摘要" }, { timeout: 5000 });
  await waitFor(() => expect(screen.getByRole("switch", { name: "在表格中标出问题" })).toBeEnabled());
  await user.click(screen.getByRole("switch", { name: "在表格中标出问题" }));
  await waitFor(() => expect(doc.memory.fill(SAMPLE_SHEET, "F12")).toBe("#FFEB9C"));
  expect(doc.memory.fill(SAMPLE_SHEET, "G4")).toBe("#FFEB9C");
  await waitFor(() => expect(screen.getByRole("switch", { name: "在表格中标出问题" })).toBeEnabled());
  return user;
}

test("switching sheets in the top bar takes the pane's highlights off first", async () => {
  const doc = demo();
  const user = await highlightsOn(doc);
  await user.selectOptions(screen.getByTestId("sheet-picker"), otherGrid().name);
  await waitFor(() => expect(doc.memory.activeSheet()).toBe(otherGrid().name));
  expect(doc.memory.fill(SAMPLE_SHEET, "G4")).toBe("#DDEEFF");
  expect(doc.memory.fill(SAMPLE_SHEET, "F12")).toBeNull();
});

test("下载 with highlights on writes the workbook without them, and the highlights stay on screen", async () => {
  const doc = demo();
  const user = await highlightsOn(doc);
  await user.click(screen.getByRole("button", { name: "下载" }));
  await screen.findByText(/已下载“自评\.xlsx”：尚未做任何修改/);
  expect(saved).toHaveLength(1);
  expect(saved[0].sheets.flatMap((s) => s.fills)).toEqual([]);
  // The pane put them back: the user still sees the findings marked.
  await waitFor(() => expect(doc.memory.fill(SAMPLE_SHEET, "G4")).toBe("#FFEB9C"));
  expect(
    within(document.querySelector(".demo-pane")!).getByRole("switch", { name: "在表格中标出问题" }),
  ).toBeChecked();
});

test("下载 asks first while errors remain, and leaves the 校验结果 sheet out unless asked", async () => {
  const user = userEvent.setup();
  const faulty = sampleGrid();
  faulty.values[10][5] = 1; // F11: the first row falls short, its score and explanation are errors
  const doc = makeDoc("自评.xlsx", { grids: [faulty], fills: {} }, { bytes: new ArrayBuffer(0) });
  render(<DemoApp initial={doc} />);
  await screen.findByRole("heading", { name: "校验摘要" }, { timeout: 5000 });
  await waitFor(() => expect(screen.getByTestId("verdict")).toHaveTextContent("暂不能提交"));
  await user.click(screen.getByRole("button", { name: "导出到“校验结果”工作表" }));
  await screen.findByText("已导出到工作表“校验结果”。");
  await user.click(screen.getByRole("button", { name: "下载" }));
  const warning = await screen.findByTestId("download-warning");
  expect(warning).toHaveTextContent(/仍有 \d+ 个错误/);
  expect(saved).toHaveLength(0);
  await user.click(within(warning).getByRole("button", { name: "仍然下载" }));
  await screen.findByText(/已下载“自评\.xlsx”/);
  expect(saved[0].added).toEqual([]);
  // Asked for: the sheet goes along.
  await user.click(screen.getByRole("checkbox", { name: "包含“校验结果”工作表" }));
  await user.click(screen.getByRole("button", { name: "下载" }));
  await user.click(
    within(await screen.findByTestId("download-warning")).getByRole("button", { name: "仍然下载" }),
  );
  await waitFor(() => expect(saved).toHaveLength(2));
  expect(saved[1].added.map((a) => a.name)).toEqual(["校验结果"]);
});

test("a warning marked 已在自评报告中说明 goes into the download, and a file that carries it opens marked", async () => {
  const user = userEvent.setup();
  const doc = demo();
  await screen.findByRole("heading", { name: "校验摘要" }, { timeout: 5000 });
  await user.click(within(cardOf("预算执行")).getByRole("button", { expanded: false }));
  await user.click(screen.getByRole("checkbox", { name: "已在自评报告中说明" }));
  const mark = JSON.stringify(["自评表!FUNDS_LOW_EXECUTION@G4"]);
  await waitFor(() => expect(doc.memory.settingValues()).toEqual({ "ziping.explainedInReport": mark }));
  // No "this session only" line: the demo keeps it in the file.
  expect(screen.queryByText(/关闭后需重新标记/)).toBeNull();
  await user.click(screen.getByRole("button", { name: "下载" }));
  await screen.findByText(/已下载“自评\.xlsx”：在原工作簿上写入了 1 处修改/);
  expect(saved[0].settings).toEqual({ "ziping.explainedInReport": mark });

  // Opened again (openXlsx read the property back): the card shows it marked.
  const again = makeDoc(
    "自评.xlsx",
    { grids: [sampleGrid()], fills: {}, settings: { "ziping.explainedInReport": mark } },
    { bytes: new ArrayBuffer(0) },
  );
  document.body.innerHTML = "";
  render(<DemoApp initial={again} />);
  await screen.findByRole("heading", { name: "校验摘要" }, { timeout: 5000 });
  await user.click(within(cardOf("预算执行")).getByRole("button", { expanded: false }));
  expect(screen.getByRole("checkbox", { name: "已在自评报告中说明" })).toBeChecked();
});

test("the first-run note links to the help page that the demo build puts beside index.html", async () => {
  localStorage.clear();
  demo();
  const note = await screen.findByTestId("first-run");
  const link = within(note).getByRole("link", { name: "使用帮助" });
  expect(link).toHaveAttribute("href", "help.html");
  expect(link).toHaveAttribute("target", "_blank");
});
