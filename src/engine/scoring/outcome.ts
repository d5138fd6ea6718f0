/**
 * What a row's target and actual say: quantitative (direction, ratio, recomputed score), qualitative
 * (band) or unparsed, and whether the row fell short and so needs an explanation.
 */
import type { Direction, Finding, IndicatorReport, IndicatorRow, Profile, QualBand } from "../types";
import { dec } from "../decimal";
import { inferReverse, type ParsedValue } from "../values";
import { convertUnit } from "../values/units";
import { blankWords, missingWords } from "../cells";
import { say, why, type Words } from "../messages";
import { qualitative } from "./qualitative";
import { quantitativeScore } from "./quantitative";

export type Add = (code: Finding["code"], severity: Finding["severity"], cell: string, w: Words) => void;

export interface Outcome {
  kind: IndicatorReport["kind"];
  direction: Direction | null;
  directionInferred: boolean;
  band: QualBand | null;
  ratio: number | null;
  /** True when B / A reaches a threshold, decided exactly (B ≥ A × r), not on the rounded ratio. */
  reaches: (threshold: number) => boolean;
  /** Recomputed score, null when it cannot be recomputed. */
  computed: number | null;
  /** Why the row needs an explanation (blank → error), or null. */
  shortfall: Words | null;
  /** The target was met in full (a lower declared score is a deduction to explain). */
  met: boolean;
  /** How the score was computed, for messages. */
  basis: Words;
}

export function outcome(
  row: IndicatorRow,
  target: ParsedValue,
  actual: ParsedValue,
  W: number | null,
  S: number | null,
  profile: Profile,
  name: string,
  targetText: string,
  actualText: string,
  add: Add,
): Outcome {
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
  if (target.kind === "empty" && actual.kind === "empty") {
    add(
      "VALUE_MISSING",
      "error",
      row.actual.cell,
      blankWords(row.actual, name, "实际完成值", "the actual value", say.valuesMissing(name)),
    );
    return none;
  }
  if (target.kind === "empty" || target.kind === "error") {
    add(
      "TARGET_UNPARSED",
      "warning",
      row.target.cell,
      say.targetUnparsed(name, target.kind === "error" ? target.text : ""),
    );
    return none;
  }
  if (target.kind === "text")
    return qualitative(row, target.text, actual, W, S, profile, name, actualText, add);

  // Quantitative.
  if (actual.kind === "empty") {
    add(
      "VALUE_MISSING",
      "error",
      row.actual.cell,
      missingWords(row.actual, name, "实际完成值", "the actual value"),
    );
    return { ...none, kind: "quantitative" };
  }
  if (actual.kind !== "number") {
    add(
      "VALUE_NOT_NUMERIC",
      "error",
      row.actual.cell,
      say.valueNotNumeric(name, "实际完成值", "the actual value", actualText),
    );
    return { ...none, kind: "quantitative" };
  }
  // 5个 against ≥1000亩 cannot be compared: the parser keeps a unit it could not convert.
  if (
    actual.unit &&
    target.unit &&
    actual.unit !== target.unit &&
    convertUnit(actual.value, actual.unit, target.unit) === null
  ) {
    add(
      "VALUE_NOT_NUMERIC",
      "error",
      row.actual.cell,
      say.unitMismatch(name, actualText, targetText, target.unit),
    );
    return { ...none, kind: "quantitative" };
  }
  let direction: Direction;
  let inferred = false;
  if (target.hi !== null) direction = "range";
  else if (target.op === "ge" || target.op === "gt") direction = "positive";
  else if (target.op === "le" || target.op === "lt") direction = "reverse";
  else if (target.op === "eq") direction = "equal";
  else {
    inferred = true;
    direction = inferReverse(row.name, row.level1, row.level2) ? "reverse" : "positive";
    add(
      "DIRECTION_INFERRED",
      "info",
      row.target.cell,
      say.directionInferred(name, targetText, direction === "reverse"),
    );
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
