/**
 * One indicator row: recompute its score from target and actual (scoring-rules.md §3), decide whether
 * it needs 偏差原因分析 (§4), and compare with what the sheet declares.
 */
import type { Finding, IndicatorReport, Profile, QualBand } from "../types";
import { clamp, fmt, round2, within } from "../decimal";
import type { ParsedValue } from "../values";
import { why, type Words } from "../messages";
import { raise, sheetRow } from "../finding";
import { missingData, notNumeric, R } from "../rules/raise";
import type { QualScoreOutOfBandData } from "../rules/qual-score-out-of-band";
import type { ParsedIndicator } from "../table/parse";
import { outcome } from "./outcome";
import type { Add, Outcome } from "./outcome-types";
import { bandBounds } from "./qualitative";
import { rowSeverity } from "../rules/province";

export function scoreIndicator(
  p: ParsedIndicator,
  profile: Profile,
): { report: IndicatorReport; findings: Finding[]; unexplainedOffRow?: boolean } {
  if (p.source.evaluation) return scoreEvaluationRow(p, profile);
  const row = p.source;
  const findings: Finding[] = [];
  const add: Add = (r, cell, data, o = {}) =>
    findings.push(raise(r, cell, data, { ...o, row: sheetRow(row.row) }));
  const name = p.name;
  const actualText = p.actual.text;
  const explanation = p.explanation?.text ?? "";
  const explained = p.explanation ? p.explanation.value : false;
  const target = p.target.value;
  const actual = p.actual.value;

  // Weight and declared score.
  const { W, S } = weightAndScore(p, add);
  const o = outcome(p, { W, S }, profile, add);

  // Declared score against the recomputation.
  let computed = o.computed;
  let deduction = false; // declared below W on a row whose target was met
  const tol = profile.scoreTolerance;
  if (S !== null && W !== null && (S < 0 || S > W)) {
    add(R.scoreOutOfRange, row.score.cell, { name, score: S, weight: W });
  } else if (S !== null && W !== null && o.kind === "qualitative" && o.band) {
    // Bands are exact intervals (upper bounds open but for 达成): no tolerance at their edges.
    const [lo, hi] = bandBounds(o.band, W, profile);
    if (S < lo || S > hi)
      add(R.qualScoreOutOfBand, row.score.cell, qualData(o, name, actualText, { W, S }, profile));
    else deduction = o.met && S < W && !within(S, W, tol);
  } else if (S !== null && computed !== null && W !== null && o.kind === "quantitative") {
    if (S > computed && !within(S, computed, tol)) {
      add(
        R.scoreTooHigh,
        row.score.cell,
        { name, declared: S, computed, basis: o.basis },
        { fix: { cell: row.score.cell, value: computed } },
      );
    } else if (S < computed && !within(S, computed, tol)) {
      if (o.met) {
        deduction = true;
        if (explained) computed = S; // an explained deduction stands
      } else {
        add(
          R.scoreTooLow,
          row.score.cell,
          { name, declared: S, computed, basis: o.basis },
          { fix: { cell: row.score.cell, value: computed } },
        );
      }
    }
  }
  if (deduction && !explained && S !== null && W !== null)
    add(
      R.scoreDeductionUnexplained,
      row.score.cell,
      { name, declared: S, weight: W },
      { fix: { cell: row.score.cell, value: W } },
    );
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
      add(R.overTarget, row.actual.cell, {
        name,
        actual: quantity(actual),
        target: quantity(target),
        ratio: o.ratio,
      });
  }
  const explanationCell = row.explanation?.cell ?? null;
  if (needs && explanationCell) {
    // A deduction already has its own finding; a mild over-achievement has OVER_TARGET.
    if (!explained && !deduction && !(overshoot && severity === "warning")) {
      add(R.explanationMissing, explanationCell, { variant: "row", name, why: needs }, { severity });
    } else if (explained && [...explanation].length < profile.explanationMinLength) {
      const facts = { direction: o.direction, missed: o.shortfall !== null };
      add(
        R.explanationTooShort,
        explanationCell,
        { name, text: explanation, min: profile.explanationMinLength },
        { severity: rowSeverity(profile, "EXPLANATION_TOO_SHORT", facts, "warning") },
      );
    }
  }

  const outcomeFields = {
    target: p.targetWritten,
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
    // A shortfall or a deduction with nowhere on the row to explain it: the table's reasons block must.
    unexplainedOffRow: explanationCell === null && (o.shortfall !== null || deduction),
  };
}

