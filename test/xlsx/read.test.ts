import * as fs from "fs";
import * as path from "path";
import { readWorkbook, XlsxReadError } from "../../src/xlsx/read";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { detectLayout } from "../../src/engine/layout";
import { rangeToA1, textAt, valueAt, formulaAt, parseA1, type Grid } from "../../src/engine/grid";
import type { Table } from "../../src/engine/types";
import type { ManifestEntry } from "../../scripts/fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
const GEN = path.join(ROOT, "test", "fixtures", "generated");
const SAMPLE = path.join(ROOT, "assets", "samples", "2021年度部门整体支出绩效自评表.xlsx");

type Entry = ManifestEntry;
const manifest: { fixtures: Entry[] } = JSON.parse(fs.readFileSync(path.join(GEN, "manifest.json"), "utf8"));

function at(g: Grid, a1: string) {
  const p = parseA1(a1)!;
  return {
    value: valueAt(g, p.row, p.col),
    text: textAt(g, p.row, p.col),
    formula: formulaAt(g, p.row, p.col),
  };
}

function tableOf(grids: Grid[]): Table {
  for (const g of grids) {
    const res = detectLayout(g);
    if (res.ok) return res.table;
  }
  throw new Error("no table");
}

describe("readWorkbook on the bundled sample (the seed's 2021 table)", () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await readXlsxFile(SAMPLE);
  });

  it("reads one sheet with its merges and no protection", () => {
    expect(grids.map((g) => g.name)).toEqual(["自评表"]);
    const g = grids[0];
    const merges = g.merges.map(rangeToA1);
    expect(merges).toEqual(
      expect.arrayContaining(["A1:I1", "A3:A7", "A10:A26", "B11:B21", "C15:C19", "A27:F27", "H4:I4"]),
    );
    expect(g.protected).toBe(false);
  });

  it("gives cached formula results, formulas and Excel display text", () => {
    const g = grids[0];
    expect(at(g, "G4").value).toBeCloseTo(1439.13 / 1839.1, 12);
    expect(at(g, "G4").text).toBe("78.25 %");
    expect(at(g, "G4").formula).toBe("=IF(D4=0,0,E4/D4)");
    expect(at(g, "H4")).toEqual({ value: 7.83, text: "7.83", formula: "=ROUND(F4*MIN(G4,1),2)" });
    expect(at(g, "G27").value).toBe(100);
    expect(at(g, "H27").value).toBe(97.83);
    expect(at(g, "H27").formula).toBe("=SUM(H11:H26)+H4");
    expect(at(g, "F15")).toMatchObject({ value: 1, text: "100%" });
    expect(at(g, "F17")).toMatchObject({ value: "100%", text: "100%" });
    expect(at(g, "D5")).toMatchObject({ value: 1497.06, text: "1497.06", formula: null });
    // covered cells of a merge are empty, as Excel reports them
    expect(at(g, "B12").value).toBeNull();
    expect(at(g, "I4").value).toBeNull();
    expect(at(g, "I27").value).toBe("等级：优");
  });

  it("detectLayout finds the whole seed table", () => {
    const t = tableOf(grids);
    expect(t.kind).toBe("department");
    expect(t.unit).toBe("株洲市芦淞区自然资源局");
    expect(t.indicators).toHaveLength(16); // the seed table lists 16 三级指标 (50 + 30 + 10 points)
    expect(t.funds?.total.label).toBe("合计");
    expect(t.funds?.total.budget).toMatchObject({ cell: "D4", value: 1839.1 });
    expect(t.funds?.total.spent).toMatchObject({ cell: "E4", value: 1439.13 });
    expect(t.funds?.total.rate?.text).toBe("78.25 %");
    expect(t.funds?.total.score?.value).toBe(7.83);
    expect(t.funds?.subRows.map((r) => r.label)).toEqual(["其中：当年财政拨款", "上年结转资金", "其他资金"]);
    expect(t.categories.map((c) => [c.name, c.declaredWeight])).toEqual([
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 10],
    ]);
    expect(t.total?.score).toMatchObject({ cell: "H27", value: 97.83 });
    expect(t.grade).toEqual({ cell: "I27", declared: "优" });
    const w = t.indicators.reduce((a, i) => a + (i.weight?.value as number), 0);
    expect(w + (t.funds?.total.weight?.value as number)).toBe(100);
  });

  it("matches the generated copy in test/fixtures/generated", async () => {
    const copy = await readXlsxFile(path.join(GEN, "seed-2021-department.xlsx"));
    expect(copy[0].values).toEqual(grids[0].values);
  });
});

