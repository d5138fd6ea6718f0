/**
 * Saying what was not checked (issue 18): a 自评表 pasted as a picture is named as such, and the prose checks
 * that need no table still run; prose that yields nothing is said to be skipped.
 */
import JSZip from "jszip";
import { readDocx } from "../../src/docx/read";
import { checkDocument } from "../../src/engine/report";
import { seedGrid } from "../fixtures/grids";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const picture = "<w:p><w:r><w:drawing><wp:inline/></w:drawing></w:r></w:p>";

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

const PROSE = [
  "一、基本情况",
  "二、预算执行情况",
  "该项目总预算 100 万元，其中中央资金 60 万元，省级资金 50 万元。",
  "三、绩效目标完成情况",
];

describe("a table that is a picture", () => {
  it("is named as a picture under its title, and the prose's own sums are still checked", async () => {
    const c = await readDocx(
      await docx([...PROSE.map(para), para("附件：2022 年度项目支出绩效自评表"), picture].join("")),
    );
    expect(c.tables).toEqual([]);
    expect(c.pictureCaptions).toEqual(["附件：2022 年度项目支出绩效自评表"]);
    const fr = checkDocument("报告.docx", c);
    expect(fr.error?.code).toBe("NOT_A_SELF_EVALUATION_TABLE");
    expect(fr.error?.message).toContain("表格是图片，无法读取");
    expect(fr.notes?.[0]).toMatch(/REPORT_SUM_MISMATCH/);
    expect(fr.notes?.[fr.notes.length - 1]).toContain("未检查");
  });

  it("a picture that is no table (a logo, a photo) is not called one", async () => {
    const c = await readDocx(await docx([para("项目实施现场照片"), picture, ...PROSE.map(para)].join("")));
    expect(c.pictureCaptions).toEqual([]);
    const fr = checkDocument("报告.docx", c);
    expect(fr.error?.message).not.toContain("图片");
    expect(fr.notes).toBeUndefined();
  });
});

describe("prose that is not checked is said so", () => {
  it("a document whose text yields no section or figure gets a note; a title alone does not", () => {
    const grid = { ...seedGrid(), name: "表格1" };
    const lines = ["关于报送材料的说明", "按照通知要求，现将有关材料报送如下。", "请审阅。", "特此说明。"];
    const paragraphs = lines.map((text, i) => ({ index: i + 1, text, heading: null }));
    const fr = checkDocument("x.docx", { doc: { paragraphs }, tables: [grid], captions: [null] });
    expect(fr.notes).toEqual([expect.stringContaining("报告正文未核对")]);
    const titled = checkDocument("x.docx", {
      doc: { paragraphs: paragraphs.slice(0, 1) },
      tables: [grid],
      captions: [null],
    });
    expect(titled.notes).toBeUndefined();
  });
});
