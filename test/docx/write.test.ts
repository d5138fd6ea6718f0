/**
 * The drafted report as a real .docx: written with the `docx` package from the bundled sample, read back
 * with our reader, its text carrying the table's figures and its 附件 table checked again.
 */
import * as path from "path";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { draftDocx } from "../../src/docx/draft";
import { readDocx } from "../../src/docx/read";
import { checkDocument } from "../../src/engine/report";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "2021年度部门整体支出绩效自评表.xlsx");

describe("draftDocx", () => {
  it("writes a .docx of the sample whose text carries 1839.1, 1439.13, 78.25%, 97.83 and 优", async () => {
    const r = await draftDocx(await readXlsxFile(SAMPLE));
    if (!r.ok) throw new Error(r.message);
    expect(Buffer.from(r.bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
    const back = await readDocx(r.bytes);
    const text = back.doc.paragraphs.map((p) => p.text).join("\n");
    for (const s of ["1839.1", "1439.13", "78.25%", "97.83", "等级为“优”"]) expect(text).toContain(s);
    expect(back.doc.paragraphs.filter((p) => p.heading === 1).map((p) => p.text)).toEqual([
      "一、基本情况",
      "二、预算执行情况",
      "三、绩效指标完成情况",
      "四、存在的问题、偏差原因及改进措施",
      "五、自评结论",
    ]);
    expect(text).toContain("【请补充：");
  });

  it("its 附件 table is the checked table again, and its prose agrees with it", async () => {
    const r = await draftDocx(await readXlsxFile(SAMPLE));
    if (!r.ok) throw new Error(r.message);
    const fr = checkDocument("草稿.docx", await readDocx(r.bytes));
    expect(fr.error).toBeNull();
    const s = fr.sheets[0];
    expect([s.total.declared, s.grade.computed, s.funds?.rate.declared]).toEqual([97.83, "优", 0.7825]);
    expect(s.title).toBe("2021 年度部门整体支出绩效自评表");
    expect(s.findings.filter((f) => f.code.startsWith("REPORT_"))).toEqual([]);
    expect(s.indicators).toHaveLength(16);
  });

  it("a workbook without a 自评表, or a sheet that is not there, is a message, not a crash", async () => {
    const junk = [{ name: "通讯录", values: [["姓名", "电话"]], merges: [] }];
    const a = await draftDocx(junk);
    expect(a.ok ? "" : a.message).toMatch(/^未找到绩效自评表/);
    const b = await draftDocx(await readXlsxFile(SAMPLE), { sheet: "不存在" });
    expect(b.ok ? "" : b.message).toMatch(/找不到工作表“不存在”/);
  });
});
