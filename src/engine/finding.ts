import type { Finding, FindingCode, Severity } from "./types";
import type { Words } from "./messages";

export function finding(code: FindingCode, severity: Severity, cell: string, words: Words, row?: number): Finding {
  const f: Finding = { code, severity, cell, message: words[0], messageEn: words[1] };
  if (row !== undefined) f.row = row;
  return f;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by position on the sheet. */
export function sortFindings(list: Finding[]): Finding[] {
  return [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.row ?? -1) - (b.row ?? -1) || a.cell.localeCompare(b.cell));
}
