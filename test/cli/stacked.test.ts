/**
 * The command line on a sheet with three stacked project tables (generated fixture): every output names
 * each table; ordinary files keep their exact CSV header and workbook columns.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Report } from "../../src/engine/types";
import { runMain, tmp, SAMPLE } from "./helpers";

const GEN = path.join(__dirname, "..", "fixtures", "generated");
const FILE = "三个项目.xlsx";
const manifest = JSON.parse(fs.readFileSync(path.join(GEN, "manifest.json"), "utf8")).fixtures as {
  group: string;
  file: string;
  tables?: { range: string; unit: string }[];
}[];
const entry = manifest.find((f) => f.group === "stacked")!;
const ranges = entry.tables!.map((t) => t.range);
let dir: string;

beforeAll(() => {
  dir = tmp();
  fs.copyFileSync(path.join(GEN, entry.file), path.join(dir, FILE));
  fs.copyFileSync(SAMPLE, path.join(dir, "单表.xlsx"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("table format: one block per table, each headed with its place on the sheet", async () => {
  const r = await runMain(["check", FILE, "--format", "table"], { cwd: dir });
  expect(r.code).toBe(1); // tables 2 and 3 hold errors
  for (let i = 0; i < 3; i++)
    expect(r.stdout).toContain(`工作表：项目支出（第 ${i + 1}/3 张表，${ranges[i]}）`);
  const blocks = r.stdout.split(/\n(?= {2}工作表：)/).slice(1);
  expect(blocks).toHaveLength(3);
  expect(blocks[0]).toContain("单位：高标准农田建设项目");
  expect(blocks[0]).toContain("错误 0 项");
  expect(blocks[1]).toContain("单位：农村饮水安全巩固提升项目");
  expect(blocks[1]).toMatch(/SCORE_TOO_HIGH/);
  expect(blocks[1]).not.toMatch(/WEIGHT_TOTAL/);
  expect(blocks[2]).toContain("单位：乡村道路硬化项目");
  expect(blocks[2]).toMatch(/WEIGHT_TOTAL/);
  expect(blocks[2]).not.toMatch(/SCORE_TOO_HIGH/);
});

test("json: three sheet entries with the table field; the single-table file has none", async () => {
  const r = await runMain(["check", FILE, "单表.xlsx", "--format", "json"], { cwd: dir });
  const report = JSON.parse(r.stdout) as Report;
  const stacked = report.files.find((f) => f.file === FILE)!;
  expect(stacked.sheets.map((s) => s.table)).toEqual(
    ranges.map((range, i) => ({ index: i + 1, count: 3, range })),
  );
  const single = report.files.find((f) => f.file === "单表.xlsx")!;
  expect(single.sheets).toHaveLength(1);
  expect("table" in single.sheets[0]).toBe(false);
});

test("csv: a table column (2/3) appears when a sheet has several tables, and only then", async () => {
  const r = await runMain(["check", FILE, "--format", "csv"], { cwd: dir });
  const lines = r.stdout
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("file,sheet,cell,code,severity,message,table");
  const high = lines.find((l) => l.includes("SCORE_TOO_HIGH"))!;
  expect(high.endsWith(",2/3")).toBe(true);
  const weight = lines.find((l) => l.includes("WEIGHT_TOTAL"))!;
  expect(weight.endsWith(",3/3")).toBe(true);
  const plain = await runMain(["check", "单表.xlsx", "--format", "csv"], { cwd: dir });
  expect(plain.stdout.startsWith("\uFEFFfile,sheet,cell,code,severity,message\r\n")).toBe(true);
});

test("--out: the findings workbook has a 表格 column naming each table", async () => {
  const out = path.join(dir, "意见.xlsx");
  await runMain(["check", FILE, "--format", "json", "--out", out], { cwd: dir });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sum = wb.getWorksheet("汇总")!;
  expect(sum.getRow(1).getCell(13).value).toBe("表格");
  expect([2, 3, 4].map((r) => sum.getRow(r).getCell(13).value)).toEqual(
    ranges.map((range, i) => `第 ${i + 1}/3 张表，${range}`),
  );
  expect([2, 3, 4].map((r) => sum.getRow(r).getCell(3).value)).toEqual(entry.tables!.map((t) => t.unit));
  const list = wb.getWorksheet("问题清单")!;
  expect(list.getRow(1).getCell(8).value).toBe("表格");
  const rows: string[][] = [];
  list.eachRow((row, n) => n > 1 && rows.push([String(row.getCell(5).value), String(row.getCell(8).value)]));
  expect(rows).toContainEqual(["SCORE_TOO_HIGH", `第 2/3 张表，${ranges[1]}`]);
  expect(rows).toContainEqual(["WEIGHT_TOTAL", `第 3/3 张表，${ranges[2]}`]);

  const plainOut = path.join(dir, "单表意见.xlsx");
  await runMain(["check", "单表.xlsx", "--format", "json", "--out", plainOut], { cwd: dir });
  const plain = new ExcelJS.Workbook();
  await plain.xlsx.readFile(plainOut);
  expect(plain.getWorksheet("汇总")!.getRow(1).cellCount).toBe(12);
  expect(plain.getWorksheet("问题清单")!.getRow(1).cellCount).toBe(7);
});
