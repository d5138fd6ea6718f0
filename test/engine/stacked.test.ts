/**
 * Several tables stacked on one sheet: every one is found and scored with the sheet's own cell addresses;
 * a sheet with one table reports exactly as before (no `table` field).
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsxFile } from "../../src/xlsx/read-file";
import {
  checkGrid,
  checkGridTables,
  checkWorkbook,
  MAX_TABLES_PER_SHEET,
  parseA1,
  parseRange,
} from "../../src/engine";
import type { Grid, SheetReport } from "../../src/engine";
import { maskRowsThrough } from "../../src/engine/layout/tables";
import { seedGrid } from "../fixtures/grids";
import type { ManifestEntry } from "../../scripts/fixtures";

const GEN = path.join(__dirname, "..", "fixtures", "generated");
const manifest: ManifestEntry[] = JSON.parse(
  fs.readFileSync(path.join(GEN, "manifest.json"), "utf8"),
).fixtures;
const entry = manifest.find((f) => f.group === "stacked")!;

/** Grids one under another with `gap` blank rows between them; merges move with their rows. */
function stack(name: string, grids: Grid[], gap = 2): Grid {
  const out: Grid = { name, values: [], text: [], formats: [], formulas: [], merges: [] };
  for (const g of grids) {
    if (out.values.length)
      for (let i = 0; i < gap; i++) {
        out.values.push([]);
        out.text!.push([]);
        out.formats!.push([]);
        out.formulas!.push([]);
      }
    const off = out.values.length;
    g.values.forEach((row, r) => {
      out.values.push(row.slice());
      out.text!.push((g.text?.[r] ?? []).slice());
      out.formats!.push((g.formats?.[r] ?? []).slice());
      out.formulas!.push((g.formulas?.[r] ?? []).slice());
    });
    for (const m of g.merges) out.merges.push({ ...m, top: m.top + off, bottom: m.bottom + off });
  }
  return out;
}

/** True when cell lies inside the A1 range. */
function inside(cell: string, range: string): boolean {
  const p = parseA1(cell)!;
  const a = parseRange(range)!;
  return p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right;
}

