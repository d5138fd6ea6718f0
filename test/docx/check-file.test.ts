/** The command line's .docx side: a report file checked, a separate report applied, a draft written. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkDocxFile, loadReport, withReportFile, writeDraftFile } from "../../src/docx/check-file";
import { readDocx } from "../../src/docx/read";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { checkWorkbookTables, defaultProfile } from "../../src/engine";

const GEN = path.join(__dirname, "..", "fixtures", "generated");
const at = (f: string) => path.join(GEN, f);
const profile = defaultProfile();
const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "2021年度部门整体支出绩效自评表.xlsx");

describe("checkDocxFile", () => {
  it("never throws: a bad document is FILE_UNREADABLE with its reason", async () => {
    const fr = await checkDocxFile(at("report-password.docx"), "报告.docx", { profile });
    expect(fr.error).toEqual({ code: "FILE_UNREADABLE", message: expect.stringMatching(/打开密码/) });
    const missing = await checkDocxFile(at("none.docx"), "none.docx", { profile });
    expect(missing.error?.message).toContain("找不到该文件");
  });
});

describe("a separate report against a workbook", () => {
  it("the sample and the reference prose agree; 87.25% is a REPORT_FIGURE_MISMATCH at G4", async () => {
    const grids = await readXlsxFile(SAMPLE);
    const fr = checkWorkbookTables("自评表.xlsx", grids, { profile });
    const ok = withReportFile(fr, await loadReport(at("report-prose-only.docx"), "报告.docx"), profile);
    expect(ok.report).toBe("报告.docx");
    expect(ok.sheets[0].findings.filter((f) => f.code.startsWith("REPORT_"))).toEqual([]);
    const bad = withReportFile(
      fr,
      await loadReport(at("report-prose-only-rate-87.25.docx"), "报告.docx"),
      profile,
    );
    const f = bad.sheets[0].findings.filter((x) => x.code === "REPORT_FIGURE_MISMATCH");
    expect(f.map((x) => x.cell)).toEqual(["G4"]);
  });

  it("a report that cannot be read says why", async () => {
    const r = await loadReport(at("report-old-binary.doc"), "报告.doc");
    expect(r).toEqual({
      ok: false,
      message: expect.stringMatching(/^--report 的文档“报告\.doc”无法读取：这是旧版/),
    });
  });
});

describe("writeDraftFile", () => {
  it("writes the draft of the sample as a .docx", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-draft-"));
    const out = path.join(dir, "自评报告（草稿）.docx");
    expect(await writeDraftFile(await readXlsxFile(SAMPLE), out, { profile })).toEqual({ ok: true });
    const back = await readDocx(fs.readFileSync(out));
    expect(back.doc.paragraphs.map((p) => p.text).join("\n")).toContain("预算执行率 78.25%");
    const r = await writeDraftFile(await readXlsxFile(SAMPLE), path.join(dir, "no", "x.docx"), { profile });
    expect(r).toEqual({ ok: false, message: expect.stringContaining("目标文件夹不存在") });
    // Its own earlier draft is replaced; the user's report or the table never are.
    expect(await writeDraftFile(await readXlsxFile(SAMPLE), out, { profile })).toEqual({ ok: true });
    for (const mine of [at("report-2021-department.docx"), SAMPLE]) {
      const copy = path.join(dir, path.basename(mine));
      fs.copyFileSync(mine, copy);
      const before = fs.readFileSync(copy);
      const refused = await writeDraftFile(await readXlsxFile(SAMPLE), copy, { profile });
      expect(refused).toEqual({ ok: false, message: expect.stringContaining("不会覆盖") });
      expect(fs.readFileSync(copy).equals(before)).toBe(true);
    }
  });
});
