/** One LAYOUT_ASSUMED info per table and kind of assumption (the first place it was made). */
import type { Finding, FindingCode, LayoutAssumption, Table } from "../types";
import { parseA1 } from "../grid";
import { raise } from "../finding";
import { R } from "../rules/raise";

export function assumedFindings(assumptions: LayoutAssumption[] | undefined): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const a of assumptions ?? []) {
    if (seen.has(a.kind)) continue;
    seen.add(a.kind);
    out.push(raise(R.layoutAssumed, a.cell, a));
  }
  return out;
}

/** Findings an indicator row's values decide: each depends on the row's target, actual, 分值 and 得分. */
const ROW_VALUES: readonly FindingCode[] = [
  "SCORE_TOO_HIGH",
  "SCORE_TOO_LOW",
  "SCORE_DEDUCTION_UNEXPLAINED",
  "QUAL_SCORE_OUT_OF_BAND",
  "VALUE_MISSING",
  "VALUE_NOT_NUMERIC",
  "EXPLANATION_MISSING",
];

/**
 * Which findings a column read from a half-known header cell decides, as data: an error among them is
 * not sure, so it is said as a warning (issue 17, class 9: errors only on readings the engine is sure of).
 */
const DEPENDS_ON: Readonly<Record<string, readonly FindingCode[]>> = {
  target: ROW_VALUES,
  actual: ROW_VALUES,
  nature: ROW_VALUES,
  unit: ROW_VALUES,
  adjusted: ROW_VALUES,
  weight: [...ROW_VALUES, "SCORE_OUT_OF_RANGE", "WEIGHT_TOTAL", "WEIGHT_CATEGORY", "TOTAL_MISMATCH"],
  score: [...ROW_VALUES, "SCORE_OUT_OF_RANGE", "TOTAL_MISMATCH", "GRADE_MISMATCH"],
  explanation: ["EXPLANATION_MISSING", "SCORE_DEDUCTION_UNEXPLAINED"],
  name: ["VALUE_MISSING"],
  level1: ["WEIGHT_CATEGORY"],
  level2: [],
};

/**
 * Errors in the indicator block (at or below its first row) that depend on a column read from a
 * half-known header cell become warnings; everything else is returned as it was. Funds findings (above
 * the indicator block) never depend on the indicator header.
 */
export function weakenGuessed(findings: Finding[], table: Table): Finding[] {
  const guessed = (table.assumptions ?? []).flatMap((a) =>
    a.kind === "header-guessed" ? a.columns.map((c) => c.role) : [],
  );
  if (!guessed.length || !table.indicators.length) return findings;
  const codes = new Set<FindingCode>(guessed.flatMap((role) => DEPENDS_ON[role] ?? []));
  const top = table.indicators[0].row;
  return findings.map((f) => {
    if (f.severity !== "error" || !codes.has(f.code)) return f;
    const p = parseA1(f.cell);
    return p && p.row >= top ? { ...f, severity: "warning" as const } : f;
  });
}
