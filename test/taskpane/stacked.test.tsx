/**
 * @jest-environment jsdom
 *
 * The pane on a sheet with three 自评表 stacked one under another: a 表格 picker chooses which table's
 * report the pane shows, and every click, write and highlight lands on that table's own cells.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Grid } from "../../src/engine/grid";
import { sampleGrid, setCell, SAMPLE_SHEET } from "./sample-grid";
import { cardOf, openEditor, installDomStubs, renderPane, summaryShown, settled } from "./pane-helpers";

beforeAll(installDomStubs);

/** Rows between two stacked tables (the sample is 28 rows high, then 2 blank rows). */
const OFF = 30;

/** Grids one under another with two blank rows between them; merges move with their rows. */
function stack(grids: Grid[]): Grid {
  const out: Grid = { name: SAMPLE_SHEET, values: [], text: [], formats: [], merges: [] };
  for (const g of grids) {
    while (out.values.length % OFF !== 0) {
      out.values.push([]);
      out.text!.push([]);
      out.formats!.push([]);
    }
    const off = out.values.length;
    g.values.forEach((row, r) => {
      out.values.push(row.slice());
      out.text!.push((g.text?.[r] ?? []).slice());
      out.formats!.push((g.formats?.[r] ?? []).slice());
    });
    for (const m of g.merges) out.merges.push({ ...m, top: m.top + off, bottom: m.bottom + off });
  }
  return out;
}

/** Table 1 is the 2021 sample; table 2 gives full marks to 1 of ≥2 宣传次数; table 3 belongs to another unit. */
function stackedGrid(): Grid {
  const second = sampleGrid();
  setCell(second, "A1", "2022 年度部门整体支出绩效自评表");
  setCell(second, "B2", "某区林业局");
  setCell(second, "F11", 1);
  const third = sampleGrid();
  setCell(third, "B2", "某区水利局");
  return stack([sampleGrid(), second, third]);
}

const picker = () => screen.getByRole("combobox", { name: "表格" });
const optionTexts = () =>
  within(picker())
    .getAllByRole("option")
    .map((o) => o.textContent);

