/**
 * The WPS host against the fake ET object model, where it differs from the other hosts: bulk reads
 * and how many bridge calls they cost, the bridge's value shapes, BGR colours, exact undo over the
 * bridge, selection and change events. The rules every host shares are in contract.test.ts.
 */
import { hostErrorText } from "../../src/taskpane/host-error-text";
import { FakeEt } from "../fakes/et";
import { longSheet } from "../fakes/et/long-sheet";
import { WpsHost } from "../../src/hosts/wps";
import { gridFromRows, type Grid, type MergedArea } from "../../src/engine/grid";
import type { Edit } from "../../src/engine/types";
import { sampleGrid, otherGrid, SAMPLE_SHEET } from "../taskpane/sample-grid";

const key = (m: MergedArea) => `${m.top},${m.left},${m.bottom},${m.right}`;
const sortedMerges = (ms: MergedArea[]) => ms.map(key).sort();

function setup(extra: Partial<ConstructorParameters<typeof FakeEt>[0][number]> = {}, opts = {}) {
  const et = new FakeEt([{ grid: sampleGrid(), ...extra }, otherGrid()], opts);
  return { et, host: new WpsHost(et.app as any) };
}

describe("read", () => {
  test("reads the 2021 table back exactly: values, merges, formats, display text", async () => {
    const { host } = setup();
    const r = await host.read();
    const want = sampleGrid();
    expect(r.active).toBe(SAMPLE_SHEET);
    expect(r.sheets).toEqual([SAMPLE_SHEET, "说明"]);
    expect(r.grid.name).toBe(SAMPLE_SHEET);
    expect(r.grid.protected).toBe(false);
    expect(r.grid.values).toEqual(want.values);
    expect(sortedMerges(r.grid.merges)).toEqual(sortedMerges(want.merges));
    expect(r.grid.formats![3][6]).toBe("0.00%");
    expect(r.grid.text![3][6]).toBe("78.25%");
    expect(r.grid.text![14][5]).toBe("100%");
    expect(r.grid.text![20][5]).toBe("0%");
    expect(r.grid.formats![3][2]).toBeNull(); // General
    expect(r.grid.text![3][2]).toBeNull(); // the value is the text
  });

  test("a used range away from A1 is padded so values[r][c] is cell (r, c)", async () => {
    const rows = [
      [null, null, null, null],
      [null, null, null, null],
      [null, null, "项目", 5],
      [null, null, "x", 0.5],
    ];
    const g: Grid = { ...gridFromRows("S", rows), formats: [[], [], [], [null, null, null, "0.0%"]] };
    const et = new FakeEt([g]);
    const r = await new WpsHost(et.app as any).read();
    expect(r.grid.values).toEqual(rows);
    expect(r.grid.text![3][3]).toBe("50.0%");
  });

  test("a single-cell sheet (Value2 is a scalar) and an empty sheet", async () => {
    const et = new FakeEt([gridFromRows("一格", [[null, "只有我"]]), gridFromRows("空", [])]);
    const host = new WpsHost(et.app as any);
    expect((await host.read()).grid.values).toEqual([[null, "只有我"]]);
    expect((await host.read("空")).grid.values).toEqual([[null]]);
    await expect(host.read("没有")).rejects.toThrow("没有");
  });

  test("formulas are read with their cached values", async () => {
    const g = sampleGrid();
    g.formulas = g.values.map((r) => r.map(() => null));
    g.formulas[3][6] = "=E4/D4";
    g.formulas[3][7] = "=ROUND(F4*G4,2)";
    const et = new FakeEt([g]);
    const r = await new WpsHost(et.app as any).read();
    expect(r.grid.formulas![3][6]).toBe("=E4/D4");
    expect(r.grid.formulas![3][7]).toBe("=ROUND(F4*G4,2)");
    expect(r.grid.values[3][7]).toBe(7.83);
    expect(r.grid.formulas![3][5]).toBeNull();
  });

  test("formats beyond the renderer are read as Text for those cells only", async () => {
    const g = gridFromRows("S", [
      ["日期", 45000],
      ["金额", 1234.5],
      ["比例", 0.333],
    ]);
    g.formats = [
      [null, 'yyyy"年"m"月"d"日"'],
      [null, "#,##0.00"],
      [null, "0.0%"],
    ];
    g.text = [
      [null, "2023年3月15日"],
      [null, null],
      [null, null],
    ];
    const et = new FakeEt([g]);
    et.bridge.trace = [];
    const r = await new WpsHost(et.app as any).read();
    expect(r.grid.text![0][1]).toBe("2023年3月15日");
    expect(r.grid.text![1][1]).toBe("1,234.50");
    expect(r.grid.text![2][1]).toBe("33.3%");
    expect(et.bridge.trace!.filter((t) => t.endsWith(".Text"))).toHaveLength(1);
  });

  test('value shapes of a real bridge: #### text, "" mixed formats, G/通用格式, -1 booleans', async () => {
    const g = gridFromRows("S", [
      ["日期", 45000, 0.5],
      ["金额", 45001, 12],
      ["比例", 45002, 0.25],
    ]);
    g.formats = [
      [null, 'yyyy"年"m"月"d"日"', "0%"],
      [null, 'yyyy"年"m"月"d"日"', "0.00"],
      [null, 'yyyy"年"m"月"d"日"', "0%"],
    ];
    g.merges = [{ top: 0, left: 3, bottom: 1, right: 3 }];
    g.values[0].push("合并");
    const plain = await new WpsHost(new FakeEt([g]).app as any).read();
    const et = new FakeEt([{ grid: g, protected: true }], {
      quirks: { comBooleans: true, emptyMixedFormat: true, chineseGeneral: true, narrowColumns: ["B"] },
    });
    const r = await new WpsHost(et.app as any).read();
    // "####" is a narrow column, not the cell's text: left to the value (the engine formats it).
    expect(r.grid.text?.[0]?.[1] ?? null).toBeNull();
    // "" for mixed formats is "ask again", not "General": C's formats are found per group.
    expect(r.grid.formats).toEqual(plain.grid.formats);
    expect(r.grid.text?.[0]?.[2]).toBe("50%");
    expect(r.grid.text?.[1]?.[2]).toBe("12.00");
    // -1 is true: the sheet is protected, and the merged area is found.
    expect(r.grid.protected).toBe(true);
    expect(r.grid.merges).toEqual(plain.grid.merges);
    // General spelled in Chinese is General.
    const col = await new WpsHost(
      new FakeEt([gridFromRows("T", [["a", 1]])], { quirks: { chineseGeneral: true } }).app as any,
    ).read();
    expect(col.grid.formats ?? null).toBeNull();
  });

  test("protection is reported", async () => {
    const { host } = setup({ protected: true });
    expect((await host.read()).grid.protected).toBe(true);
  });

  test("bridge calls grow with the columns and merged areas, not with the rows", async () => {
    const count = async (rows: number, group: number) => {
      const et = new FakeEt([longSheet("长表", { rows, group })]);
      const host = new WpsHost(et.app as any);
      et.resetCalls();
      const r = await host.read();
      expect(r.grid.values.length).toBe(rows + 5);
      return { calls: et.calls, merges: r.grid.merges.length };
    };
    // Same merged areas (one 二级 group per 100 rows → 5 groups), 10× the rows.
    const small = await count(50, 10);
    const big = await count(500, 100);
    expect(big.merges).toBe(small.merges);
    // Only the galloping searches and format bisection get a few steps deeper (log2 10 ≈ 3.3 per search).
    expect(big.calls).toBeLessThan(small.calls * 1.6);
    // And far fewer calls than cells (500 rows × 9 columns = 4,500 cells).
    expect(big.calls).toBeLessThan(600);
  });

  test("merged areas come back exactly for a long sheet", async () => {
    const g = longSheet("长表", { rows: 120, group: 7 });
    const et = new FakeEt([g]);
    const r = await new WpsHost(et.app as any).read();
    expect(sortedMerges(r.grid.merges)).toEqual(sortedMerges(g.merges));
  });
});

