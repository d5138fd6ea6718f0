/**
 * Real .docx files (scripts/fixtures/report.js, built with the `docx` package) read into paragraphs and
 * Grids, checked as sheets and as a report; bad input gets a clear reason, never a crash.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { readDocx } from "../../src/docx/read";
import { readDocxFile } from "../../src/docx/read-file";
import { checkDocument } from "../../src/engine/report";
import type { FileReport } from "../../src/engine";

const GEN = path.join(__dirname, "..", "fixtures", "generated");
const at = (f: string) => path.join(GEN, f);
const check = async (f: string): Promise<FileReport> => checkDocument(f, await readDocxFile(at(f)));
const reportCodes = (fr: FileReport) =>
  fr.sheets.flatMap((s) => s.findings.map((x) => x.code)).filter((c) => c.startsWith("REPORT_"));

describe("reading a .docx", () => {
  it("reads the reference report: its paragraphs, headings and its table with merged cells", async () => {
    const c = await readDocxFile(at("report-2021-department.docx"));
    expect(c.doc.paragraphs[0]).toEqual({
      index: 1,
      text: "2021 年度部门整体支出绩效自评报告",
      heading: null,
    });
    expect(c.doc.paragraphs.find((p) => p.text === "一、预算单位基本情况")?.heading).toBe(1);
    expect(c.tables).toHaveLength(1);
    expect(c.captions).toEqual(["2021 年度部门整体支出绩效自评表"]);
    const g = c.tables[0];
    expect(g.name).toBe("表格1");
    expect(g.values[0].slice(0, 2)).toEqual(["部门名称", "株洲市芦淞区自然资源局"]);
    expect(g.values[2].slice(1, 8)).toEqual(["合计", "985.93", "1839.1", "1439.13", "10", "78.25 %", "7.83"]);
    // 部门名称's value spans B:I (gridSpan); 资金情况 spans four rows (vMerge).
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 1, bottom: 0, right: 8 },
        { top: 1, left: 0, bottom: 5, right: 0 },
      ]),
    );
  });

  it("every paragraph of a cell is in its text, one line each", async () => {
    const c = await readDocxFile(at("report-2021-department.docx"));
    const goal = c.tables[0].values.flat().find((v) => typeof v === "string" && v.startsWith("高质量推进"));
    expect(String(goal).split("\n").length).toBeGreaterThan(3);
  });
});

describe("ziping's check of a .docx (engine over the reader)", () => {
  it("the reference report: its table read (97.83, 优, 78.25 %) and no REPORT_ finding", async () => {
    const fr = await check("report-2021-department.docx");
    expect(fr.error).toBeNull();
    const s = fr.sheets[0];
    expect(s.title).toBe("2021 年度部门整体支出绩效自评表");
    expect(s.total.declared).toBe(97.83);
    expect(s.total.computed).toBe(97.83);
    expect(s.grade).toMatchObject({ declared: "优", computed: "优" });
    expect(s.funds?.rate.declared).toBe(0.7825);
    expect(reportCodes(fr)).toEqual([]);
    const low = s.findings.find((f) => f.code === "FUNDS_LOW_EXECUTION");
    expect(low?.message).toContain("已说明原因");
  });

  it("78.25% → 87.25% in the prose: REPORT_FIGURE_MISMATCH names both figures", async () => {
    const fr = await check("report-rate-87.25.docx");
    const f = fr.sheets[0].findings.filter((x) => x.code === "REPORT_FIGURE_MISMATCH");
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/87\.25%.*78\.25 %/);
    expect(f[0].paragraph?.opening).toMatch(/^年初预算数 985\.93 万元/);
  });

  it("one missed target in its table: “各项绩效目标指标均完成” is contradicted", async () => {
    const fr = await check("report-target-missed.docx");
    expect(reportCodes(fr)).toEqual(["REPORT_CLAIM_CONTRADICTED"]);
    expect(fr.sheets[0].findings[0].message).toContain("植树造林面积(亩)");
  });

  it("two tables that look like 自评表: both checked, and said so", async () => {
    const fr = await check("report-two-tables.docx");
    expect(fr.sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ["表格1", "department"],
      ["表格2", "project"],
    ]);
    expect(fr.notes?.[0]).toContain("2 张表格像绩效自评表");
    expect(reportCodes(fr)).toEqual([]);
  });

  it("no 自评表 among the tables, or no table at all: NOT_A_SELF_EVALUATION_TABLE saying so", async () => {
    const a = await check("report-no-self-evaluation-table.docx");
    expect(a.error?.code).toBe("NOT_A_SELF_EVALUATION_TABLE");
    expect(a.error?.message).toMatch(/^文档中的表格（共 1 张）都不是绩效自评表/);
    const b = await check("report-prose-only.docx");
    expect(b.error?.message).toContain("--report");
  });
});

describe("bad input: a clear reason, never a crash", () => {
  it.each([
    ["report-old-binary.doc", /旧版 Word 97-2003 \.doc/],
    ["report-password.docx", /设置了打开密码/],
    ["report-not-a-zip.docx", /不是有效的 \.docx/],
  ])("%s", async (file, why) => {
    await expect(readDocxFile(at(file))).rejects.toThrow(why);
  });

  it("empty, truncated, a workbook renamed, a DTD, an RTF and a missing file", async () => {
    await expect(readDocx(new Uint8Array(0))).rejects.toThrow(/0 字节/);
    const good = fs.readFileSync(at("report-2021-department.docx"));
    await expect(readDocx(good.subarray(0, 500))).rejects.toThrow(/^无法读取文件：/);
    const xlsx = fs.readFileSync(at("seed-2021-department.xlsx"));
    await expect(readDocx(xlsx)).rejects.toThrow(/Excel 工作簿/);
    const zip = await JSZip.loadAsync(good);
    zip.file("word/document.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>');
    await expect(readDocx(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(/DTD/);
    await expect(readDocx(Buffer.from("{\\rtf1\\ansi 自评报告}"))).rejects.toThrow(/RTF/);
    await expect(readDocxFile(at("no-such.docx"))).rejects.toThrow(/找不到该文件/);
  });
});
