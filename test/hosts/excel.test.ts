/**
 * The Excel host against office-addin-mock (test/hosts/excel-mock.ts): what it reads, what it writes,
 * how many round trips it takes, and how it behaves on older Excel. Nothing here ran in a real Excel.
 */
import { hostErrorText } from "../../src/taskpane/host-error-text";
import type { CellValue, Grid } from "../../src/engine/grid";
import type { Edit } from "../../src/engine/types";
import { ExcelHost, type ExcelUndoEntry } from "../../src/hosts/excel";
import { excelText } from "../../src/hosts/excel/cells";
import { MockWorkbook, type MockSheetInit, type MockOptions } from "./excel-mock";

/** A 自评表-like sheet: title, header, `rows` indicator rows (target, actual, weight, score, explanation), a merged title. */
function sheet(name: string, rows: number): Grid {
  const values: CellValue[][] = [
    ["项目支出绩效自评表", null, null, null, null, null],
    ["指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ];
  const formats: (string | null)[][] = [[], []];
  const formulas: (string | null)[][] = [[], []];
  for (let i = 0; i < rows; i++) {
    values.push([`指标${i + 1}`, 100, 90 + (i % 10), 5, 4.5, i % 3 === 0 ? "已完成" : null]);
    formats.push([null, null, null, null, "0.00", null]);
    formulas.push([]);
  }
  // A total row with a formula.
  values.push(["合计", null, null, 5 * rows, 4.5 * rows, null]);
  formulas.push([null, null, null, `=SUM(D3:D${rows + 2})`, null, null]);
  formats.push([]);
  return { name, values, formats, formulas, merges: [{ top: 0, left: 0, bottom: 0, right: 5 }] };
}

/** The host's clock, moved by tests instead of sleeping. */
let clock = 0;

function setup(inits: MockSheetInit[], options?: MockOptions) {
  const wb = new MockWorkbook(inits, options);
  const host = new ExcelHost(wb.excelApi(), { ownWriteWindowMs: 200, now: () => clock });
  current = wb;
  return { wb, host };
}

let current: MockWorkbook | null = null;

/** Waits until the mock has run every sync and delivered every event; `ms` moves the host's clock. */
const tick = async (ms = 0) => {
  await current?.settled();
  clock += ms;
  await current?.settled();
};

describe("read", () => {
  test("a 5,000-row sheet is read in one sync, with values, text, formats, formulas, merges and protection", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 5000) }, { grid: sheet("附表", 3) }]);
    const read = await host.read();
    expect(wb.syncs).toBe(1);
    expect(read.sheets).toEqual(["自评表", "附表"]);
    expect(read.active).toBe("自评表");
    const g = read.grid;
    expect(g.name).toBe("自评表");
    expect(g.values.length).toBe(5003);
    expect(g.values[2]).toEqual(["指标1", 100, 90, 5, 4.5, "已完成"]);
    expect(g.values[5001][2]).toBe(99);
    expect(g.values[5002][3]).toBe(25000);
    expect(g.formulas![5002][3]).toBe("=SUM(D3:D5002)");
    expect(g.formulas![2][3]).toBeNull(); // constants are not formulas
    expect(g.formats![2][4]).toBe("0.00");
    expect(g.formats![2][0]).toBeNull(); // General
    expect(g.text![2][0]).toBe("指标1");
    expect(g.values[3][5]).toBeNull(); // empty cell
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(g.protected).toBe(false);
  });

  test("reads a named sheet, pads a used range that starts at C4, and reports protection", async () => {
    const grid: Grid = {
      name: "Sheet 2",
      values: [[], [], [], [null, null, "标题", "x"], [null, null, 1, 2]],
      merges: [{ top: 3, left: 2, bottom: 3, right: 3 }],
    };
    const { wb, host } = setup([{ grid: sheet("自评表", 2) }, { grid, protected: true }]);
    const read = await host.read("Sheet 2");
    expect(wb.syncs).toBe(1);
    expect(read.active).toBe("自评表");
    expect(read.grid.values[3]).toEqual([null, null, "标题", "x"]);
    expect(read.grid.values[4]).toEqual([null, null, 1, 2]);
    expect(read.grid.values[0]).toEqual([]);
    expect(read.grid.merges).toEqual([{ top: 3, left: 2, bottom: 3, right: 3 }]);
    expect(read.grid.protected).toBe(true);
  });

  test("an empty sheet reads as an empty grid; a missing sheet is a clear error", async () => {
    const { host } = setup([{ grid: sheet("自评表", 1) }, { grid: { name: "空", values: [], merges: [] } }]);
    expect((await host.read("空")).grid.values).toEqual([]);
    await expect(host.read("不存在")).rejects.toMatchObject({ reason: "no-sheet", sheet: "不存在" });
  });

  test("Excel before 1.13: no merged-area call (it would fail the sync), merges left to the layout", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10) }], { api: "1.12" });
    expect(host.capabilities).toEqual({ restoreFills: true, mergedAreas: false, changeEvents: true });
    const read = await host.read();
    expect(wb.syncs).toBe(1);
    expect(wb.failures).toEqual([]);
    expect(read.grid.merges).toEqual([]);
    expect(read.grid.values[2][0]).toBe("指标1");
  });

  test("ExcelApi 1.1 (Office 2016 volume licence): still one sync, protection unknown", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10) }], { api: "1.1" });
    expect(host.capabilities).toEqual({ restoreFills: false, mergedAreas: false, changeEvents: false });
    const read = await host.read();
    expect(wb.syncs).toBe(1);
    expect(wb.failures).toEqual([]);
    expect(read.grid.protected).toBeUndefined();
    expect(read.grid.values[12][4]).toBe(45);
  });
});

