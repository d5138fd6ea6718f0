/**
 * The reader's limits (src/xlsx/limits.ts) on generated hostile workbooks, with small caps where a
 * real cap would need a large file: every limit ends in a Chinese message naming it, never a crash,
 * and the good table beside a stray far cell or a giant merge is read as it is.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook, XlsxReadError } from "../../src/xlsx/read";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { checkWorkbook } from "../../src/engine";
import { MemoryHost } from "../../src/hosts/memory";
const hostile = require("./hostile-fixtures");
const { writeSampleXls } = require("./old-formats");

let dir: string;
let sampleGrids: Awaited<ReturnType<typeof readXlsxFile>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-limits-"));
  sampleGrids = await readXlsxFile(hostile.SAMPLE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    return (e as Error).message;
  }
  throw new Error("expected the reader to refuse the file");
}

test("20,000 cells in column XFD are strays: the table reads exactly as the sample", async () => {
  const grids = await readXlsxFile(await hostile.farColumn(at("far.xlsx"), 2000));
  expect(grids).toEqual(sampleGrids);
});

test("a merged area J1:XFD1048576 beside the table (columns A:I) is not part of it", async () => {
  const grids = await readXlsxFile(await hostile.giantMerge(at("giant.xlsx")));
  expect(grids).toEqual(sampleGrids);
});

test("a merged area reaching far below the table is clipped to it", async () => {
  const file = await hostile.editFirstSheet(at("tall.xlsx"), (xml: string) =>
    xml.replace(/<mergeCell ref="A28:I28"\/>/, '<mergeCell ref="A28:XFD1048576"/>'),
  );
  const grids = await readXlsxFile(file);
  expect(grids[0].values.length).toBe(sampleGrids[0].values.length);
  expect(grids[0].merges).toContainEqual({ top: 27, left: 0, bottom: 27, right: 8 });
});

test("too many merged areas: the message names the sheet, the count and the cap", async () => {
  const file = await hostile.manyMerges(at("merges.xlsx"), 300);
  const msg = await refusal(readXlsxFile(file, { limits: { merges: 100 } }));
  expect(msg).toMatch(/^无法读取文件：工作表“自评表”有 322 个合并区域，超过上限 100 个/);
});

test("a row bomb: rows beyond the cap are never parsed, and the cap is named", async () => {
  const file = await hostile.rowBomb(at("bomb.xlsx"), 5000);
  const msg = await refusal(readXlsxFile(file, { limits: { rows: 1000 } }));
  expect(msg).toContain("工作表“自评表”的表格超过 1000 行，超过上限 1000 行");
});

test("the cell cap and the text cap are named", async () => {
  const bomb = await hostile.rowBomb(at("cells.xlsx"), 500);
  expect(await refusal(readXlsxFile(bomb, { limits: { cells: 1000 } }))).toContain(
    "的非空单元格超过上限 1000 个",
  );
  const long = await hostile.editFirstSheet(at("long.xlsx"), (xml: string) =>
    xml.replace(
      "</sheetData>",
      `<row r="40"><c r="A40" t="inlineStr"><is><t>${"长".repeat(5000)}</t></is></c></row></sheetData>`,
    ),
  );
  expect(await refusal(readXlsxFile(long, { limits: { textLength: 2000 } }))).toContain(
    "工作表“自评表”的单元格 A40 有 5000 个字符，超过上限 2000 个",
  );
});

test("only regular files, within the size cap", async () => {
  if (process.platform !== "win32") {
    fs.symlinkSync("/dev/zero", at("zero.xlsx"));
    expect(await refusal(readXlsxFile(at("zero.xlsx")))).toContain("不是普通文件");
  }
  expect(await refusal(readXlsxFile(hostile.SAMPLE, { limits: { fileBytes: 1000 } }))).toContain("超过上限");
  expect(await refusal(readXlsxFile(dir))).toContain("文件夹");
});

test("a zip that is not a workbook says so", async () => {
  const JSZip = require("jszip");
  const zip = new JSZip();
  zip.file("word/document.xml", "<w:document/>");
  const bytes = await zip.generateAsync({ type: "uint8array" });
  expect(await refusal(readWorkbook(bytes))).toContain("这是一个 zip 压缩包，但不是 .xlsx 工作簿");
});

test("an old .xls of the sample reads like the .xlsx and checks the same", async () => {
  const xls = writeSampleXls(at("sample.xls"));
  const report = checkWorkbook("sample.xls", await readXlsxFile(xls));
  const expected = checkWorkbook("sample.xls", sampleGrids);
  expect(report).toEqual(expected);
  expect(report.sheets[0].total.computed).toBe(97.83);
  expect(report.sheets[0].grade.computed).toBe("优");
});

test("a WPS .et that cannot be read gets a clear message", async () => {
  const ole = Buffer.alloc(1024);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(ole);
  fs.writeFileSync(at("wps.et"), ole);
  expect(await refusal(readXlsxFile(at("wps.et")))).toContain("WPS 的 .et 格式");
});

test("formulas without cached values are named as such, not as empty cells", async () => {
  const file = await hostile.editFirstSheet(at("uncalc.xlsx"), (xml: string) =>
    xml.replace(/(<\/f>)<v>[^<]*<\/v>/g, "$1"),
  );
  const grids = await readXlsxFile(file);
  // The reader marks them; the engine words the finding, for every host that reads files.
  expect(grids[0].uncalculated?.some((r) => r?.some((u) => u === true))).toBe(true);
  expect(sampleGrids[0].uncalculated).toBeUndefined();
  // The demo opens files with the same reader into a memory host, which keeps the mark.
  const memory = new MemoryHost(grids);
  expect(checkWorkbook("uncalc.xlsx", [memory.grid(grids[0].name)])).toEqual(
    checkWorkbook("uncalc.xlsx", grids),
  );
  const report = checkWorkbook("uncalc.xlsx", grids);
  const missing = report.sheets[0].findings.filter((f) => f.code === "VALUE_MISSING");
  expect(missing.length).toBeGreaterThan(0);
  for (const f of missing) {
    expect(f.message).toContain("公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再检查");
    expect(f.message).not.toContain("为空");
  }
});

test("a sheet over a limit that cannot be a 自评表 is left out; the table is still checked", async () => {
  const XLSX = require("@e965/xlsx");
  const wb = XLSX.read(fs.readFileSync(hostile.SAMPLE), {
    cellFormula: true,
    cellNF: true,
    cellStyles: true,
  });
  const rows = Array.from({ length: 300 }, (_v, i) => [`张三${i}`, 13800000000 + i, "办公室"]);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["姓名", "电话", "部门"], ...rows]), "通讯录");
  const file = at("with-list.xlsx");
  fs.writeFileSync(file, XLSX.write(wb, { bookType: "xlsx", type: "buffer" }));
  const grids = await readXlsxFile(file, { limits: { cells: 500 } });
  expect(grids.map((g) => g.name)).toEqual(["自评表"]);
  // The same cap on a sheet that could be a 自评表 is an error.
  expect(await refusal(readXlsxFile(file, { limits: { cells: 100 } }))).toContain(
    "工作表“自评表”的非空单元格超过上限 100 个",
  );
});

test("a long cell echoed in a message is cut, saying how long it was", async () => {
  const file = await hostile.editFirstSheet(at("long-actual.xlsx"), (xml: string) =>
    xml.replace(
      '<c r="F12" s="1"><v>1500</v></c>',
      `<c r="F12" s="1" t="inlineStr"><is><t>${"某".repeat(5000)}</t></is></c>`,
    ),
  );
  const report = checkWorkbook("long-actual.xlsx", await readXlsxFile(file));
  const all = report.sheets.flatMap((s) => s.findings);
  const echo = all.find((f) => f.message.includes("某某某"));
  expect(echo).toBeDefined();
  expect(echo!.message.length).toBeLessThan(400);
  expect(echo!.message).toContain("…（共 5000 字）");
  expect(echo!.messageEn).toContain("(5000 characters)");
  for (const f of all) expect(f.message.length).toBeLessThan(1000);
});

test("a large workbook reads only its possible 自评表 in full; other sheets keep a preview", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(hostile.SAMPLE);
  const ws = wb.addWorksheet("明细");
  for (let r = 1; r <= 1000; r++) ws.addRow([r, `单位${r % 97}`, r * 1.5]);
  await wb.xlsx.writeFile(at("multi.xlsx"));
  const one = await readXlsxFile(at("multi.xlsx"), { tablesOnlyFromBytes: undefined });
  const two = await readXlsxFile(at("multi.xlsx"), { tablesOnlyFromBytes: 0 });
  expect(two.map((g) => g.name)).toEqual(["自评表", "明细"]);
  expect(one[1].values).toHaveLength(1000);
  expect(two[1].values).toHaveLength(200);
  expect(two[0]).toEqual(one[0]);
  expect(checkWorkbook("multi.xlsx", two)).toEqual(checkWorkbook("multi.xlsx", one));
  // Under the size where a preview pays (a real 自评表 file), one pass as before.
  expect((await readXlsxFile(at("multi.xlsx")))[1].values).toHaveLength(1000);
});

test("two passes: a workbook with no possible 自评表 is read from the preview and says why", async () => {
  const wb = new ExcelJS.Workbook();
  for (const name of ["通讯录", "明细"]) wb.addWorksheet(name).addRow(["姓名", "电话"]);
  await wb.xlsx.writeFile(at("contacts.xlsx"));
  const grids = await readXlsxFile(at("contacts.xlsx"), { tablesOnlyFromBytes: 0 });
  expect(grids.map((g) => g.name)).toEqual(["通讯录", "明细"]);
  expect(checkWorkbook("contacts.xlsx", grids).error?.message).toContain("通讯录");
});
