/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { sampleGrid, setCell, otherGrid } from "./sample-grid";
import { installDomStubs, renderPane, summaryShown } from "./pane-helpers";

beforeAll(() => {
  installDomStubs();
  // axe probes canvas for icon fonts; jsdom has none and would log "not implemented".
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
});

/** Serious and critical axe violations, with enough detail to fix them. */
async function seriousViolations(root: Element): Promise<string[]> {
  const res = await axe.run(root, { resultTypes: ["violations"] });
  return res.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

function faultyGrid() {
  const g = sampleGrid();
  setCell(g, "F11", 1);
  setCell(g, "F23", 20);
  return g;
}

describe("accessibility", () => {
  test("the full pane (findings, cards, corrections, settings) has no serious axe violations", async () => {
    const user = userEvent.setup();
    const { container } = renderPane([faultyGrid()], { capabilities: { restoreFills: false } });
    await summaryShown();
    // Open the confirmation too, so its controls are checked.
    const section = screen.getByRole("region", { name: "更正得分" });
    await user.click(within(section).getByRole("checkbox", { name: "全选" }));
    await user.click(within(section).getByRole("button", { name: /应用所选更正/ }));
    expect(await seriousViolations(container)).toEqual([]);
  });

  test("the check itself can fail: an unlabelled control is reported", async () => {
    const { container } = renderPane([sampleGrid()]);
    await summaryShown();
    const stray = document.createElement("select");
    container.querySelector("main")!.appendChild(stray);
    expect((await seriousViolations(container)).join("\n")).toMatch(/select-name/);
    stray.remove();
  });

  test("the not-a-table state has no serious axe violations", async () => {
    const { container } = renderPane([otherGrid()]);
    await screen.findByText(/不是绩效自评表/);
    expect(await seriousViolations(container)).toEqual([]);
  });

  test("every control is reachable with the keyboard, the main button first", async () => {
    const user = userEvent.setup();
    renderPane([faultyGrid()]);
    await summaryShown();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "重新校验" }));
    const reached = new Set<Element>();
    for (let i = 0; i < 200 && document.activeElement; i++) {
      reached.add(document.activeElement);
      await user.tab();
      if (document.activeElement === document.body) break;
    }
    const must = [
      screen.getByRole("combobox", { name: "工作表" }),
      screen.getByRole("button", { name: "下一个问题" }),
      ...Array.from(document.querySelectorAll("[data-finding-index]")),
      ...screen.getAllByRole("button", { name: "写入单元格" }),
      ...screen.getAllByRole("textbox"),
      screen.getByRole("checkbox", { name: "全选" }),
      screen.getByRole("switch", { name: "在表格中标出问题" }),
      screen.getByRole("button", { name: "导出到“校验结果”工作表" }),
      screen.getByRole("combobox", { name: "评分规则" }),
      screen.getByLabelText("加载评分规则（JSON 文件）"),
      screen.getByRole("combobox", { name: "语言" }),
    ];
    for (const el of must) expect(reached.has(el)).toBe(true);
    // Enter on a finding selects its cell like a click does.
    const first = document.querySelector<HTMLElement>('[data-finding-index="0"]')!;
    first.focus();
    await user.keyboard("{Enter}");
    expect(first).toHaveAttribute("aria-current", "true");
  });
});