describe("apply and undo", () => {
  function edits200(): Edit[] {
    const out: Edit[] = [];
    for (let i = 0; i < 100; i++) {
      out.push({
        kind: "value",
        cell: `F${i + 3}`,
        value: `第${i + 1}行：受疫情影响，进度滞后。`,
        purpose: "explanation",
      });
      out.push({
        kind: "fill",
        cell: `E${i + 3}`,
        color: i % 2 ? "#FFC7CE" : "#ffeb9c",
        purpose: "highlight",
      });
    }
    return out;
  }

  test("200 edits after a read: one more sync; old values and fills recorded; undo restores them in two syncs", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 5000), fills: { E3: "#00B050", F4: "#FFFF00" } }]);
    await host.read();
    const res = await host.apply("自评表", edits200());
    expect(wb.syncs).toBe(2);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    expect(res.notes).toEqual([]);
    expect(wb.value("自评表", "F3")).toBe("第1行：受疫情影响，进度滞后。");
    expect(wb.fill("自评表", "E3")).toBe("#FFEB9C");
    expect(wb.fill("自评表", "E4")).toBe("#FFC7CE");

    const entries = res.undo.entries as ExcelUndoEntry[];
    expect(entries.length).toBe(200);
    const f3 = entries.find((e) => e.cell === "F3")!;
    expect(f3).toMatchObject({
      value: "已完成",
      formula: null,
      fill: null,
      fillKnown: true,
      wrote: { value: true, fill: false },
    });
    expect(entries.find((e) => e.cell === "E3")).toMatchObject({
      value: 4.5,
      fill: "#00B050",
      fillKnown: true,
      wrote: { value: false, fill: true },
    });
    expect(entries.find((e) => e.cell === "F4")).toMatchObject({ value: null, fill: "#FFFF00" });

    await host.undo(res.undo);
    expect(wb.syncs).toBe(4); // one read (has the user typed into a cell we wrote?), one write
    expect(wb.value("自评表", "F3")).toBe("已完成");
    expect(wb.value("自评表", "F4")).toBeNull();
    expect(wb.fill("自评表", "F4")).toBe("#FFFF00"); // untouched fill stays
    expect(wb.fill("自评表", "E3")).toBe("#00B050"); // restored, not cleared
    expect(wb.fill("自评表", "E4")).toBeNull();
    expect(wb.value("自评表", "E3")).toBe(4.5);
  });

  test("without a fresh read the host checks first: two syncs, still independent of the edit count", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 300) }]);
    const res = await host.apply("自评表", edits200());
    expect(res.ok).toBe(true);
    expect(wb.syncs).toBe(2);
  });

  test("the undo record holds the state before the batch even if the user changed a cell after the read", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 5) }]);
    await host.read();
    wb.userEdit("自评表", "F4", "用户刚写的");
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F4", value: "新的说明", purpose: "explanation" },
    ]);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    expect(res.undo.entries[0].value).toBe("用户刚写的");
    await host.undo(res.undo);
    expect(wb.value("自评表", "F4")).toBe("用户刚写的");
  });

  test("undo of highlights only takes two syncs: one checks the cells are still ours and in place, one writes", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 5) }]);
    await host.read();
    const res = await host.apply("自评表", [
      { kind: "fill", cell: "E3", color: "#FFC7CE", purpose: "highlight" },
    ]);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    const syncs = wb.syncs;
    await host.undo(res.undo);
    expect(wb.syncs - syncs).toBe(2);
    expect(wb.fill("自评表", "E3")).toBeNull();
  });

  test("a corrected score over a formula: undo puts the formula back", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 4) }]);
    await host.read();
    const res = await host.apply("自评表", [{ kind: "value", cell: "D7", value: 19.5, purpose: "total" }]);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    expect(wb.formula("自评表", "D7")).toBeNull();
    expect(wb.value("自评表", "D7")).toBe(19.5);
    await host.undo(res.undo);
    expect(wb.formula("自评表", "D7")).toBe("=SUM(D3:D6)");
    expect(wb.value("自评表", "D7")).toBe(20);
  });

  test("text is written as text: numbers-looking and formula-looking old text survive write and undo", async () => {
    const grid = sheet("自评表", 3);
    grid.values[2][5] = "-"; // a placeholder dash, which Excel would read as the start of a formula
    grid.values[3][5] = "=见附件"; // text that was entered with a quote prefix
    const { wb, host } = setup([{ grid }]);
    await host.read();
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "100%", purpose: "explanation" },
      { kind: "value", cell: "F4", value: "2021-3-1", purpose: "explanation" },
      { kind: "value", cell: "F5", value: "TRUE", purpose: "explanation" },
    ]);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    expect(wb.value("自评表", "F3")).toBe("100%");
    expect(wb.value("自评表", "F4")).toBe("2021-3-1");
    expect(wb.value("自评表", "F5")).toBe("TRUE");
    await host.undo(res.undo);
    expect(wb.value("自评表", "F3")).toBe("-");
    expect(wb.formula("自评表", "F3")).toBeNull();
    expect(wb.value("自评表", "F4")).toBe("=见附件");
    expect(wb.formula("自评表", "F4")).toBeNull();
    expect(wb.value("自评表", "F5")).toBeNull();
  });

  test("the mock is strict enough: writing an unguarded string would make a formula or a number", () => {
    expect(excelText("100%")).toBe("'100%");
    expect(excelText("=A1")).toBe("'=A1");
    expect(excelText("受疫情影响")).toBe("受疫情影响");
    expect(excelText("'引号")).toBe("''引号");
  });

  test("formula-like text is refused before anything is written (and without a round trip)", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 3) }]);
    await host.read();
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "正常说明", purpose: "explanation" },
      { kind: "value", cell: "F4", value: '=HYPERLINK("http://x")', purpose: "explanation" },
    ]);
    expect(res).toMatchObject({ ok: false, reason: "formula", cells: ["F4"] });
    expect(wb.syncs).toBe(1);
    expect(wb.writeLog).toEqual([]);
  });

  test("bad addresses, bad colours and cells inside a merged area are unwritable, nothing written", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 3) }]);
    await host.read();
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "好", purpose: "explanation" },
      { kind: "value", cell: "B1", value: "标题", purpose: "explanation" }, // inside A1:F1
      { kind: "value", cell: "R2D2", value: "x", purpose: "explanation" },
      { kind: "fill", cell: "E3", color: "red", purpose: "highlight" },
    ]);
    expect(res).toMatchObject({ ok: false, reason: "invalid", cells: ["R2D2", "E3"] });
    const merged = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "好", purpose: "explanation" },
      { kind: "value", cell: "B1", value: "标题", purpose: "explanation" }, // inside A1:F1
    ]);
    expect(merged).toMatchObject({ ok: false, reason: "merged", cells: ["B1"] });
    if (!res.ok) expect(hostErrorText(res, "zh")).toContain("未写入任何内容");
    expect(wb.writeLog).toEqual([]);
    expect(wb.syncs).toBe(1);
  });
});

