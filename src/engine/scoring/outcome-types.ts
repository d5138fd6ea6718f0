/**
 * The shapes outcome.ts and qualitative.ts share, apart from both so that neither imports the other's
 * types back (the cycle issue 16 asked to break).
 */
import type { Direction, IndicatorReport, QualBand } from "../types";
import type { Words } from "../messages";

/** A row's 分值 (W) and declared 得分 (S), null where blank or not a number. */
export interface WeightAndScore {
  W: number | null;
  S: number | null;
}

/**
 * Why a row's outcome could not be worked out, and at which cell: both values blank, the target not
 * understood, the actual blank, not a number, in another unit, or a qualitative actual in no band.
 */
export type OutcomeStop =
  | { why: "no-values"; cell: string }
  | { why: "target"; cell: string; text: string }
  | { why: "actual-blank"; cell: string }
  | { why: "actual-text"; cell: string }
  | { why: "unit"; cell: string; unit: string }
  | { why: "unclassified"; cell: string };

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
  /** Where the reading stopped, when it did. */
  stop?: OutcomeStop;
}
