/**
 * Word's table structures one by one, in hand-written document.xml packed with JSZip: spans and vertical
 * merges together, gridBefore, content controls, nested tables, deleted revisions and field codes.
 */
import JSZip from "jszip";
import { readDocx } from "../../src/docx/read";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (t: string, style = "") =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const tc = (body: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${body}</w:tc>`;

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("Word table structures", () => {
  it("a span over a vertical merge, gridBefore, and cells after them in the right columns", async () => {
    const rows = [
      `<w:tr>${tc(p("资金"), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc(p("A"))}</w:tr>`,
      `<w:tr>${tc("<w:p/>", '<w:gridSpan w:val="2"/><w:vMerge/>')}${tc(p("B"))}</w:tr>`,
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p("C"))}${tc(p("D"))}</w:tr>`,
    ];
    const c = await readDocx(await docx(`<w:tbl>${rows.join("")}</w:tbl>`));
    const g = c.tables[0];
    expect(g.values).toEqual([
      ["资金", null, "A"],
      [null, null, "B"],
      [null, "C", "D"],
    ]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });

  it("the legacy horizontal merge (hMerge) of older Word and WPS", async () => {
    const row = `<w:tr>${tc(p("部门名称"))}${tc(p("某局"), '<w:hMerge w:val="restart"/>')}${tc("<w:p/>", "<w:hMerge/>")}${tc(p("尾"))}</w:tr>`;
    const g = (await readDocx(await docx(`<w:tbl>${row}</w:tbl>`))).tables[0];
    expect(g.values).toEqual([["部门名称", "某局", null, "尾"]]);
    expect(g.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 2 }]);
  });

  it("content controls, nested tables, deleted text and field codes", async () => {
    const nested = `<w:tbl><w:tr>${tc(p("内1"))}${tc(p("内2"))}</w:tr></w:tbl>`;
    const del = `<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:tab/><w:t>尾</w:t></w:r></w:p>`;
    const body =
      `<w:sdt><w:sdtContent>${p("一、基本情况", "Heading1")}</w:sdtContent></w:sdt>` +
      p("") +
      del +
      `<w:tbl><w:tr>${tc(p("外") + nested)}<w:sdt><w:sdtContent>${tc(p("控"))}</w:sdtContent></w:sdt></w:tr></w:tbl>`;
    const c = await readDocx(await docx(body));
    expect(c.doc.paragraphs).toEqual([
      { index: 1, text: "一、基本情况", heading: 1 },
      { index: 2, text: "保留 尾", heading: null },
    ]);
    expect(c.tables[0].values).toEqual([["外\n内1\n内2", "控"]]);
  });

  it("a document with no body, or XML that is not well formed, is refused with a reason", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", `<w:document ${W}></w:document>`);
    await expect(readDocx(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(/没有正文/);
    const none = new JSZip();
    none.file("readme.txt", "x");
    await expect(readDocx(await none.generateAsync({ type: "uint8array" }))).rejects.toThrow(
      /没有 Word 正文/,
    );
  });
});

describe("hostile sizes", () => {
  it("a body that inflates past the limit is refused while it is decompressed", async () => {
    const big = await docx(p("x".repeat(2 * 1024 * 1024)));
    expect(big.length).toBeLessThan(64 * 1024);
    await expect(readDocx(big, { maxXmlBytes: 1024 * 1024 })).rejects.toThrow(/解压后超过 1 MB 的上限/);
    expect((await readDocx(big)).doc.paragraphs[0].text).toHaveLength(2 * 1024 * 1024);
  });
});

describe("a table split across pages", () => {
  it("tables separated only by empty paragraphs are one table; text between them keeps them apart", async () => {
    const t = (a: string, b: string) =>
      `<w:tbl><w:tr>${tc(p(a))}${tc(p(b), '<w:vMerge w:val="restart"/>')}</w:tr><w:tr>${tc(p("x"))}${tc("<w:p/>", "<w:vMerge/>")}</w:tr></w:tbl>`;
    const c = await readDocx(
      await docx(t("上1", "上2") + "<w:p/>" + t("下1", "下2") + p("附件 2") + t("另", "表")),
    );
    expect(c.tables.map((g) => g.name)).toEqual(["表格1", "表格2"]);
    expect(c.tables[0].values).toEqual([
      ["上1", "上2"],
      ["x", null],
      ["下1", "下2"],
      ["x", null],
    ]);
    expect(c.tables[0].merges).toEqual([
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 2, left: 1, bottom: 3, right: 1 },
    ]);
    expect(c.tables[1].values[0]).toEqual(["另", "表"]);
  });
});
