/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { sampleGrid, setCell, otherGrid } from "./sample-grid";
import {
  cardOf,
  installDomStubs,
  openCorrections,
  openEditor,
  renderPane,
  summaryShown,
} from "./pane-helpers";

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
    // Open a card's editor and the confirmation too, so their controls are checked.
    await openEditor(user, "灾害防治知识宣传次数(次)");
    const section = await openCorrections(user);
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

  test("every control is reachable with the keyboard; in an open editor the text box comes first", async () => {
    const user = userEvent.setup();
    renderPane([faultyGrid()]);
    await summaryShown();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "上一个" }));
    const section = await openCorrections(user);
    (document.activeElement as HTMLElement).blur();
    const reached = new Set<Element>();
    for (let i = 0; i < 200 && document.activeElement; i++) {
      reached.add(document.activeElement);
      await user.tab();
      if (document.activeElement === document.body) break;
    }
    const must = [
      screen.getByRole("button", { name: "下一个" }),
      screen.getByRole("button", { name: "重新校验" }),
      screen.getByRole("combobox", { name: "工作表" }),
      ...Array.from(document.querySelectorAll("[data-card-key] button[aria-expanded]")),
      ...screen.getAllByRole("button", { name: /^填写偏差说明：/ }),
      within(section).getByRole("checkbox", { name: "全选" }),
      screen.getByRole("switch", { name: "在表格中标出问题" }),
      screen.getByRole("button", { name: "导出到“校验结果”工作表" }),
      screen.getByRole("combobox", { name: "评分规则" }),
      screen.getByRole("button", { name: "加载评分规则文件…" }),
      screen.getByRole("combobox", { name: "语言" }),
    ];
    for (const el of must) expect(reached.has(el)).toBe(true);
    // Enter on a card's line opens it like a click does.
    const line = cardOf("植树造林面积(亩)").querySelector<HTMLElement>("button[aria-expanded]")!;
    line.focus();
    await user.keyboard("{Enter}");
    expect(line).toHaveAttribute("aria-expanded", "true");
    // The editor: the text box first, 写入 right under it (in view at 320 × 768), then one tab stop
    // per phrase group (arrow keys move inside).
    const box = await openEditor(user, "植树造林面积(亩)");
    expect(document.activeElement).toBe(box);
    const card = cardOf("植树造林面积(亩)");
    const toolbars = within(card).getAllByRole("toolbar");
    await user.tab();
    expect(document.activeElement).toBe(within(card).getByRole("button", { name: "写入单元格" }));
    await user.tab();
    expect(document.activeElement).toBe(within(card).getByRole("button", { name: "收起" }));
    await user.tab();
    const firstGroup = within(toolbars[0]).getAllByRole("button");
    expect(document.activeElement).toBe(firstGroup[0]);
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(firstGroup[1]);
    await user.tab();
    expect(toolbars[1].contains(document.activeElement)).toBe(true);
    // Phrase buttons outside the tab order: one stop per group.
    const stops = Array.from(card.querySelectorAll("[role=toolbar] button")).filter(
      (b) => b.getAttribute("tabindex") !== "-1",
    );
    expect(stops).toHaveLength(toolbars.length);
  });
});
