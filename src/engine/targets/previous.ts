/**
 * This year's 自评表 against last year's (docs/spec/targets.md §5): an indicator over-achieved by the
 * profile's review ratio or more last year whose target was not raised (not lowered, for a ≤ indicator).
 */
import Big from "big.js";
import { sheetRow } from "../finding";
import { convertUnit, formatParsed, inferReverse, parseActual, type ParsedValue } from "../values";
import type { IndicatorRow, Profile, Table } from "../types";
import { fuzzyNote, isFundsIndicator, matchNote, type Comparison } from "./compare";
import { targetFinding, type TargetFinding } from "./findings";
import { matchIndicators, type Pair } from "./match";
import { readTarget } from "./targets-text";

type Num = Extract<ParsedValue, { kind: "number" }>;

const single = (p: ParsedValue): p is Num => p.kind === "number" && p.hi === null;

/** positive (≥, or a bare number under an ordinary name), reverse (≤), or null for = and ranges. */
function directionOf(t: Num, row: IndicatorRow): "positive" | "reverse" | null {
  if (t.op === "eq") return null;
  if (t.op === "le" || t.op === "lt") return "reverse";
  if (t.op === "ge" || t.op === "gt") return "positive";
  return inferReverse(row.name, row.level1, row.level2) ? "reverse" : "positive";
}

/** `value` in `unit`, or null when the two units are of different kinds. */
function inUnit(v: Num, unit: string | null): number | null {
  if (v.unit === unit || v.unit === null || unit === null) return v.value;
  return convertUnit(v.value, v.unit, unit);
}

function checkPair(p: Pair<IndicatorRow, IndicatorRow>, threshold: number): TargetFinding | null {
  const { a: prev, b: cur } = p;
  const pt = readTarget(prev.target, prev.targetNature, prev.targetUnit);
  if (!single(pt.parsed) || !(pt.parsed.value > 0)) return null;
  const target = pt.parsed;
  const actual = parseActual(prev.actual, target);
  if (!single(actual)) return null;
  const a = inUnit(actual, target.unit);
  const direction = directionOf(target, prev);
  if (a === null || direction === null) return null;
  // A ≤ indicator met with none at all (0 complaints under ≤5) has no ratio to speak of: silence.
  if (direction === "reverse" && !(a > 0)) return null;
  const ratio = direction === "positive" ? new Big(a).div(target.value) : new Big(target.value).div(a);
  if (ratio.lt(threshold)) return null;
  const ct = readTarget(cur.target, cur.targetNature, cur.targetUnit);
  if (!single(ct.parsed)) return null;
  const now = inUnit(ct.parsed, target.unit);
  if (now === null) return null;
  const raised = direction === "positive" ? new Big(now).gt(target.value) : new Big(now).lt(target.value);
  if (raised) return null;
  return targetFinding(
    "TARGET_NOT_RAISED",
    cur.target.cell,
    {
      indicator: cur.name,
      previousTarget: pt.shown,
      previousActual: String(prev.actual.text ?? "").trim() || formatParsed(actual),
      ratio: ratio.round(4, Big.roundHalfUp).toNumber(),
      threshold,
      current: ct.shown,
      direction,
      match: matchNote(p),
    },
    sheetRow(cur.row),
  );
}

export function compareWithPrevious(table: Table, previous: Table, profile: Profile): Comparison {
  if (table.mode === "evaluation" || previous.mode === "evaluation") return { findings: [], notes: [] };
  const rows = (t: Table) => t.indicators.filter((r) => !r.evaluation && !isFundsIndicator(r.name));
  const m = matchIndicators(rows(previous), rows(table));
  const findings: TargetFinding[] = [];
  for (const p of m.pairs) {
    const f = checkPair(p, profile.overshootReviewRatio);
    if (f) findings.push(f);
  }
  const notes = m.pairs.filter((p) => p.by === "position").map((p) => fuzzyNote("上年自评表", p));
  return { findings, notes };
}
