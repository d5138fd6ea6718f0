/**
 * Parsing of 年度指标值 (target) and 实际完成值 (actual): operators, numbers, units, percentages,
 * ranges and qualitative words. See scoring-rules.md §1 and §3.
 *
 * The pieces live in ./values/: normalize (full-width forms, errors), units (normalising and
 * converting units), quantity (operator + number + unit text), qualitative (bands, placeholders) and
 * direction (越小越好 names). Everything here is pure and never throws on odd input.
 */
import Big from "big.js";
import type { CellValue } from "../grid";
import type { QualBand } from "../types";
import { isDashPlaceholder, isSpreadsheetError, compact } from "./normalize";
import { readNature, readQuantity, type Quantity } from "./quantity";
import { convertUnit, normalizeUnit } from "./units";
import { classifyQualitative as classifyBand, isPlaceholder as placeholder } from "./qualitative";
import { inferReverse as reverseByName } from "./direction";
import { describeFormat } from "../number-format";

export { normalizeUnit, convertUnit, isMoneyUnit, isUnitLike, appendUnit } from "./units";
export { isSpreadsheetError } from "./normalize";
export { parseNumber } from "./number";

import type { Operator } from "./operator";
export type { Operator } from "./operator";

/** What a parser gets from one cell. */
export interface CellInput {
  value: CellValue;
  /** Display text, e.g. "78.25%" for 0.7825 with a % format. */
  text: string;
  /** Number format, e.g. "0.00%". */
  format: string | null;
}

export type ParsedValue =
  /** A quantity. Percentages are in percent (93 % → value 93, unit "%"). Money stays in the written unit. */
  | {
      kind: "number";
      /** Explicit operator (≥, 不低于 …, ≤ …, =), or null for a bare number. */
      op: Operator | null;
      /** The number (for a range, the low end). */
      value: number;
      /** High end of a range (80-90% → value 80, hi 90), else null. */
      hi: number | null;
      /** Normalised unit: "%", "万元", "元", "亿元", "个", "次", "人", "亩", "天" … or null. */
      unit: string | null;
    }
  /** Qualitative text (及时, 合规, 部分达成 …), trimmed. */
  | { kind: "text"; text: string }
  /** Empty cell, or only whitespace / a dash placeholder. */
  | { kind: "empty" }
  /** A spreadsheet error value (#DIV/0!, #VALUE! …). */
  | { kind: "error"; text: string };

type NumberValue = Extract<ParsedValue, { kind: "number" }>;

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

function cellString(cell: CellInput): string {
  const v = cell?.value;
  if (typeof v === "string") return v;
  return typeof cell?.text === "string" ? cell.text : "";
}

function times100(n: number): number {
  return new Big(n).times(100).toNumber();
}

/** A number cell: the format decides percent (0.7825 with "0.00%" → 78.25 %) and literal op/unit. */
function parseNumericCell(v: number, cell: CellInput): ParsedValue {
  if (!Number.isFinite(v)) return { kind: "error", text: String(v) };
  const fmt = describeFormat(cell.format);
  if (fmt.date && !fmt.percent) {
    const shown = String(cell.text ?? "").trim();
    return { kind: "text", text: shown || String(v) };
  }
  let percent = fmt.percent;
  // A host that gives display text but no format: "78.25%" for 0.7825 is a percent format.
  if (!percent && !cell.format && typeof cell.text === "string" && /%\s*$/.test(cell.text)) {
    const shown = readQuantity(cell.text);
    if (shown && shown.unit === "%" && Math.abs(shown.value - v * 100) < Math.abs(shown.value - v))
      percent = true;
  }
  let op: Operator | null = null;
  let unit: string | null = percent ? "%" : null;
  if (fmt.prefix || fmt.suffix) {
    const lit = readQuantity(`${fmt.prefix}1${fmt.suffix}`);
    if (lit) {
      op = lit.op;
      if (!percent && lit.unit !== null) unit = lit.unit;
    }
  }
  const value = percent ? times100(v) : v;
  // 1e308 shown as a percent overflows; no real table holds it, but it must not become Infinity.
  if (!Number.isFinite(value)) return { kind: "error", text: String(v) };
  return { kind: "number", op, value, hi: null, unit };
}