describe("detectLayout on every generated table matches what the generator laid out", () => {
  const tables = manifest.fixtures.filter((f) => f.layout);
  it("has the expected fixture set", () => {
    const files = manifest.fixtures.map((f) => f.file);
    for (const code of [
      "WEIGHT_TOTAL",
      "WEIGHT_CATEGORY",
      "WEIGHT_SPLIT",
      "SCORE_OUT_OF_RANGE",
      "SCORE_TOO_HIGH",
      "SCORE_TOO_LOW",
      "SCORE_DEDUCTION_UNEXPLAINED",
      "QUAL_SCORE_OUT_OF_BAND",
      "QUAL_UNCLASSIFIED",
      "VALUE_MISSING",
      "VALUE_NOT_NUMERIC",
      "TARGET_UNPARSED",
      "DIRECTION_INFERRED",
      "OVER_TARGET",
      "EXPLANATION_MISSING",
      "EXPLANATION_TOO_SHORT",
      "FUNDS_RATE_MISMATCH",
      "FUNDS_SCORE_MISMATCH",
      "FUNDS_SUBTOTAL_MISMATCH",
      "FUNDS_LOW_EXECUTION",
      "FUNDS_OVERSPENT",
      "TOTAL_MISMATCH",
      "GRADE_MISMATCH",
      "GRADE_CHANGES_ON_RECALC",
    ]) {
      expect(files).toContain(`finding-${code}.xlsx`);
      expect(manifest.fixtures.find((f) => f.file === `finding-${code}.xlsx`)?.expect).toEqual([code]);
    }
    for (const f of manifest.fixtures) expect(fs.existsSync(path.join(GEN, f.file))).toBe(true);
  });

  it.each(tables.map((f) => [f.file, f] as const))("%s", async (_file, f) => {
    const L = f.layout!;
    const grids = await readXlsxFile(path.join(GEN, f.file));
    const t = tableOf(grids);
    expect(t.sheet).toBe(L.sheet);
    expect(t.kind).toBe(L.kind);
    expect(t.title).toBe(L.title);
    expect(t.unit).toBe(L.unit);
    expect(t.indicators).toHaveLength(L.indicators);
    if (L.indicatorRows) expect(t.indicators.map((i) => i.row)).toEqual(L.indicatorRows);
    expect(
      t.categories.map((c) => ({
        name: c.name,
        cell: c.cell,
        declaredWeight: c.declaredWeight,
        count: c.rows.length,
      })),
    ).toEqual(L.categories);
    expect(t.total?.weight?.cell).toBe(L.total.weightCell);
    expect(t.total?.score?.cell).toBe(L.total.scoreCell);
    if (
      typeof L.total.weight === "number" &&
      typeof t.total?.weight?.value === "number" &&
      f.group !== "finding"
    ) {
      expect(t.total.weight.value).toBeCloseTo(L.total.weight, 6);
    }
    expect(t.grade?.cell ?? null).toBe(L.grade?.cell ?? null);
    if (L.funds) {
      const F = t.funds!;
      expect(F.labelCell).toBe(L.funds.labelCell);
      expect(F.total.budget?.cell).toBe(L.funds.budget);
      expect(F.total.spent?.cell).toBe(L.funds.spent);
      expect(F.total.weight?.cell).toBe(L.funds.weight);
      expect(F.total.rate?.cell).toBe(L.funds.rate);
      expect(F.total.score?.cell).toBe(L.funds.score);
      expect(F.subRows).toHaveLength(L.funds.subRows);
    } else expect(t.funds).toBeNull();
  });

  it("the split-target layout yields 指标性质 / 指标值 / 度量单位 cells", async () => {
    const t = tableOf(await readXlsxFile(path.join(GEN, "layout-split-target.xlsx")));
    const first = t.indicators[0];
    expect(first.targetNature?.value).toBe("≥");
    expect(first.target.value).toBe(2);
    expect(first.targetUnit?.value).toBe("次");
    expect(t.indicators[5].targetNature?.value).toBe("定性");
  });

  it("the 10+90 layout takes the funds weight from its label and the indicator-block row", async () => {
    const t = tableOf(await readXlsxFile(path.join(GEN, "layout-provincial-10-90.xlsx")));
    expect(t.funds?.labelWeight).toBe(10);
    expect(t.funds?.total.rate?.text).toBe("100.00%");
    expect(t.indicatorBlockWeight).toBe(90);
  });

  it("the synonyms layout reads a rate written as text and a grade in a separate row", async () => {
    const syn = tableOf(await readXlsxFile(path.join(GEN, "layout-header-synonyms.xlsx")));
    expect(syn.funds?.total.rate?.value).toBe("100.00 %");
    expect(syn.funds?.labelWeight).toBe(10);
    const blank = tableOf(await readXlsxFile(path.join(GEN, "layout-blank-rows-notes.xlsx")));
    expect(blank.grade?.declared).toBe("优");
  });

  it("multi-sheet workbooks put 填表说明 and an empty Sheet3 first", async () => {
    const grids = await readXlsxFile(path.join(GEN, "layout-multi-sheet.xlsx"));
    expect(grids.map((g) => g.name)).toEqual(["填表说明", "Sheet3", "自评表"]);
    expect(grids[1].values).toEqual([]);
    expect(detectLayout(grids[0]).ok).toBe(false);
    expect(detectLayout(grids[1]).ok).toBe(false);
    expect(detectLayout(grids[2]).ok).toBe(true);
  });

  it("reads sheet protection", async () => {
    const grids = await readXlsxFile(path.join(GEN, "protected.xlsx"));
    expect(grids[0].protected).toBe(true);
  });

  it("keeps error values and text in number cells as they are", async () => {
    const grids = await readXlsxFile(path.join(GEN, "errors-and-text.xlsx"));
    const g = grids[0];
    expect(at(g, "G4")).toMatchObject({ value: "#DIV/0!", text: "#DIV/0!", formula: "=E4/D4" });
    expect(at(g, "G10").value).toBe("六");
    expect(at(g, "H11").value).toBe("6分");
    expect(detectLayout(g).ok).toBe(true);
  });
});

