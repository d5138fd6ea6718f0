/** @jest-environment jsdom */
/** The demo opens a 自评报告 .docx: its Word table becomes the sheet the pane checks; 下载 explains itself. */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TextDecoder, TextEncoder } from "util";
import { DemoApp, makeDoc } from "../../src/demo/DemoApp";
import { installDomStubs } from "../taskpane/pane-helpers";
import { sampleGrid } from "../taskpane/sample-grid";

const GEN = path.join(__dirname, "..", "fixtures", "generated");

beforeAll(() => {
  installDomStubs();
  // jsdom lacks what every browser has: TextEncoder/TextDecoder and Blob.arrayBuffer.
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  if (!Blob.prototype.arrayBuffer)
    Blob.prototype.arrayBuffer = function (this: Blob) {
      return new Promise<ArrayBuffer>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(r.result as ArrayBuffer);
        r.readAsArrayBuffer(this);
      });
    };
});

test("a .docx opens as its tables, the pane checks 表格1 (97.83, 优), and 下载 says Word is not written back", async () => {
  const user = userEvent.setup();
  render(
    <DemoApp
      initial={makeDoc("自评.xlsx", { grids: [sampleGrid()], fills: {} }, { bytes: new ArrayBuffer(0) })}
    />,
  );
  await screen.findByRole("heading", { name: "校验摘要" }, { timeout: 5000 });
  const bytes = fs.readFileSync(path.join(GEN, "report-2021-department.docx"));
  const file = new File([bytes], "自评报告.docx", {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
  await user.upload(screen.getByTestId("file-input"), file);
  await screen.findByText(/已打开“自评报告\.docx”（1 张工作表，显示“表格1”）/, undefined, { timeout: 5000 });
  await waitFor(() => expect(screen.getByTestId("file-name").textContent).toBe("自评报告.docx"));
  await screen.findByRole("heading", { name: "校验摘要" }, { timeout: 5000 });
  expect((await screen.findAllByText("97.83")).length).toBeGreaterThan(0);
  await user.click(screen.getByRole("button", { name: "下载" }));
  expect(screen.getByText(/Word 文档中的表格只供检查，不能写回文档/)).toBeTruthy();
});
