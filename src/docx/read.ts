/**
 * Reads a .docx (Node and browser; no fs here — see read-file.ts): its body paragraphs in order and every
 * Word table as a Grid, with merged cells from gridSpan / vMerge and the text of every paragraph in a
 * cell. The container is opened with JSZip and the XML parsed with fast-xml-parser; the bytes are checked
 * first so an old .doc, a password-protected document or a renamed file gets a precise Chinese reason.
 */
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import type { CellValue, Grid, MergedArea } from "../engine/grid";
import type { DocxContent, ReportParagraph } from "../engine/report";
import { errorMessage } from "../engine/error-message";

export type DocxInput = ArrayBuffer | Uint8Array;

/** Same prefix as the workbook reader's errors: callers map it to FILE_UNREADABLE. */
export const DOCX_UNREADABLE_PREFIX = "无法读取文件：";

export class DocxReadError extends Error {
  constructor(why: string) {
    super(`${DOCX_UNREADABLE_PREFIX}${why}`);
    this.name = "DocxReadError";
  }
}

/** Bounds for hostile input: the main part's size and a table's extent. */
const MAX_XML_BYTES = 64 * 1024 * 1024;
const MAX_ROWS = 5000;
const MAX_COLS = 200;
const MAX_TABLES = 500;

function bytesOf(data: DocxInput): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const view = data as unknown as { buffer?: ArrayBuffer; byteOffset?: number; byteLength?: number };
  if (view && view.buffer && typeof view.byteLength === "number")
    return new Uint8Array(view.buffer, view.byteOffset ?? 0, view.byteLength);
  throw new DocxReadError("传入的不是文件内容（需要 ArrayBuffer 或 Uint8Array）");
}

/** "EncryptionInfo" / "WordDocument" as UTF-16LE stream names inside an OLE compound file. */
function hasUtf16(b: Uint8Array, s: string): boolean {
  const pat = Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

function sniff(b: Uint8Array): void {
  if (b.length === 0) throw new DocxReadError("文件是空的（0 字节），请确认文件已完整保存或下载");
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    if (hasUtf16(b, "EncryptionInfo") || hasUtf16(b, "EncryptedPackage"))
      throw new DocxReadError(
        "文档设置了打开密码（已加密），ziping 无法读取。请在 Word 或 WPS 中取消密码后另存为 .docx 再检查",
      );
    if (hasUtf16(b, "WordDocument"))
      throw new DocxReadError(
        "这是旧版 Word 97-2003 .doc 格式，ziping 只读 .docx。请在 Word 或 WPS 中打开，另存为 .docx 后再检查",
      );
    throw new DocxReadError(
      "文档是旧版 .doc 格式或设置了打开密码。请在 Word 或 WPS 中取消密码并另存为 .docx 后再检查",
    );
  }
  const head = new TextDecoder("latin1").decode(b.subarray(0, 64)).trimStart().toLowerCase();
  if (head.startsWith("{\\rtf"))
    throw new DocxReadError(
      "这是 RTF 格式（扩展名可能是 .doc），ziping 只读 .docx。请在 Word 或 WPS 中另存为 .docx 后再检查",
    );
  if (
    head.startsWith("<html") ||
    head.startsWith("<!doctype") ||
    head.startsWith("mime-version") ||
    head.startsWith("<?xml")
  )
    throw new DocxReadError(
      "这是网页或 XML 格式的文档（扩展名可能是 .doc），ziping 只读 .docx。请在 Word 或 WPS 中另存为 .docx 后再检查",
    );
  if (!(b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05)))
    throw new DocxReadError(
      "不是有效的 .docx 文档（文件内容不是 Word 的 zip 格式），请用 Word 或 WPS 另存为 .docx",
    );
}

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

/** The tag of a preserveOrder node ("p", "tbl", "#text"). */
function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ":@") return k;
  return "";
}

const kids = (n: XNode): XNode[] => {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
};

const attr = (n: XNode, name: string): string | undefined => {
  const a = n[":@"] as Record<string, unknown> | undefined;
  const v = a?.[`@_${name}`];
  return v === undefined ? undefined : String(v);
};

const child = (n: XNode, tag: string): XNode | undefined => kids(n).find((k) => tagOf(k) === tag);

// Deleted revisions, field codes and properties hold no visible text.
const SKIP = new Set([
  "del",
  "delText",
  "instrText",
  "pPr",
  "rPr",
  "tblPr",
  "tcPr",
  "trPr",
  "sectPr",
  "fldData",
]);

/** The visible text of a paragraph (or any run container): tabs as "\t", breaks as "\n". */
function textOf(n: XNode): string {
  let s = "";
  for (const k of kids(n)) {
    const t = tagOf(k);
    if (t === "#text") s += String(k["#text"] ?? "");
    else if (t === "tab") s += "\t";
    else if (t === "br" || t === "cr") s += "\n";
    else if (!SKIP.has(t)) s += textOf(k);
  }
  return s;
}

