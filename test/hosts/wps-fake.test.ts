/**
 * The fake ET object model behaves as ET's COM-like API does in the ways the WPS host depends on.
 * (No WPS here: these semantics follow the ET/Excel object model documentation and typings.)
 */
import { FakeEt, NO_FILL_COLOR, XL_NONE } from "../fakes/et";
import { gridFromRows } from "../../src/engine/grid";

function fake() {
  const g = gridFromRows(
    "表1",
    [
      ["标题", null, null],
      [1, 2, "x"],
      [0.5, 0.25, null],
    ],
    [{ top: 0, left: 0, bottom: 0, right: 2 }],
  );
  g.formats = [
    [null, null, null],
    ["0.00", "0.00", null],
    ["0%", "0.00", null],
  ];
  g.formulas = [
    [null, null, null],
    [null, "=A2+1", null],
    [null, null, null],
  ];
  return new FakeEt([{ grid: g, fills: { A2: "#FF0000" } }, gridFromRows("空", [])]);
}

test("Value2 is a scalar for one cell and a 2-D array otherwise; empty cells are undefined", () => {
  const et = fake();
  const ws = et.app.ActiveSheet!;
  expect(ws.Range("B2").Value2).toBe(2);
  expect(ws.Range("C3").Value2).toBeUndefined();
  expect(ws.Range("A2:C3").Value2).toEqual([
    [1, 2, "x"],
    [0.5, 0.25, undefined],
  ]);
  expect(ws.Range("B2").Formula).toBe("=A2+1");
  expect(ws.Range("A2:B2").Formula).toEqual([["1", "=A2+1"]]);
});

test("Text and NumberFormat of several cells are null unless uniform; MergeCells true/false/null", () => {
  const ws = fake().app.ActiveSheet!;
  expect(ws.Range("A3").Text).toBe("50%");
  expect(ws.Range("A2:B2").NumberFormat).toBe("0.00");
  expect(ws.Range("A2:A3").NumberFormat).toBeNull();
  expect(ws.Range("A2:B2").Text).toBeNull();
  expect(ws.Range("A1:C1").MergeCells).toBe(true);
  expect(ws.Range("A2:C3").MergeCells).toBe(false);
  expect(ws.Range("A1:A2").MergeCells).toBeNull();
  expect(ws.Range("B1").MergeArea.Address(false, false)).toBe("A1:C1");
  expect(ws.Range("B1").MergeArea.Address()).toBe("$A$1:$C$1");
});

test("UsedRange, Cells.Item (1-based, relative) and Columns.Item", () => {
  const ws = fake().app.ActiveSheet!;
  const ur = ws.UsedRange;
  expect(ur.Address(false, false)).toBe("A1:C3");
  expect(ur.Cells.Item(2, 3).Address(false, false)).toBe("C2");
  expect(ur.Columns.Item(2).Address(false, false)).toBe("B1:B3");
  expect(ur.Columns.Count).toBe(3);
  expect(ur.Rows.Count).toBe(3);
  expect(ws.Cells.Item(1, 1).Value2).toBe("标题");
});

test("fills are BGR; no fill reads Color 16777215 with ColorIndex xlNone", () => {
  const et = fake();
  const ws = et.app.ActiveSheet!;
  expect(ws.Range("A2").Interior.Color).toBe(0x0000ff); // #FF0000 as BGR
  expect(ws.Range("B2").Interior.Color).toBe(NO_FILL_COLOR);
  expect(ws.Range("B2").Interior.ColorIndex).toBe(XL_NONE);
  ws.Range("B2").Interior.Color = 0xff0000; // blue in BGR
  expect(et.cell("表1", "B2").fill).toBe("#0000FF");
  ws.Range("B2").Interior.ColorIndex = XL_NONE;
  expect(et.cell("表1", "B2").fill).toBeNull();
});

test("strings written through Value2 are parsed like typing: formulas, numbers, percentages, 'text", () => {
  const et = fake();
  const ws = et.app.ActiveSheet!;
  ws.Range("C3").Value2 = "=1+1";
  expect(et.cell("表1", "C3").formula).toBe("=1+1");
  ws.Range("C3").Value2 = "-abc";
  expect(et.cell("表1", "C3").formula).toBe("=-abc");
  ws.Range("C3").Value2 = "12";
  expect(et.cell("表1", "C3").value).toBe(12);
  ws.Range("C3").Value2 = "'=x";
  expect(et.cell("表1", "C3")).toMatchObject({ value: "=x", formula: null });
  ws.Range("C3").Value2 = "原因";
  expect(et.cell("表1", "C3")).toMatchObject({ value: "原因", formula: null });
});

test("protection: locked cells refuse writes, formatting needs AllowFormattingCells", () => {
  const g = gridFromRows("表1", [[1, 2]]);
  const et = new FakeEt([{ grid: g, protected: true, unlocked: ["B1"] }]);
  const ws = et.app.ActiveSheet!;
  expect(ws.ProtectContents).toBe(true);
  expect(() => (ws.Range("A1").Value2 = 5)).toThrow(/protected/);
  ws.Range("B1").Value2 = 5;
  expect(et.cell("表1", "B1").value).toBe(5);
  expect(() => (ws.Range("B1").Interior.Color = 255)).toThrow(/protected/);
  expect(ws.Range("B1").Locked).toBe(false);
  expect(ws.Range("A1").Locked).toBe(true);
});

test("every access crosses the bridge once; unknown members throw like COM", () => {
  const et = fake();
  et.resetCalls();
  const ws = et.app.ActiveSheet!; // 1
  void ws.UsedRange.Value2; // 2
  expect(et.calls).toBe(3);
  expect(() => (ws as any).Cells(1, 1)).toThrow();
  expect(() => (ws as any).NoSuchThing).toThrow(/no member/);
});

test("SheetChange fires for writes, synchronously or later; listeners can be removed", async () => {
  const et = new FakeEt([gridFromRows("表1", [[1]])], { events: "async" });
  const seen: string[] = [];
  const h = (sh: any, target: any) => seen.push(`${sh.Name}!${target.Address(false, false)}`);
  et.app.ApiEvent.AddApiEventListener("SheetChange", h);
  et.userEdit("表1", "A1", 2);
  expect(seen).toEqual([]);
  await et.settled();
  expect(seen).toEqual(["表1!A1"]);
  et.app.ApiEvent.RemoveApiEventListener("SheetChange", h);
  expect(et.listenerCount("SheetChange")).toBe(0);
});

test("task panes and PluginStorage", () => {
  const et = fake();
  const pane = et.app.CreateTaskPane("http://x/taskpane.html", "自评表校验");
  expect(pane.ID).toBe(1);
  expect(pane.Visible).toBe(false);
  et.app.PluginStorage.setItem("k", pane.ID);
  expect(et.app.GetTaskPane(Number(et.app.PluginStorage.getItem("k")))!.ID).toBe(1);
});
