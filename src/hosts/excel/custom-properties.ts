/**
 * Marks (执行率 "已在自评报告中说明", findings "忽略/已复核") as custom document properties:
 * workbook.properties.custom, ExcelApi 1.7. Office.context.document.settings, where they lived
 * before, belong to the add-in instance that wrote them (another install, or the same add-in from
 * another manifest ID, sees nothing); custom properties are the workbook's own, shown under
 * 文件 → 属性 → 自定义, and the same place WPS and the demo use, so a mark made in one is seen in
 * the others. Excel trims a value to 255 characters outside the web, so a longer one is split into
 * parts (doc-properties.ts, the scheme WPS and the demo share).
 *
 * Marks written by the old place are still read (a key not among the properties falls back to the
 * document settings), and a write removes the old copy, so removing a mark cannot bring back an old
 * one. Round trips: get — 1 sync; set — 2 (the keys, then the writes), plus the settings' saveAsync
 * once when an old copy is removed. Both wait out cell edit mode: a mark is never lost to typing.
 */
import { errorMessage } from "../../engine/error-message";
import { HostError } from "../host";
import { joinValue, partName, splitValue } from "../doc-properties";
import { readSetting, writeSetting } from "./settings";
import { BACKGROUND, type DocumentSettings, type ExcelApi } from "./state";

/** At most this many stale parts are looked for (joinValue reads no more either). */
const MAX_PARTS = 1000;

type Properties = Map<string, { key: string; value: string | null }>;

/** The workbook's custom properties by lower-case key (Excel's keys ignore case). */
async function loadProperties(context: Excel.RequestContext): Promise<Properties> {
  const custom = context.workbook.properties.custom;
  custom.load("items/key, items/value");
  await context.sync();
  const out: Properties = new Map();
  for (const p of custom.items) {
    const v: unknown = p.value;
    out.set(String(p.key).toLowerCase(), {
      key: String(p.key),
      value: v === null || v === undefined ? null : String(v),
    });
  }
  return out;
}

export class CustomPropertyMarks {
  constructor(
    private readonly api: ExcelApi,
    /** Office.context.document.settings: the old place, read when a key is not a property. */
    private readonly legacy: DocumentSettings | null,
  ) {}

  async get(key: string): Promise<string | null> {
    let props: Properties;
    try {
      props = await this.api.run(loadProperties, BACKGROUND);
    } catch (e) {
      throw new HostError("read", { reason: "read-failed", sheet: "", cells: [], detail: errorMessage(e) });
    }
    const value = joinValue(key, (name) => props.get(name.toLowerCase())?.value ?? null);
    if (value !== null || !this.legacy) return value;
    return readSetting(this.legacy, key);
  }

  async set(key: string, value: string | null): Promise<void> {
    const parts = splitValue(value);
    try {
      await this.api.run(async (context) => {
        const props = await loadProperties(context);
        const custom = context.workbook.properties.custom;
        // add() creates a property or sets an existing one.
        parts.forEach((part, i) => custom.add(partName(key, i), part));
        for (let i = parts.length; i < MAX_PARTS; i++) {
          const stale = props.get(partName(key, i).toLowerCase());
          if (!stale) break;
          custom.getItem(stale.key).delete();
        }
        await context.sync();
      }, BACKGROUND);
    } catch (e) {
      throw new HostError("apply", { reason: "failed", sheet: "", cells: [], detail: errorMessage(e) });
    }
    // The old copy goes, or a removed mark would be read back from it.
    if (this.legacy && (await readSetting(this.legacy, key)) !== null)
      await writeSetting(this.legacy, key, null);
  }
}
