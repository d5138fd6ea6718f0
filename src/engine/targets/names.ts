/**
 * Indicator and category names as the 申报表 and the 自评表 write them, normalised for matching
 * (docs/spec/targets.md §2): the same indicator is retyped with other spaces, full-width forms, numbering,
 * look-alike signs and 率/比率 endings, and a reviewer reads those as one name.
 */
import { normalizeText } from "../values/normalize";
import { stripWeight } from "../layout/text";

/** Numbering in front of a name: "1.", "（1）", "①", "指标1：", "一、". */
const NUMBERING = /^(?:\(?\d{1,2}[).、:]?|[①-⑳]|[一二三四五六七八九十]{1,2}[、.]|(?:三级)?指标\d*[:、.])+/;

/** Punctuation and signs that do not change what an indicator is called. */
const NOISE = /[\s"'“”‘’《》〈〉「」『』()[\]{}【】,，.。、;；:：!！?？·•・\-_~/\\|*＊#]/g;

/** The normalised name of an indicator: the key of an exact match. */
export function nameKey(name: string): string {
  const s = normalizeText(String(name ?? "")).toLowerCase();
  return s
    .replace(/\s+/g, "")
    .replace(NUMBERING, "")
    .replace(NOISE, "")
    .replace(/(比率|比例|率)$/, "");
}

/**
 * The category of an indicator, normalised: "数量指标" and "数量" are one, "效果指标" is "效益" (the older
 * name), a weight in the label ("产出指标（50分）") is dropped.
 */
export function categoryKey(label: string): string {
  const s = nameKey(stripWeight(normalizeText(String(label ?? ""))));
  return s.replace(/指标$/, "").replace(/^效果$/, "效益");
}

/** Character bigrams of a key (single characters for one-character keys). */
function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Dice similarity of two keys' bigrams, 0–1: 1 for equal keys, ~0.6 for a name with a word changed. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}