/**
 * A row of an evaluation-style table (指标分值 | 评分标准 | 自评得分 | 扣分原因): no target or actual by design,
 * so no TARGET_UNPARSED and nothing to recompute. The declared score stands (clamped to [0, 分值]); it must
 * be a number within its weight, and a deduction needs its reason where the table has a reason column.
 */
function scoreEvaluationRow(
  p: ParsedIndicator,
  profile: Profile,
): { report: IndicatorReport; findings: Finding[] } {
  const row = p.source;
  const findings: Finding[] = [];
  const add: Add = (r, cell, data, o = {}) =>
    findings.push(raise(r, cell, data, { ...o, row: sheetRow(row.row) }));
  const name = p.name;
  const explanation = p.explanation?.text ?? "";
  const explained = p.explanation ? p.explanation.value : false;

  const { W, S } = weightAndScore(p, add);

  // Nothing to recompute from: the declared score stands (keptScore).
  const computed = keptScore(S, W);
  let deduction = false;
  if (S !== null && W !== null) {
    if (S < 0 || S > W) add(R.scoreOutOfRange, row.score.cell, { name, score: S, weight: W });
    else deduction = S < W && !within(S, W, profile.scoreTolerance);
  }
  const explanationCell = row.explanation?.cell ?? null;
  // Without a reason column the table gives no place to write one: nothing to ask for.
  if (deduction && !explained && explanationCell && S !== null && W !== null) {
    add(R.explanationMissing, explanationCell, {
      variant: "deduction-reason",
      name,
      declared: S,
      weight: W,
      column: row.explanationHeader ?? "",
    });
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

/** 1500 / 80% / 90万元: the number the ratio was computed from, without its operator. */
function quantity(p: ParsedValue): string {
  return p.kind === "number" ? `${fmt(p.value)}${p.unit ?? ""}` : "";
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

/** 分值 and 得分 of a row as numbers; a blank or non-numeric one is reported and comes back null. */
function weightAndScore(p: ParsedIndicator, add: Add): { W: number | null; S: number | null } {
  const { name, score: s, weight: w } = p;
  // A table without a 分值 column (scores only) has no weight to ask for.
  if (w && w.state === "blank") add(R.valueMissing, w.cell, missingData(w, name, "分值", "the weight"));
  if (w && w.state === "text") add(R.valueNotNumeric, w.cell, notNumeric(name, "分值", "the weight", w.text));
  if (s.state === "blank") add(R.valueMissing, s.cell, missingData(s, name, "得分", "the score"));
  if (s.state === "text") add(R.valueNotNumeric, s.cell, notNumeric(name, "得分", "the score", s.text));
  return { W: w?.value ?? null, S: s.value };
}

/** QUAL_SCORE_OUT_OF_BAND's data: the band's interval, its open upper bound shown as the bound itself. */
function qualData(
  o: Outcome,
  name: string,
  actual: string,
  { W, S }: { W: number; S: number },
  profile: Profile,
): QualScoreOutOfBandData {
  const [lo, hi] = bandBounds(o.band as QualBand, W, profile);
  return {
    name,
    actual,
    band: o.band as string,
    lo,
    hi: o.band === "达成" ? hi : hi + 0.01,
    declared: S,
    open: o.band !== "达成",
  };
}
