/**
 * Budget execution (scoring-rules.md §2): 执行率 = 全年执行数 / 全年预算数, 得分 = 分值 × min(执行率, 1),
 * the total row against its sub-rows, and the declared rate compared at its displayed precision.
 */
import Big from "big.js";
import type { FundsReport } from "../types";
import { dec, round2, roundTo, within } from "../decimal";
import type { DeclaredRate, ParsedFunds, ParsedFundsRow, ReadNumber } from "../table/parse";
import { sheetRow } from "../finding";

/** One money column of the total row against its sub-rows. */
export interface FundsColumn {
  key: "initial" | "budget" | "spent";
  zh: string;
  en: string;
  /** The total row's cell of this column. */
  cell: ReadNumber | null;
  /** What the total row declares, null when blank or not a number. */
  declared: number | null;
  /** The sub-rows' numbers, and their sum (null without sub-rows). */
  subs: number[];
  subSum: number | null;
}

/** The budget-execution block worked out once: money, rate, score, for every rule. */
export interface FundsComputation {
  block: ParsedFunds;
  /** The total row as a sheet row (1-based). */
  sheetRow: number;
  columns: FundsColumn[];
  /** Weight the block contributes to the total. */
  weight: number | null;
  /** 全年预算数 and 全年执行数 as counted: the declared total, else its sub-rows' sum. */
  budget: number | null;
  spent: number | null;
  /** 全年执行数 ÷ 全年预算数, exactly; null without both (or with a budget ≤ 0). */
  rateExact: Big | null;
  rateDeclared: DeclaredRate | null;
  /** No money at all: the declared rate is the only rate, and the score follows it. */
  declaredOnly: boolean;
  /** The rate the score follows: the exact one, else the declared one when it is all there is. */
  rate: Big | null;
  declaredScore: number | null;
  /** The score the rules give (the declared one where an explained deduction stands), null without one. */
  scoreComputed: number | null;
  /** Recomputed score (declared score when it cannot be recomputed). */
  computedScore: number | null;
  /** A blank 得分 cell the total relies on: the value it should hold (the recomputed score), else null. */
  blankScoreShouldBe: number | null;
  report: FundsReport;
}

const MONEY: { key: "initial" | "budget" | "spent"; zh: string; en: string }[] = [
  { key: "initial", zh: "年初预算数", en: "Initial budget" },
  { key: "budget", zh: "全年预算数", en: "Full-year budget" },
  { key: "spent", zh: "全年执行数", en: "Full-year spending" },
];

/** A money column: the declared total, else (blank or 0) its sub-rows' sum when that is not 0. */
function column(block: ParsedFunds, col: (typeof MONEY)[number]): FundsColumn & { counted: number | null } {
  const cell = block.total[col.key];
  const declared = moneyOrNull(cell);
  const subs = block.subRows.map((r) => moneyOrNull(r[col.key])).filter((n): n is number => n !== null);
  const subSum = subs.length ? subs.reduce((a, b) => a.plus(dec(b)), new Big(0)).toNumber() : null;
  const recovered = (declared === null || declared === 0) && subSum !== null && subSum !== 0;
  return { ...col, cell, declared, subs, subSum, counted: recovered ? subSum : declared };
}

export function computeFunds(block: ParsedFunds): FundsComputation {
  const total = block.total;
  const columns = MONEY.map((c) => column(block, c));
  const w = total.weight;
  const weight = w?.state === "value" && w.value !== null ? w.value : block.labelWeight;
  const budget = columns[1].counted;
  const spent = columns[2].counted;
  const rateExact = budget !== null && spent !== null && budget > 0 ? dec(spent).div(budget) : null;
  const rateDeclared = total.rate?.declared ?? null;
  const scoreDeclared = total.score?.value ?? null;
  // No money at all (预算执行率 only as a row of the indicator block): the declared rate is the only rate
  // there is, so the score and the low-execution warning follow it.
  const declaredOnly = !rateExact && budget === null && spent === null && rateDeclared !== null;
  const rate = rateExact ?? (declaredOnly && rateDeclared ? dec(rateDeclared.value) : null);
  let scoreComputed: number | null = null;
  if (rate && weight !== null) {
    scoreComputed = scoreFromRate(weight, rate);
    // A row of the indicator block: like any indicator's, a deduction explained in its reason cell stands.
    const explained = !!total.reason?.value;
    if (declaredOnly && scoreDeclared !== null && scoreDeclared < scoreComputed && explained)
      scoreComputed = scoreDeclared;
  }
  const blank = total.score && total.score.state === "blank" ? total.score : null;
  const blankScoreShouldBe = blank && !blank.uncalculated ? scoreComputed : null;
  return {
    block,
    sheetRow: sheetRow(total.row),
    columns: columns.map(({ counted: _counted, ...c }) => c),
    weight,
    budget,
    spent,
    rateExact,
    rateDeclared,
    declaredOnly,
    rate,
    declaredScore: scoreDeclared,
    scoreComputed,
    computedScore: scoreComputed ?? scoreDeclared,
    blankScoreShouldBe,
    report: {
      cell: total.labelCell ?? firstCell(total) ?? block.labelCell,
      budget,
      spent,
      weight,
      rate: {
        declared: rateDeclared?.value ?? null,
        computed: rateExact ? roundTo(rateExact, 4) : null,
        cell: total.rate?.cell ?? null,
      },
      score: { declared: scoreDeclared, computed: scoreComputed, cell: total.score?.cell ?? null },
    },
  };
}

/**
 * Department tables break the total down twice, by source (财政拨款, 其他资金) and by use (基本支出, 项目支出):
 * sub-rows that fall into two runs each adding up to the total are consistent, not a mismatch.
 */
export function twoBreakdowns(subs: number[], total: number): boolean {
  let first = new Big(0);
  const all = subs.reduce((a, b) => a.plus(dec(b)), new Big(0));
  for (let i = 0; i < subs.length - 1; i++) {
    first = first.plus(dec(subs[i]));
    if (within(first.toNumber(), total, 0.01) && within(all.minus(first).toNumber(), total, 0.01))
      return true;
  }
  return false;
}

function moneyOrNull(c: ReadNumber | null): number | null {
  return c?.value ?? null;
}

/** 分值 × min(rate, 1), half-up to 2 decimals; a negative rate (a refund booked as spending) earns nothing, not minus. */
function scoreFromRate(weight: number, rate: Big): number {
  return Math.max(0, Math.min(round2(dec(weight).times(rate.gt(1) ? 1 : rate.lt(0) ? 0 : rate)), weight));
}

function firstCell(r: ParsedFundsRow): string | null {
  return (r.initial ?? r.budget ?? r.spent)?.cell ?? null;
}

export { readRate } from "../table/parse";

/**
 * Matches when the exact rate, rounded half-up at the declared precision, equals the declared one. A bare
 * fraction is a percentage at the precision it shows (0.1 is 10 %, 0.145 is 14.5 %), never a window around
 * it (0.1 once passed for anything from 5 % to 15 %). Also matches when the declared value is the
 * spreadsheet's own quotient (a =E4/D4 formula), equal but for float noise.
 */
export function rateMatches(exact: Big, declared: DeclaredRate): boolean {
  const e = exact.toNumber();
  if (Math.abs(declared.value - e) <= 1e-12 * Math.max(1, Math.abs(e))) return true;
  const computed = exact.times(100).round(declared.decimals, Big.roundHalfUp);
  return computed.eq(dec(declared.value).times(100).round(declared.decimals, Big.roundHalfUp));
}
