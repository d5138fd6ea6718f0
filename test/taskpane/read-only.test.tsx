/** @jest-environment jsdom */
/**
 * The pane on a host that cannot write (a Word document's table, issue 18): the same cards, verdict and
 * navigation as on a workbook, every write action left out, the reason said in Chinese (English on
 * switch), 忽略 kept for the session, and a write that reaches the store anyway refused by the host.
 */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/hosts/memory";
import { ReadOnlyHost } from "../../src/hosts/read-only";
import { PaneStore } from "../../src/taskpane/store/pane-store";
import { hostErrorText } from "../../src/taskpane/host-error-text";
import { sampleGrid, setCell } from "./sample-grid";
import { installDomStubs, seenStorage, summaryShown } from "./pane-helpers";

beforeAll(installDomStubs);

/** Two rows that fell short: scores too high (更正 offered on a workbook), explanations missing. */
function faultyGrid() {
  const g = sampleGrid();
  setCell(g, "F11", 1);
  setCell(g, "F23", 20);
  return g;
}

/** The pane's write actions by their accessible names (a card line's summary "缺偏差说明" is no action). */
const WRITE_NAMES =
  /^(更正|批量更正|应用所选更正|填写偏差说明|写入|确定写入|撤销|导出|在表格中标出|下载$|Correct|Apply selected|Write|Undo|Export|Highlight)/;

function writeControls(): string[] {
  return [
    ...screen.queryAllByRole("button"),
    ...screen.queryAllByRole("switch"),
    ...screen.queryAllByRole("textbox"),
  ]
    .map((el) => (el.getAttribute("aria-label") ?? el.textContent ?? "").trim())
    .filter((n) => WRITE_NAMES.test(n));
}

function setup() {
  const memory = new MemoryHost([faultyGrid()]);
  const apply = jest.spyOn(memory, "apply");
  const undo = jest.spyOn(memory, "undo");
  const host = new ReadOnlyHost(memory, "word-document");
  const user = userEvent.setup();
  render(<App host={host} storage={seenStorage()} />);
  return { memory, host, apply, undo, user };
}

test("on a workbook the same table offers writes (the baseline the read-only pane leaves out)", async () => {
  render(<App host={new MemoryHost([faultyGrid()])} storage={seenStorage()} />);
  await summaryShown();
  expect(writeControls().length).toBeGreaterThan(0);
});

test("read-only: cards, verdict and navigation stay; no write action is reachable; the reason is said", async () => {
  const { apply, undo, user } = setup();
  await summaryShown();
  expect(screen.getByTestId("read-only").textContent).toContain(
    "表格来自 Word 文档，无法写回；请在原文档中修改",
  );
  expect(screen.getByTestId("verdict").textContent).toMatch(/暂不能提交/);
  // Step through every card with 下一个 (each opens in turn) and look for a write action on each.
  const steps = Number(/\/ ?(\d+)/.exec(screen.getByTestId("step").textContent ?? "")?.[1] ?? "0");
  const total = steps || within(screen.getByTestId("cards")).getAllByRole("listitem").length;
  for (let i = 0; i < total; i++) {
    await user.click(screen.getByTestId("next-problem"));
    expect(writeControls()).toEqual([]);
  }
  expect(screen.getByTestId("step").textContent).toMatch(/第 \d+ \/ \d+ 项/);
  // A row that needs its 偏差说明 says where to write it.
  const card = screen.getAllByTestId("read-only-card")[0];
  expect(card.textContent).toContain("须在 Word 原文档中修改");
  expect(screen.queryByRole("region", { name: /更正得分/ })).toBeNull();
  expect(screen.queryByRole("switch")).toBeNull();
  expect(apply).not.toHaveBeenCalled();
  expect(undo).not.toHaveBeenCalled();
});

test("忽略 works in memory: the card is set aside, the workbook untouched", async () => {
  const { memory, user } = setup();
  await summaryShown();
  const before = JSON.stringify(memory.grid(memory.activeSheet()).values);
  await user.click(screen.getByTestId("next-problem"));
  const open = document
    .querySelector<HTMLElement>("[data-card-key] button[aria-expanded='true']")!
    .closest<HTMLElement>("[data-card-key]")!;
  const ignore = within(open).getByRole("button", { name: "忽略" });
  expect(ignore.getAttribute("title")).toContain("仅本次打开时有效");
  await user.click(ignore);
  await screen.findByText(/已忽略 1 项/);
  expect(JSON.stringify(memory.grid(memory.activeSheet()).values)).toBe(before);
});

test("English: the reason in English", async () => {
  const memory = new MemoryHost([faultyGrid()]);
  render(
    <App host={new ReadOnlyHost(memory, "word-document")} storage={seenStorage()} initialLanguage="en" />,
  );
  await summaryShown();
  expect(screen.getByTestId("read-only").textContent).toContain("cannot be written back");
});

test("a write that reaches the store anyway is refused by the host, in Chinese", async () => {
  const memory = new MemoryHost([faultyGrid()]);
  const apply = jest.spyOn(memory, "apply");
  const store = new PaneStore(new ReadOnlyHost(memory, "word-document"), undefined);
  store.start();
  await store.idle();
  const out = await store.write([{ kind: "value", cell: "F11", value: 0.5, purpose: "score" }]);
  expect(out.result?.ok).toBe(false);
  expect(hostErrorText(out.result, "zh")).toContain("表格来自 Word 文档，无法写回");
  expect(await store.setHighlights(true)).toMatchObject({ ok: false, reason: "read-only" });
  expect(apply).not.toHaveBeenCalled();
  await waitFor(() => expect(store.getSnapshot().undoDepth).toBe(0));
  store.dispose();
});
