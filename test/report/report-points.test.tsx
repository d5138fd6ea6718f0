/** @jest-environment jsdom */
/** 生成报告要点 in the pane: the drafted paragraphs of the sample table, copied by section or all. */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkGridTables, defaultProfile } from "../../src/engine";
import { ReportPoints } from "../../src/taskpane/components/ReportPoints";
import { sampleGrid } from "../taskpane/sample-grid";
import { installDomStubs, renderPane, summaryShown } from "../taskpane/pane-helpers";

beforeAll(installDomStubs);

function renderPoints(lang: "zh" | "en" = "zh") {
  const grid = sampleGrid();
  const r = checkGridTables(grid);
  if (!r.ok) throw new Error(r.reason);
  return render(
    <FluentProvider theme={webLightTheme}>
      <ReportPoints
        report={r.tables[0].report}
        table={r.tables[0].table}
        grid={grid}
        profile={defaultProfile()}
        lang={lang}
      />
    </FluentProvider>,
  );
}

describe("ReportPoints", () => {
  it("shows the drafted sections with the table's figures on demand", async () => {
    renderPoints();
    expect(screen.queryByText(/1839\.1 万元/)).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "生成报告要点" }));
    // The drafting code is a chunk of its own, loaded on this first click.
    expect(await screen.findByRole("heading", { name: "二、预算执行情况" })).toBeTruthy();
    expect(screen.getByText(/全年预算数 1839\.1 万元.*预算执行率 78\.25%/)).toBeTruthy();
    expect(screen.getByText("经自评，总分 97.83 分，等级为“优”。")).toBeTruthy();
    expect(screen.getAllByText(/^【请补充：/).length).toBeGreaterThan(2);
  });

  it("copies a section to the clipboard", async () => {
    const user = userEvent.setup();
    renderPoints();
    await user.click(screen.getByRole("button", { name: "生成报告要点" }));
    await user.click(await screen.findByRole("button", { name: "复制：五、自评结论" }));
    expect(await navigator.clipboard.readText()).toBe("五、自评结论\n经自评，总分 97.83 分，等级为“优”。");
    expect(screen.getByRole("status").textContent).toBe("已复制到剪贴板。");
  });

  it("where the clipboard is refused, puts the text in a box to copy by hand", async () => {
    const user = userEvent.setup();
    renderPoints("en");
    await user.click(screen.getByRole("button", { name: "Draft report points" }));
    jest.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    await user.click(await screen.findByRole("button", { name: "Copy all" }));
    expect(screen.getByRole("status").textContent).toMatch(/Ctrl\+C/);
    const box = screen.getByRole("textbox") as HTMLTextAreaElement;
    expect(box.value).toContain("2021 年度部门整体支出绩效自评报告");
    expect(box.value).toContain("1439.13 万元");
  });
});

describe("ReportPoints in the pane", () => {
  it("the pane on the sample offers 生成报告要点 with the table's figures", async () => {
    renderPane([sampleGrid()]);
    await summaryShown();
    await userEvent.click(screen.getByRole("button", { name: "生成报告要点" }));
    expect(await screen.findByText(/全年执行数 1439\.13 万元，预算执行率 78\.25%/)).toBeTruthy();
  });
});