describe("a sheet with three stacked tables", () => {
  test("the 表格 picker lists them; the first is shown by default", async () => {
    renderPane([stackedGrid()]);
    await summaryShown();
    expect(optionTexts()).toEqual([
      "第 1 张：2021 年度部门整体支出绩效自评表（株洲市芦淞区自然资源局）",
      "第 2 张：2022 年度部门整体支出绩效自评表（某区林业局）",
      "第 3 张：2021 年度部门整体支出绩效自评表（某区水利局）",
    ]);
    expect(picker()).toHaveValue("0");
    expect(screen.getByText("本工作表有 3 张自评表，当前为第 1 张（A1:I28）")).toBeInTheDocument();
    expect(screen.getByTestId("verdict")).not.toHaveTextContent("暂不能提交");
    expect(document.querySelector('[data-codes~="SCORE_TOO_HIGH"]')).toBeNull();
  });

  test("choosing table 2 shows its report; clicking its finding selects the cell in the lower table", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([stackedGrid()]);
    await summaryShown();
    await user.selectOptions(picker(), "1");
    await settled();
    expect(picker()).toHaveValue("1");
    expect(screen.getByText(`本工作表有 3 张自评表，当前为第 2 张（A31:I58）`)).toBeInTheDocument();
    const finding = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-codes~="SCORE_TOO_HIGH"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(finding.dataset.cells!.split(" ")).toContain(`H${11 + OFF}`);
    await user.click(within(finding).getByRole("button", { expanded: false }));
    expect(finding).toHaveTextContent(`单元格 H${11 + OFF}`);
    expect(host.selection()).toEqual({ sheet: SAMPLE_SHEET, cell: `H${11 + OFF}` });
    // The summary is table 2's: 总分 declared 97.83, recomputed lower.
    const row = within(screen.getByRole("table")).getByRole("rowheader", { name: "总分" }).closest("tr")!;
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["97.83", "94.83"]);
  });

  test("the choice survives a re-check and a write; an explanation goes into the lower table's cell", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([stackedGrid()]);
    await summaryShown();
    await user.selectOptions(picker(), "1");
    await settled();
    await user.click(screen.getByRole("button", { name: "重新校验" }));
    await settled();
    expect(picker()).toHaveValue("1");
    expect(document.querySelector('[data-codes~="SCORE_TOO_HIGH"]')).not.toBeNull();

    const box = await openEditor(user, "灾害防治知识宣传次数(次)");
    await user.clear(box);
    await user.type(box, "受天气影响第二次宣传延期，下年度提前安排。");
    // One part only: refused until the improvement measures are there too.
    await user.click(within(cardOf("灾害防治知识宣传次数(次)")).getByRole("button", { name: "写入单元格" }));
    expect(host.grid(SAMPLE_SHEET).values[10 + OFF][8]).toBeNull();
    await user.clear(box);
    await user.type(box, "偏差原因：受天气影响第二次宣传延期；改进措施：下年度提前安排。");
    await user.click(within(cardOf("灾害防治知识宣传次数(次)")).getByRole("button", { name: "写入单元格" }));
    await screen.findByText(`已写入 I${11 + OFF}。`);
    expect(host.grid(SAMPLE_SHEET).values[10 + OFF][8]).toBe(
      "偏差原因：受天气影响第二次宣传延期；改进措施：下年度提前安排。",
    );
    expect(host.grid(SAMPLE_SHEET).values[10][8]).toBeNull();
    await settled();
    expect(picker()).toHaveValue("1");
  });

  test("highlights follow the chosen table", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([stackedGrid()]);
    await summaryShown();
    await user.selectOptions(picker(), "1");
    await settled();
    await user.click(screen.getByRole("switch", { name: "在表格中标出问题" }));
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, `H${11 + OFF}`)).toBe("#FFC7CE"));
    expect(host.fill(SAMPLE_SHEET, "H11")).toBeNull();
    await user.selectOptions(picker(), "0");
    await settled();
    await waitFor(() => expect(host.fill(SAMPLE_SHEET, `H${11 + OFF}`)).toBeNull());
    // Table 1's own warning (受众人数 150 %) is marked instead.
    expect(host.fill(SAMPLE_SHEET, "F12")).toBe("#FFEB9C");
    expect(host.fill(SAMPLE_SHEET, `F${12 + OFF}`)).toBeNull();
  });

  test("when the number of tables changes, the pane goes back to the first", async () => {
    const user = userEvent.setup();
    const { host } = renderPane([stackedGrid()]);
    await summaryShown();
    await user.selectOptions(picker(), "1");
    await settled();
    // The user clears table 3's indicator header: two tables remain.
    act(() => host.setCell(SAMPLE_SHEET, `D${10 + 2 * OFF}`, null));
    await waitFor(() => expect(optionTexts()).toHaveLength(2), { timeout: 3000 });
    expect(picker()).toHaveValue("0");
    expect(document.querySelector('[data-codes~="SCORE_TOO_HIGH"]')).toBeNull();
  });

  test("English strings", async () => {
    renderPane([stackedGrid()], {}, { initialLanguage: "en" });
    await screen.findByRole("heading", { name: /Summary/ }, { timeout: 5000 });
    const select = screen.getByRole("combobox", { name: "Table" });
    expect(within(select).getAllByRole("option")[1].textContent).toBe(
      "Table 2: 2022 年度部门整体支出绩效自评表（某区林业局）",
    );
    expect(screen.getByText("This sheet holds 3 tables; showing table 1 (A1:I28)")).toBeInTheDocument();
  });
});

test("an ordinary sheet has no 表格 picker", async () => {
  renderPane([sampleGrid()]);
  await summaryShown();
  expect(screen.queryByRole("combobox", { name: "表格" })).toBeNull();
  expect(screen.getByRole("combobox", { name: "工作表" })).toBeInTheDocument();
});