/** Outline level of a paragraph: an explicit outlineLvl or a Heading/标题 N style. */
function headingOf(p: XNode): number | null {
  const ppr = child(p, "pPr");
  if (!ppr) return null;
  const lvl = child(ppr, "outlineLvl");
  const n = lvl ? Number(attr(lvl, "val")) : NaN;
  if (Number.isInteger(n) && n >= 0 && n < 9) return n + 1;
  const style = child(ppr, "pStyle");
  const m = /^(?:heading|标题)\s*(\d)$/i.exec(attr(style ?? {}, "val") ?? "");
  return m ? Number(m[1]) : null;
}

/** A drawing, VML picture or embedded object anywhere under `n` (a table pasted as an image). */
function hasPicture(n: XNode): boolean {
  for (const k of kids(n)) {
    const t = tagOf(k);
    if (t === "drawing" || t === "pict" || t === "object") return true;
    if (!SKIP.has(t) && t !== "#text" && hasPicture(k)) return true;
  }
  return false;
}

/** Children with content controls (sdt / customXml / smartTag wrappers) unwrapped. */
function flat(nodes: XNode[]): XNode[] {
  const out: XNode[] = [];
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === "sdt") out.push(...flat(kids(child(n, "sdtContent") ?? {})));
    else if (t === "customXml" || t === "smartTag") out.push(...flat(kids(n)));
    else out.push(n);
  }
  return out;
}

/** All paragraph text of a cell, nested tables included, one line per paragraph. */
function cellText(tc: XNode): string {
  const lines: string[] = [];
  for (const k of flat(kids(tc))) {
    const t = tagOf(k);
    if (t === "p") lines.push(textOf(k));
    else if (t === "tbl")
      for (const tr of flat(kids(k)))
        for (const c of flat(kids(tr))) if (tagOf(c) === "tc") lines.push(cellText(c));
  }
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}

function tableToGrid(tbl: XNode, name: string): Grid {
  const values: CellValue[][] = [];
  const areas: MergedArea[] = [];
  /** Open vertical merges by their left column. */
  const open = new Map<number, MergedArea>();
  const rows = flat(kids(tbl)).filter((n) => tagOf(n) === "tr");
  rows.slice(0, MAX_ROWS).forEach((tr, r) => {
    const row: CellValue[] = [];
    const before = Number(attr(child(child(tr, "trPr") ?? {}, "gridBefore") ?? {}, "val"));
    let c = Number.isInteger(before) && before > 0 ? before : 0;
    const seen = new Set<number>();
    let left: MergedArea | null = null;
    for (const tc of flat(kids(tr)).filter((n) => tagOf(n) === "tc")) {
      if (c >= MAX_COLS) break;
      const pr = child(tc, "tcPr") ?? {};
      const spanAttr = Number(attr(child(pr, "gridSpan") ?? {}, "val"));
      const span = Number.isInteger(spanAttr) && spanAttr > 1 ? Math.min(spanAttr, MAX_COLS - c) : 1;
      const vm = child(pr, "vMerge");
      const vmVal = vm ? (attr(vm, "val") ?? "continue") : null;
      const above = open.get(c);
      // hMerge: the legacy horizontal merge older Word and WPS still write (a restart cell, then continues).
      const hm = child(pr, "hMerge");
      const hmContinue = !!hm && (attr(hm, "val") ?? "continue") === "continue";
      if (vmVal === "continue" && above && above.bottom === r - 1) {
        above.bottom = r;
        row[c] = null;
      } else if (hmContinue && left && left.top === r && left.right === c - 1) {
        left.right = c + span - 1;
        row[c] = null;
      } else {
        const text = cellText(tc);
        row[c] = text === "" ? null : text;
        const area = { top: r, left: c, bottom: r, right: c + span - 1 };
        areas.push(area);
        left = area;
        if (vmVal === "restart") open.set(c, area);
        else open.delete(c);
      }
      seen.add(c);
      c += span;
    }
    // A vertical merge ends at the first row that does not continue it.
    for (const k of [...open.keys()]) if (!seen.has(k)) open.delete(k);
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    values.push(row);
  });
  const merges = areas.filter((a) => a.bottom > a.top || a.right > a.left);
  return { name, values, text: values.map((r) => r.map((v) => (typeof v === "string" ? v : null))), merges };
}

/** The main part's path from the package relationships (word/document.xml in every writer we know). */
async function mainPartPath(zip: JSZip): Promise<string> {
  const rels = zip.file("_rels/.rels");
  if (rels) {
    const m =
      /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(
        await rels.async("string"),
      );
    const target = m?.[1] ?? m?.[2];
    if (target && zip.file(target)) return target;
  }
  return "word/document.xml";
}

