import { hostErrorText } from "../../src/taskpane/host-error-text";
import { MemoryHost, displayText } from "../../src/hosts/memory";
import { type Grid } from "../../src/engine/grid";
import { sampleGrid, otherGrid, SAMPLE_SHEET } from "../taskpane/sample-grid";

function host(extra: ConstructorParameters<typeof MemoryHost>[1] = {}) {
  return new MemoryHost([sampleGrid(), otherGrid()], extra);
}

describe("MemoryHost", () => {
  test("read returns a deep copy of the active sheet and the sheet list", async () => {
    const h = host();
    const r = await h.read();
    expect(r.active).toBe(SAMPLE_SHEET);
    expect(r.sheets).toEqual([SAMPLE_SHEET, "说明"]);
    expect(r.grid.values[26][7]).toBe(97.83);
    r.grid.values[26][7] = 1;
    r.grid.merges[0].top = 9;
    expect(h.grid(SAMPLE_SHEET).values[26][7]).toBe(97.83);
    expect(h.grid(SAMPLE_SHEET).merges[0].top).toBe(0);
    expect((await h.read("说明")).grid.values[0][0]).toBe("填表说明");
    await expect(h.read("没有")).rejects.toThrow("没有");
  });

  test("the constructor copies its grids", () => {
    const g: Grid = sampleGrid();
    const h = new MemoryHost([g]);
    g.values[3][7] = 0;
    expect(h.grid(SAMPLE_SHEET).values[3][7]).toBe(7.83);
  });

  test("undo of a fill-only entry leaves the value and its display text alone", async () => {
    const h = new MemoryHost([sampleGrid()]);
    const res = await h.apply(SAMPLE_SHEET, [
      { kind: "fill", cell: "G4", color: "#FFC7CE", purpose: "highlight" },
    ]);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    h.setCell(SAMPLE_SHEET, "G4", 0.9);
    await h.undo(res.undo);
    expect(h.grid(SAMPLE_SHEET).values[3][6]).toBe(0.9);
    expect(h.fill(SAMPLE_SHEET, "G4")).toBeNull();
    const again = await h.apply(SAMPLE_SHEET, [
      { kind: "fill", cell: "G4", color: "#FFC7CE", purpose: "highlight" },
    ]);
    if (!again.ok) throw new Error(hostErrorText(again, "zh"));
    const shown = h.grid(SAMPLE_SHEET).text?.[3]?.[6];
    await h.undo(again.undo);
    expect(h.grid(SAMPLE_SHEET).text?.[3]?.[6]).toBe(shown);
  });

  test("apply writes values with formatted text, clears formulas, and undo restores exactly", async () => {
    const g = sampleGrid();
    g.formulas = g.values.map((r) => r.map(() => null));
    g.formulas[3][6] = "=E4/D4";
    const h = new MemoryHost([g], { fills: { [SAMPLE_SHEET]: { G4: "#FFEEAA" } } });
    const res = await h.apply(SAMPLE_SHEET, [
      { kind: "value", cell: "G4", value: 0.8, purpose: "rate" },
      { kind: "value", cell: "H12", value: 2.5, purpose: "score" },
      { kind: "value", cell: "I12", value: "跨年度项目", purpose: "explanation" },
      { kind: "fill", cell: "G4", color: "#FF0000", purpose: "highlight" },
    ]);
    expect(res.ok).toBe(true);
    const grid = h.grid(SAMPLE_SHEET);
    expect(grid.values[3][6]).toBe(0.8);
    expect(grid.text![3][6]).toBe("80.00%");
    expect(grid.formulas![3][6]).toBeNull();
    expect(grid.text![11][7]).toBe("2.5");
    expect(grid.values[11][8]).toBe("跨年度项目");
    expect(h.fill(SAMPLE_SHEET, "G4")).toBe("#FF0000");
    if (!res.ok) throw new Error();
    // One entry per cell, holding the state before the batch.
    expect(res.undo.entries.map((e) => e.cell)).toEqual(["G4", "H12", "I12"]);
    expect(res.undo.entries[0]).toEqual({
      cell: "G4",
      value: 0.7825,
      formula: "=E4/D4",
      fill: "#FFEEAA",
      fillKnown: true,
      wrote: { value: true, fill: true },
    });

    await h.undo(res.undo);
    expect(grid.values[3][6]).toBe(0.7825);
    expect(grid.text![3][6]).toBe("78.25%");
    expect(grid.formulas![3][6]).toBe("=E4/D4");
    expect(grid.values[11][7]).toBe(3);
    expect(grid.values[11][8]).toBeNull();
    expect(h.fill(SAMPLE_SHEET, "G4")).toBe("#FFEEAA");
    expect(h.fill(SAMPLE_SHEET, "H12")).toBeNull();
  });

  test("a locked cell refuses the whole batch; formula-like text is refused", async () => {
    const h = host({ lockedCells: { [SAMPLE_SHEET]: ["i13"] } });
    const res = await h.apply(SAMPLE_SHEET, [
      { kind: "value", cell: "I12", value: "原因", purpose: "explanation" },
      { kind: "value", cell: "I13", value: "原因", purpose: "explanation" },
    ]);
    expect(res).toMatchObject({ ok: false, reason: "protected", cells: ["I13"] });
    expect(h.grid(SAMPLE_SHEET).values[11][8]).toBeNull();
    const f = await h.apply(SAMPLE_SHEET, [
      { kind: "value", cell: "I12", value: "=1+1", purpose: "explanation" },
    ]);
    expect(f).toMatchObject({ ok: false, reason: "formula" });
    expect(h.grid(SAMPLE_SHEET).values[11][8]).toBeNull();
  });

  test("without fill read-back, undo clears the fill (like Excel before ExcelApi 1.9)", async () => {
    const h = host({ capabilities: { restoreFills: false }, fills: { [SAMPLE_SHEET]: { H12: "#00FF00" } } });
    const res = await h.apply(SAMPLE_SHEET, [
      { kind: "fill", cell: "H12", color: "#FF0000", purpose: "highlight" },
    ]);
    if (!res.ok) throw new Error();
    expect(res.undo.entries[0].fillKnown).toBe(false);
    await h.undo(res.undo);
    expect(h.fill(SAMPLE_SHEET, "H12")).toBeNull();
  });

  test("setCell fires onChange, apply does not; subscribe sees every kind of event", async () => {
    const h = host();
    const changes: string[] = [];
    const events: string[] = [];
    const off = h.onChange((s) => changes.push(s));
    h.subscribe((e) => events.push(`${e.type}:${e.sheet}:${(e.cells ?? []).join(",")}`));
    await h.apply(SAMPLE_SHEET, [{ kind: "value", cell: "H12", value: 2, purpose: "score" }]);
    expect(changes).toEqual([]);
    h.setCell(SAMPLE_SHEET, "h13", 1);
    expect(changes).toEqual([SAMPLE_SHEET]);
    expect(h.grid(SAMPLE_SHEET).values[12][7]).toBe(1);
    await h.select("说明", "A2");
    expect(h.selection()).toEqual({ sheet: "说明", cell: "A2" });
    expect(h.activeSheet()).toBe("说明");
    off();
    h.setCell(SAMPLE_SHEET, "H13", 3);
    expect(changes).toEqual([SAMPLE_SHEET]);
    expect(events).toEqual([
      `apply:${SAMPLE_SHEET}:H12`,
      `edit:${SAMPLE_SHEET}:H13`,
      "active:说明:",
      "select:说明:A2",
      `edit:${SAMPLE_SHEET}:H13`,
    ]);
  });

  test("addSheet adds a sheet with a free name", async () => {
    const h = host();
    expect(await h.addSheet("校验结果", [["a", 1]])).toBe("校验结果");
    expect(await h.addSheet("校验结果", [["b"]])).toBe("校验结果 (2)");
    expect(h.sheetNames()).toEqual([SAMPLE_SHEET, "说明", "校验结果", "校验结果 (2)"]);
    expect(h.grid("校验结果").values).toEqual([["a", 1]]);
  });

  test("displayText follows the number format", () => {
    expect(displayText(0.7825, "0.00%")).toBe("78.25%");
    expect(displayText(1, "0%")).toBe("100%");
    expect(displayText(7.8, "0.00")).toBe("7.80");
    expect(displayText(7.8, null)).toBe("7.8");
    expect(displayText(12, "#,##0")).toBe("12");
    expect(displayText("优", "0.00")).toBe("优");
    expect(displayText(null, null)).toBe("");
  });
});
