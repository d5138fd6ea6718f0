import { parseA1 } from "./grid";
import type { Finding, FindingCode, Severity } from "./types";
import type { Words } from "./messages";
import type { RaiseOptions, Rule } from "./rules/rule";
import { ruleOf, type DataOf, type RuleCode } from "./rules";

/**
 * The sheet row as report-format.md numbers it (1-based, row 12 is D12) from the layout's 0-based index.
 * IndicatorReport.row and Finding.row are both in this numbering, so they pair with each other and with
 * the cell address the user sees.
 */
export function sheetRow(index: number): number {
  return index + 1;
}

/** Characters of cell text a message quotes; a cell can hold 32,767, a message must stay readable. */
export const ECHO_MAX = 100;

/**
 * Cuts cell text quoted in a message (“…” in Chinese, "…" in English) to ECHO_MAX characters, saying how long it was.
 * Messages of ordinary length are returned as they are.
 */
export function clipEchoes(message: string, en = false): string {
  if (message.length <= 3 * ECHO_MAX) return message;
  return message.replace(/(["“])([^"”]{101,})(["”])/g, (_m, open: string, body: string, close: string) => {
    const chars = [...body];
    if (chars.length <= ECHO_MAX) return `${open}${body}${close}`;
    const total = en ? ` (${chars.length} characters)` : `（共 ${chars.length} 字）`;
    return `${open}${chars.slice(0, ECHO_MAX).join("")}…${total}${close}`;
  });
}

export function finding(
  code: FindingCode,
  severity: Severity,
  cell: string,
  words: Words,
  row?: number,
): Finding {
  const f: Finding = {
    code,
    severity,
    cell,
    message: clipEchoes(words[0]),
    messageEn: clipEchoes(words[1], true),
  };
  if (row !== undefined) f.row = row;
  return f;
}

/**
 * A finding of `rule` about `cell`, its data kept and its words made from that data. A fixable rule's
 * finding carries the fix its check computed; the words name the same value.
 */
export function raise<C extends RuleCode, D>(
  r: Rule<C, D>,
  cell: string,
  data: D,
  options: RaiseOptions = {},
): Finding {
  const f = finding(r.code, options.severity ?? r.severity, cell, r.words(data), options.row);
  f.data = data as Finding["data"];
  if (options.fix && r.fixable) f.fix = options.fix;
  return f;
}

/** The message of a finding in one language, made from its data (the stored message when it has none). */
export function wordsFor(f: Finding, lang: "zh" | "en"): string {
  const r = ruleOf(f.code);
  if (!r || f.data === undefined) return lang === "zh" ? f.message : f.messageEn;
  const words = r.words(f.data as never);
  return lang === "zh" ? clipEchoes(words[0]) : clipEchoes(words[1], true);
}

/** A finding's data typed for its code, or null when the finding is of another code or has none. */
export function dataOf<C extends RuleCode>(f: Finding, code: C): DataOf<C> | null {
  return f.code === code && f.data !== undefined ? (f.data as DataOf<C>) : null;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then top to bottom, left to right on the sheet, as a reviewer reads it. */
export function sortFindings(list: Finding[]): Finding[] {
  const pos = (f: Finding) => parseA1(f.cell) ?? { row: (f.row ?? 1) - 1, col: 0 };
  return [...list].sort((a, b) => {
    const p = pos(a);
    const q = pos(b);
    return RANK[a.severity] - RANK[b.severity] || p.row - q.row || p.col - q.col;
  });
}
