/**
 * Reads "operator + number + unit" text: "≥95%", "不低于95%", "95%以上", "控制在10天以内", "≤ 0%",
 * "1,200亩", "80-90%", "3~5天", "80至90". Anything else (prose, dates, numbers inside sentences) is not
 * a quantity and the caller treats it as qualitative text.
 */
import type { Operator } from "./operator";
import { compact, normalizeText, stripThousands } from "./normalize";
import { convertUnit, isUnitLike, normalizeUnit } from "./units";
import { decimalOf } from "./number";

export interface Quantity {
  op: Operator | null;
  value: number;
  hi: number | null;
  unit: string | null;
}

/** Words and symbols before the number, longest first so "不低于" wins over "低于". null = no direction. */
const PREFIXES: [string, Operator | null][] = (
  [
    ["大于或等于", "ge"],
    ["大于等于", "ge"],
    ["高于或等于", "ge"],
    ["高于等于", "ge"],
    ["不低于", "ge"],
    ["不少于", "ge"],
    ["不小于", "ge"],
    ["不得低于", "ge"],
    ["不得少于", "ge"],
    ["达到", "ge"],
    ["至少", "ge"],
    ["最少", "ge"],
    ["最低", "ge"],
    ["≥", "ge"],
    ["大于", "gt"],
    ["高于", "gt"],
    ["超过", "gt"],
    ["多于", "gt"],
    [">", "gt"],
    ["小于或等于", "le"],
    ["小于等于", "le"],
    ["低于或等于", "le"],
    ["低于等于", "le"],
    ["不超过", "le"],
    ["不高于", "le"],
    ["不大于", "le"],
    ["不多于", "le"],
    ["不得超过", "le"],
    ["不得高于", "le"],
    ["控制在", "le"],
    ["至多", "le"],
    ["最多", "le"],
    ["最高", "le"],
    ["≤", "le"],
    ["小于", "lt"],
    ["低于", "lt"],
    ["少于", "lt"],
    ["不足", "lt"],
    ["<", "lt"],
    ["等于", "eq"],
    ["=", "eq"],
    // Lead-in verbs that do not change the direction: "确保不低于95%", "完成1000亩", "约50人".
    ["实际完成", null],
    ["已完成", null],
    ["完成", null],
    ["实现", null],
    ["确保", null],
    ["保持", null],
    ["累计", null],
    ["共计", null],
    ["合计", null],
    ["共", null],
    ["大约", null],
    ["约", null],
    ["≈", null],
    ["达", "ge"],
    // Growth and reduction targets name the size of the change: "增长10%" is met by 增长12%.
    ["同比增长", "ge"],
    ["同比提高", "ge"],
    ["同比下降", "ge"],
    ["同比减少", "ge"],
    ["增长", "ge"],
    ["提高", "ge"],
    ["提升", "ge"],
    ["增加", "ge"],
    ["降低", "ge"],
    ["下降", "ge"],
    ["减少", "ge"],
    ["压减", "ge"],
  ] as [string, Operator | null][]
).sort((a, b) => b[0].length - a[0].length);

/** Words after the number and unit: "95%以上", "10天以内", "30天内", "50人左右". */
const SUFFIXES: [string, Operator | null][] = (
  [
    ["及以上", "ge"],
    ["或以上", "ge"],
    ["以上", "ge"],
    ["及以下", "le"],
    ["或以下", "le"],
    ["以下", "le"],
    ["以内", "le"],
    ["之内", "le"],
    ["内", "le"],
    ["左右", null],
  ] as [string, Operator | null][]
).sort((a, b) => b[0].length - a[0].length);

const NUM = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const SINGLE_RE = new RegExp(`^(${NUM})(.*)$`);
const RANGE_RE = new RegExp(`^(${NUM})([^\\d~至到-]*)(?:-|~|至|到)(${NUM})(.*)$`);
/** A unit written before the number: "¥1200", "￥12.5". */
const LEADING_UNIT_RE = new RegExp(`^(¥|RMB)(${NUM}.*)$`);

/** Removes direction words from the start; the first direction found wins. */
function stripPrefixes(s: string): { rest: string; op: Operator | null } {
  let op: Operator | null = null;
  for (let guard = 0; guard < 4; guard++) {
    const hit = PREFIXES.find(([w]) => s.startsWith(w));
    if (!hit) break;
    s = s.slice(hit[0].length);
    if (op === null && hit[1] !== null) op = hit[1];
  }
  return { rest: s, op };
}