describe("the generated sheet with three stacked project tables", () => {
  let sheets: SheetReport[];
  let grid: Grid;
  beforeAll(async () => {
    const grids = await readXlsxFile(path.join(GEN, entry.file));
    grid = grids[0];
    sheets = checkWorkbook(entry.file, grids).sheets;
  });

  it("gets three reports, in sheet order, each naming its place", () => {
    expect(entry.tables).toHaveLength(3);
    expect(sheets).toHaveLength(3);
    sheets.forEach((s, i) => {
      const want = entry.tables![i];
      expect(s.sheet).toBe("项目支出");
      expect(s.kind).toBe("project");
      expect(s.title).toBe(want.title);
      expect(s.unit).toBe(want.unit);
      expect(s.table).toEqual({ index: i + 1, count: 3, range: want.range });
      expect(s.total.cell).toBe(want.totalScoreCell);
      expect(s.grade.cell).toBe(want.gradeCell);
      // The manifest lists the layout's 0-based rows; the report's are 1-based sheet rows.
      expect(s.indicators.map((x) => x.row - 1)).toEqual(want.indicatorRows);
    });
  });

  it("raises each table's own findings, at cells inside that table", () => {
    sheets.forEach((s, i) => {
      const want = entry.tables![i];
      const codes = new Set(s.findings.map((f) => f.code));
      for (const c of want.expect) expect(codes).toContain(c);
      for (const c of codes) expect([...want.expect, ...want.allow]).toContain(c);
      for (const f of s.findings) expect(inside(f.cell, want.range)).toBe(true);
    });
    expect(sheets[0].findings).toEqual([]);
    // Table 2: 150 of ≥200 trained yet the full 10 points; the score cell is on the sheet's own row.
    const high = sheets[1].findings.find((f) => f.code === "SCORE_TOO_HIGH")!;
    const row = sheets[1].indicators.find((x) => x.row === high.row)!;
    expect(row.name).toBe("培训村级管水员人次");
    expect(high.cell).toBe(row.scoreCell);
    expect(row.scoreComputed).toBe(7.5);
    expect(sheets[1].total).toMatchObject({ declared: 100, computed: 97.5 });
    // Table 3: weights add up to 102.
    expect(sheets[2].total.weight).toBe(102);
    expect(sheets[2].findings.find((f) => f.code === "WEIGHT_TOTAL")?.message).toContain("102");
  });

  it("keeps the notes under table 1 with table 1: table 2's title is its own title row, not a note", () => {
    const r = checkGridTables(grid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [t1, t2, t3] = r.tables;
    const top2 = parseRange(entry.tables![1].range)!.top;
    expect(t2.table.titleCell).toBe(`A${top2 + 1}`);
    expect(t3.table.titleCell).toBe(`A${parseRange(entry.tables![2].range)!.top + 1}`);
    // The note that mentions 自评表 and the signature line sit inside table 1's range.
    const bottom1 = parseRange(t1.range)!.bottom;
    expect(String(grid.values[bottom1][0])).toMatch(/^填表人/);
    expect(String(grid.values[bottom1 - 2][0])).toMatch(/^备注：本自评表/);
    expect(t1.range).toBe(entry.tables![0].range);
  });

  it("checkGrid still returns the first table only, identical to the first of checkGridTables", () => {
    const one = checkGrid(grid);
    const all = checkGridTables(grid);
    expect(one.ok && all.ok).toBe(true);
    if (!one.ok || !all.ok) return;
    expect(one.report).toEqual(all.tables[0].report);
    expect(one.report.table).toBeUndefined();
    expect(one.report.unit).toBe("高标准农田建设项目");
  });
});

describe("single-table sheets are unchanged", () => {
  it("the seed grid: one report, no table field, same as checkGrid", () => {
    const g = seedGrid();
    const rep = checkWorkbook("seed.xlsx", [g]);
    expect(rep.sheets).toHaveLength(1);
    expect("table" in rep.sheets[0]).toBe(false);
    const one = checkGrid(g);
    expect(one.ok && one.report).toEqual(rep.sheets[0]);
    expect(JSON.stringify(rep)).not.toContain('"table"');
  });

  it.each([
    "seed-2021-department.xlsx",
    "layout-blank-rows-notes.xlsx",
    "layout-multi-sheet.xlsx",
    "clean-project.xlsx",
  ])("%s has one report per sheet and no table field", async (file) => {
    const rep = checkWorkbook(file, await readXlsxFile(path.join(GEN, file)));
    expect(rep.sheets).toHaveLength(1);
    expect(rep.sheets[0].table).toBeUndefined();
  });

  it("text under the only table (not a table) does not make a second report", () => {
    const g = seedGrid();
    g.values.push([], ["单位：万元"], ["本表由财务科汇总，绩效自评表另附说明材料"]);
    const r = checkGridTables(g);
    expect(r.ok && r.tables.length).toBe(1);
    expect(checkWorkbook("x.xlsx", [g]).sheets[0].table).toBeUndefined();
  });

  it("a sheet that is not a table is still refused with the layout's reason", () => {
    const r = checkGridTables({ name: "说明", values: [["填表说明"], ["1. 按实填写"]], merges: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/绩效指标/);
  });
});

describe("stacked grids built in code", () => {
  it("a table without a 总分 row ends at the next table's title, not inside it", () => {
    const a = seedGrid();
    const cut = a.values.findIndex((row) => row.some((v) => v === "总分"));
    const first: Grid = {
      ...a,
      values: a.values.slice(0, cut),
      text: a.text?.slice(0, cut),
      formats: a.formats?.slice(0, cut),
      formulas: a.formulas?.slice(0, cut),
      merges: a.merges.filter((m) => m.bottom < cut),
    };
    const r = checkGridTables(stack("自评表", [first, seedGrid()], 1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tables).toHaveLength(2);
    expect(r.tables[0].report.indicators).toHaveLength(16);
    expect(r.tables[1].report.indicators).toHaveLength(16);
    expect(r.tables[1].report.total.declared).toBe(97.83);
  });

  it("two seed tables: the second's cells are shifted by the first's height plus the gap", () => {
    const a = seedGrid();
    const b = seedGrid();
    b.values[10][5] = 1; // F11 灾害防治知识宣传次数: 1 of ≥2, full marks declared
    const g = stack("自评表", [a, b], 3);
    const off = a.values.length + 3;
    const r = checkGridTables(g);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tables).toHaveLength(2);
    const [first, second] = r.tables;
    const only = checkGrid(a);
    expect(only.ok).toBe(true);
    if (!only.ok) return;
    expect(first.report.findings).toEqual(only.report.findings);
    expect(second.report.indicators.map((i) => i.row)).toEqual(
      only.report.indicators.map((i) => i.row + off),
    );
    const shift = (cell: string) => cell.replace(/\d+$/, (n) => String(Number(n) + off));
    expect(second.report.total.cell).toBe(shift(only.report.total.cell!));
    expect(second.report.grade.cell).toBe(shift(only.report.grade.cell!));
    expect(second.report.findings.some((f) => f.code === "SCORE_TOO_HIGH" && f.cell === `H${11 + off}`)).toBe(
      true,
    );
    expect(first.report.findings.some((f) => f.code === "SCORE_TOO_HIGH")).toBe(false);
    expect(first.range).toBe(`A1:I${a.values.length}`);
    expect(second.range).toBe(`A${off + 1}:I${off + a.values.length}`);
    const sheets = checkWorkbook("two.xlsx", [g]).sheets;
    expect(sheets.map((s) => s.table)).toEqual([
      { index: 1, count: 2, range: first.range },
      { index: 2, count: 2, range: second.range },
    ]);
  });

  it("stops after MAX_TABLES_PER_SHEET tables", () => {
    const g = stack(
      "多表",
      Array.from({ length: MAX_TABLES_PER_SHEET + 2 }, () => seedGrid()),
      1,
    );
    const r = checkGridTables(g);
    expect(r.ok && r.tables.length).toBe(MAX_TABLES_PER_SHEET);
  });

  it("masking leaves the original grid untouched and drops merges in the masked rows", () => {
    const g = seedGrid();
    const before = JSON.stringify(g);
    const m = maskRowsThrough(g, 10);
    expect(JSON.stringify(g)).toBe(before);
    expect(m.values).toHaveLength(g.values.length);
    expect(m.values.slice(0, 11).every((row) => row.length === 0)).toBe(true);
    expect(m.values[11]).toBe(g.values[11]);
    expect(m.merges.every((x) => x.top > 10)).toBe(true);
    expect(m.merges.length).toBeGreaterThan(0);
  });
});
