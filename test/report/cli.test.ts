/**
 * The 自评报告 through the command line, in-process: a .docx checked like a sheet, `--report`, folders
 * with .docx and .doc files, `ziping draft`, and the report findings in every output format.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runMain, tmp, SAMPLE } from "../cli/helpers";
import { readDocx } from "../../src/docx/read";

const GEN = path.join(__dirname, "..", "fixtures", "generated");
const at = (f: string) => path.join(GEN, f);
let dir: string;

beforeAll(() => {
  dir = tmp("ziping-report-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("ziping check on a .docx", () => {
  it("the reference report: its table read (97.83, 优, 78.25 %), no REPORT_ error, exit 0", async () => {
    const r = await runMain(["check", at("report-2021-department.docx"), "--format", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    const s = file.sheets[0];
    expect([s.total.declared, s.grade.computed, s.funds.rate.declared]).toEqual([97.83, "优", 0.7825]);
    expect(s.findings.filter((f: { code: string }) => f.code.startsWith("REPORT_"))).toEqual([]);
  });

  it("the altered copies: REPORT_FIGURE_MISMATCH names both rates; the missed target contradicts the claim", async () => {
    const r = await runMain(["check", at("report-rate-87.25.docx"), at("report-target-missed.docx")], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /\[错误\] G3 +报告第 18 段“年初预算数 985\.93 万元，全年…”写预算执行率为 87\.25%，自评表 G3 为 78\.25 %/,
    );
    expect(r.stdout).toMatch(/REPORT_CLAIM_CONTRADICTED/);
    expect(r.stdout).toContain("“植树造林面积(亩)”（指标值 ≥ 50，实际完成 40，F22）");
  });

  it("two 自评表 in one document: both checked, and the table output says so", async () => {
    const r = await runMain(["check", at("report-two-tables.docx")], { cwd: dir });
    expect(r.stdout).toContain("注：文档中有 2 张表格像绩效自评表（表格1、表格2），已分别检查");
    expect(r.stdout).toMatch(/工作表：表格1[\s\S]*工作表：表格2/);
  });

  it("bad documents: clear reasons, no stack, exit 1", async () => {
    const files = ["report-old-binary.doc", "report-password.docx", "report-no-self-evaluation-table.docx"];
    const r = await runMain(["check", ...files.map(at), "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).files.map(
      (f: { error: { code: string; message: string } }) => f.error,
    );
    expect(errors.map((e: { code: string }) => e.code)).toEqual([
      "FILE_UNREADABLE",
      "FILE_UNREADABLE",
      "NOT_A_SELF_EVALUATION_TABLE",
    ]);
    expect(errors[0].message).toMatch(/旧版 Word 97-2003 \.doc/);
    expect(errors[1].message).toMatch(/打开密码/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+/);
  });

  it("a folder picks up .docx and .doc files beside the workbooks", async () => {
    const folder = path.join(dir, "收到的材料");
    fs.mkdirSync(folder);
    fs.copyFileSync(SAMPLE, path.join(folder, "自评表.xlsx"));
    fs.copyFileSync(at("report-2021-department.docx"), path.join(folder, "自评报告.docx"));
    fs.copyFileSync(at("report-old-binary.doc"), path.join(folder, "旧报告.doc"));
    fs.writeFileSync(path.join(folder, "~$自评报告.docx"), "lock");
    const r = await runMain(["check", folder, "--format", "json"], { cwd: dir });
    const names = JSON.parse(r.stdout).files.map((f: { file: string }) => path.basename(f.file));
    expect(names.sort()).toEqual(["旧报告.doc", "自评报告.docx", "自评表.xlsx"]);
  });
});

describe("ziping check --report", () => {
  it("the sample against the reference prose: no REPORT_ finding; 87.25% is an error at G4", async () => {
    const ok = await runMain(
      ["check", SAMPLE, "--report", at("report-prose-only.docx"), "--format", "json"],
      {
        cwd: dir,
      },
    );
    expect(ok.code).toBe(0);
    const file = JSON.parse(ok.stdout).files[0];
    expect(file.report).toBe(at("report-prose-only.docx"));
    const low = file.sheets[0].findings.find((f: { code: string }) => f.code === "FUNDS_LOW_EXECUTION");
    expect(low.paragraph).toEqual({ index: 18, opening: "年初预算数 985.93 万元，全年…" });

    const bad = await runMain(
      ["check", SAMPLE, "--report", at("report-prose-only-rate-87.25.docx"), "--format", "csv"],
      { cwd: dir },
    );
    expect(bad.code).toBe(1);
    const lines = bad.stdout.split("\r\n");
    expect(lines[0]).toBe("\uFEFFfile,sheet,cell,code,severity,message,paragraph");
    expect(lines.find((l) => l.includes("REPORT_FIGURE_MISMATCH"))).toMatch(
      /,自评表,G4,REPORT_FIGURE_MISMATCH,error,.*87\.25%.*78\.25 %.*,第 18 段“年初预算数 985\.93 万元，全年…”$/,
    );
  });

  it("the findings workbook gets a 报告位置 column", async () => {
    const out = path.join(dir, "审核意见.xlsx");
    await runMain(["check", SAMPLE, "--report", at("report-prose-only-rate-87.25.docx"), "--out", out], {
      cwd: dir,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const list = wb.getWorksheet("问题清单")!;
    expect(list.getRow(1).getCell(8).value).toBe("报告位置");
    const row = list.getRow(2);
    expect(row.getCell(5).value).toBe("REPORT_FIGURE_MISMATCH");
    expect(row.getCell(8).value).toBe("第 18 段“年初预算数 985.93 万元，全年…”");
  });

  it("usage: a missing report or a report that is not .docx exits 2; an unreadable one is said", async () => {
    expect((await runMain(["check", SAMPLE, "--report", "无此报告.docx"], { cwd: dir })).code).toBe(2);
    const doc = await runMain(["check", SAMPLE, "--report", "报告.doc"], { cwd: dir });
    expect(doc.code).toBe(2);
    expect(doc.stderr).toContain("应以 .docx 结尾");
    fs.copyFileSync(at("report-password.docx"), path.join(dir, "加密.docx"));
    const enc = await runMain(["check", SAMPLE, "--report", "加密.docx"], { cwd: dir });
    expect(enc.stdout).toContain("注：--report 的文档“加密.docx”无法读取：文档设置了打开密码");
  });
});

describe("ziping draft", () => {
  it("writes a .docx of the bundled sample whose text carries 1839.1, 1439.13, 78.25%, 97.83 and 优", async () => {
    const out = path.join(dir, "自评报告（草稿）.docx");
    const r = await runMain(["draft", SAMPLE, "--out", out], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("自评报告草稿已写入");
    const text = (await readDocx(fs.readFileSync(out))).doc.paragraphs.map((p) => p.text).join("\n");
    for (const s of ["1839.1", "1439.13", "78.25%", "97.83", "优"]) expect(text).toContain(s);
  });

  it("usage and refusals", async () => {
    expect((await runMain(["draft", SAMPLE], { cwd: dir })).code).toBe(2);
    expect((await runMain(["draft", SAMPLE, "--out", "x.xlsx"], { cwd: dir })).code).toBe(2);
    expect((await runMain(["draft", SAMPLE, "--out", "x.docx", "--format", "json"], { cwd: dir })).code).toBe(
      2,
    );
    const mine = path.join(dir, "我的报告.docx");
    fs.copyFileSync(at("report-2021-department.docx"), mine);
    const refused = await runMain(["draft", SAMPLE, "--out", mine], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("不会覆盖");
    const junk = path.join(dir, "junk.xlsx");
    fs.writeFileSync(junk, "not a workbook");
    const bad = await runMain(["draft", junk, "--out", path.join(dir, "d.docx")], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^ziping：无法读取文件/);
  });
});

describe("a report whose 自评表 is a picture, through the command line", () => {
  it("says 表格是图片 and prints what the prose's own sums showed", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const body = [
      p("二、预算执行情况"),
      p("该项目总预算 100 万元，其中中央资金 60 万元，省级资金 50 万元。"),
      p("附件：2022 年度项目支出绩效自评表"),
      "<w:p><w:r><w:drawing/></w:r></w:p>",
    ].join("");
    zip.file(
      "word/document.xml",
      `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    );
    const file = path.join(dir, "图片表格.docx");
    fs.writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
    const r = await runMain(["check", file], { cwd: dir });
    expect(r.stdout).toContain("表格是图片，无法读取");
    expect(r.stdout).toMatch(/注：.*110 万元.*REPORT_SUM_MISMATCH/);
    expect(r.stdout).toContain("注：报告正文中与自评表核对的数字、等级和表述均未检查");
  });
});