/**
 * Text cells repeat within a table and across a batch ("≥95%", "100%", "及时"), and parsing one is
 * a dozen regular expressions: results for text values are kept (frozen, so no caller can change a
 * shared one). Bounded, so a long batch cannot grow it without end.
 */
const textMemo = new Map<string, ParsedValue>();
const TEXT_MEMO_LIMIT = 20000;

/** Parses one cell on its own: no target context, no split columns. */
export function parseCell(cell: CellInput): ParsedValue {
  const v = cell?.value ?? null;
  if (typeof v === "number") return parseNumericCell(v, cell);
  if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
  if (typeof v !== "string") return parseTextCell(cell);
  const hit = textMemo.get(v);
  if (hit) return hit;
  const parsed = Object.freeze(parseTextCell(cell));
  if (textMemo.size >= TEXT_MEMO_LIMIT) textMemo.clear();
  textMemo.set(v, parsed);
  return parsed;
}

function parseTextCell(cell: CellInput): ParsedValue {
  const raw = cellString(cell);
  const trimmed = raw.trim();
  if (isSpreadsheetError(trimmed)) return { kind: "error", text: trimmed.toUpperCase() };
  if (isDashPlaceholder(trimmed)) return { kind: "empty" };
  const q = readQuantity(trimmed);
  if (q) return { kind: "number", ...q };
  return { kind: "text", text: trimmed };
}

/** True when a bare v under a % target A reads better as v % than as v × 100 % (compared by ratio). */
function percentNearer(v: number, A: number): boolean {
  if (!(v > 0) || !(A > 0)) return false;
  const off = (x: number) => Math.abs(Math.log(x / A));
  return off(v) < off(v * 100);
}

function withUnit(p: NumberValue, unit: string | null): NumberValue {
  return { ...p, unit };
}

/**
 * Parses a target, optionally from split 指标性质 / 指标值 / 度量单位 columns.
 *
 * Split columns: the nature cell's operator (≥ ≤ = ﹦ > <, 大于等于 …, 正向 → ≥, 反向 → ≤) replaces any
 * written in the value cell; 定性 makes the value cell's text the (qualitative) target even when it
 * looks like a number — unless the actual is a number too (40 against 43次: a count); the unit cell gives
 * the unit when the value cell has none. A value written
 * with a unit keeps its own unit. A target is taken literally: "0.5" with unit "%" is 0.5 %.
 */
export function parseTarget(
  cell: CellInput,
  split?: { nature?: CellInput | null; unit?: CellInput | null; actual?: CellInput | null },
): ParsedValue {
  const base = parseCell(cell);
  if (!split) return base;
  const natureText = split.nature ? cellText(split.nature) : "";
  // A count under 定性 (40 against 43次): both sides are numbers, so it is a quantity, not a description.
  const counted = base.kind === "number" && !!split.actual && parseCell(split.actual).kind === "number";
  if (/定性/.test(natureText) && !counted) {
    if (base.kind === "empty" || base.kind === "error") return base;
    const shown = base.kind === "text" ? base.text : cellText(cell).trim() || formatParsed(base);
    return { kind: "text", text: shown };
  }
  if (base.kind !== "number") return base;
  let out: NumberValue = base;
  const op = readNature(natureText);
  if (op !== undefined && out.hi === null) out = { ...out, op };
  if (out.unit === null && split.unit) {
    const unitText = cellText(split.unit).trim();
    if (unitText !== "" && !isDashPlaceholder(unitText)) out = withUnit(out, normalizeUnit(unitText));
  }
  return out;
}

