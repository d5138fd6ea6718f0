/**
 * The demo's document settings in the .xlsx: written by saveXlsx as custom document properties
 * (what Excel lists under 高级属性 → 自定义 and WPS as CustomDocumentProperties), read back by
 * openXlsx; the file's own custom properties survive the download (exceljs alone drops them).
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { Workbook } from "exceljs";
import { openXlsx, saveXlsx } from "../../src/demo/xlsx-chunk";
import { customXml, parseCustomProperties, settingsOf } from "../../src/demo/custom-properties";

const KEY = "ziping.explainedInReport";
const SAMPLE = path.join(__dirname, "../../assets/samples/2021年度部门整体支出绩效自评表.xlsx");

function bytesOf(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

/** The sample with a custom property of the user's own (a number) added as Excel writes it. */
async function withOwnProperty(): Promise<ArrayBuffer> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  zip.file(
    "docProps/custom.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="审核人"><vt:lpwstr>张三 &amp; 李四</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="版本"><vt:i4>3</vt:i4></property></Properties>',
  );
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file(
    "_rels/.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: "arraybuffer" });
}

test("the mark is written as a custom property, read back on open, and the file's own properties are kept", async () => {
  const original = await withOwnProperty();
  expect((await openXlsx(original)).settings).toEqual({});
  const mark = JSON.stringify(["自评表!FUNDS_LOW_EXECUTION@G4"]);
  const out = await saveXlsx(original, { sheets: [], added: [], settings: { [KEY]: mark } });
  const zip = await JSZip.loadAsync(out);
  const props = parseCustomProperties(await zip.file("docProps/custom.xml")!.async("string"));
  expect(props.map((p) => [p.name, p.text])).toEqual([
    ["审核人", "张三 & 李四"],
    ["版本", null],
    [KEY, mark],
  ]);
  expect(props.map((p) => /pid="(\d+)"/.exec(p.xml)![1])).toEqual(["2", "3", "4"]);
  expect(await zip.file("_rels/.rels")!.async("string")).toContain("relationships/custom-properties");
  expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("/docProps/custom.xml");
  // Still a workbook exceljs opens; and opened again, the demo sees the mark.
  await new Workbook().xlsx.load(out);
  expect((await openXlsx(out)).settings).toEqual({ [KEY]: mark });
  // Unmarked: our property goes, the user's stay.
  const cleared = await saveXlsx(out, { sheets: [], added: [], settings: { [KEY]: null } });
  const left = parseCustomProperties(
    await (await JSZip.loadAsync(cleared)).file("docProps/custom.xml")!.async("string"),
  );
  expect(left.map((p) => p.name)).toEqual(["审核人", "版本"]);
});

test("a file without custom properties gets the part only when there is a mark to keep", async () => {
  const sample = bytesOf(fs.readFileSync(SAMPLE));
  const plain = await saveXlsx(sample, { sheets: [], added: [] });
  expect((await JSZip.loadAsync(plain)).file("docProps/custom.xml")).toBeNull();
  const marked = await saveXlsx(sample, { sheets: [], added: [], settings: { [KEY]: '["x"]' } });
  expect((await openXlsx(marked)).settings).toEqual({ [KEY]: '["x"]' });
});

test("a long value is split in ≤255-character parts and joined back; markup in values is escaped", () => {
  const long = '["<&>' + "说".repeat(400) + '"]';
  const xml = customXml([], { [KEY]: long })!;
  const props = parseCustomProperties(xml);
  expect(props.map((p) => p.name)).toEqual([KEY, `${KEY}#2`]);
  expect(props.every((p) => p.text!.length <= 255)).toBe(true);
  expect(settingsOf(props)).toEqual({ [KEY]: long });
  expect(customXml(props, { [KEY]: null })).toBeNull();
});

test("hostile or foreign custom.xml: nothing of ours, no crash", () => {
  expect(parseCustomProperties("<not xml")).toEqual([]);
  expect(
    settingsOf(parseCustomProperties('<property name="other"><vt:lpwstr>x</vt:lpwstr></property>')),
  ).toEqual({});
  expect(
    settingsOf(
      parseCustomProperties(`<property name="${KEY}"><vt:lpwstr>&#0;&#x110000;ok</vt:lpwstr></property>`),
    ),
  ).toEqual({ [KEY]: "ok" });
});
