/** The demo's .docx module: a report's tables opened as sheets, a sheet's draft as .docx bytes. */
import * as fs from "fs";
import * as path from "path";
import { draftFileName, draftOfSheet, openDocx } from "../../src/docx/browser";
import { readDocx } from "../../src/docx/read";

const GEN = path.join(__dirname, "..", "fixtures", "generated");
const bytesOf = (f: string) => {
  const b = fs.readFileSync(path.join(GEN, f));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe("the demo's .docx module", () => {
  it("opens the reference report's table as a sheet and drafts a report from it", async () => {
    const opened = await openDocx(bytesOf("report-2021-department.docx"));
    expect(opened.grids.map((g) => g.name)).toEqual(["表格1"]);
    const back = await readDocx(await draftOfSheet(opened.grids[0]));
    const text = back.doc.paragraphs.map((p) => p.text).join("\n");
    expect(text).toContain("全年执行数 1439.13 万元，预算执行率 78.25%");
    expect(text).toContain("总分 97.83 分，等级为“优”");
  });

  it("a document without tables, or a sheet without a 自评表, is a Chinese message", async () => {
    await expect(openDocx(bytesOf("report-prose-only.docx"))).rejects.toThrow(/没有表格/);
    await expect(draftOfSheet({ name: "说明", values: [["填表说明"]], merges: [] })).rejects.toThrow(
      /未找到绩效自评表/,
    );
    expect(draftFileName("2021年自评表.xlsx")).toBe("2021年自评表-自评报告（草稿）.docx");
  });
});
