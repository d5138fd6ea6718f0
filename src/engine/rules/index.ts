/**
 * The one list of rules: every finding code, in report-format.md's order. FINDING_CODES, the pane's
 * card groups and the docs' code table derive from it. To add a check, add a file beside this one
 * and list it here (docs/architecture.md, "How to add a rule").
 */
import type { Rule } from "./rule";
import weightTotal from "./weight-total";
import weightCategory from "./weight-category";
import weightSplit from "./weight-split";
import scoreOutOfRange from "./score-out-of-range";
import scoreTooHigh from "./score-too-high";
import scoreTooLow from "./score-too-low";
import scoreDeductionUnexplained from "./score-deduction-unexplained";
import qualScoreOutOfBand from "./qual-score-out-of-band";
import qualUnclassified from "./qual-unclassified";
import valueMissing from "./value-missing";
import valueNotNumeric from "./value-not-numeric";
import targetUnparsed from "./target-unparsed";
import directionInferred from "./direction-inferred";
import overTarget from "./over-target";
import explanationMissing from "./explanation-missing";
import explanationTooShort from "./explanation-too-short";
import fundsRateMismatch from "./funds-rate-mismatch";
import fundsScoreMismatch from "./funds-score-mismatch";
import fundsSubtotalMismatch from "./funds-subtotal-mismatch";
import fundsLowExecution from "./funds-low-execution";
import fundsOverspent from "./funds-overspent";
import totalMismatch from "./total-mismatch";
import gradeMismatch from "./grade-mismatch";
import gradeChangesOnRecalc from "./grade-changes-on-recalc";
import fundsUnread from "./funds-unread";
import layoutAssumed from "./layout-assumed";
import tableNotFilled from "./table-not-filled";
import reportFigureMismatch from "./report-figure-mismatch";
import reportSumMismatch from "./report-sum-mismatch";
import reportClaimContradicted from "./report-claim-contradicted";
import reportSectionMissing from "./report-section-missing";
import targetChanged from "./target-changed";
import indicatorMissing from "./indicator-missing";
import indicatorAdded from "./indicator-added";
import weightChanged from "./weight-changed";
import targetNotRaised from "./target-not-raised";

export const RULES = [
  weightTotal,
  weightCategory,
  weightSplit,
  scoreOutOfRange,
  scoreTooHigh,
  scoreTooLow,
  scoreDeductionUnexplained,
  qualScoreOutOfBand,
  qualUnclassified,
  valueMissing,
  valueNotNumeric,
  targetUnparsed,
  directionInferred,
  overTarget,
  explanationMissing,
  explanationTooShort,
  fundsRateMismatch,
  fundsScoreMismatch,
  fundsSubtotalMismatch,
  fundsLowExecution,
  fundsOverspent,
  totalMismatch,
  gradeMismatch,
  gradeChangesOnRecalc,
  fundsUnread,
  layoutAssumed,
  tableNotFilled,
  reportFigureMismatch,
  reportSumMismatch,
  reportClaimContradicted,
  reportSectionMissing,
  targetChanged,
  indicatorMissing,
  indicatorAdded,
  weightChanged,
  targetNotRaised,
] as const;

export type AnyRule = (typeof RULES)[number];
export type RuleCode = AnyRule["code"];

/** The data a finding of `code` carries. */
export type DataOf<C extends RuleCode> = Parameters<Extract<AnyRule, { code: C }>["words"]>[0];

/** Every finding code, in order. */
export const RULE_CODES = RULES.map((r) => r.code) as RuleCode[];

const BY_CODE = new Map<string, Rule<string, never>>(
  RULES.map((r) => [r.code, r as unknown as Rule<string, never>]),
);

/** The rule of a code; undefined for a code no rule knows (a finding from an older report). */
export function ruleOf(code: string): Rule<string, never> | undefined {
  return BY_CODE.get(code);
}
