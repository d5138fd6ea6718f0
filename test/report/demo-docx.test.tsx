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
import { readDocx } from "../../src/docx/read";
import { checkDocument } from "../../src/engine/report";

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

async function openIn(name: string) {
  const user = userEvent.setup();
  render(
    <DemoApp
      initial={makeDoc("自评.xlsx", { grids: [sampleGrid()], fills: {} }, { bytes: new ArrayBuffer(0) })}
    />,
  );
  await screen.findByRole("heading", { name: "校验摘要" }, { timeout: 5000 });
  const bytes = fs.readFileSync(path.join(GEN, name));
  const file = new File([bytes], name, {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
  await user.upload(screen.getByTestId("file-input"), file);
  await screen.findByTestId("docx-findings", undefined, { timeout: 5000 });
  return bytes;
}

test("a .docx opens as its tables with the command line's findings, read-only: no pane, no 下载", async () => {
  await openIn("report-2021-department.docx");
  expect(screen.getByText(/已打开“report-2021-department\.docx”（1 张工作表，显示“表格1”）/)).toBeTruthy();
  expect(screen.getByTestId("file-name").textContent).toBe("report-2021-department.docx");
  expect(screen.getByText(/总分 97\.83/)).toBeTruthy();
  expect(screen.getByText(/不能写回文档/)).toBeTruthy();
  expect(screen.queryByRole("button", { name: "下载" })).toBeNull();
  expect(screen.queryByRole("heading", { name: "校验摘要" })).toBeNull();
});

test("prose that contradicts its table shows the same REPORT_ findings as the CLI, not 无错误", async () => {
  const bytes = await openIn("report-rate-87.25.docx");
  const cli = checkDocument("report-rate-87.25.docx", await readDocx(bytes));
  const codes = (cli.sheets[0]?.findings ?? []).map((f) => f.code);
  expect(codes).toContain("REPORT_FIGURE_MISMATCH");
  await waitFor(() =>
    expect(screen.getAllByTestId("docx-finding").map((e) => e.getAttribute("data-code"))).toEqual(codes),
  );
  expect(screen.getAllByText(/报告第 \d+ 段/).length).toBeGreaterThan(0);
});
