/**
 * The findings workbook's columns for --targets / --previous findings: what the other table says and what
 * this one says, read from the finding's data, so a reviewer can filter and sort by them.
 */
import type { Finding, Report } from "../engine/types";

export const COMPARISON_HEADERS = ["对照表中的值", "本表的值"] as const;

type WithData = Finding & { data?: Record<string, unknown> };

const text = (v: unknown): string | null =>
  typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : null;

/** [the approved or last year's value, this table's value], or null for findings of other codes. */
export function comparisonCells(f: Finding): [string | null, string | null] | null {
  const d = (f as WithData).data;
  if (!d || typeof d !== "object") return null;
  switch (f.code) {
    case "TARGET_CHANGED":
    case "WEIGHT_CHANGED":
      return [text(d.approved), text(d.current)];
    case "INDICATOR_MISSING":
      return [text(d.approvedTarget), null];
    case "INDICATOR_ADDED":
      return [null, text(d.target)];
    case "TARGET_NOT_RAISED": {
      const t = text(d.previousTarget);
      const a = text(d.previousActual);
      return [t && a ? `上年 ${t}，完成 ${a}` : t, text(d.current)];
    }
    default:
      return null;
  }
}

export function hasComparisons(report: Report): boolean {
  return report.files.some((f) => f.sheets.some((s) => s.findings.some((x) => comparisonCells(x) !== null)));
}
