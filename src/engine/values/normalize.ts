/**
 * Text normalisation shared by the value parsers: full-width forms, operator symbols, dashes,
 * thousands separators, spreadsheet error values.
 */

/** Spreadsheet error values as Excel, WPS and exceljs write them. */
const ERROR_RE =
  /^#(DIV\/0!|VALUE!|N\/A|REF!|NAME\?|NUM!|NULL!|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

export function isSpreadsheetError(text: string): boolean {
  return ERROR_RE.test(text.trim());
}

/**
 * NFKC folds full-width digits, ％, ．, ，, （）, ＞, ＝, ﹦ and ～ into ASCII; the rest are symbols NFKC
 * leaves alone but that mean the same thing in these tables (≮ "not less than" is ≥, ≯ is ≤; box-drawing
 * lines stand for = and for a dash).
 */
export function normalizeText(text: string): string {
  if (text === "") return "";
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const out = normalizeUncached(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, out);
  return out;
}

// The same few texts (targets, band words, blank explanations) are normalised many times a table.
const memo = new Map<string, string>();
const MEMO_LIMIT = 20000;

function normalizeUncached(text: string): string {
  return (
    text
      .normalize("NFKC")
      .replace(/[≧⩾≮]/g, "≥")
      .replace(/[≦⩽≯]/g, "≤")
      // Look-alikes typed for "=": box-drawing ═ (U+2550), 〓, ꞊ — none of which NFKC folds.
      .replace(/[═〓꞊]/g, "=")
      .replace(/>=|=>/g, "≥")
      .replace(/<=|=</g, "≤")
      .replace(/[〜∼]/g, "~")
      .replace(/[—–―−－─━]/g, "-")
      .replace(/[\s\u200b\ufeff]+/g, " ")
      .trim()
  );
}

/** Removes every space (numbers like "≥ 95 %" are written with stray spaces). */
export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** "1,200" → "1200", "1,234,567.5" → "1234567.5"; leaves lists like "1,2" alone. */
export function stripThousands(text: string): string {
  return text.replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
}

/** Only dashes, slashes, dots or nothing: a placeholder meaning "no value". */
export function isDashPlaceholder(text: string): boolean {
  return /^[-_~/\\.。·…\s]*$/.test(normalizeText(text));
}

/** Trailing sentence punctuation that does not change a word's meaning ("及时。", "无.") */
export function stripTrailingPunct(text: string): string {
  return text.replace(/[。.，,；;！!、：:]+$/u, "");
}