describe("protected sheets", () => {
  test("a protected sheet is refused after one checking sync, before anything is written", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10), protected: true }]);
    await host.read();
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "说明", purpose: "explanation" },
      { kind: "fill", cell: "E3", color: "#FFC7CE", purpose: "highlight" },
    ]);
    expect(res).toMatchObject({ ok: false, reason: "protected", cells: ["F3", "E3"] });
    if (!res.ok) expect(hostErrorText(res, "zh")).toContain("撤销工作表保护");
    expect(wb.syncs).toBe(2);
    expect(wb.writeLog).toEqual([]);
    expect(wb.value("自评表", "F3")).toBe("已完成");
  });

  test("unlocked input cells on a protected sheet can be written; fills need the Format cells option", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10), protected: true, unlocked: ["F3", "F4"] }]);
    await host.read();
    const ok = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "说明一", purpose: "explanation" },
      { kind: "value", cell: "F4", value: "说明二", purpose: "explanation" },
    ]);
    expect(ok.ok).toBe(true);
    expect(wb.syncs).toBe(3); // read, check, write
    expect(wb.value("自评表", "F4")).toBe("说明二");

    const refused = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "说明三", purpose: "explanation" },
      { kind: "fill", cell: "F3", color: "#FFC7CE", purpose: "highlight" },
      { kind: "value", cell: "F5", value: "锁定的", purpose: "explanation" },
    ]);
    expect(refused).toMatchObject({ ok: false, reason: "protected", cells: ["F3", "F5"] });
    expect(wb.value("自评表", "F3")).toBe("说明一");
  });

  test("protected between the read and the write: Excel refuses the batch and the user is told", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10) }]);
    await host.read();
    wb.setProtected("自评表", true);
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "说明", purpose: "explanation" },
    ]);
    expect(res).toMatchObject({ ok: false, reason: "protected-since" });
    expect(wb.value("自评表", "F3")).toBe("已完成");
    // The host learnt: the next apply checks first.
    const again = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "说明", purpose: "explanation" },
    ]);
    expect(again).toMatchObject({ ok: false, reason: "protected" });
    expect(wb.failures).toEqual(["AccessDenied"]);
  });
});

