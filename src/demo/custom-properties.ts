/**
 * The workbook's custom document properties (docProps/custom.xml), which Excel shows under 文件 →
 * 信息 → 属性 → 高级属性 → 自定义 and WPS as CustomDocumentProperties. The demo keeps its document
 * settings there (the "已在自评报告中说明" marks, under the same names the WPS host uses), and carries
 * the file's own properties over: exceljs drops the part when it saves.
 * Text only, no XML library: a property is read by its name attribute and its text value; every other
 * property is copied as it was.
 */
import { joinValue, partName, splitValue } from "../hosts/doc-properties";

export const CUSTOM_PART = "docProps/custom.xml";
export const CUSTOM_REL_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
export const CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
/** The format id every custom property carries. */
const FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
/** Settings the demo owns; other properties are the user's. */
export const SETTING_PREFIX = "ziping.";

export interface CustomProperty {
  name: string;
  /** The text value (vt:lpwstr / vt:bstr), null for numbers, dates and the like. */
  text: string | null;
  /** The <property> element as it was in the file. */
  xml: string;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
    }
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e as "lt"];
  });
}

function encode(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
}

/** The properties of a docProps/custom.xml; a part that is not one gives none. */
export function parseCustomProperties(xml: string): CustomProperty[] {
  const out: CustomProperty[] = [];
  for (const m of xml.matchAll(/<property\b([^>]*)>([\s\S]*?)<\/property>/g)) {
    const name = /\bname\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    if (name === undefined) continue;
    const text = /<vt:(?:lpwstr|bstr)>([\s\S]*?)<\/vt:(?:lpwstr|bstr)>|<vt:(?:lpwstr|bstr)\s*\/>/.exec(m[2]);
    out.push({ name: decode(name), text: text ? decode(text[1] ?? "") : null, xml: m[0] });
  }
  return out;
}

/** The demo's settings kept in these properties (joined from their ≤255-character parts). */
export function settingsOf(props: CustomProperty[]): Record<string, string> {
  const byName = new Map(props.map((p) => [p.name, p.text]));
  const out: Record<string, string> = {};
  for (const p of props) {
    if (!p.name.startsWith(SETTING_PREFIX) || /#\d+$/.test(p.name)) continue;
    const v = joinValue(p.name, (n) => byName.get(n) ?? null);
    if (v !== null) out[p.name] = v;
  }
  return out;
}

function belongsTo(name: string, key: string): boolean {
  return name === key || (name.startsWith(key + "#") && /^\d+$/.test(name.slice(key.length + 1)));
}

/**
 * docProps/custom.xml with `changes` applied (null removes a setting); the other properties are
 * copied. null when no property is left (the part is then left out).
 */
export function customXml(props: CustomProperty[], changes: Record<string, string | null>): string | null {
  const keys = Object.keys(changes);
  const kept = props.filter((p) => !keys.some((k) => belongsTo(p.name, k))).map((p) => p.xml);
  const added: string[] = [];
  for (const [key, value] of Object.entries(changes))
    splitValue(value).forEach((part, i) =>
      added.push(
        `<property fmtid="${FMTID}" pid="0" name="${encode(partName(key, i))}"><vt:lpwstr>${encode(part)}</vt:lpwstr></property>`,
      ),
    );
  const all = [...kept, ...added];
  if (all.length === 0) return null;
  // pid: unique, from 2 (0 and 1 are reserved), in order.
  const numbered = all.map((x, i) => x.replace(/\bpid\s*=\s*"[^"]*"/, `pid="${i + 2}"`));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    numbered.join("") +
    "</Properties>"
  );
}
