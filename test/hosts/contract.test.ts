/**
 * One contract for every host: the memory host, the Excel host on the Excel mock, and the WPS host
 * on the fake ET must behave the same where it matters to the user's data. Per-host files keep only
 * what differs (sync counts, bridge calls, API versions).
 */
import type { CellValue, Grid } from "../../src/engine/grid";
import type { Edit } from "../../src/engine/types";
import type { Host } from "../../src/hosts/host";
import { HostError } from "../../src/hosts/host";
import { MemoryHost } from "../../src/hosts/memory";
import { ExcelHost } from "../../src/hosts/excel";
import { WpsHost } from "../../src/hosts/wps";
import { hostErrorText } from "../../src/taskpane/host-error-text";
import { MockWorkbook } from "./excel-mock";
import { FakeEt } from "../fakes/et";

const S = "自评表";

/** A small 自评表: a merged title, a header, three indicator rows (一级 label merged over two), a total. */
function table(): Grid {
  return {
    name: S,
    values: [
      ["项目支出绩效自评表", null, null, null, null],
      ["一级指标", "三级指标", "分值", "得分", "偏差原因"],
      ["产出指标", "数量指标甲", 10, 8, null],
      [null, "质量指标乙", 10, 9, null],
      ["效益指标", "满意度丙", 10, 7, null],
      ["合计", null, 30, 24, null],
    ],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 2, left: 0, bottom: 3, right: 0 },
    ],
  };
}

interface Harness {
  host: Host;
  value(a1: string): CellValue;
  fill(a1: string): string | null;
  protect(): void;
  userEdit(a1: string, v: CellValue): void;
  userFill(a1: string, color: string | null): void;
  insertRows(at: number, n: number): void;
  deleteRows(at: number, n: number): void;
  /** Lets asynchronous event delivery finish (the Excel mock delivers events after a batch). */
  settle(): Promise<void>;
  /** A new host on the same workbook: the pane closed and opened again (memory: the host is the workbook). */
  reopen(): Host;
  /** The user starts / stops typing in a cell (hosts whose API refuses work meanwhile: Excel). */
  edit?: { start(): void; end(): void };
  /** The user saves the workbook under a new name (hosts that bind to the file name: WPS). */
  saveAs?(fullName: string): void;
}

const hosts: [string, () => Harness][] = [
  [
    "memory",
    () => {
      const m = new MemoryHost([table()]);
      return {
        host: m,
        value: (a1) => {
          const g = m.grid(S);
          const p = /^([A-Z]+)(\d+)$/.exec(a1)!;
          return g.values[Number(p[2]) - 1]?.[p[1].charCodeAt(0) - 65] ?? null;
        },
        fill: (a1) => m.fill(S, a1),
        protect: () => m.setProtected(S, true),
        userEdit: (a1, v) => m.setCell(S, a1, v),
        userFill: (a1, c) => m.setFill(S, a1, c),
        insertRows: (at, n) => m.shiftRows(S, at, n),
        deleteRows: (at, n) => m.shiftRows(S, at, -n),
        settle: async () => undefined,
        reopen: () => m,
      };
    },
  ],
  [
    "excel (mock)",
    () => {
      const wb = new MockWorkbook([{ grid: table() }], { api: "1.14", strictNullObjects: true });
      return {
        host: new ExcelHost(wb.excelApi(), { now: () => 0 }),
        value: (a1) => wb.value(S, a1),
        fill: (a1) => wb.fill(S, a1),
        protect: () => wb.setProtected(S, true),
        userEdit: (a1, v) => wb.userEdit(S, a1, v),
        userFill: (a1, c) => wb.userFill(S, a1, c),
        insertRows: (at, n) => wb.insertRows(S, at, n),
        deleteRows: (at, n) => wb.deleteRows(S, at, n),
        settle: () => wb.settled(),
        reopen: () => new ExcelHost(wb.excelApi(), { now: () => 0 }),
        edit: { start: () => wb.startEdit(), end: () => wb.endEdit() },
      };
    },
  ],
  [
    "wps (fake ET)",
    () => {
      const et = new FakeEt([table()], { quirks: { comBooleans: true, chineseGeneral: true } });
      return {
        host: new WpsHost(et.app as never, () => 0),
        value: (a1) => et.cell(S, a1).value,
        fill: (a1) => et.cell(S, a1).fill,
        protect: () => et.setProtected(S, true),
        userEdit: (a1, v) => et.userEdit(S, a1, v),
        userFill: (a1, c) => et.userFill(S, a1, c),
        insertRows: (at, n) => et.insertRows(S, at, n),
        deleteRows: (at, n) => et.deleteRows(S, at, n),
        settle: async () => undefined,
        reopen: () => new WpsHost(et.app as never, () => 0),
        saveAs: (name) => et.saveAs(name),
      };
    },
  ],
];