function cellText(cell: CellInput): string {
  const v = cell?.value;
  if (typeof v === "string") return v;
  if (typeof cell?.text === "string" && cell.text !== "") return cell.text;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

/**
 * Parses an actual in the light of its target: inherits the target's unit when it has none,
 * converts 元/万元/亿元 to the target's money unit, and reads a bare ≤ 1 as a fraction when the
 * target is a percentage (0.93 → 93). Qualitative actuals come back as text.
 *
 * Other convertible units are converted too (公顷 → 亩, 公里 → 米, 小时 → 天, ‰ → %, "1.2万" → 12000),
 * with decimal arithmetic. An actual in a unit of another kind keeps its own unit (the checker can
 * report the mismatch). When the target is not a quantity the actual is returned as parsed.
 */
export function parseActual(cell: CellInput, target: ParsedValue): ParsedValue {
  const p = parseCell(cell);
  // "无上访", "未发生", "零" against a count (小于5次): none of it, i.e. 0 in the target's unit.
  if (p.kind === "text" && target?.kind === "number" && NONE_RE.test(compact(p.text)))
    return { kind: "number", op: null, value: 0, hi: null, unit: target.unit };
  if (p.kind !== "number" || !target || target.kind !== "number" || target.unit === null) return p;
  const unit = target.unit;
  if (p.unit === null) {
    // Under a % target a bare 0.93 is a fraction and 93 a percent (scoring-rules.md §3) — except where the
    // fraction reading is absurd for this target: a bare 1 under "≤2%" is 1 %, not 100 %. Of the two
    // readings the one nearer the target by ratio wins (0.93 under 95 % → 93; 1 under ≥50 % → 100).
    if (unit === "%") {
      const fraction = Math.abs(p.value) <= 1 && (p.hi === null || Math.abs(p.hi) <= 1);
      if (fraction && !percentNearer(p.value, target.value))
        return { ...p, value: times100(p.value), hi: p.hi === null ? null : times100(p.hi), unit };
    }
    return withUnit(p, unit);
  }
  if (p.unit === unit) return p;
  const value = convertUnit(p.value, p.unit, unit);
  const hi = p.hi === null ? null : convertUnit(p.hi, p.unit, unit);
  if (value === null || (p.hi !== null && hi === null)) return p;
  return { ...p, value, hi, unit };
}

/**
 * An actual that says "none of it": 无上访, 未发生, 没有发生, 零事故 — not 无法统计, 无数据, and not a bare 无
 * (which as often means "not applicable").
 */
const NONE_RE = /^((无|没有)(?!法|从|数据|统计|记录|$)|未发生|未出现|零|杜绝)/;

/**
 * The band a qualitative actual means (scoring-rules.md §3), negations first; equal to the target
 * text means 达成. null when it fits no band. "100%", a bare 100 and "是" mean 达成; other numbers are
 * unclassified, except "0"/"无" against a target phrased as an absence (无安全事故) → 达成.
 */
export function classifyQualitative(actual: string, target: string): QualBand | null {
  try {
    return classifyBand(actual, target);
  } catch {
    return null;
  }
}

/** True when a bare number under this indicator is 越小越好 (成本指标, or named 成本/费用/单价/事故/…). */
export function inferReverse(name: string, level1: string, level2: string): boolean {
  return reverseByName(name, level1, level2);
}

/** True when an explanation text is blank or a placeholder (无, 暂无, 无偏差, 略, 同上, /, -, —, 0). */
export function isPlaceholder(text: string): boolean {
  return placeholder(text);
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

const OP_SYMBOLS: Record<Operator, string> = { ge: "≥", gt: ">", le: "≤", lt: "<", eq: "=" };

/** "≥", ">", "≤", "<", "=" for an operator; "" for none. */
export function opSymbol(op: Operator | null): string {
  return op === null ? "" : OP_SYMBOLS[op];
}

/** A number for messages: no binary noise (0.1 + 0.2 → "0.3"), at most 4 decimals. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toFixed(4)));
}

/**
 * Describes a parsed value in Chinese for messages: "≥95%", "80～90%", "≤90万元", "“及时”",
 * "（空）", "错误值 #DIV/0!".
 */
export function formatParsed(p: ParsedValue): string {
  switch (p.kind) {
    case "number": {
      const unit = p.unit ?? "";
      if (p.hi !== null) return `${formatNumber(p.value)}～${formatNumber(p.hi)}${unit}`;
      return `${opSymbol(p.op)}${formatNumber(p.value)}${unit}`;
    }
    case "text":
      return `“${p.text}”`;
    case "empty":
      return "（空）";
    case "error":
      return `错误值 ${p.text}`;
  }
}

/** Re-exported for callers that read free text (e.g. a goal block) as a quantity. */
export function readQuantityText(text: string): Quantity | null {
  return readQuantity(text);
}