type Stream = JSZip.JSZipStreamHelper<Uint8Array>;

/**
 * The part's text, decompressed as a stream and abandoned past `max` bytes: the sizes a zip declares can
 * lie, and a small file can inflate to gigabytes.
 */
function readCapped(part: JSZip.JSZipObject, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let n = 0;
    let done = false;
    const stream = (part as unknown as { internalStream(t: "uint8array"): Stream }).internalStream(
      "uint8array",
    );
    stream
      .on("data", (c) => {
        if (done) return;
        n += c.length;
        if (n > max) {
          done = true;
          stream.pause();
          reject(new DocxReadError(`文档正文过大（解压后超过 ${Math.round(max / 1048576)} MB 的上限）`));
        } else chunks.push(c);
      })
      .on("error", (e) => {
        if (done) return;
        done = true;
        reject(new DocxReadError(`文档已损坏，正文无法解压（${errorMessage(e)}）`));
      })
      .on("end", () => {
        if (done) return;
        done = true;
        const all = new Uint8Array(n);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        resolve(new TextDecoder("utf-8").decode(all));
      });
    stream.resume();
  });
}

/** Every body paragraph (outside tables) and every table of a .docx. `limits` are for tests. */
export async function readDocx(
  data: DocxInput,
  limits: { maxXmlBytes: number } = { maxXmlBytes: MAX_XML_BYTES },
): Promise<DocxContent> {
  const bytes = bytesOf(data);
  sniff(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DocxReadError(`不是有效的 .docx 文档，或文件不完整（${errorMessage(e)}）`);
  }
  if (zip.file("xl/workbook.xml"))
    throw new DocxReadError("这是 Excel 工作簿，不是 Word 文档；请把扩展名改回 .xlsx");
  const part = zip.file(await mainPartPath(zip));
  if (!part) throw new DocxReadError("zip 包里没有 Word 正文（word/document.xml），不是 .docx 文档");
  const xml = await readCapped(part, limits.maxXmlBytes);
  // Word never writes a DTD; one here is an entity-expansion attack, not a document.
  if (/<!DOCTYPE/i.test(xml)) throw new DocxReadError("文档正文含有 DTD 声明，不是 Word 生成的正常文档");
  let tree: XNode[];
  try {
    tree = parser.parse(xml) as XNode[];
  } catch (e) {
    throw new DocxReadError(`文档正文不是有效的 XML（${errorMessage(e)}）`);
  }
  const doc = tree.find((n) => tagOf(n) === "document");
  const body = doc ? child(doc, "body") : undefined;
  if (!body) throw new DocxReadError("文档没有正文（缺少 w:body），不是 Word 生成的正常文档");

  const paragraphs: ReportParagraph[] = [];
  const tables: Grid[] = [];
  const captions: (string | null)[] = [];
  const pictureCaptions: string[] = [];
  let last: string | null = null;
  /** Only empty paragraphs since the last table: a table here continues it (a table split across pages). */
  let joinable = false;
  for (const n of flat(kids(body))) {
    const t = tagOf(n);
    if (t === "p") {
      const text = textOf(n)
        .replace(/[ \t\u3000]+/g, " ")
        .trim();
      // A picture under a title naming a table ("附件：2021 年度…绩效自评表") is that table, as an image.
      if (hasPicture(n) && last && last.length <= 60 && /自评表|评价表|绩效.*表/.test(last))
        pictureCaptions.push(last);
      if (!text) continue;
      paragraphs.push({ index: paragraphs.length + 1, text, heading: headingOf(n) });
      last = text;
      joinable = false;
    } else if (t === "tbl" && tables.length < MAX_TABLES) {
      const grid = tableToGrid(n, `表格${tables.length + 1}`);
      if (joinable) appendRows(tables[tables.length - 1], grid);
      else {
        tables.push(grid);
        captions.push(last && last.length <= 60 && /表/.test(last) ? last : null);
      }
      last = null;
      joinable = true;
    }
  }
  return { doc: { paragraphs }, tables, captions, pictureCaptions };
}

/** `more`'s rows under `grid`'s, merges moved down with them (bounded like one table). */
function appendRows(grid: Grid, more: Grid): void {
  const offset = grid.values.length;
  const room = Math.max(0, MAX_ROWS - offset);
  grid.values.push(...more.values.slice(0, room));
  grid.text?.push(...(more.text ?? []).slice(0, room));
  for (const m of more.merges)
    if (m.top < room)
      grid.merges.push({ ...m, top: m.top + offset, bottom: Math.min(m.bottom, room - 1) + offset });
}
