/**
 * The five findings of the targets comparison (docs/spec/targets.md §4), each with typed `data` and its
 * words as functions of that data alone, so each ports to a rule module of its own unchanged.
 */
import { raise } from "../finding";
import { ruleOf } from "../rules";
import type { Rule } from "../rules/rule";
import type { Finding } from "../types";
import type { TargetChange } from "./equal";

/** How an indicator of the 自评表 was paired with the approved (or last year's) one. */
export interface MatchNote {
  by: "name" | "position";
  /** The other table's name for it (differs from this table's when matched by position). */
  otherName: string;
  similarity: number;
}

export interface TargetChangedData {
  indicator: string;
  approved: string;
  approvedCell: string;
  approvedSheet: string;
  current: string;
  change: TargetChange;
  match: MatchNote;
}

export interface IndicatorMissingData {
  indicator: string;
  category: string;
  approvedTarget: string;
  approvedCell: string;
  approvedSheet: string;
}

export interface IndicatorAddedData {
  indicator: string;
  category: string;
  target: string;
}

export interface WeightChangedData {
  indicator: string;
  approved: number;
  current: number;
  approvedCell: string | null;
  match: MatchNote;
}

export interface TargetNotRaisedData {
  indicator: string;
  previousTarget: string;
  previousActual: string;
  /** How far last year's actual went past its target (1.5 = 150 %; for a ≤ indicator, target ÷ actual). */
  ratio: number;
  /** The profile's overshootReviewRatio. */
  threshold: number;
  current: string;
  direction: "positive" | "reverse";
  match: MatchNote;
}

export interface TargetDataByCode {
  TARGET_CHANGED: TargetChangedData;
  INDICATOR_MISSING: IndicatorMissingData;
  INDICATOR_ADDED: IndicatorAddedData;
  WEIGHT_CHANGED: WeightChangedData;
  TARGET_NOT_RAISED: TargetNotRaisedData;
}

export type TargetCode = keyof TargetDataByCode;

/** A Finding of one of these codes, carrying its data (report-format.md: `data`). */
export type TargetFinding<C extends TargetCode = TargetCode> = Finding & {
  code: C;
  data: TargetDataByCode[C];
};

export function targetFinding<C extends TargetCode>(
  code: C,
  cell: string,
  data: TargetDataByCode[C],
  row?: number,
): TargetFinding<C> {
  const r = ruleOf(code) as unknown as Rule<C, TargetDataByCode[C]>;
  return { ...raise(r, cell, data, { row }), code, data };
}
