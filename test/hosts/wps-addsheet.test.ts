import { hostErrorText } from "../../src/taskpane/host-error-text";
/**
 * WpsHost.addSheet (the findings export) against the fake ET object model, and the fake's
 * Worksheets.Add / Worksheet.Name / Range.Font / array writes it relies on.
 */
import { FakeEt } from "../fakes/et";
import { WpsHost } from "../../src/hosts/wps";
import { cleanSheetName, freeSheetName } from "../../src/hosts/wps/add-sheet";
import { gridFromRows, type CellValue } from "../../src/engine/grid";
import { sampleGrid, otherGrid, SAMPLE_SHEET } from "../taskpane/sample-grid";

function setup(extra: string[] = [], active?: string) {
  const et = new FakeEt([sampleGrid(), otherGrid(), ...extra.map((n) => gridFromRows(n, [["旧的"]]))], {
    active,
  });
  return { et, host: new WpsHost(et.app as any) };
}

const header: CellValue[] = ["序号", "严重程度", "单元格", "指标", "问题说明", "代码"];
function findingRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [header];
  for (let i = 1; i <= n; i++)
    rows.push([i, "错误", `H${10 + i}`, `指标${i}`, `得分${i}高于应得的3分`, "SCORE_TOO_HIGH"]);
  return rows;
}

describe("WpsHost.addSheet", () => {
  test("adds the sheet after the last one with every row; the user stays on their sheet", async () => {
    const { et, host } = setup([], "说明");
    const rows = findingRows(3);
    const name = await host.addSheet("校验结果", rows);
    expect(name).toBe("校验结果");
    expect(et.sheetNames()).toEqual([SAMPLE_SHEET, "说明", "校验结果"]);
    expect(et.activeSheet()).toBe("说明");
    const got = rows.map((r, i) => r.map((_, c) => et.cell(name, `${"ABCDEF"[c]}${i + 1}`).value));
    expect(got).toEqual(rows);
    expect(et.cell(name, "A1").bold).toBe(true);
    expect(et.cell(name, "F1").bold).toBe(true);
    expect(et.cell(name, "A2").bold).toBe(false);
    expect(et.cell(name, "G1").value).toBeNull(); // the range is sized to the rows, no #N/A beyond
    expect(et.cell(name, "A5").value).toBeNull();
    // The host reads it back like any sheet.
    const back = await host.read(name);
    expect(back.grid.values).toEqual(rows);
    expect(back.sheets).toEqual([SAMPLE_SHEET, "说明", "校验结果"]);
  });

  test("never overwrites: a taken name (any case) gets (2), (3)", async () => {
    const { et, host } = setup(["校验结果"]);
    expect(await host.addSheet("校验结果", [["a"]])).toBe("校验结果 (2)");
    expect(await host.addSheet("校验结果", [["b"]])).toBe("校验结果 (3)");
    expect(et.cell("校验结果", "A1").value).toBe("旧的");
    expect(et.cell("校验结果 (2)", "A1").value).toBe("a");
    expect(et.cell("校验结果 (3)", "A1").value).toBe("b");
    expect(et.sheetNames()).toEqual([SAMPLE_SHEET, "说明", "校验结果", "校验结果 (2)", "校验结果 (3)"]);
    const { host: h2, et: et2 } = setup(["Results"]);
    expect(await h2.addSheet("RESULTS", [["x"]])).toBe("RESULTS (2)");
    expect(et2.cell("Results", "A1").value).toBe("旧的");
  });

  test("one bulk write: bridge calls do not grow with the number of rows", async () => {
    const count = async (n: number) => {
      const { et, host } = setup();
      et.resetCalls();
      await host.addSheet("校验结果", findingRows(n));
      return { calls: et.calls, writes: et.writes };
    };
    const few = await count(3);
    const many = await count(400);
    expect(many.calls).toBe(few.calls);
    expect(few.calls).toBeLessThanOrEqual(25);
    expect(many.writes).toEqual(["校验结果!A1:F401 Value2", "校验结果!A1:F1 Font"]);
  });

  test("text that looks like a formula, number or percentage stays text; numbers stay numbers", async () => {
    const { et, host } = setup();
    const rows: CellValue[][] = [
      ["=得分有误", "+3", "-5% 的偏差未说明", "@备注"],
      ["12", "85%", 95.5, true],
      ["'引号开头", null, "普通说明", ""],
    ];
    const name = await host.addSheet("校验结果", rows);
    for (const a1 of ["A1", "B1", "C1", "D1", "A2", "B2"]) expect(et.cell(name, a1).formula).toBeNull();
    expect(["A1", "B1", "C1", "D1"].map((c) => et.cell(name, c).value)).toEqual([
      "=得分有误",
      "+3",
      "-5% 的偏差未说明",
      "@备注",
    ]);
    expect(["A2", "B2", "C2", "D2"].map((c) => et.cell(name, c).value)).toEqual(["12", "85%", 95.5, true]);
    expect(["A3", "B3", "C3", "D3"].map((c) => et.cell(name, c).value)).toEqual([
      "'引号开头",
      null,
      "普通说明",
      null,
    ]);
  });

  test("ragged rows are padded; no rows gives an empty sheet", async () => {
    const { et, host } = setup();
    const name = await host.addSheet("校验结果", [["表头1", "表头2", "表头3"], ["只有一格"]]);
    expect(et.cell(name, "B2").value).toBeNull();
    expect(et.cell(name, "C2").value).toBeNull();
    const empty = await host.addSheet("空导出", []);
    expect(empty).toBe("空导出");
    expect((await host.read(empty)).grid.values).toEqual([[null]]);
  });

  test("names ET would refuse are cleaned up and stay within 31 characters with a suffix", async () => {
    const long = "结果[2021]/第一季度:汇总?这是一个非常长的工作表名称超过三十一字";
    const { et, host } = setup();
    const a = await host.addSheet(long, [["x"]]);
    const b = await host.addSheet(long, [["y"]]);
    for (const n of [a, b]) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[:\\/?*[\]]/);
    }
    expect(b).toMatch(/ \(2\)$/);
    expect(et.sheetNames().slice(-2)).toEqual([a, b]);
    expect(cleanSheetName("''")).toBe("Sheet");
    expect(freeSheetName("a", ["A", "a (2)"])).toBe("a (3)");
  });

  test("its own write does not call onChange back", async () => {
    const { host } = setup();
    const seen: string[] = [];
    const off = host.onChange((s) => seen.push(s));
    await host.addSheet("校验结果", findingRows(5));
    expect(seen).toEqual([]);
    off();
  });

  test("a workbook with protected structure is refused in Chinese and nothing changes", async () => {
    const { et, host } = setup([], "说明");
    et.setStructureProtected(true);
    const err = await host.addSheet("校验结果", [["x"]]).catch((e: unknown) => e);
    expect(hostErrorText(err, "zh")).toMatch(/无法新建工作表“校验结果”.*protected.*工作簿未改变/);
    expect(et.sheetNames()).toEqual([SAMPLE_SHEET, "说明"]);
    expect(et.activeSheet()).toBe("说明");
    expect(et.writes).toEqual([]);
  });
});

