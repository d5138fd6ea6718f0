/**
 * What a number format says about the number beneath it, for the value parsers (src/engine/values):
 * a percent code (the value is a fraction shown ×100), a date, the text format "@", and the literal
 * text around the digits ("≥"0%, 0"亩", [$¥-804]#,##0). Only the first (positive) section is read.
 */
import { splitSections, tokenize } from "./tokens";

export interface FormatInfo {
  /** A real % code: the value is a fraction shown ×100. */
  percent: boolean;
  /** A date or time format: the number is a serial date, not a quantity. */
  date: boolean;
  /** Text format "@". */
  text: boolean;
  /** Literal text before / after the digits. */
  prefix: string;
  suffix: string;
}

/** Reads the first (positive) section of a number format. */
export function describeFormat(format: string | null | undefined): FormatInfo {
  const info: FormatInfo = { percent: false, date: false, text: false, prefix: "", suffix: "" };
  if (!format) return info;
  // "General" holds the digits; its letters are not date codes.
  const section = splitSections(String(format).replace(/General/gi, "0"))[0];
  let seenDigit = false;
  const addLiteral = (s: string) => {
    if (seenDigit) info.suffix += s;
    else info.prefix += s;
  };
  for (const t of tokenize(section)) {
    if (t.pad) continue;
    if (t.lit) {
      addLiteral(t.s);
      continue;
    }
    const ch = t.s;
    if (ch === "%") info.percent = true;
    else if (ch === "@") info.text = true;
    else if (/[0#?]/.test(ch)) seenDigit = true;
    else if (/[.,Ee+\-/ ]/.test(ch) && seenDigit) {
      // Part of the number code (decimals, grouping, exponent, fractions).
    } else if (/[yYmMdDhHsS]/.test(ch)) info.date = true;
    else if (/[A-Za-z]/.test(ch)) {
      // Other format letters (AM/PM's M counts as a date code above); not shown as such.
    } else addLiteral(ch);
  }
  return info;
}

/**
 * The broad date test the file reader applies before a value becomes a Grid number: any y m d h s b
 * outside brackets and quotes. It is exceljs' test, kept so that the reader's values (a serial through
 * a Date, whole milliseconds) stay the ones exceljs produced; describeFormat's `date` is the parsers'.
 */
export function isDateLike(fmt: string | null): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
