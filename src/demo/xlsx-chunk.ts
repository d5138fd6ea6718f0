/**
 * Everything that needs exceljs or SheetJS, in one module that the demo loads with import() only when
 * the user opens a file or downloads: webpack puts it (and the libraries) in separate chunks.
 * An old .xls opens through the same reader and limits as .xlsx; its download is an .xlsx (exceljs
 * writes only that), converted by SheetJS before the changes are written in.
 */
import { Workbook } from "exceljs";
import JSZip from "jszip/dist/jszip.min.js";
import { readWorkbook } from "../xlsx/read";
import type { WorkbookChanges, OpenedWorkbook } from "./changes";
import { applyChanges, fillsOf } from "./workbook-io";
import {
  CUSTOM_CONTENT_TYPE,
  CUSTOM_PART,
  CUSTOM_REL_TYPE,
  customXml,
  parseCustomProperties,
  settingsOf,
  type CustomProperty,
} from "./custom-properties";

/** An OLE compound file: an old binary .xls (the reader refuses encrypted or unknown ones). */
function isOldBinary(bytes: ArrayBuffer): boolean {
  const b = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  return b.length === 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

export async function openXlsx(bytes: ArrayBuffer, fileName?: string): Promise<OpenedWorkbook> {
  const grids = await readWorkbook(bytes, { fileName });
  if (isOldBinary(bytes)) return { grids, fills: {} };
  const wb = new Workbook();
  await wb.xlsx.load(bytes);
  return { grids, fills: fillsOf(wb), settings: settingsOf(await customProperties(bytes)) };
}

/** Where the package keeps its custom properties (the root relationship), else the usual place. */
async function customPath(zip: JSZip): Promise<string> {
  const rels = await zip.file("_rels/.rels")?.async("string");
  for (const m of rels?.matchAll(/<Relationship\b[^>]*>/g) ?? []) {
    if (!m[0].includes(`"${CUSTOM_REL_TYPE}"`)) continue;
    const target = /\bTarget\s*=\s*"([^"]+)"/.exec(m[0])?.[1];
    if (target) return target.replace(/^\//, "");
  }
  return CUSTOM_PART;
}

/** The custom document properties of an .xlsx (none when it has no such part or cannot be read). */
async function customProperties(bytes: ArrayBuffer): Promise<CustomProperty[]> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file(await customPath(zip))?.async("string");
    return xml ? parseCustomProperties(xml) : [];
  } catch {
    // exceljs and the reader already accepted the file; its properties are optional.
    return [];
  }
}

/** Puts docProps/custom.xml (and its relationship and content type) into exceljs's output. */
async function withCustomPart(out: ArrayBuffer, xml: string): Promise<ArrayBuffer> {
  const zip = await JSZip.loadAsync(out);
  zip.file(CUSTOM_PART, xml);
  const rels = (await zip.file("_rels/.rels")?.async("string")) ?? "";
  if (!rels.includes(CUSTOM_REL_TYPE)) {
    const rel = `<Relationship Id="rIdZipingCustom" Type="${CUSTOM_REL_TYPE}" Target="${CUSTOM_PART}"/>`;
    zip.file("_rels/.rels", rels.replace("</Relationships>", rel + "</Relationships>"));
  }
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  if (!types.includes(`"/${CUSTOM_PART}"`)) {
    const over = `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_CONTENT_TYPE}"/>`;
    zip.file("[Content_Types].xml", types.replace("</Types>", over + "</Types>"));
  }
  return zip.generateAsync({ type: "arraybuffer", compression: "DEFLATE" });
}

/** An .xls converted to .xlsx bytes by SheetJS (values, formulas, formats and merges are kept). */
async function asXlsx(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  if (!isOldBinary(bytes)) return bytes;
  const X = await import("@e965/xlsx");
  const wb = X.read(new Uint8Array(bytes), {
    type: "array",
    cellFormula: true,
    cellNF: true,
    cellStyles: true,
  });
  return X.write(wb, { bookType: "xlsx", type: "array" }) as ArrayBuffer;
}

/** The original bytes with the changes written in: a fresh load each time, so nothing accumulates. */
export async function saveXlsx(bytes: ArrayBuffer, changes: WorkbookChanges): Promise<ArrayBuffer> {
  const source = await asXlsx(bytes);
  const wb = new Workbook();
  await wb.xlsx.load(source);
  applyChanges(wb, changes);
  const out = await wb.xlsx.writeBuffer();
  const view = out as unknown as Uint8Array;
  const written = view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
  // exceljs drops custom properties: the file's own go back in, with the demo's settings changed.
  const xml = customXml(await customProperties(source), changes.settings ?? {});
  return xml === null ? written : withCustomPart(written, xml);
}