describe("fake ET: Worksheets.Add, Name, Font, array writes", () => {
  test("Add inserts a SheetN before the active sheet, or after/before the one given, and activates it", () => {
    const et = new FakeEt([gridFromRows("a", []), gridFromRows("b", [])], { active: "b" });
    const sheets = et.app.Worksheets;
    const s1 = sheets.Add();
    expect(s1.Name).toBe("Sheet3");
    expect(et.sheetNames()).toEqual(["a", "Sheet3", "b"]);
    expect(et.activeSheet()).toBe("Sheet3");
    sheets.Add(undefined, sheets.Item(sheets.Count));
    expect(et.sheetNames()).toEqual(["a", "Sheet3", "b", "Sheet4"]);
    sheets.Add(sheets.Item("a"));
    expect(et.sheetNames()).toEqual(["Sheet5", "a", "Sheet3", "b", "Sheet4"]);
    expect(sheets.Count).toBe(5);
    expect(() => sheets.Add(sheets.Item(1), sheets.Item(2))).toThrow(/Before or After/);
    expect(() => sheets.Add(undefined, "b")).toThrow(/worksheet/);
    expect(() => sheets.Add(undefined, undefined, 2)).toThrow(/Count/);
  });

  test("Name refuses duplicates (ignoring case) and names ET refuses; a rename is seen everywhere", () => {
    const et = new FakeEt([gridFromRows("自评表", [["x"]]), gridFromRows("Data", [])]);
    const ws = et.app.Worksheets.Add();
    expect(() => (ws.Name = "自评表")).toThrow(/same name/);
    expect(() => (ws.Name = "data")).toThrow(/same name/);
    for (const bad of ["", "a/b", "a[1]", "x".repeat(32), "'q"])
      expect(() => (ws.Name = bad)).toThrow(/Invalid sheet name/);
    ws.Name = "校验结果";
    ws.Name = "校验结果"; // its own name again is fine
    expect(et.app.Worksheets.Item("校验结果").Index).toBe(1);
    et.app.Worksheets.Item("自评表").Name = "自评表2";
    expect(et.cell("自评表2", "A1").value).toBe("x");
    et.setStructureProtected(true);
    expect(() => et.app.Worksheets.Add()).toThrow(/Workbook is protected/);
    expect(() => (ws.Name = "改名")).toThrow(/Workbook is protected/);
  });

  test("a 2-D Value2 array fills the range; cells it does not reach read #N/A; a 1-D array is a row", () => {
    const et = new FakeEt([gridFromRows("s", [])]);
    const ws = et.app.ActiveSheet!;
    ws.Range("A1:C2").Value2 = [
      [1, "=1+1", "'=x"],
      [true, ""],
    ];
    expect(ws.Range("A1:C2").Value2).toEqual([
      [1, undefined, "=x"],
      [true, undefined, "#N/A"],
    ]);
    expect(et.cell("s", "B1").formula).toBe("=1+1");
    ws.Range("A3:B3").Value2 = ["p", "q"];
    expect(ws.Range("A3:B3").Value2).toEqual([["p", "q"]]);
  });

  test("Font.Bold is per cell, null when mixed, and refused on a protected sheet", () => {
    const et = new FakeEt([gridFromRows("s", [["a", "b"]])]);
    const ws = et.app.ActiveSheet!;
    ws.Range("A1").Font.Bold = true;
    expect(ws.Range("A1").Font.Bold).toBe(true);
    expect(ws.Range("A1:B1").Font.Bold).toBeNull();
    expect(ws.Range("B1").Font.Bold).toBe(false);
    et.setProtected("s", true);
    expect(() => (ws.Range("B1").Font.Bold = true)).toThrow(/protected/);
  });
});