describe("apply and undo", () => {
  const edits: Edit[] = [
    { kind: "value", cell: "I12", value: "宣传受众超出预期，因活动场次增加。", purpose: "explanation" },
    { kind: "value", cell: "H4", value: 7.83, purpose: "score" },
    { kind: "fill", cell: "H12", color: "#FFC7CE", purpose: "highlight" },
    { kind: "fill", cell: "G4", color: "#FFC7CE", purpose: "highlight" },
  ];

  test("writes only the chosen cells, colours as BGR, and records old values and fills first", async () => {
    const { et, host } = setup({ fills: { G4: "#FFFF00" } });
    const before = (await host.read()).grid;
    const res = await host.apply(SAMPLE_SHEET, edits);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.undo.entries).toEqual([
      {
        cell: "I12",
        value: null,
        formula: null,
        fill: null,
        fillKnown: true,
        wrote: { value: true, fill: false },
      },
      {
        cell: "H4",
        value: 7.83,
        formula: null,
        fill: null,
        fillKnown: true,
        wrote: { value: true, fill: false },
      },
      {
        cell: "H12",
        value: 3,
        formula: null,
        fill: null,
        fillKnown: true,
        wrote: { value: false, fill: true },
      },
      {
        cell: "G4",
        value: 0.7825,
        formula: null,
        fill: "#FFFF00",
        fillKnown: true,
        wrote: { value: false, fill: true },
      },
    ]);
    expect(et.cell(SAMPLE_SHEET, "I12")).toMatchObject({
      value: "宣传受众超出预期，因活动场次增加。",
      formula: null,
    });
    expect(et.fillBgr(SAMPLE_SHEET, "H12")).toBe(0xcec7ff); // #FFC7CE → 0xBBGGRR
    expect(et.cell(SAMPLE_SHEET, "G4").fill).toBe("#FFC7CE");
    const after = (await host.read()).grid;
    for (let r = 0; r < before.values.length; r++)
      for (let c = 0; c < before.values[r].length; c++)
        if (!(r === 11 && c === 8)) expect([r, c, after.values[r][c]]).toEqual([r, c, before.values[r][c]]);
    expect(et.writes.map((w) => w.split("!")[1]).sort()).toEqual([
      "G4 Interior",
      "H12 Interior",
      "H4 Value2",
      "I12 Value2",
    ]);
  });

  test("undo restores values, formulas, fills and 'no fill' exactly", async () => {
    const g = sampleGrid();
    g.formulas = g.values.map((r) => r.map(() => null));
    g.formulas[3][7] = "=ROUND(F4*G4,2)";
    const et = new FakeEt([{ grid: g, fills: { G4: "#FFFF00" } }]);
    const host = new WpsHost(et.app as any);
    const res = await host.apply(SAMPLE_SHEET, [
      { kind: "value", cell: "H4", value: 8, purpose: "score" },
      ...edits.filter((e) => e.cell !== "H4"),
    ]);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    expect(et.cell(SAMPLE_SHEET, "H4").formula).toBeNull();
    await host.undo(res.undo);
    expect(et.cell(SAMPLE_SHEET, "H4")).toMatchObject({ value: 7.83, formula: "=ROUND(F4*G4,2)" });
    expect(et.cell(SAMPLE_SHEET, "I12").value).toBeNull();
    expect(et.cell(SAMPLE_SHEET, "G4").fill).toBe("#FFFF00");
    expect(et.cell(SAMPLE_SHEET, "H12").fill).toBeNull();
  });

  test("undo keeps old text that looks like a formula or a number as text", async () => {
    const et = new FakeEt([gridFromRows("S", [["=不是公式", "12"]])]);
    const host = new WpsHost(et.app as any);
    const res = await host.apply("S", [
      { kind: "value", cell: "A1", value: "新", purpose: "explanation" },
      { kind: "value", cell: "B1", value: "新", purpose: "explanation" },
    ]);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    await host.undo(res.undo);
    expect(et.cell("S", "A1")).toMatchObject({ value: "=不是公式", formula: null });
    expect(et.cell("S", "B1")).toMatchObject({ value: "12", formula: null });
  });

  test("text that looks like a number or percentage is written and restored as text", async () => {
    const et = new FakeEt([gridFromRows("S", [["12%", "旧", "旧"]])]);
    const host = new WpsHost(et.app as any);
    const res = await host.apply("S", [
      { kind: "value", cell: "A1", value: "新", purpose: "explanation" },
      { kind: "value", cell: "B1", value: "50%", purpose: "explanation" },
      { kind: "value", cell: "C1", value: "12", purpose: "explanation" },
    ]);
    if (!res.ok) throw new Error(hostErrorText(res, "zh"));
    expect(et.cell("S", "B1")).toMatchObject({ value: "50%", formula: null });
    expect(et.cell("S", "C1")).toMatchObject({ value: "12", formula: null });
    await host.undo(res.undo); // the written text is recognised as ours, so it is undone
    expect(et.cell("S", "A1")).toMatchObject({ value: "12%", formula: null });
    expect(et.cell("S", "B1").value).toBe("旧");
    expect(et.cell("S", "C1").value).toBe("旧");
  });

  test("on a protected sheet, unlocked cells take values but highlights need formatting rights", async () => {
    const { et, host } = setup({ protected: true, unlocked: ["I12", "H12"] });
    const value = await host.apply(SAMPLE_SHEET, [edits[0]]);
    expect(value.ok).toBe(true);
    const fill = await host.apply(SAMPLE_SHEET, [edits[0], edits[2]]);
    expect(fill).toMatchObject({ ok: false, reason: "protected", cells: ["H12"] });
    expect(et.writes).toHaveLength(1);
  });

  test("a bridge error half-way restores what was already written", async () => {
    const { et, host } = setup({ fills: { G4: "#FFFF00" } });
    et.failWritesTo(SAMPLE_SHEET, "H4");
    const res = await host.apply(SAMPLE_SHEET, edits);
    expect(res).toMatchObject({ ok: false, reason: "failed" });
    expect(et.cell(SAMPLE_SHEET, "I12").value).toBeNull();
    expect(et.cell(SAMPLE_SHEET, "H4").value).toBe(7.83);
    expect(et.cell(SAMPLE_SHEET, "H12").fill).toBeNull();
    expect(et.cell(SAMPLE_SHEET, "G4").fill).toBe("#FFFF00");
  });

  test("apply to a missing sheet fails with a message", async () => {
    const { host } = setup();
    expect(await host.apply("没有", edits)).toMatchObject({ ok: false, reason: "no-sheet" });
  });
});

describe("select and change events", () => {
  test("select activates the sheet and selects the cell", async () => {
    const { et, host } = setup({}, { active: "说明" });
    await host.select(SAMPLE_SHEET, "H12");
    expect(et.activeSheet()).toBe(SAMPLE_SHEET);
    expect(et.selection()).toEqual({ sheet: SAMPLE_SHEET, cell: "H12" });
  });

  test.each(["sync", "async"] as const)(
    "user edits call back, the host's own writes do not (%s events)",
    async (events) => {
      const { et, host } = setup({}, { events });
      const seen: string[] = [];
      const off = host.onChange((s) => seen.push(s));
      const settle = () => et.settled();
      const res = await host.apply(SAMPLE_SHEET, [
        { kind: "value", cell: "I12", value: "说明", purpose: "explanation" },
      ]);
      await settle();
      expect(seen).toEqual([]);
      if (res.ok) await host.undo(res.undo);
      await settle();
      expect(seen).toEqual([]);
      et.userEdit(SAMPLE_SHEET, "I12", "用户写的");
      await settle();
      expect(seen).toEqual([SAMPLE_SHEET]);
      off();
      expect(et.listenerCount("SheetChange")).toBe(0);
    },
  );
});
