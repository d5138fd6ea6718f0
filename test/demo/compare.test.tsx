/** @jest-environment jsdom */
/**
 * The demo's second file (issue 20): beside the opened 自评表, another workbook is opened as its 申报表
 * from the pane's 对照申报表 bar; the comparison findings appear as cards and the document shown stays
 * the 自评表. The xlsx reader itself is tested in test/xlsx; here it returns grids built in code.
 */
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { DemoApp, makeDoc } from "../../src/demo/DemoApp";
import { COMPARE_SETTING } from "../../src/taskpane/store/comparison";
import { installDomStubs, withCode } from "../taskpane/pane-helpers";
import { SELF_ROWS, selfGrid } from "../targets/builders";
import type { SelfRow } from "../targets/builders";

const reads: { fileName?: string; bytes: number }[] = [];
jest.mock("../../src/xlsx/read", () => ({
  readWorkbook: async (bytes: ArrayBuffer, options: { fileName?: string }) => {
    reads.push({ fileName: options.fileName, bytes: bytes.byteLength });
    const b = require("../targets/builders") as typeof import("../targets/builders");
    return [b.approvedGrid(b.APPROVED_ROWS, { name: "目标表" })];
  },
}));

beforeAll(installDomStubs);
beforeEach(() => {
  reads.length = 0;
});

const SELF: SelfRow[] = SELF_ROWS.map((r) =>
  r[2] === "受益农户" ? [r[0], r[1], r[2], "≥600户", "820户", r[5], r[6]] : r,
);

function demo() {
  const doc = makeDoc("自评.xlsx", { grids: [selfGrid(SELF)], fills: {} }, { bytes: new ArrayBuffer(0) });
  render(<DemoApp initial={doc} />);
  return doc;
}

test("opens a second workbook as the 申报表: its findings appear as cards, kept for the session only", async () => {
  const user = userEvent.setup();
  const doc = demo();
  await screen.findByRole("heading", { name: "校验摘要" }, { timeout: 5000 });
  expect(withCode("TARGET_CHANGED")).toHaveLength(0);
  const file = new File([new Uint8Array([1, 2, 3])], "2024申报表.xlsx");
  await user.click(screen.getByRole("button", { name: "对照申报表 / 对照上年" }));
  await user.upload(screen.getByTestId("compare-file-approved"), file);
  await waitFor(() => expect(withCode("TARGET_CHANGED")).toHaveLength(1), { timeout: 5000 });
  expect(reads).toEqual([{ fileName: "2024申报表.xlsx", bytes: 3 }]);
  expect(screen.getByText("正在对照：2024申报表.xlsx（仅本次会话）")).toBeInTheDocument();
  // The other workbook is not the document: the top bar still shows the 自评表, nothing kept in it.
  expect(screen.getByTestId("file-name")).toHaveTextContent("自评.xlsx");
  expect(await doc.memory.getSetting(COMPARE_SETTING)).toBeNull();

  await user.click(screen.getByRole("button", { name: "取消对照" }));
  await waitFor(() => expect(withCode("TARGET_CHANGED")).toHaveLength(0));
});

test("a second file that is not a workbook is refused in words", async () => {
  const user = userEvent.setup({ applyAccept: false });
  demo();
  await screen.findByRole("heading", { name: "校验摘要" }, { timeout: 5000 });
  await user.click(screen.getByRole("button", { name: "对照申报表 / 对照上年" }));
  await user.upload(screen.getByTestId("compare-file-previous"), new File(["x"], "上年.pdf"));
  expect(
    await screen.findByText(/读取“上年.pdf”失败：“上年.pdf”不是 .xlsx 或 .xls 文件/),
  ).toBeInTheDocument();
  expect(reads).toHaveLength(0);
  expect(withCode("TARGET_NOT_RAISED")).toHaveLength(0);
});
