/**
 * Document settings in WPS: the workbook's custom document properties (文件 → 属性 → 自定义), which
 * WPS saves in the file and Excel shows and keeps too. A value over 255 characters is split over
 * several properties (doc-properties.ts). Every access crosses the bridge; a setting is a few calls.
 */
import type { EtWorkbook } from "./et";
import { joinValue, partName, splitValue } from "../doc-properties";

/** msoPropertyTypeString. */
const MSO_PROPERTY_TYPE_STRING = 4;

interface EtDocumentProperty {
  Name: string;
  Type: number;
  Value: unknown;
  Delete(): void;
}

interface EtDocumentProperties {
  readonly Count: number;
  Item(index: string | number): EtDocumentProperty;
  Add(name: string, linkToContent: boolean, type?: number, value?: unknown): EtDocumentProperty;
}

function propertiesOf(wb: EtWorkbook): EtDocumentProperties {
  return (wb as unknown as { CustomDocumentProperties: EtDocumentProperties }).CustomDocumentProperties;
}

/** The property named `name`, or null. Item(name) of a missing property throws (COM), as in Office. */
function find(props: EtDocumentProperties, name: string): EtDocumentProperty | null {
  try {
    return props.Item(name) ?? null;
  } catch {
    return null;
  }
}

export function readSetting(wb: EtWorkbook, key: string): string | null {
  const props = propertiesOf(wb);
  return joinValue(key, (name) => {
    const p = find(props, name);
    if (!p) return null;
    const v = p.Value;
    return v === null || v === undefined ? null : String(v);
  });
}

/** Writes (null: removes) a setting; parts left over from a longer value are removed. Throws on a bridge error. */
export function writeSetting(wb: EtWorkbook, key: string, value: string | null): void {
  const props = propertiesOf(wb);
  const parts = splitValue(value);
  parts.forEach((part, i) => {
    const name = partName(key, i);
    const p = find(props, name);
    if (p && Number(p.Type) === MSO_PROPERTY_TYPE_STRING) p.Value = part;
    else {
      // Missing, or made by hand as a number or date: a text property in its place.
      p?.Delete();
      props.Add(name, false, MSO_PROPERTY_TYPE_STRING, part);
    }
  });
  for (let i = parts.length; i < 1000; i++) {
    const stale = find(props, partName(key, i));
    if (!stale) break;
    stale.Delete();
  }
}
