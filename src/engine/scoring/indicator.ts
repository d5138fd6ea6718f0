/**
 * One indicator row: recompute its score from target and actual (scoring-rules.md §3), decide whether
 * it needs 偏差原因分析 (§4), and what the sheet declares beside it. Pure computation: the rules
 * (engine/rules) decide from it what to say.
 */
import type { IndicatorReport, Profile, Severity } from "../types";
import { clamp, round2, within } from "../decimal";
import { why, type Words } from "../messages";
import { sheetRow } from "../finding";
import type { ParsedIndicator } from "../table/parse";
import { outcome } from "./outcome";
import type { Outcome } from "./outcome-types";
import { bandBounds } from "./qualitative";

/** What one indicator row works out to, computed once for every rule. */
export interface IndicatorComputation {
  p: ParsedIndicator;
  /** The sheet row (1-based), as findings and the report number it. */
  sheetRow: number;
  /** A row of an evaluation-style table: nothing to recompute, the declared score stands. */
  evaluation: boolean;
  W: number | null;
  S: number | null;
  o: Outcome;
  /** S and W are known and S lies outside [0, W]. */
  outOfRange: boolean;
  /** The target was met (or, on an evaluation row, the score is what it is) and S is below W. */
  deduction: boolean;
  explained: boolean;
  explanation: string;
  explanationCell: string | null;
  /** The score that counts: recomputed, an explained deduction, or the declared score kept. */
  computed: number | null;
  /** Why the row needs an explanation, and which of the reasons it is. */
  needs: Words | null;
  needsFor: "shortfall" | "deduction" | "overshoot" | null;
  /** The severity a missing explanation has (an overshoot below the reason ratio only warns). */
  needSeverity: Severity;
  /** The actual reaches the profile's overshoot review ratio. */
  overshoot: boolean;
  /** A shortfall or a deduction with nowhere on the row to explain it: the table's reasons block must. */
  unexplainedOffRow: boolean;
  report: IndicatorReport;
}

const NONE: Outcome = {
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

export function computeIndicator(p: ParsedIndicator, profile: Profile): IndicatorComputation {
  if (p.source.evaluation) return computeEvaluationRow(p, profile);
  const row = p.source;
  const explanation = p.explanation?.text ?? "";
  const explained = p.explanation ? p.explanation.value : false;
  const W = p.weight?.value ?? null;
  const S = p.score.value;
  const o = outcome(p, { W, S }, profile);

  // Declared score against the recomputation.
  let computed = o.computed;
  let deduction = false; // declared below W on a row whose target was met
  const tol = profile.scoreTolerance;
  const outOfRange = S !== null && W !== null && (S < 0 || S > W);
  if (outOfRange) {
    // SCORE_OUT_OF_RANGE says it; nothing else is compared.
  } else if (S !== null && W !== null && o.kind === "qualitative" && o.band) {
    // Bands are exact intervals (upper bounds open but for 达成): no tolerance at their edges.
    const [lo, hi] = bandBounds(o.band, W, profile);
    if (S >= lo && S <= hi) deduction = o.met && S < W && !within(S, W, tol);
  } else if (S !== null && computed !== null && W !== null && o.kind === "quantitative") {
    if (S < computed && !within(S, computed, tol) && o.met) {
      deduction = true;
      if (explained) computed = S; // an explained deduction stands
    }
  }
  if (computed === null) computed = keptScore(S, W); // nothing to recompute from: keep the declared score

  // Explanations (§4).
  let needs: Words | null =
    o.shortfall ?? (deduction && S !== null && W !== null ? why.deduction(S, W) : null);
  let needsFor: IndicatorComputation["needsFor"] = o.shortfall ? "shortfall" : needs ? "deduction" : null;
  let needSeverity: Severity = "error";
  const overshoot =
    o.ratio !== null &&
    (o.direction === "positive" || o.direction === "equal") &&
    o.reaches(profile.overshootReviewRatio);
  if (!needs && overshoot && o.ratio !== null) {
    needs = why.overshoot(o.ratio);
    needsFor = "overshoot";
    needSeverity =
      profile.overshootReasonRatio !== null && o.reaches(profile.overshootReasonRatio) ? "error" : "warning";
  }
  const explanationCell = row.explanation?.cell ?? null;
  const outcomeFields = {
    target: p.targetWritten,
    actual: p.actual.text,
    kind: o.kind,
    direction: o.direction,
    directionInferred: o.directionInferred,
    band: o.band,
    ratio: o.ratio,
  };
  return {
    p,
    sheetRow: sheetRow(row.row),
    evaluation: false,
    W,
    S,
    o,
    outOfRange,
    deduction,
    explained,
    explanation,
    explanationCell,
    computed,
    needs,
    needsFor,
    needSeverity,
    overshoot,
    unexplainedOffRow: explanationCell === null && (o.shortfall !== null || deduction),
    report: reportOf(row, outcomeFields, { W, S, computed, needs, explanation, explanationCell }),
  };
}

/**
 * A row of an evaluation-style table (指标分值 | 评分标准 | 自评得分 | 扣分原因): no target or actual by design,
 * so no TARGET_UNPARSED and nothing to recompute. The declared score stands (clamped to [0, 分值]); it must
 * be a number within its weight, and a deduction needs its reason where the table has a reason column.
 */
function computeEvaluationRow(p: ParsedIndicator, profile: Profile): IndicatorComputation {
  const row = p.source;
  const explanation = p.explanation?.text ?? "";
  const explained = p.explanation ? p.explanation.value : false;
  const W = p.weight?.value ?? null;
  const S = p.score.value;

  // Nothing to recompute from: the declared score stands (keptScore).
  const computed = keptScore(S, W);
  const outOfRange = S !== null && W !== null && (S < 0 || S > W);
  const deduction = S !== null && W !== null && !outOfRange && S < W && !within(S, W, profile.scoreTolerance);
  const explanationCell = row.explanation?.cell ?? null;
  // Without a reason column the table gives no place to write one: nothing to ask for.
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
    p,
    sheetRow: sheetRow(row.row),
    evaluation: true,
    W,
    S,
    o: NONE,
    outOfRange,
    deduction,
    explained,
    explanation,
    explanationCell,
    computed,
    needs,
    needsFor: needs ? "deduction" : null,
    needSeverity: "error",
    overshoot: false,
    unexplainedOffRow: false,
    report: reportOf(row, noTarget, { W, S, computed, needs, explanation, explanationCell }),
  };
}

type OutcomeFields = Pick<
  IndicatorReport,
  "target" | "actual" | "kind" | "direction" | "directionInferred" | "band" | "ratio"
>;

/** The report of one row: where it is, what was scored, and whether it needs an explanation. */
function reportOf(
  row: ParsedIndicator["source"],
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
    row: sheetRow(row.row),
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