describe("protected after the read, some target cells unlocked", () => {
  test("the one-sync write stops half way: what was written is put back and the message says so", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10), unlocked: ["F4"] }]);
    await host.read();
    wb.setProtected("自评表", true);
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F4", value: "说明一", purpose: "explanation" }, // unlocked: Excel writes it
      { kind: "value", cell: "F3", value: "说明二", purpose: "explanation" }, // locked: the batch fails here
    ]);
    expect(wb.failures).toEqual(["AccessDenied"]);
    expect(wb.writeLog.map((w) => w.cell)).toEqual(["F4", "F4"]); // written, then restored
    expect(res).toMatchObject({ ok: false, reason: "protected-since" });
    if (res.ok) return;
    expect(hostErrorText(res, "zh")).toContain("F4");
    expect(hostErrorText(res, "zh")).toContain("已恢复");
    expect(hostErrorText(res, "zh")).not.toContain("未写入任何内容");
    expect(wb.value("自评表", "F4")).toBeNull();
    expect(wb.value("自评表", "F3")).toBe("已完成");
    expect(wb.syncs).toBe(4); // read, failed write, re-read, restore
    // The host forgot that the sheet was unprotected: the next apply checks first and writes nothing.
    wb.writeLog.length = 0;
    const again = await host.apply("自评表", [
      { kind: "value", cell: "F4", value: "说明一", purpose: "explanation" },
      { kind: "value", cell: "F3", value: "说明二", purpose: "explanation" },
    ]);
    expect(again).toMatchObject({ ok: false, reason: "protected", cells: ["F3"] });
    expect(wb.writeLog).toEqual([]);
  });

  test("an earlier successful write is what gets restored, not the older read", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10), unlocked: ["F4"] }]);
    await host.read();
    const first = await host.apply("自评表", [
      { kind: "value", cell: "F4", value: "第一次", purpose: "explanation" },
    ]);
    expect(first.ok).toBe(true);
    wb.setProtected("自评表", true);
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F4", value: "第二次", purpose: "explanation" },
      { kind: "value", cell: "F3", value: "x", purpose: "explanation" },
    ]);
    expect(res.ok).toBe(false);
    expect(wb.value("自评表", "F4")).toBe("第一次");
  });

  test("a highlight Excel applied before failing cannot be restored: the user is told which cell", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10), allowFormatCells: true }]);
    await host.read();
    wb.setProtected("自评表", true);
    const res = await host.apply("自评表", [
      { kind: "fill", cell: "E3", color: "#FFC7CE", purpose: "highlight" },
      { kind: "value", cell: "F3", value: "说明", purpose: "explanation" },
    ]);
    expect(res).toMatchObject({ ok: false, reason: "protected-since", cells: ["E3"] });
    if (!res.ok) {
      expect(hostErrorText(res, "zh")).toContain("E3 的填充色");
      expect(hostErrorText(res, "zh")).not.toContain("未写入任何内容");
    }
    expect(wb.fill("自评表", "E3")).toBe("#FFC7CE");
  });

  test("a failed write does not leave its cells marked as ours: the user's later edit is reported", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10) }]);
    const seen: string[] = [];
    host.onChange((s) => seen.push(s));
    await tick();
    await host.read();
    wb.setProtected("自评表", true);
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "说明", purpose: "explanation" },
    ]);
    expect(res.ok).toBe(false);
    await tick(250); // past the 200 ms window
    wb.setProtected("自评表", false);
    wb.userEdit("自评表", "F3", "用户写的");
    await tick();
    expect(seen).toEqual(["自评表"]);
  });
});

