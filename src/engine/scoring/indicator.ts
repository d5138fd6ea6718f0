/**
 * One indicator row: recompute its score from target and actual (scoring-rules.md §3), decide whether
 * it needs 偏差原因分析 (§4), and compare with what the sheet declares.
 */
import type Big from "big.js";
import type { Direction, Finding, IndicatorReport, IndicatorRow, Profile, QualBand } from "../types";
import { clamp, dec, fmt, round2, within } from "../decimal";
import {
  classifyQualitative,
  inferReverse,
  isPlaceholder,
  parseActual,
  parseTarget,
  type ParsedValue,
} from "../values";
import { convertUnit } from "../values/units";
import { input, readNumber, textOf } from "../cells";
import { say, why, type Words } from "../messages";
import { finding } from "../finding";

type Num = Extract<ParsedValue, { kind: "number" }>;

interface Outcome {
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

const BAND_ORDER: QualBand[] = ["达成", "部分达成", "未达成"];

export function scoreIndicator(
  row: IndicatorRow,
  profile: Profile,
): { report: IndicatorReport; findings: Finding[] } {
  if (row.evaluation) return scoreEvaluationRow(row, profile);
  const findings: Finding[] = [];
  const add = (code: Finding["code"], severity: Finding["severity"], cell: string, w: Words) =>
    findings.push(finding(code, severity, cell, w, row.row));
  const name = row.name || row.level2 || row.level1 || `第${row.row + 1}行`;

  const targetText = [textOf(row.targetNature), textOf(row.target), textOf(row.targetUnit)]
    .filter((t) => t && t !== "定性")
    .join("");
  const actualText = textOf(row.actual);
  const explanation = textOf(row.explanation);
  const explained = !isPlaceholder(explanation);

  // Weight and declared score.
  const { W, S } = weightAndScore(row, name, add);

  const target = parseTarget(input(row.target), {
    nature: row.targetNature ? input(row.targetNature) : null,
    unit: row.targetUnit ? input(row.targetUnit) : null,
  });
  const actual = parseActual(input(row.actual), target);
  const o = outcome(row, target, actual, W, S, profile, name, targetText, actualText, add);

  // Declared score against the recomputation.
  let computed = o.computed;
  let deduction = false; // declared below W on a row whose target was met
  const tol = profile.scoreTolerance;
  if (S !== null && W !== null && (S < 0 || S > W)) {
    add("SCORE_OUT_OF_RANGE", "error", row.score.cell, say.scoreOutOfRange(name, S, W));
  } else if (S !== null && W !== null && o.kind === "qualitative" && o.band) {
    // Bands are exact intervals (upper bounds open but for 达成): no tolerance at their edges.
    const [lo, hi] = bandBounds(o.band, W, profile);
    if (S < lo || S > hi)
      add("QUAL_SCORE_OUT_OF_BAND", "error", row.score.cell, qualMessage(o, name, actualText, W, S, profile));
    else deduction = o.met && S < W && !within(S, W, tol);
  } else if (S !== null && computed !== null && W !== null && o.kind === "quantitative") {
    if (S > computed && !within(S, computed, tol)) {
      add("SCORE_TOO_HIGH", "error", row.score.cell, say.scoreTooHigh(name, S, computed, o.basis));
    } else if (S < computed && !within(S, computed, tol)) {
      if (o.met) {
        deduction = true;
        if (explained) computed = S; // an explained deduction stands
      } else {
        add("SCORE_TOO_LOW", "warning", row.score.cell, say.scoreTooLow(name, S, computed, o.basis));
      }
    }
  }
  if (deduction && !explained && S !== null && W !== null)
    add("SCORE_DEDUCTION_UNEXPLAINED", "error", row.score.cell, say.deductionUnexplained(name, S, W));
  if (computed === null) computed = keptScore(S, W); // nothing to recompute from: keep the declared score

  // Explanations (§4).
  let needs: Words | null =
    o.shortfall ?? (deduction && S !== null && W !== null ? why.deduction(S, W) : null);
  let severity: Finding["severity"] = "error";
  const overshoot =
    o.ratio !== null &&
    (o.direction === "positive" || o.direction === "equal") &&
    o.reaches(profile.overshootReviewRatio);
  if (!needs && overshoot && o.ratio !== null) {
    needs = why.overshoot(o.ratio);
    severity =
      profile.overshootReasonRatio !== null && o.reaches(profile.overshootReasonRatio) ? "error" : "warning";
    if (!explained)
      add(
        "OVER_TARGET",
        "warning",
        row.actual.cell,
        say.overTarget(name, quantity(actual), quantity(target), o.ratio),
      );
  }
  const explanationCell = row.explanation?.cell ?? null;
  if (needs && explanationCell) {
    // A deduction already has its own finding; a mild over-achievement has OVER_TARGET.
    if (!explained && !deduction && !(overshoot && severity === "warning")) {
      add("EXPLANATION_MISSING", severity, explanationCell, say.explanationMissing(name, needs));
    } else if (explained && [...explanation].length < profile.explanationMinLength) {
      const strict =
        profile.flagReverseEqualMiss && (o.direction === "reverse" || o.direction === "equal") && o.shortfall;
      add(
        "EXPLANATION_TOO_SHORT",
        strict ? "error" : "warning",
        explanationCell,
        say.explanationTooShort(name, explanation, profile.explanationMinLength),
      );
    }
  }

  const outcomeFields = {
    target: targetText,
    actual: actualText,
    kind: o.kind,
    direction: o.direction,
    directionInferred: o.directionInferred,
    band: o.band,
    ratio: o.ratio,
  };
  return {
    findings,
    report: reportOf(row, outcomeFields, { W, S, computed, needs, explanation, explanationCell }),
  };
}

/**
 * A row of an evaluation-style table (指标分值 | 评分标准 | 自评得分 | 扣分原因): no target or actual by design,
 * so no TARGET_UNPARSED and nothing to recompute. The declared score stands (clamped to [0, 分值]); it must
 * be a number within its weight, and a deduction needs its reason where the table has a reason column.
 */
function scoreEvaluationRow(
  row: IndicatorRow,
  profile: Profile,
): { report: IndicatorReport; findings: Finding[] } {
  const findings: Finding[] = [];
  const add = (code: Finding["code"], severity: Finding["severity"], cell: string, w: Words) =>
    findings.push(finding(code, severity, cell, w, row.row));
  const name = row.name || row.level2 || row.level1 || `第${row.row + 1}行`;
  const explanation = textOf(row.explanation);
  const explained = !isPlaceholder(explanation);

  const { W, S } = weightAndScore(row, name, add);

  // Nothing to recompute from: the declared score stands (keptScore).
  const computed = keptScore(S, W);
  let deduction = false;
  if (S !== null && W !== null) {
    if (S < 0 || S > W) add("SCORE_OUT_OF_RANGE", "error", row.score.cell, say.scoreOutOfRange(name, S, W));
    else deduction = S < W && !within(S, W, profile.scoreTolerance);
  }
  const explanationCell = row.explanation?.cell ?? null;
  // Without a reason column the table gives no place to write one: nothing to ask for.
  if (deduction && !explained && explanationCell && S !== null && W !== null) {
    add(
      "EXPLANATION_MISSING",
      "error",
      explanationCell,
      say.deductionReasonMissing(name, S, W, row.explanationHeader ?? ""),
    );
  }
  const needs = deduction && explanationCell && S !== null && W !== null ? why.deduction(S, W) : null;
  const noTarget = {
    target: "",
    actual: "",
    kind: "unparsed" as const,
    direction: null,
    directionInferred: false,
    band: null,
    ratio: null,
  };
  return {
    findings,
    report: reportOf(row, noTarget, { W, S, computed, needs, explanation, explanationCell }),
  };
}

type OutcomeFields = Pick<
  IndicatorReport,
  "target" | "actual" | "kind" | "direction" | "directionInferred" | "band" | "ratio"
>;

/** The report of one row: where it is, what was scored, and whether it needs an explanation. */
function reportOf(
  row: IndicatorRow,
  outcome: OutcomeFields,
  s: {
    W: number | null;
    S: number | null;
    computed: number | null;
    needs: Words | null;
    explanation: string;
    explanationCell: string | null;
  },
): IndicatorReport {
  return {
    row: row.row,
    cell: row.nameCell,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    ...outcome,
    weight: s.W,
    scoreDeclared: s.S,
    scoreComputed: s.computed,
    scoreCell: row.score.cell,
    needsExplanation: s.needs !== null,
    explanationReason: s.needs ? s.needs[0] : "",
    explanation: s.explanation,
    explanationCell: s.explanationCell,
  };
}

/** 1500 / 80% / 90万元: the number the ratio was computed from, without its operator. */
function quantity(p: ParsedValue): string {
  return p.kind === "number" ? `${fmt(p.value)}${p.unit ?? ""}` : "";
}

type Add = (code: Finding["code"], severity: Finding["severity"], cell: string, w: Words) => void;

/**
 * The declared score kept when nothing can be recomputed: within [0, 分值], or just not below 0 when the
 * 分值 itself is unreadable (that has its own finding; the total and grade must not move for the same typo).
 */
function keptScore(S: number | null, W: number | null): number | null {
  if (S === null) return null;
  if (W === null) return round2(Math.max(S, 0));
  const top = Math.max(W, 0); // a negative weight has no room for points
  return Math.min(round2(clamp(S, 0, top)), top);
}

/** 分值 and 得分 of a row as numbers; a blank or non-numeric one is reported and comes back null. */
function weightAndScore(row: IndicatorRow, name: string, add: Add): { W: number | null; S: number | null } {
  const w = readNumber(row.weight);
  const s = readNumber(row.score);
  if (w.kind === "missing")
    add("VALUE_MISSING", "error", row.weight.cell, say.valueMissing(name, "分值", "the weight"));
  if (w.kind === "text")
    add(
      "VALUE_NOT_NUMERIC",
      "error",
      row.weight.cell,
      say.valueNotNumeric(name, "分值", "the weight", w.text),
    );
  if (s.kind === "missing")
    add("VALUE_MISSING", "error", row.score.cell, say.valueMissing(name, "得分", "the score"));
  if (s.kind === "text")
    add("VALUE_NOT_NUMERIC", "error", row.score.cell, say.valueNotNumeric(name, "得分", "the score", s.text));
  return { W: w.kind === "number" ? w.value : null, S: s.kind === "number" ? s.value : null };
}

function qualMessage(
  o: Outcome,
  name: string,
  actual: string,
  W: number,
  S: number,
  profile: Profile,
): Words {
  const [lo, hi] = bandBounds(o.band as QualBand, W, profile);
  return say.qualOutOfBand(
    name,
    actual,
    o.band as string,
    lo,
    o.band === "达成" ? hi : hi + 0.01,
    S,
    o.band !== "达成",
  );
}

/** A band's score interval; open upper bounds become bound − 0.01 (scoring-rules.md §3). */
export function bandBounds(band: QualBand, W: number, profile: Profile): [number, number] {
  // A table has a handful of distinct weights; the decimal work is done once per (profile, band, W).
  let memo = boundsMemo.get(profile);
  if (!memo) boundsMemo.set(profile, (memo = new Map()));
  const key = `${band}|${W}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const bounds = computeBandBounds(band, W, profile);
  memo.set(key, bounds);
  return bounds;
}

const boundsMemo = new WeakMap<Profile, Map<string, [number, number]>>();

function computeBandBounds(band: QualBand, W: number, profile: Profile): [number, number] {
  const [a, b] = profile.qualBands[band];
  const lo = Math.min(round2(dec(W).times(a)), W);
  const top = Math.min(round2(dec(W).times(b)), W);
  return [lo, band === "达成" || b >= 1 ? top : Math.max(lo, round2(dec(top).minus(0.01)))];
}

function outcome(
  row: IndicatorRow,
  target: ParsedValue,
  actual: ParsedValue,
  W: number | null,
  S: number | null,
  profile: Profile,
  name: string,
  targetText: string,
  actualText: string,
  add: (code: Finding["code"], severity: Finding["severity"], cell: string, w: Words) => void,
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
    add("VALUE_MISSING", "error", row.actual.cell, say.valueMissing(name, "实际完成值", "the actual value"));
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

/** The quantitative formulas of scoring-rules.md §3, in decimal, clamped to [0, W] and rounded half-up. */
export function quantitativeScore(
  direction: Direction,
  target: Num,
  B: number,
  W: number,
  profile: Profile,
): { score: number; met: boolean; basisZh: string; basisEn: string } {
  const A = target.value;
  // Comparing two parsed numbers is exact; only the arithmetic needs decimals.
  const full = (zh: string, en: string) => ({ score: W, met: true, basisZh: zh, basisEn: en });
  const none = (zh: string, en: string) => ({ score: 0, met: false, basisZh: zh, basisEn: en });
  const partial = (raw: Big, zh: string, en: string) => ({
    score: raw.lt(0) ? 0 : Math.min(round2(raw), W),
    met: false,
    basisZh: zh,
    basisEn: en,
  });
  const w = () => dec(W);
  switch (direction) {
    case "positive":
    case "equal":
      if (direction === "equal" && A === 0) {
        return B <= 0
          ? full("实际值等于0，得满分", "actual is 0: full marks")
          : none("指标值为0而实际值大于0，不得分", "target is 0 and actual is above it: no marks");
      }
      if (B >= A || A <= 0) return full("已达到指标值，得满分", "target met: full marks");
      return partial(
        w().times(B).div(A),
        `分值${fmt(W)}×实际值${fmt(B)}÷指标值${fmt(A)}`,
        `weight ${fmt(W)} × actual ${fmt(B)} ÷ target ${fmt(A)}`,
      );
    case "reverse":
      if (B <= A) return full("未超过控制目标，得满分", "within the ceiling: full marks");
      if (A <= 0)
        return none("控制目标为0而实际值超过，不得分", "ceiling is 0 and actual exceeds it: no marks");
      if (profile.reverseFormula === "linear") {
        return partial(
          w().times(dec(1).minus(dec(B).minus(A).div(A))),
          `分值${fmt(W)}×(1−(实际值${fmt(B)}−指标值${fmt(A)})÷指标值${fmt(A)})`,
          `weight ${fmt(W)} × (1 − (actual ${fmt(B)} − target ${fmt(A)}) ÷ target ${fmt(A)})`,
        );
      }
      return partial(
        w().times(A).div(B),
        `分值${fmt(W)}×指标值${fmt(A)}÷实际值${fmt(B)}`,
        `weight ${fmt(W)} × target ${fmt(A)} ÷ actual ${fmt(B)}`,
      );
    case "range": {
      const lo = A;
      const hi = target.hi ?? A;
      if (B < lo)
        return partial(
          lo > 0 ? w().times(B).div(lo) : dec(0),
          `分值${fmt(W)}×实际值${fmt(B)}÷区间下限${fmt(lo)}`,
          `weight ${fmt(W)} × actual ${fmt(B)} ÷ lower bound ${fmt(lo)}`,
        );
      if (B > hi)
        return partial(
          B > 0 ? w().times(hi).div(B) : dec(0),
          `分值${fmt(W)}×区间上限${fmt(hi)}÷实际值${fmt(B)}`,
          `weight ${fmt(W)} × upper bound ${fmt(hi)} ÷ actual ${fmt(B)}`,
        );
      return full("在指标区间之内，得满分", "inside the range: full marks");
    }
  }
}

function qualitative(
  row: IndicatorRow,
  targetText: string,
  actual: ParsedValue,
  W: number | null,
  S: number | null,
  profile: Profile,
  name: string,
  actualText: string,
  add: (code: Finding["code"], severity: Finding["severity"], cell: string, w: Words) => void,
): Outcome {
  const base: Outcome = {
    kind: "qualitative",
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
  if (actual.kind === "empty") {
    add("VALUE_MISSING", "error", row.actual.cell, say.valueMissing(name, "实际完成值", "the actual value"));
    return base;
  }
  const band = classifyQualitative(actualText, targetText);
  if (!band) {
    add("QUAL_UNCLASSIFIED", "warning", row.actual.cell, say.qualUnclassified(name, actualText));
    return base;
  }
  let computed: number | null = null;
  if (W !== null) {
    const [lo, hi] = bandBounds(band, W, profile);
    computed = S === null ? hi : Math.min(round2(clamp(S, lo, hi)), hi);
  }
  return {
    ...base,
    band,
    computed,
    met: band === "达成",
    shortfall: BAND_ORDER.indexOf(band) > 0 ? why.band(band) : null,
    basis: [`"${band}"档`, `band "${band}"`],
  };
}