describe("readWorkbook rejects junk with a Chinese message", () => {
  it.each([
    ["not-a-zip.xlsx", /不是有效的 \.xlsx 工作簿/],
    ["empty.xlsx", /文件是空的/],
    ["encrypted.xlsx", /加密/],
    ["truncated.xlsx", /不是有效的 \.xlsx 工作簿（.+）/],
  ])("%s", async (file, message) => {
    const err = await readXlsxFile(path.join(GEN, file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as Error).message).toMatch(/^无法读取文件：/);
    expect((err as Error).message).toMatch(message);
  });

  it("says so for a missing file", async () => {
    await expect(readXlsxFile(path.join(GEN, "no-such-file.xlsx"))).rejects.toThrow(
      /^无法读取文件：找不到该文件/,
    );
  });

  it("accepts ArrayBuffer, Uint8Array and Buffer input alike", async () => {
    const buf = fs.readFileSync(SAMPLE);
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const a = await readWorkbook(ab);
    const b = await readWorkbook(new Uint8Array(buf));
    const c = await readWorkbook(buf);
    expect(a[0].values).toEqual(c[0].values);
    expect(b[0].text).toEqual(c[0].text);
  });

  it("a workbook with only 填表说明 and an empty sheet reads fine but holds no 自评表", async () => {
    const grids = await readXlsxFile(path.join(GEN, "not-a-table.xlsx"));
    expect(grids).toHaveLength(2);
    for (const g of grids) {
      const res = detectLayout(g);
      expect(res.ok).toBe(false);
    }
  });
});

describe("large tables", () => {
  // Reading speed is measured by `npm run bench`; this checks a 500-indicator file is read whole.
  it("reads a 500-indicator table and finds every row", async () => {
    const grids = await readXlsxFile(path.join(GEN, "large-500.xlsx"));
    const t = tableOf(grids);
    expect(t.indicators).toHaveLength(500);
  });
});
