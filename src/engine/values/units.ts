/**
 * Units of 指标值: normalisation ("(%)" → "%", "㎡" → "平方米"), recognising unit text after a number,
 * and exact decimal conversion between units of one kind (元/万元/亿元, 亩/公顷, 米/公里, % and ‰ …).
 */
import Big from "big.js";

/** Spellings that mean the same unit. Keys are compared after NFKC (so "％" is already "%"). */
const ALIASES = new Map<string, string>(
  Object.entries({
    百分比: "%",
    百分率: "%",
    百分之: "%",
    pct: "%",
    "‰": "‰",
    千分比: "‰",
    日: "天",
    m2: "平方米",
    "m²": "平方米",
    "㎡": "平方米",
    平米: "平方米",
    平方: "平方米",
    km2: "平方公里",
    "km²": "平方公里",
    平方千米: "平方公里",
    m3: "立方米",
    "m³": "立方米",
    方: "立方米",
    KM: "km",
    Km: "km",
    千米: "公里",
    M: "米",
    m: "米",
    KG: "kg",
    Kg: "kg",
    公斤: "千克",
    kg: "千克",
    t: "吨",
    h: "小时",
    min: "分钟",
    "人/次": "人次",
    "户/次": "户次",
    RMB: "元",
    "¥": "元",
    圆: "元",
  }),
);

/** Units and the kind they measure, with the factor to that kind's base unit (as decimal strings). */
const FAMILIES = new Map<string, [family: string, factor: string]>(
  Object.entries({
    元: ["money", "1"],
    "%": ["percent", "1"],
    "‰": ["percent", "0.1"],
    亩: ["area", "1"],
    公顷: ["area", "15"],
    平方公里: ["area", "1500"],
    平方米: ["area", "0.0015"],
    米: ["length", "1"],
    公里: ["length", "1000"],
    km: ["length", "1000"],
    厘米: ["length", "0.01"],
    千克: ["weight", "1"],
    吨: ["weight", "1000"],
    克: ["weight", "0.001"],
    斤: ["weight", "0.5"],
    秒: ["time", "1"],
    分钟: ["time", "60"],
    小时: ["time", "3600"],
    天: ["time", "86400"],
  } as Record<string, [string, string]>),
);

/** Scale prefixes that multiply any unit ("万元", "万亩", "万人次"), longest first. */
const SCALES: [string, string][] = [
  ["百万", "1000000"],
  ["千万", "10000000"],
  ["十万", "100000"],
  ["亿", "100000000"],
  ["万", "10000"],
  ["千", "1000"],
];

/** Units written after numbers in real tables (besides those in FAMILIES); used to accept unit text. */
const KNOWN_UNITS = new Set<string>([
  ...FAMILIES.keys(),
  "千元",
  "万元",
  "亿元",
  "个",
  "次",
  "人",
  "人次",
  "场",
  "场次",
  "件",
  "户",
  "户次",
  "项",
  "株",
  "棵",
  "家",
  "所",
  "套",
  "台",
  "辆",
  "册",
  "篇",
  "份",
  "条",
  "处",
  "座",
  "栋",
  "宗",
  "批",
  "期",
  "轮",
  "门",
  "名",
  "位",
  "支",
  "张",
  "块",
  "本",
  "部",
  "间",
  "头",
  "只",
  "羽",
  "尾",
  "口",
  "眼",
  "根",
  "盏",
  "片",
  "段",
  "篇次",
  "期次",
  "人天",
  "人日",
  "村",
  "镇",
  "月",
  "年",
  "周",
  "季度",
  "工作日",
  "学时",
  "课时",
  "分",
  "倍",
  "百分点",
  "立方米",
  "千瓦",
  "千瓦时",
  "度",
  "GB",
  "TB",
  "MB",
]);

/** Characters that never occur in a unit but do in prose ("6月底前完成", "3个项目的验收"). */
const PROSE_CHARS =
  /[的和与及并或且、前后底内外完达确实现约是否为把被在对从给将已需应要等每各其中至到上下左右]/;

/** Normalises unit text: "(%)" → "%", "（万元）" → "万元", "㎡" → "平方米", "日" → "天"; "" → null. */
export function normalizeUnit(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let u = raw.normalize("NFKC").replace(/\s+/g, "");
  // Strip wrapping brackets, repeatedly: "((%))", "[万元]".
  for (;;) {
    const m = /^[([{【]([^()[\]{}【】]*)[)\]}】]$/.exec(u);
    if (!m) break;
    u = m[1];
  }
  u = u.replace(/人民币$/, "") || u;
  // "元/人*月", "元/人×月" and "元/人·月" are one unit.
  if (u.includes("/")) u = u.replace(/[*×]/g, "·");
  if (u === "") return null;
  const alias = ALIASES.get(u);
  if (alias !== undefined) return alias;
  if (u.includes("/")) {
    const parts = u.split("/");
    if (parts.length === 2 && parts[0] && parts[1]) {
      return `${normalizeUnit(parts[0]) ?? parts[0]}/${normalizeUnit(parts[1]) ?? parts[1]}`;
    }
  }
  return u;
}

