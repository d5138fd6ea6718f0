/**
 * The 10+90 layout: 预算执行情况(10分) is a row of the indicator block, not (or not only) a money block.
 * That row supplies the funds weight, rate and score.
 */
import type { FundsBlock, SourceCell } from "../types";

/** The 预算执行率 row as the indicator reader found it. */
export interface FundsIndicatorRow {
  label: string;
  labelCell: string;
  labelWeight: number | null;
  name: string;
  row: number;
  weight: SourceCell | null;
  rate: SourceCell;
  score: SourceCell;
  reason: SourceCell | null;
}

/** 10+90 layout: the 预算执行情况 row supplies the funds weight, rate and score. */
export function mergeFundsRow(funds: FundsBlock | null, f: FundsIndicatorRow): FundsBlock | null {
  if (!funds) {
    return {
      labelCell: f.labelCell,
      labelWeight: f.labelWeight,
      total: {
        label: f.name || f.label,
        row: f.row,
        initial: null,
        budget: null,
        spent: null,
        weight: f.weight,
        rate: f.rate,
        score: f.score,
        reason: f.reason,
      },
      subRows: [],
    };
  }
  const t = funds.total;
  const blank = (s: SourceCell | null) => !s || s.text.trim() === "";
  // Only fill what the money block lacks: a block that scores itself wins.
  if (!blank(t.score)) return funds;
  return {
    ...funds,
    labelWeight: funds.labelWeight ?? f.labelWeight,
    total: {
      ...t,
      weight: blank(t.weight) ? f.weight : t.weight,
      // The scored row's 实际完成值 is the rate its score was computed from.
      rate: blank(f.rate) ? t.rate : f.rate,
      score: f.score,
      reason: t.reason ?? f.reason,
    },
  };
}
