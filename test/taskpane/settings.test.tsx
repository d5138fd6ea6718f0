/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { SETTINGS_KEY } from "../../src/taskpane/settings";
import { MemoryHost } from "../../src/hosts/memory";
import { builtinProfiles, getProfile, validateProfile } from "../../src/engine";
import { sampleGrid } from "./sample-grid";
import { installDomStubs, MemoryStorage, renderPane, summaryShown } from "./pane-helpers";

beforeAll(installDomStubs);

/** Lets one test make the engine throw, as an engine bug would. */
let engineThrows = false;
jest.mock("../../src/engine", () => {
  const actual = jest.requireActual("../../src/engine");
  return {
    ...actual,
    checkGrid: (...args: unknown[]) => {
      if (engineThrows) throw new Error("内部错误 #42");
      return actual.checkGrid(...args);
    },
    // The pane checks every table on the sheet through checkGridTables.
    checkGridTables: (...args: unknown[]) => {
      if (engineThrows) throw new Error("内部错误 #42");
      return actual.checkGridTables(...args);
    },
  };
});

function summaryRow(label: string): string[] {
  const row = within(screen.getByRole("table")).getByRole("rowheader", { name: label }).closest("tr")!;
  return within(row)
    .getAllByRole("cell")
    .map((c) => c.textContent ?? "");
}

function jsonFile(name: string, content: string): File {
  return new File([content], name, { type: "application/json" });
}