describe("older Excel", () => {
  test("ExcelApi 1.8: highlights recorded as unknown, the user told, undo clears them; value cells keep their fills", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10), fills: { E3: "#00B050", F3: "#FFFF00" } }], {
      api: "1.8",
    });
    await host.read();
    const res = await host.apply("自评表", [
      { kind: "fill", cell: "E3", color: "#FFC7CE", purpose: "highlight" },
      { kind: "value", cell: "F3", value: "说明", purpose: "explanation" },
    ]);
    expect(wb.failures).toEqual([]);
    expect(wb.syncs).toBe(2);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    expect(res.notes).toEqual(["fills-not-restorable"]);
    expect(res.undo.entries.find((e) => e.cell === "E3")).toMatchObject({ fillKnown: false, fill: null });
    await host.undo(res.undo);
    expect(wb.fill("自评表", "E3")).toBeNull(); // cleared, as the note said
    expect(wb.fill("自评表", "F3")).toBe("#FFFF00"); // never touched
    expect(wb.value("自评表", "F3")).toBe("已完成");
  });

  test("ExcelApi 1.1: apply and undo work without protection or cell-property APIs", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 10) }], { api: "1.1" });
    await host.read();
    const res = await host.apply("自评表", [{ kind: "value", cell: "E3", value: 3, purpose: "score" }]);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    await host.undo(res.undo);
    expect(wb.failures).toEqual([]);
    expect(wb.value("自评表", "E3")).toBe(4.5);
  });

  test("a host that called a 1.13 API on 1.12 would fail: the mock enforces requirement sets", async () => {
    const wb = new MockWorkbook([{ grid: sheet("自评表", 2) }], { api: "1.12" });
    await expect(
      wb.excelApi().run(async (ctx) => {
        const r = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange();
        r.getMergedAreasOrNullObject().load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("select and change events", () => {
  test("select activates the sheet and selects the cell in one sync", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 2) }, { grid: sheet("附表", 2) }]);
    await host.select("附表", "E4");
    expect(wb.syncs).toBe(1);
    expect(wb.selection).toEqual({ sheet: "附表", address: "E4" });
    expect((await host.read()).active).toBe("附表");
  });

  test("a user's edit is reported; the host's own writes and undo are not; unsubscribe stops it", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 5) }, { grid: sheet("附表", 2) }]);
    const seen: string[] = [];
    const stop = host.onChange((s) => seen.push(s));
    await tick();
    expect(wb.handlerCount()).toBe(1);
    await host.read();
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "说明", purpose: "explanation" },
    ]);
    await tick();
    expect(seen).toEqual([]);
    if (res.ok) await host.undo(res.undo);
    await tick();
    expect(seen).toEqual([]);
    wb.userEdit("附表", "B3", 7);
    wb.userEdit("自评表", "F3", "用户改了"); // the same cell we wrote: still the user's
    await tick();
    expect(seen).toEqual(["附表", "自评表"]);
    stop();
    await tick();
    expect(wb.handlerCount()).toBe(0);
    wb.userEdit("自评表", "F4", "x");
    await tick();
    expect(seen.length).toBe(2);
  });

  test("after the suppression window, a change to a cell we wrote counts as the user's", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 5) }]);
    const seen: string[] = [];
    host.onChange((s) => seen.push(s));
    await tick();
    await host.apply("自评表", [{ kind: "value", cell: "F3", value: "说明", purpose: "explanation" }]);
    await tick(250);
    wb.userEdit("自评表", "F3", "再改");
    await tick();
    expect(seen).toEqual(["自评表"]);
  });

  test("ExcelApi 1.8 (no workbook-wide onChanged): each sheet is watched; own writes ignored; unsubscribe removes all", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 5) }, { grid: sheet("附表", 2) }], { api: "1.8" });
    expect(host.capabilities.changeEvents).toBe(true);
    const seen: string[] = [];
    const stop = host.onChange((s) => seen.push(s));
    await tick();
    expect(wb.failures).toEqual([]);
    expect(wb.handlerCount()).toBe(2);
    await host.read();
    await host.apply("自评表", [{ kind: "value", cell: "F3", value: "说明", purpose: "explanation" }]);
    await tick();
    expect(seen).toEqual([]);
    wb.userEdit("附表", "B3", 7);
    wb.userEdit("自评表", "F4", "用户改了");
    await tick();
    expect(seen).toEqual(["附表", "自评表"]);
    stop();
    await tick();
    expect(wb.handlerCount()).toBe(0);
  });

  test("ExcelApi 1.14: our own writes are known by triggerSource, however late the event comes", async () => {
    const wb = new MockWorkbook([{ grid: sheet("自评表", 5) }], { api: "1.14" });
    current = wb;
    // A zero window: only triggerSource can tell our writes from the user's.
    const host = new ExcelHost(wb.excelApi(), { ownWriteWindowMs: 0, now: () => clock });
    const seen: string[] = [];
    host.onChange((s) => seen.push(s));
    await tick();
    await host.read();
    const res = await host.apply("自评表", [
      { kind: "value", cell: "F3", value: "说明", purpose: "explanation" },
    ]);
    await tick(10_000);
    if (res.ok) await host.undo(res.undo);
    await tick(10_000);
    expect(seen).toEqual([]);
    wb.userEdit("自评表", "F3", "用户写的");
    await tick();
    expect(seen).toEqual(["自评表"]);
  });

  test("fills raise onFormatChanged, not onChanged: highlights never trigger a re-check and are not marked ours", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 5) }]);
    const seen: string[] = [];
    host.onChange((s) => seen.push(s));
    await tick();
    await host.read();
    await host.apply("自评表", [{ kind: "fill", cell: "E3", color: "#FFC7CE", purpose: "highlight" }]);
    await tick();
    expect(wb.formatEvents).toEqual([{ sheet: "自评表", address: "E3" }]);
    expect(seen).toEqual([]);
    // E3 was not marked ours: the user's value edit of it right after is reported.
    wb.userEdit("自评表", "E3", 3);
    await tick();
    expect(seen).toEqual(["自评表"]);
  });

  test("no change events before ExcelApi 1.7", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 2) }], { api: "1.6" });
    expect(host.capabilities.changeEvents).toBe(false);
    const stop = host.onChange(() => undefined);
    await tick();
    expect(wb.handlerCount()).toBe(0);
    expect(wb.syncs).toBe(0);
    stop();
  });
});

