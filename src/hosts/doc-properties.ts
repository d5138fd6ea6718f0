/**
 * A setting kept as custom document properties (WPS's Workbook.CustomDocumentProperties; the demo's
 * docProps/custom.xml). Office shows and edits a text property of at most 255 characters, so a
 * longer value is split over "key", "key#2", "key#3", …; WPS, Excel and the demo all read it back
 * the same way, so a mark made in one is seen in the others.
 */

/** Characters Office allows in one text property. */
export const PROPERTY_TEXT_MAX = 255;

/** The property name of part `i` (0-based) of `key`. */
export function partName(key: string, i: number): string {
  return i === 0 ? key : `${key}#${i + 1}`;
}

/** The parts a value is stored as (empty for a removed setting). */
export function splitValue(value: string | null): string[] {
  if (value === null || value === "") return [];
  const parts: string[] = [""];
  // At most 255 UTF-16 units a part, split between code points (never inside a surrogate pair).
  for (const ch of value) {
    if (parts[parts.length - 1].length + ch.length > PROPERTY_TEXT_MAX) parts.push("");
    parts[parts.length - 1] += ch;
  }
  return parts;
}

/** Reads a value back from its parts; `get` returns null for a property that does not exist. */
export function joinValue(key: string, get: (name: string) => string | null): string | null {
  const first = get(partName(key, 0));
  if (first === null) return null;
  let out = first;
  // At most this many parts: a hostile file cannot make the reader loop for ever.
  for (let i = 1; i < 1000; i++) {
    const part = get(partName(key, i));
    if (part === null) break;
    out += part;
  }
  return out;
}