const v = (cell: string, value: string | number): Edit => ({
  kind: "value",
  cell,
  value,
  purpose: "explanation",
});
const f = (cell: string, color = "#FFC7CE"): Edit => ({ kind: "fill", cell, color, purpose: "highlight" });

async function undoError(h: Harness, record: Parameters<Host["undo"]>[0]): Promise<unknown> {
  return h.host.undo(record).then(
    () => null,
    (e: unknown) => e,
  );
}

describe.each(hosts)("host contract: %s", (_name, make) => {
  let h: Harness;
  beforeEach(async () => {
    h = make();
    await h.host.read(S);
  });

  test("a protected sheet is refused before anything is written, with data not sentences", async () => {
    h.protect();
    await h.host.read(S);
    const res = await h.host.apply(S, [v("E3", "说明"), f("D3")]);
    expect(res).toMatchObject({ ok: false, reason: "protected", sheet: S });
    expect(res).not.toHaveProperty("message");
    expect(h.value("E3")).toBeNull();
    expect(h.fill("D3")).toBeNull();
    if (!res.ok) {
      expect(hostErrorText(res, "zh")).toContain("受保护");
      expect(hostErrorText(res, "en")).toMatch(/protected/);
      // The English pane shows no Chinese sentence (the sheet's own name aside).
      expect(hostErrorText(res, "en").replace(/“[^”]*”/g, "")).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("a value inside a merged area (not its top-left) is refused, nothing written; a fill there is fine", async () => {
    const res = await h.host.apply(S, [v("E3", "说明"), v("A4", "x")]);
    expect(res).toMatchObject({ ok: false, reason: "merged", cells: ["A4"] });
    expect(h.value("E3")).toBeNull();
    const fill = await h.host.apply(S, [f("A4")]);
    expect(fill.ok).toBe(true);
    expect(h.fill("A4")).toBe("#FFC7CE");
  });

  test.each(["=SUM(C3:C5)", "+1", "-x", "@A1"])(
    "formula-looking text %s is refused, nothing written",
    async (t) => {
      const res = await h.host.apply(S, [v("E3", "正常说明"), v("E4", t)]);
      expect(res).toMatchObject({ ok: false, reason: "formula", cells: ["E4"] });
      expect(h.value("E3")).toBeNull();
      expect(h.value("E4")).toBeNull();
    },
  );

  test("undo after the user typed keeps the user's text, and still restores the fill", async () => {
    const res = await h.host.apply(S, [v("E3", "我们写的"), f("E3", "#FFEB9C")]);
    if (!res.ok) throw new Error(res.reason);
    await h.settle();
    h.userEdit("E3", "用户写的");
    await h.settle();
    await h.host.undo(res.undo);
    expect(h.value("E3")).toBe("用户写的");
    expect(h.fill("E3")).toBeNull();
  });

  test("a fill the user put on a highlighted cell is never reverted", async () => {
    const res = await h.host.apply(S, [f("D3"), f("D4")]);
    if (!res.ok) throw new Error(res.reason);
    h.userFill("D3", "#00B050");
    await h.host.undo(res.undo);
    expect(h.fill("D3")).toBe("#00B050");
    expect(h.fill("D4")).toBeNull();
  });

  test("undo after rows were inserted above follows the indicator; the cell now at the old address is untouched", async () => {
    const res = await h.host.apply(S, [v("D4", 10), f("D4")]);
    if (!res.ok) throw new Error(res.reason);
    h.insertRows(2, 1); // 质量指标乙 moves from row 4 to row 5
    h.userEdit("B3", "新插入的指标");
    h.userEdit("D3", 5);
    await h.settle();
    h.userFill("D4", "#FFFF00"); // the row now at D4 (数量指标甲) has its own fill
    await h.host.undo(res.undo);
    expect(h.value("D5")).toBe(9);
    expect(h.fill("D5")).toBeNull();
    expect(h.value("D4")).toBe(8);
    expect(h.fill("D4")).toBe("#FFFF00");
  });

  test("undo after rows were deleted above follows the indicator", async () => {
    const res = await h.host.apply(S, [v("D5", 10)]);
    if (!res.ok) throw new Error(res.reason);
    h.deleteRows(2, 1); // 数量指标甲 gone: 满意度丙 moves from row 5 to row 4
    await h.settle();
    await h.host.undo(res.undo);
    expect(h.value("D4")).toBe(7);
    expect(h.value("D5")).toBe(24); // 合计, now on row 5, untouched
  });

  test("undo after the written row itself was deleted refuses that cell (once) and writes nowhere else", async () => {
    const res = await h.host.apply(S, [v("D4", 10), v("E5", "说明")]);
    if (!res.ok) throw new Error(res.reason);
    h.deleteRows(3, 1); // 质量指标乙's row is gone; 满意度丙 moves up to row 4
    await h.settle();
    const e = await undoError(h, res.undo);
    expect(e).toBeInstanceOf(HostError);
    expect(e).toMatchObject({ reason: "moved", cells: ["D4"] });
    expect(hostErrorText(e, "zh")).toContain("插入或删除了行");
    expect(h.value("D4")).toBe(7); // 满意度丙's own score, not the old 9
    expect(h.value("E4")).toBeNull(); // E5's text followed its row and was undone there
    // Told once: the pane keeps the record and its retry completes instead of failing for ever.
    expect(await undoError(h, res.undo)).toBeNull();
    expect(h.value("D4")).toBe(7);
  });
});

describe.each(hosts)("host contract, cell edit mode: %s", (_name, make) => {
  // Only hosts whose API refuses work while a cell is being edited have anything to show here.
  const edits = (h: Harness): NonNullable<Harness["edit"]> | null => h.edit ?? null;

  test("a re-check while the user types in a cell waits for them, then reads what they typed", async () => {
    const h = make();
    await h.host.read(S);
    const edit = edits(h);
    if (!edit) return;
    edit.start();
    let done = false;
    const reading = h.host.read(S).then((r) => ((done = true), r));
    await h.settle();
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false); // held, not failed: the pane's report is not cleared
    h.userEdit("E3", "刚输入的说明");
    edit.end();
    const r = await reading;
    expect(r.grid.values[2][4]).toBe("刚输入的说明");
  });

  test("a write while the user types is refused as edit-mode with nothing written; after Enter it goes", async () => {
    const h = make();
    await h.host.read(S);
    const edit = edits(h);
    if (!edit) return;
    edit.start();
    const res = await h.host.apply(S, [v("E3", "说明"), f("D3")]);
    expect(res).toMatchObject({ ok: false, reason: "edit-mode", sheet: S });
    expect(h.value("E3")).toBeNull();
    expect(h.fill("D3")).toBeNull();
    edit.end();
    expect((await h.host.apply(S, [v("E3", "说明")])).ok).toBe(true);
    expect(h.value("E3")).toBe("说明");
  });
});

describe.each(hosts)("host contract, Save As: %s", (_name, make) => {
  test("after Save As the same workbook is written, undone and marked: nothing is refused as closed", async () => {
    const h = make();
    await h.host.read(S);
    if (!h.saveAs) return; // Excel and memory are not bound to a file name
    const first = await h.host.apply(S, [v("E3", "另存前"), f("D3")]);
    if (!first.ok) throw new Error(first.reason);
    h.saveAs("D:\\归档\\自评表-定稿.xlsx");
    const second = await h.host.apply(S, [v("E4", "另存后")]);
    expect(second).toMatchObject({ ok: true });
    expect(h.value("E4")).toBe("另存后");
    await h.host.undo(first.undo); // recorded under the old name
    expect(h.value("E3")).toBeNull();
    expect(h.fill("D3")).toBeNull();
    await h.host.setSetting!("ziping.reviewed", '["a"]');
    expect(await h.host.getSetting!("ziping.reviewed")).toBe('["a"]');
    const r = await h.host.read(S);
    expect(r.grid.values[3][4]).toBe("另存后");
  });
});

describe.each(hosts)("host contract, document settings: %s", (_name, make) => {
  const KEY = "ziping.explainedInReport";

  test("a mark set is read back by a new host on the same workbook; removing it is kept too", async () => {
    const h = make();
    await h.host.read(S);
    expect(await h.host.getSetting!(KEY)).toBeNull();
    await h.host.setSetting!(KEY, '["自评表!EXEC_RATE_LOW@G9"]');
    const again = h.reopen();
    await again.read(S);
    expect(await again.getSetting!(KEY)).toBe('["自评表!EXEC_RATE_LOW@G9"]');
    await again.setSetting!(KEY, null);
    const third = h.reopen();
    await third.read(S);
    expect(await third.getSetting!(KEY)).toBeNull();
  });

  test("the 执行率 marks and the reviewed (忽略/已复核) marks are kept apart", async () => {
    const h = make();
    await h.host.read(S);
    await h.host.setSetting!(KEY, '["自评表!EXEC_RATE_LOW@G9"]');
    await h.host.setSetting!("ziping.reviewed", '["自评表!SCORE_SUM@D6"]');
    await h.host.setSetting!(KEY, null);
    const again = h.reopen();
    expect(await again.getSetting!(KEY)).toBeNull();
    expect(await again.getSetting!("ziping.reviewed")).toBe('["自评表!SCORE_SUM@D6"]');
  });

  test("a value longer than one text property (255 characters) comes back whole", async () => {
    const h = make();
    await h.host.read(S);
    const long = JSON.stringify(Array.from({ length: 30 }, (_, i) => `第${i + 1}张自评表!EXEC_RATE_LOW@G9`));
    expect(long.length).toBeGreaterThan(600);
    await h.host.setSetting!(KEY, long);
    const again = h.reopen();
    await again.read(S);
    expect(await again.getSetting!(KEY)).toBe(long);
    await again.setSetting!(KEY, '["短"]'); // shorter again: no stale tail
    expect(await h.reopen().getSetting!(KEY)).toBe('["短"]');
  });
});

describe("host contract: two workbooks (WPS; Excel and memory serve one workbook per host)", () => {
  const other = (): Grid => ({ ...table(), values: table().values.map((r) => r.slice()) });

  test("writes, undo and events stay with the workbook the report came from", async () => {
    const a = new FakeEt([table()], { workbookName: "甲单位.xlsx" });
    const b = new FakeEt([other()], { workbookName: "乙单位.xlsx", joins: a });
    const host = new WpsHost(a.app as never, () => 0);
    const seen: string[] = [];
    host.onChange((s) => seen.push(s));
    await host.read(S); // 甲 is in front
    b.activateWorkbook(); // the user switches to 乙 (same template, same sheet names)
    expect(seen).toEqual([S]); // the pane is told its report is stale
    const res = await host.apply(S, [v("E3", "甲的说明"), f("D3")]);
    if (!res.ok) throw new Error(res.reason);
    expect(a.cell(S, "E3").value).toBe("甲的说明");
    expect(b.cell(S, "E3").value).toBeNull();
    expect(b.cell(S, "D3").fill).toBeNull();
    b.userEdit(S, "D3", 1); // typing in 乙 is not a change of 甲's report
    expect(seen).toEqual([S]);
    await host.undo(res.undo);
    expect(a.cell(S, "E3").value).toBeNull();
    expect(a.cell(S, "D3").fill).toBeNull();
    expect(b.cell(S, "D3").value).toBe(1);
  });

  test("a closed workbook is refused with a message; a Writer document in front is not a TypeError", async () => {
    const a = new FakeEt([table()], { workbookName: "甲单位.xlsx" });
    const b = new FakeEt([other()], { workbookName: "乙单位.xlsx", joins: a });
    const host = new WpsHost(a.app as never, () => 0);
    await host.read(S);
    const res = await host.apply(S, [v("E3", "说明")]);
    if (!res.ok) throw new Error(res.reason);
    a.closeWorkbook();
    const refused = await host.apply(S, [v("E4", "说明")]);
    expect(refused).toMatchObject({
      ok: false,
      reason: "no-workbook",
      workbook: "C:\\Users\\fake\\甲单位.xlsx",
    });
    expect(hostErrorText(refused, "zh")).toContain("已关闭");
    await expect(host.undo(res.undo)).rejects.toMatchObject({ reason: "no-workbook" });
    expect(b.cell(S, "E3").value).toBeNull();
    b.activateWriterDocument();
    await expect(host.read()).rejects.toMatchObject({ reason: "no-workbook" });
  });
});
