/**
 * Sheet protection, which SheetJS does not read from .xlsx: the <sheetProtection> element of each
 * worksheet part, found through the workbook's relationships and parsed with fast-xml-parser. Only the
 * few bytes of that element are decoded, however large the sheet.
 */
import { XMLParser } from "fast-xml-parser";

interface ZipEntry {
  content?: Uint8Array | number[];
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", removeNSPrefix: true });
const TAG = new TextEncoder().encode("<sheetProtection");

function bytes(e: ZipEntry | undefined): Uint8Array | null {
  const c = e?.content;
  if (!c) return null;
  return c instanceof Uint8Array ? c : Uint8Array.from(c);
}

/** Index of the last occurrence of `needle` in `hay` (the element sits near the end of the sheet). */
function lastIndexOf(hay: Uint8Array, needle: Uint8Array): number {
  // The native lastIndexOf finds each candidate first byte; a byte-by-byte loop cost ~10 ms on 5,000 rows.
  // (A negative fromIndex would count from the end, and i - 1 at i = 0 too: both are stopped here.)
  if (hay.length < needle.length) return -1;
  for (
    let i = hay.lastIndexOf(needle[0], hay.length - needle.length);
    i >= 0;
    i = hay.lastIndexOf(needle[0], i - 1)
  ) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
    if (i === 0) break;
  }
  return -1;
}

function sheetProtected(xml: Uint8Array | null): boolean {
  if (!xml) return false;
  const at = lastIndexOf(xml, TAG);
  if (at < 0) return false;
  let end = at;
  while (end < xml.length && xml[end] !== 0x3e /* > */) end++;
  const tag = new TextDecoder().decode(xml.subarray(at, end + 1));
  const parsed = parser.parse(tag.endsWith("/>") ? tag : tag.replace(/>$/, "/>")) as {
    sheetProtection?: { sheet?: string };
  };
  const v = parsed.sheetProtection?.sheet;
  return v === "1" || v === "true";
}

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** Protection of each sheet, by sheet name; empty when the parts cannot be found (then: unprotected). */
export function sheetProtections(
  files: Record<string, ZipEntry> | undefined,
  sheets: { name: string; id?: string }[],
): Map<string, boolean> {
  const out = new Map<string, boolean>();
  if (!files) return out;
  const rels = bytes(files["xl/_rels/workbook.xml.rels"]);
  if (!rels) return out;
  const doc = parser.parse(new TextDecoder().decode(rels)) as {
    Relationships?: { Relationship?: { Id: string; Target: string } | { Id: string; Target: string }[] };
  };
  const targets = new Map<string, string>();
  for (const r of asArray(doc.Relationships?.Relationship)) {
    const t = r.Target.startsWith("/") ? r.Target.slice(1) : `xl/${r.Target}`;
    targets.set(r.Id, t);
  }
  for (const s of sheets) {
    const target = s.id ? targets.get(s.id) : undefined;
    out.set(s.name, !!target && sheetProtected(bytes(files[target])));
  }
  return out;
}