interface UnitInfo {
  /** The kind measured (money, area …), the unit itself for counts, or null for a bare scale ("万"). */
  family: string | null;
  factor: Big;
}

function unitInfo(unit: string): UnitInfo {
  const fam = FAMILIES.get(unit);
  if (fam) return { family: fam[0], factor: new Big(fam[1]) };
  for (const [prefix, scale] of SCALES) {
    if (unit.startsWith(prefix)) {
      const rest = unit.slice(prefix.length);
      if (rest === "") return { family: null, factor: new Big(scale) };
      // "千克"/"千米" are handled as aliases before they reach here; "千元" = 1000 元.
      const inner = unitInfo(normalizeUnit(rest) ?? rest);
      return { family: inner.family ?? rest, factor: inner.factor.times(scale) };
    }
  }
  return { family: unit, factor: new Big(1) };
}

/** True when `unit` (normalised) is a kind of thing written after a number, not the start of prose. */
export function isUnitLike(unit: string): boolean {
  if (unit === "") return false;
  if (KNOWN_UNITS.has(unit)) return true;
  if (/\d/.test(unit)) return false;
  if (unit.includes("/")) {
    // "元/户", "元/人·月", "元/人*月", "元/人/月": a rate over one or two units.
    const parts = unit.split("/");
    return (
      parts.length >= 2 &&
      parts.length <= 3 &&
      parts.every(
        (p) => p !== "" && p.split(/[*·×]/).every((q) => q !== "" && !q.includes("/") && isUnitLike(q)),
      )
    );
  }
  for (const [prefix] of SCALES) {
    if (unit.startsWith(prefix)) {
      const rest = unit.slice(prefix.length);
      return rest === "" || isUnitLike(rest);
    }
  }
  // "个项目", "个工作日", "家企业": a measure word and a short noun.
  if (/^(个|家|所|名|位|项)/.test(unit) && unit.length <= 4 && !PROSE_CHARS.test(unit.slice(1))) return true;
  // Unknown short units ("套", "宗地", "kWh") are kept as written.
  return unit.length <= 3 && /^[\p{Script=Han}A-Za-z²³]+$/u.test(unit) && !PROSE_CHARS.test(unit);
}

/** True for 元, 千元, 万元, 亿元 (and other scales of 元). */
export function isMoneyUnit(unit: string | null): boolean {
  return unit !== null && unitInfo(unit).family === "money";
}

/**
 * Converts `value` from one unit to another of the same kind with decimal arithmetic
 * (1.1 万元 → 11000 元, not 11000.000000000002). A bare scale ("1.2万") takes the target's kind.
 * A plain unit converts into a per-unit target of the same numerator ("480元" → "元/人次").
 * Returns null when the units measure different things.
 */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (!Number.isFinite(value)) return null;
  if (from === to) return value;
  const fromParts = from.split("/");
  const toParts = to.split("/");
  if (fromParts.length === 2 && toParts.length === 2) {
    if (fromParts[1] !== toParts[1]) return null;
    return convertUnit(value, fromParts[0], toParts[0]);
  }
  if (fromParts.length === 1 && toParts.length === 2) return convertUnit(value, from, toParts[0]);
  if (fromParts.length !== 1 || toParts.length !== 1) return null;
  const f = unitInfo(from);
  const t = unitInfo(to);
  const sameKind = f.family === null || (t.family !== null && f.family === t.family);
  if (!sameKind) return null;
  const out = new Big(value).times(f.factor).div(t.factor).toNumber();
  return Number.isFinite(out) ? out : null;
}

/**
 * A value's text with its unit cell's unit after it ("2000" + "篇" → "2000篇"), never twice: a value that
 * already ends in that unit ("2000篇", "100%", "26 次") is returned as written.
 */
export function appendUnit(text: string, unit: string): string {
  const u = unit.trim();
  if (!u) return text;
  const bare = u.replace(/^[(（[【]+|[)）\]】]+$/g, "");
  const t = text.replace(/\s+$/, "");
  if (bare && (t.endsWith(bare) || t.endsWith(u))) return text;
  const norm = normalizeUnit(bare);
  if (norm !== null && t.endsWith(norm)) return text;
  return text + u;
}