/** Splits "天以内" into unit "天" and op le; null when what is left is not a unit. */
function readUnitTail(tail: string): { unit: string | null; op: Operator | null } | null {
  let op: Operator | null = null;
  let s = tail;
  for (let guard = 0; guard < 3; guard++) {
    const hit = SUFFIXES.find(([w]) => s.endsWith(w) && s.length > 0);
    if (!hit) break;
    s = s.slice(0, s.length - hit[0].length);
    if (op === null && hit[1] !== null) op = hit[1];
  }
  if (s === "") return { unit: null, op };
  const unit = normalizeUnit(s);
  if (unit === null) return { unit: null, op };
  return isUnitLike(unit) ? { unit, op } : null;
}

/** Prepares cell text for reading: NFKC, operator symbols, no spaces or thousands separators. */
export function prepareQuantityText(text: string): string {
  return compact(stripThousands(normalizeText(text))).replace(/\(含\)|含$/g, "");
}

/** An indicator name written before its value: "合格率≥95%", "满意度95%以上", "完成率100%". */
const LABEL_RE = /^[\p{Script=Han}]{1,8}[率度](?=[≥>≤<=+\-.\d]|[不大小高低达至控确]|$)/u;

/** Reads a quantity, or null when the text is not essentially operator + number + unit. */
export function readQuantity(text: string): Quantity | null {
  const prepared = prepareQuantityText(text);
  if (prepared === "" || prepared.length > 40) return null;
  const direct = readLabelled(prepared);
  if (direct) return direct;
  // A note in brackets after the value: "≥80%（抽检）", "100%（按时）", "95%以上（含95%）", "≥500人次（全年）".
  const note = NOTE_RE.exec(prepared);
  return note ? readLabelled(note[1]) : null;
}

/** Trailing bracketed note (after NFKC the brackets are ASCII); the head must end in a digit, unit or word. */
const NOTE_RE = /^(.*[^(])\([^()]*\)$/;

function readLabelled(prepared: string): Quantity | null {
  const direct = readPrepared(prepared);
  if (direct) return direct;
  const label = LABEL_RE.exec(prepared);
  return label && label[0].length < prepared.length ? readPrepared(prepared.slice(label[0].length)) : null;
}

function readPrepared(prepared: string): Quantity | null {
  const prefixes = stripPrefixes(prepared);
  let rest = prefixes.rest;
  const op = prefixes.op;
  let leadUnit: string | null = null;
  const lead = LEADING_UNIT_RE.exec(rest);
  if (lead) {
    leadUnit = normalizeUnit(lead[1]);
    rest = lead[2];
  }

  const range = RANGE_RE.exec(rest);
  if (range && op === null) {
    const lo = decimalOf(range[1]);
    const hi = decimalOf(range[3]);
    const loTail = range[2] === "" ? { unit: null, op: null } : readUnitTail(range[2]);
    const hiTail = readUnitTail(range[4]);
    if (lo !== null && hi !== null && loTail && hiTail && hiTail.op === null) {
      const unit = hiTail.unit ?? loTail.unit ?? leadUnit;
      let loValue: number | null = lo;
      if (loTail.unit !== null && unit !== null && loTail.unit !== unit)
        loValue = convertUnit(lo, loTail.unit, unit);
      if (loValue !== null) {
        const [a, b] = loValue <= hi ? [loValue, hi] : [hi, loValue];
        return { op: null, value: a, hi: b, unit };
      }
    }
  }

  const single = SINGLE_RE.exec(rest);
  if (!single) return null;
  const value = decimalOf(single[1]);
  const tail = readUnitTail(single[2]);
  if (value === null || !tail) return null;
  const unit = tail.unit ?? leadUnit;
  return { op: op ?? tail.op, value, hi: null, unit };
}

/** Reads a 指标性质 cell: ≥ ≤ = ﹦ > < and the word forms, 正向/反向; undefined when it names no direction. */
export function readNature(text: string): Operator | null | undefined {
  const s = prepareQuantityText(text);
  if (s === "") return undefined;
  if (/^(正向|越大越好)/.test(s)) return "ge";
  if (/^(反向|逆向|越小越好)/.test(s)) return "le";
  const pre = PREFIXES.find(([w]) => s === w || s.startsWith(w));
  if (pre && pre[1] !== null) return pre[1];
  const suf = SUFFIXES.find(([w]) => s === w);
  if (suf && suf[1] !== null) return suf[1];
  return undefined;
}
