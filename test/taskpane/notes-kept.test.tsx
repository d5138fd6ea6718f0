/** @jest-environment jsdom */
/**
 * The "已在自评报告中说明" mark in the pane on the Excel host: no "this session only" line where
 * Office keeps document settings; the line where it has none, or where saving the mark failed.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { ExcelHost } from "../../src/hosts/excel";
import { MockWorkbook } from "../hosts/excel-mock";
import { cardOf, installDomStubs, seenStorage, summaryShown } from "./pane-helpers";
import { sampleGrid } from "./sample-grid";

beforeAll(installDomStubs);

const SESSION_ONLY = "当前程序无法把此标记随工作簿保存，关闭后需重新标记。";

async function markIn(wb: MockWorkbook) {
  const user = userEvent.setup();
  render(<App host={new ExcelHost(wb.excelApi(), { now: () => 0 })} storage={seenStorage()} />);
  await summaryShown();
  await user.click(within(cardOf("预算执行")).getByRole("button", { expanded: false }));
  const box = screen.getByRole("checkbox", { name: "已在自评报告中说明" });
  return { user, box };
}

test("Excel with document settings: the mark is saved in the workbook, and no session-only line", async () => {
  // Below ExcelApi 1.7 marks live in document settings; from 1.7 in custom properties (test/hosts).
  const wb = new MockWorkbook([{ grid: sampleGrid() }], { api: "1.6" });
  const { user, box } = await markIn(wb);
  expect(screen.queryByText(SESSION_ONLY)).toBeNull();
  await user.click(box);
  await waitFor(() => expect(wb.savedSettings.size).toBe(1));
  expect(screen.queryByText(SESSION_ONLY)).toBeNull();
});

test("Excel without document settings: the card says the mark lasts this session only", async () => {
  const wb = new MockWorkbook([{ grid: sampleGrid() }], { api: "1.6", documentSettings: false });
  await markIn(wb);
  expect(screen.getByText(SESSION_ONLY)).toBeInTheDocument();
});

test("saving the mark fails (read-only document): it stays ticked, and the card says so", async () => {
  const wb = new MockWorkbook([{ grid: sampleGrid() }], { api: "1.6" });
  wb.settingsSaveFails = true;
  const { user, box } = await markIn(wb);
  await user.click(box);
  expect(await screen.findByText(SESSION_ONLY)).toBeInTheDocument();
  expect(screen.getByRole("checkbox", { name: "已在自评报告中说明" })).toBeChecked();
});
