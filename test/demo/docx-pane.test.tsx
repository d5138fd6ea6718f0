/** @jest-environment jsdom */
/**
 * The demo opens a 自评报告 .docx in the real pane (issue 18): its Word table checked with the report's
 * prose exactly as `ziping check 报告.docx` checks it, REPORT_ findings on cards that point at the prose,
 * and no write action anywhere — the pane says why (表格来自 Word 文档，无法写回).
 */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TextDecoder, TextEncoder } from "util";
import { DemoApp, makeDoc } from "../../src/demo/DemoApp";
import { installDomStubs, summaryShown } from "../taskpane/pane-helpers";
import { sampleGrid } from "../taskpane/sample-grid";
import { defaultProfile } from "../../src/engine/profiles";
import type { FindingCode } from "../../src/engine";

const GEN = path.join(__dirname, "..", "fixtures", "generated");

/** Names of every control that would write to the table, in either language. */
/** The pane's write actions by their accessible names (a card line's summary "缺偏差说明" is no action). */
const WRITE_NAMES =
  /^(更正|批量更正|应用所选更正|填写偏差说明|写入|确定写入|撤销|导出|在表格中标出|下载$|Correct|Apply selected|Write|Undo|Export|Highlight)/;

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
  await summaryShown();
  const bytes = fs.readFileSync(path.join(GEN, name));
  const file = new File([bytes], name, {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
  await user.upload(screen.getByTestId("file-input"), file);
  await screen.findByTestId("read-only", undefined, { timeout: 5000 });
  await summaryShown();
  return { user };
}

/** What `ziping check <file>.docx` reports for its first table: the codes, in order. */
async function cliCodes(name: string): Promise<FindingCode[]> {
  // The CLI's own module (loaded after beforeAll: the xlsx reader needs TextEncoder when it loads).
  const { checkDocxFile } = await import("../../src/docx/check-file");
  const fr = await checkDocxFile(path.join(GEN, name), name, { profile: defaultProfile() });
  expect(fr.error).toBeNull();
  return fr.sheets[0].findings.map((f) => f.code);
}

/** Every finding the pane shows: each card opened in turn, plus the DIRECTION_INFERRED line. */
async function paneCodes(user: ReturnType<typeof userEvent.setup>): Promise<FindingCode[]> {
  const out: string[] = [];
  const cards = () => within(screen.getByTestId("cards")).getAllByRole("listitem");
  const keys = cards()
    .map((c) => c.getAttribute("data-card-key"))
    .filter((k): k is string => k !== null);
  for (const key of keys) {
    const card = cards().find((c) => c.getAttribute("data-card-key") === key)!;
    const toggle = within(card).getAllByRole("button")[0];
    if (toggle.getAttribute("aria-expanded") !== "true") await user.click(toggle);
    const open = cards().find((c) => c.getAttribute("data-card-key") === key)!;
    for (const li of open.querySelectorAll("li[data-code]")) out.push(li.getAttribute("data-code")!);
  }
  const direction = screen.queryByTestId("direction-notes");
  if (direction) {
    await user.click(within(direction).getByRole("button"));
    for (const li of direction.querySelectorAll("li[data-code]")) out.push(li.getAttribute("data-code")!);
  }
  return out.sort() as FindingCode[];
}

/** Every control in the pane a keyboard or a mouse can reach. */
function controls(): HTMLElement[] {
  return [
    ...screen.queryAllByRole("button"),
    ...screen.queryAllByRole("switch"),
    ...screen.queryAllByRole("checkbox"),
    ...screen.queryAllByRole("textbox"),
  ];
}

function nameOf(el: HTMLElement): string {
  return (el.getAttribute("aria-label") ?? el.textContent ?? "").trim();
}

test("the reference report opens in the pane, read-only and saying why", async () => {
  const { user } = await openIn("report-2021-department.docx");
  expect(screen.getByText(/已打开“report-2021-department\.docx”（1 张工作表，显示“表格1”）/)).toBeTruthy();
  const note = screen.getByTestId("read-only");
  expect(note.textContent).toContain("表格来自 Word 文档，无法写回；请在原文档中修改");
  // The pane's own summary, verdict and navigation, on the Word table.
  expect(screen.getByTestId("summary-总分").textContent).toContain("97.83");
  expect(screen.getByTestId("verdict")).toBeTruthy();
  expect(screen.getByTestId("next-problem")).toBeTruthy();
  // No write anywhere: not in the header, not on any card once opened, not under the cards.
  await paneCodes(user);
  const writers = controls().filter((el) => WRITE_NAMES.test(nameOf(el)));
  expect(writers.map(nameOf)).toEqual([]);
  expect(screen.queryByRole("switch")).toBeNull();
  expect(screen.queryByRole("button", { name: "下载" })).toBeNull();
});

test("prose that contradicts its table: the same findings as the CLI, REPORT_ cards at the paragraph", async () => {
  const name = "report-rate-87.25.docx";
  const cli = await cliCodes(name);
  expect(cli).toContain("REPORT_FIGURE_MISMATCH");
  const { user } = await openIn(name);
  await waitFor(() => expect(screen.getByTestId("verdict").textContent).toMatch(/暂不能提交/));
  expect(await paneCodes(user)).toEqual([...cli].sort());
  // The figure's card names the paragraph and quotes its opening, not a cell.
  const card = screen
    .getAllByRole("listitem")
    .find((li) => li.getAttribute("data-codes")?.includes("REPORT_FIGURE_MISMATCH"))!;
  expect(card.getAttribute("data-card-key")).toMatch(/^report-p\d+$/);
  expect(within(card).getAllByText(/报告第 \d+ 段/).length).toBeGreaterThan(0);
  expect(card.textContent).toMatch(/“[^”]+”/);
  expect(
    controls()
      .filter((el) => WRITE_NAMES.test(nameOf(el)))
      .map(nameOf),
  ).toEqual([]);
});

test("a missed target the prose calls met: codes as the CLI's; 忽略 is offered for this session only", async () => {
  const name = "report-target-missed.docx";
  const cli = await cliCodes(name);
  expect(cli).toContain("REPORT_CLAIM_CONTRADICTED");
  const { user } = await openIn(name);
  expect(await paneCodes(user)).toEqual([...cli].sort());
  // A row that lacks its 偏差说明 says where to write it instead of offering a text box.
  const card = screen
    .getAllByRole("listitem")
    .find((li) => li.getAttribute("data-codes")?.includes("REPORT_CLAIM_CONTRADICTED"))!;
  const toggle = within(card).getAllByRole("button")[0];
  if (toggle.getAttribute("aria-expanded") !== "true") await user.click(toggle);
  const ignore = within(card).getByRole("button", { name: "忽略" });
  expect(ignore.getAttribute("title")).toContain("仅本次打开时有效");
  await user.click(ignore);
  await screen.findByText(/已忽略 1 项/);
});
