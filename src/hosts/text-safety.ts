/**
 * Text that a spreadsheet would not keep as text. Excel and WPS parse a string written through
 * `values` / `Value2` as if the user had typed it: "=…" (and "+…", "-…", "@…") becomes a formula,
 * "100%", "1/2", "2021-3-1", "2021年3月", "3月1日", "12:30" or "TRUE" a number, date, time or
 * boolean. A leading apostrophe (the text prefix, never shown or stored in the cell) stops all of
 * that, so every host writes and restores text through `typedText`. Chinese sentences need no
 * prefix, so most writes go through untouched.
 */

import { FORMULA_LEAD } from "../engine/edits";

/** Strings a spreadsheet would evaluate as a formula (the engine's one rule). */
export { FORMULA_LEAD };

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

const PARSED_AS_NON_TEXT: RegExp[] = [
  /^(?:true|false)$/i,
  // Numbers, percentages, currency, fractions (1/2), slash and dash dates (2021/3/1, 2021-3-1),
  // times (12:30) and their combinations: nothing but digits and number punctuation.
  /^[\s\d.,:/%()$¥€£eE+-]*$/,
  // 2021年, 2021年3月, 2021年3月1日, 3月, 3月1日
  /^(?:\d{1,4}\s*年\s*)?(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?$/,
  /^\d{1,4}\s*年$/,
  // 12时30分, 12时30分15秒
  /^\d{1,2}\s*时\s*(?:\d{1,2}\s*分\s*(?:\d{1,2}\s*秒)?)?$/,
  // 9:30 AM, 上午9:30, 下午 3:15:00
  /^(?:上午|下午)?\s*\d{1,2}\s*:\s*\d{1,2}(?:\s*:\s*\d{1,2})?\s*(?:am|pm|a|p|上午|下午)?$/i,
  // 1-Mar, 1 Mar 2021, Mar-21, March 1, 2021
  new RegExp(`^\\d{1,2}[-\\s/]*${MONTH}(?:[-\\s/,]+\\d{2,4})?$`, "i"),
  new RegExp(`^${MONTH}[-\\s/]*\\d{1,4}(?:[-\\s/,]+\\d{2,4})?$`, "i"),
];

/** Full-width digits and punctuation (１２：３０, ５０％) are read like their ASCII forms. */
function halfWidth(text: string): string {
  return text
    .replace(/[０-９．，：／％－＋（）]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/￥/g, "¥");
}

/** True when `text`, written as typed, would not be stored as this same text. */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  if (FORMULA_LEAD.test(text) || text.startsWith("'")) return true;
  const t = halfWidth(text).trim();
  if (FORMULA_LEAD.test(t)) return true;
  return PARSED_AS_NON_TEXT.some((re) => re.test(t));
}

/** What to write so that the cell stores `text` exactly, as text. */
export function typedText(text: string): string {
  return needsTextPrefix(text) ? "'" + text : text;
}