describe("settings", () => {
  test("the profile picker lists the built-in profiles; switching re-checks with the new rules", async () => {
    const user = userEvent.setup();
    const { storage } = renderPane([sampleGrid()]);
    await summaryShown();
    const picker = screen.getByRole("combobox", { name: "评分规则" });
    expect(within(picker).getAllByRole("option")).toHaveLength(builtinProfiles.length);
    await user.selectOptions(picker, "four-band");
    await waitFor(() => expect(summaryRow("等级")).toEqual(["优", "好"]));
    expect(screen.getByText(`评分规则：${getProfile("four-band")!.name}`)).toBeInTheDocument();
    expect(JSON.parse(storage!.getItem(SETTINGS_KEY)!).profileId).toBe("four-band");
  });

  test("a valid JSON profile is loaded, used and remembered", async () => {
    const user = userEvent.setup();
    const custom = { ...getProfile("mof-2020")!, id: "my-city", name: "本市规则", overshootReviewRatio: 2 };
    const { storage, unmount } = renderPane([sampleGrid()]);
    await summaryShown();
    expect(screen.getByTestId("verdict")).toHaveTextContent("无错误，但有 3 项需说明");
    await user.upload(
      screen.getByLabelText("加载评分规则（JSON 文件）"),
      jsonFile("city.json", JSON.stringify(custom)),
    );
    await screen.findByText("已加载评分规则“本市规则”。");
    // 150 % and 160 % are under this profile's 200 % review ratio: only the execution-rate warning is left.
    await waitFor(() => expect(screen.getByTestId("verdict")).toHaveTextContent("无错误，但有 1 项需说明"));
    expect(screen.getByText("评分规则：本市规则")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "评分规则" })).toHaveDisplayValue("本市规则（自定义）");
    unmount();

    const host = new MemoryHost([sampleGrid()]);
    render(<App host={host} storage={storage} />);
    await summaryShown();
    expect(screen.getByText("评分规则：本市规则")).toBeInTheDocument();
    expect(screen.getByTestId("verdict")).toHaveTextContent("无错误，但有 1 项需说明");
  });

  test("an invalid profile shows its errors and keeps the current rules", async () => {
    const user = userEvent.setup();
    renderPane([sampleGrid()]);
    await summaryShown();
    const input = screen.getByLabelText("加载评分规则（JSON 文件）");
    const bad = { id: "x", totalPoints: "一百" };
    const expected = validateProfile(bad);
    if (expected.ok) throw new Error("the bad profile should be invalid");
    await user.upload(input, jsonFile("bad.json", JSON.stringify(bad)));
    await screen.findByText("评分规则文件无效：");
    for (const e of expected.errors) expect(screen.getByText(e)).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "评分规则" })).toHaveValue("mof-2020");
    await user.upload(input, jsonFile("broken.json", "{ not json"));
    expect(await screen.findByText(/文件不是有效的 JSON/)).toBeInTheDocument();
    expect(screen.getByText(/评分规则：财政部/)).toBeInTheDocument();
  });

  test("switching to English changes the UI and the finding messages; the choice is remembered", async () => {
    const user = userEvent.setup();
    const { storage, unmount } = renderPane([sampleGrid()]);
    await summaryShown();
    await user.selectOptions(screen.getByRole("combobox", { name: "语言" }), "en");
    expect(await screen.findByRole("button", { name: "Check again" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Findings" })).toBeInTheDocument();
    // Messages are in the open card: open the budget-execution one.
    await user.click(screen.getByRole("button", { name: /Budget execution/, expanded: false }));
    expect(screen.getByText(/Budget execution 78.25% is below 100%/)).toBeInTheDocument();
    expect(screen.queryByText(/预算执行率78.25%低于100%/)).toBeNull();
    expect(summaryRow("Total score")).toEqual(["97.83", "97.83"]);
    unmount();
    render(<App host={new MemoryHost([sampleGrid()])} storage={storage} initialLanguage="zh" />);
    expect(await screen.findByRole("button", { name: "Check again" })).toBeInTheDocument();
  });

  test("initialLanguage applies when nothing is stored", async () => {
    render(<App host={new MemoryHost([sampleGrid()])} storage={new MemoryStorage()} initialLanguage="en" />);
    expect(await screen.findByRole("heading", { name: "Summary" })).toBeInTheDocument();
  });

  test("storage that throws (blocked, partitioned, private mode) does not stop the pane", async () => {
    const user = userEvent.setup();
    const broken = new MemoryStorage();
    broken.getItem = () => {
      throw new Error("SecurityError");
    };
    broken.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    renderPane([sampleGrid()], {}, { storage: broken });
    await summaryShown();
    await user.selectOptions(screen.getByRole("combobox", { name: "评分规则" }), "sichuan");
    expect(await screen.findByText(/无法保存设置/)).toBeInTheDocument();
    expect(
      within(screen.getByRole("region", { name: "校验摘要" })).getByText(/评分规则：.*四川/),
    ).toBeInTheDocument();
  });
});

describe("failures never crash the pane", () => {
  test("an engine failure shows a Chinese message, keeps the controls, and the next check recovers", async () => {
    const user = userEvent.setup();
    engineThrows = true;
    try {
      render(<App host={new MemoryHost([sampleGrid()])} storage={null} />);
      expect(await screen.findByText(/校验时出错：内部错误 #42。表格内容没有被修改/)).toBeInTheDocument();
    } finally {
      engineThrows = false;
    }
    await user.click(screen.getByRole("button", { name: "重新校验" }));
    await summaryShown();
    expect(screen.queryByText(/校验时出错/)).toBeNull();
  });

  test("a read failure is shown, not thrown", async () => {
    const host = new MemoryHost([sampleGrid()]);
    host.read = async () => {
      throw new Error("连接已断开");
    };
    render(<App host={host} storage={null} />);
    expect(await screen.findByText(/连接已断开/)).toBeInTheDocument();
  });

  test("a rendering error is caught by the error boundary with a Chinese message", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const host = new MemoryHost([sampleGrid()]);
    Object.defineProperty(host, "capabilities", {
      get() {
        throw new Error("boom");
      },
    });
    render(<App host={host} storage={null} />);
    expect(await screen.findByText("校验助手遇到意外错误")).toBeInTheDocument();
    expect(screen.getByText(/表格内容没有被修改/)).toBeInTheDocument();
    spy.mockRestore();
  });
});
