/**
 * What a row's target and actual say: quantitative (direction, ratio, recomputed score), qualitative
 * (band) or unparsed, and whether the row fell short and so needs an explanation.
 */
import type { Direction, Profile } from "../types";
import { dec } from "../decimal";
import { inferReverse } from "../values";
import { convertUnit } from "../values/units";
import { why } from "../messages";
import type { ParsedIndicator } from "../table/parse";
import { qualitative } from "./qualitative";
import { quantitativeScore } from "./quantitative";
import type { Outcome, WeightAndScore } from "./outcome-types";

export function outcome(p: ParsedIndicator, ws: WeightAndScore, profile: Profile): Outcome {
  const row = p.source;
  const { W } = ws;
  const target = p.target.value;
  const actual = p.actual.value;
  const targetText = p.target.text;
  const actualText = p.actual.text;
  const none: Outcome = {
    kind: "unparsed",
    direction: null,
    directionInferred: false,
    band: null,
    ratio: null,
    reaches: () => false,
    computed: null,
    shortfall: null,
    met: false,
    basis: ["", ""],
  };
  // Nothing to show for the points: the actual is what the reviewer needs first (the target too).
  if (target.kind === "empty" && actual.kind === "empty")
    return { ...none, stop: { why: "no-values", cell: row.actual.cell } };
  if (target.kind === "empty" || target.kind === "error") {
    const text = target.kind === "error" ? target.text : "";
    return { ...none, stop: { why: "target", cell: row.target.cell, text } };
  }
  if (target.kind === "text") return qualitative(p, ws, profile);

  // Quantitative.
  const quantitative = { ...none, kind: "quantitative" as const };
  if (actual.kind === "empty")
    return { ...quantitative, stop: { why: "actual-blank", cell: row.actual.cell } };
  if (actual.kind !== "number")
    return { ...quantitative, stop: { why: "actual-text", cell: row.actual.cell } };
  // 5个 against ≥1000亩 cannot be compared: the parser keeps a unit it could not convert.
  if (
    actual.unit &&
    target.unit &&
    actual.unit !== target.unit &&
    convertUnit(actual.value, actual.unit, target.unit) === null
  )
    return { ...quantitative, stop: { why: "unit", cell: row.actual.cell, unit: target.unit } };
  let direction: Direction;
  let inferred = false;
  if (target.hi !== null) direction = "range";
  else if (target.op === "ge" || target.op === "gt") direction = "positive";
  else if (target.op === "le" || target.op === "lt") direction = "reverse";
  else if (target.op === "eq") direction = "equal";
  else {
    inferred = true;
    direction = inferReverse(row.name, row.level1, row.level2) ? "reverse" : "positive";
  }
  const r = quantitativeScore(direction, target, Math.max(actual.value, 0), W ?? 0, profile);
  const A = target.value;
  const B = Math.max(actual.value, 0);
  // The ratio is for people (150%); thresholds are decided exactly by reaches().
  const quotient = A > 0 && direction !== "range" ? Number((B / A).toPrecision(12)) : NaN;
  const ratio = Number.isFinite(quotient) ? quotient : null; // a target of 5e-324 must not make it Infinity
  // Above 100 % only when B > A: most rows stop at that comparison of two parsed numbers.
  const reaches = (threshold: number) => {
    if (!(A > 0) || (threshold > 1 && B <= A)) return false;
    // Floating point settles all but a hair's breadth around the threshold; decimals settle that.
    const edge = A * threshold;
    if (B > edge * (1 + 1e-9)) return true;
    if (B < edge * (1 - 1e-9)) return false;
    return dec(B).gte(dec(A).times(threshold));
  };
  const shortfall =
    direction === "positive" && !r.met
      ? why.shortfall(actualText, targetText)
      : direction === "reverse" && !r.met
        ? why.reverseOver(actualText, targetText)
        : direction === "range" && !r.met
          ? why.rangeOutside(actualText, targetText)
          : // An equal target must be hit exactly: any difference, above or below, needs its explanation.
            direction === "equal" && !dec(B).eq(A)
            ? why.equalDiffers(actualText, targetText)
            : null;
  return {
    kind: "quantitative",
    direction,
    directionInferred: inferred,
    band: null,
    ratio,
    reaches,
    computed: W === null ? null : r.score,
    shortfall,
    met: r.met,
    basis: [r.basisZh, r.basisEn],
  };
}