describe("addSheet (findings export)", () => {
  test("adds a sheet with the rows as text-safe values, in two syncs, never overwriting", async () => {
    const { wb, host } = setup([
      { grid: sheet("自评表", 2) },
      { grid: { name: "校验结果", values: [["旧的"]], merges: [] } },
    ]);
    const rows: CellValue[][] = [
      ["单元格", "问题"],
      ["E3", "-5% 的偏差未说明"],
      ["E4", "=得分有误"],
      ["合计", 95.5],
    ];
    const name = await host.addSheet("校验结果", rows);
    expect(name).toBe("校验结果 (2)");
    expect(wb.syncs).toBe(2);
    expect(wb.sheetNames()).toEqual(["自评表", "校验结果", "校验结果 (2)"]);
    expect(wb.value("校验结果", "A1")).toBe("旧的");
    expect(wb.value(name, "B2")).toBe("-5% 的偏差未说明");
    expect(wb.value(name, "B3")).toBe("=得分有误");
    expect(wb.formula(name, "B3")).toBeNull();
    expect(wb.value(name, "B4")).toBe(95.5);
  });

  test("names Excel would refuse are cleaned up", async () => {
    const { wb, host } = setup([{ grid: sheet("自评表", 2) }]);
    const name = await host.addSheet("结果[2021]/第一季度:汇总?这是一个非常长的工作表名称超过三十一字", [
      ["x"],
    ]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    expect(wb.sheetNames()).toContain(name);
  });
});

describe("mock fidelity and helpers", () => {
  test("properties are office-addin-mock errors until load and sync", async () => {
    const wb = new MockWorkbook([{ grid: sheet("自评表", 2) }]);
    await wb.excelApi().run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("自评表").getRange("A3");
      expect(r.values).toBe("Error, property was not loaded");
      r.load("values");
      expect(r.values).toBe("Error, context.sync() was not called");
      await ctx.sync();
      expect(r.values).toEqual([["指标1"]]);
    });
  });

  test("merged areas come from their indexes and counts (no address parsing), clipped at the used range's edge", async () => {
    // A sheet name an address parser would trip on, and an area reaching two rows past the last value.
    const g = sheet("自评表, 'x'!", 3);
    g.merges.push({ top: 4, left: 5, bottom: 6, right: 5 }); // F5:F7; the used range ends at row 6 (0-based 5)
    const { wb, host } = setup([{ grid: g }]);
    const read = await host.read();
    expect(wb.syncs).toBe(1);
    expect(read.grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 4, left: 5, bottom: 5, right: 5 },
    ]);
  });

  test("a client that refuses the areas of a null object: merged areas in a sync of their own, only where there are some", async () => {
    const plain = setup([{ grid: { ...sheet("附表", 3), merges: [] } }], { strictNullObjects: true });
    const r = await plain.host.read();
    expect(plain.wb.failures).toEqual(["GeneralException"]);
    expect(plain.wb.syncs).toBe(2); // the refused one, then the read without areas (none to load)
    expect(r.grid.merges).toEqual([]);
    const merged = setup([{ grid: sheet("自评表", 3) }], { strictNullObjects: true });
    expect((await merged.host.read()).grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(merged.wb.syncs).toBe(1); // areas present: the normal one sync
  });

  test("Excel on the web: a used range over 5 MB is read in row chunks; a normal table still in one sync", async () => {
    const big = sheet("自评表", 3000);
    big.values.forEach((row) => {
      if (typeof row[5] === "string" || row[5] === null) row[5] = "很长的说明".repeat(60);
    });
    const web = setup([{ grid: big }], { platform: "web" });
    const desktop = setup([{ grid: big }]);
    const a = await web.host.read();
    const b = await desktop.host.read();
    expect(web.wb.failures).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    expect(web.wb.syncs).toBeGreaterThan(2); // the failed one, the shape, then the chunks
    expect(a.grid.values).toEqual(b.grid.values);
    expect(a.grid.merges).toEqual(b.grid.merges);
    expect(desktop.wb.syncs).toBe(1);
    const small = setup([{ grid: sheet("自评表", 50) }], { platform: "web" });
    await small.host.read();
    expect(small.wb.syncs).toBe(1);
  });
});
