/**
 * Budget execution (scoring-rules.md §2): 执行率 = 全年执行数 / 全年预算数, 得分 = 分值 × min(执行率, 1),
 * the total row against its sub-rows, and the declared rate compared at its displayed precision.
 */
import Big from "big.js";
import type { Finding, FundsReport, Profile } from "../types";
import { dec, pct, round2, roundTo, within } from "../decimal";
import { missingData, notNumeric, R } from "../rules/raise";
import type { DeclaredRate, ParsedFunds, ParsedFundsRow, ReadNumber } from "../table/parse";
import { raise, sheetRow } from "../finding";
import type { RaiseOptions, Rule } from "../rules/rule";

export interface FundsResult {
  report: FundsReport;
  findings: Finding[];
  /** Weight the block contributes to the total. */
  weight: number | null;
  /** Recomputed score (declared score when it cannot be recomputed). */
  computedScore: number | null;
  declaredScore: number | null;
  /** A blank 得分 cell the total relies on: the value it should hold (the recomputed score), else null. */
  blankScoreShouldBe: number | null;
}

const MONEY: { key: "initial" | "budget" | "spent"; zh: string; en: string }[] = [
  { key: "initial", zh: "年初预算数", en: "Initial budget" },
  { key: "budget", zh: "全年预算数", en: "Full-year budget" },
  { key: "spent", zh: "全年执行数", en: "Full-year spending" },
];

export function scoreFunds(block: ParsedFunds, profile: Profile): FundsResult {
  const findings: Finding[] = [];
  const add = <C extends Finding["code"], D>(r: Rule<C, D>, cell: string, data: D, o: RaiseOptions = {}) =>
    findings.push(raise(r, cell, data, { ...o, row: sheetRow(block.total.row) }));
  const total = block.total;

  // Total row against its sub-rows, per money column; a blank total takes the sub-row sum.
  const money: Record<"initial" | "budget" | "spent", number | null> = {
    initial: null,
    budget: null,
    spent: null,
  };
  for (const col of MONEY) {
    const cell = total[col.key];
    const declared = moneyOrNull(cell);
    const subs = block.subRows.map((r) => moneyOrNull(r[col.key])).filter((n): n is number => n !== null);
    money[col.key] = declared;
    if (subs.length === 0) continue;
    const subSum = subs.reduce((a, b) => a.plus(dec(b)), new Big(0)).toNumber();
    if (declared === null || declared === 0) {
      if (subSum !== 0) {
        money[col.key] = subSum;
        add(R.fundsSubtotalMismatch, cell?.cell ?? block.labelCell, {
          column: col.zh,
          columnEn: col.en,
          total: declared,
          subSum,
        });
      }
    } else if (!within(declared, subSum, 0.01) && !twoBreakdowns(subs, declared)) {
      add(R.fundsSubtotalMismatch, cell?.cell ?? block.labelCell, {
        column: col.zh,
        columnEn: col.en,
        total: declared,
        subSum,
      });
    }
  }

  const w = total.weight;
  const weight = w?.state === "value" && w.value !== null ? w.value : block.labelWeight;
  if (w && w.state === "text" && total.weight)
    add(R.valueNotNumeric, total.weight.cell, notNumeric("预算执行", "分值", "the weight", w.text));

  const budget = money.budget;
  const spent = money.spent;
  for (const [c, label, labelEn] of [
    [total.budget, "全年预算数", "the budget"],
    [total.spent, "全年执行数", "the spending"],
  ] as const) {
    const recovered = c === total.budget ? budget : spent;
    if (c && c.state === "blank" && recovered === null)
      add(R.valueMissing, c.cell, missingData(c, "预算执行", label, labelEn));
    if (c && c.state === "text")
      add(R.valueNotNumeric, c.cell, notNumeric("预算执行", label, labelEn, c.text));
  }

  const rateExact = budget !== null && spent !== null && budget > 0 ? dec(spent).div(budget) : null;
  if (budget !== null && budget <= 0 && spent !== null && total.budget) {
    add(R.valueMissing, total.budget.cell, { variant: "budget-zero", budget });
  }
  const rateRead = total.rate;
  if (total.rate && rateRead && rateRead.state === "text")
    add(
      R.valueNotNumeric,
      total.rate.cell,
      notNumeric("预算执行", "执行率", "the execution rate", rateRead.text),
    );
  const rateDeclared = total.rate?.declared ?? null;
  const scoreDeclared = total.score?.value ?? null;
  let scoreComputed: number | null = null;

  if (rateExact) {
    if (rateDeclared && !rateMatches(rateExact, rateDeclared)) {
      add(
        R.fundsRateMismatch,
        rateDeclared.cell,
        {
          declared: rateDeclared.shown,
          computed: pct(rateExact, Math.max(rateDeclared.decimals, 2)),
          spent: spent as number,
          budget: budget as number,
        },
        { fix: { cell: rateDeclared.cell, value: roundTo(rateExact, 4) } },
      );
    }
    if (rateExact.gt(1))
      add(R.fundsOverspent, total.spent?.cell ?? block.labelCell, {
        spent: spent as number,
        budget: budget as number,
        rate: pct(rateExact),
      });
    if (rateExact.lt(profile.execReasonBelow) && !total.reason?.value) {
      add(R.fundsLowExecution, total.rate?.cell ?? total.spent?.cell ?? block.labelCell, {
        rate: pct(rateExact),
        threshold: pct(profile.execReasonBelow, 0),
      });
    }
    if (weight !== null) {
      scoreComputed = scoreFromRate(weight, rateExact);
      if (
        scoreDeclared !== null &&
        total.score &&
        !within(scoreDeclared, scoreComputed, profile.scoreTolerance)
      ) {
        add(
          R.fundsScoreMismatch,
          total.score.cell,
          { declared: scoreDeclared, computed: scoreComputed, weight, rate: pct(rateExact) },
          { fix: { cell: total.score.cell, value: scoreComputed } },
        );
      }
    }
  }
  // No money at all (预算执行率 only as a row of the indicator block): the declared rate is the only rate
  // there is, so the score and the low-execution warning follow it.
  if (!rateExact && budget === null && spent === null && rateDeclared) {
    const rate = dec(rateDeclared.value);
    if (rate.lt(profile.execReasonBelow) && !total.reason?.value) {
      add(R.fundsLowExecution, rateDeclared.cell, {
        rate: pct(rate),
        threshold: pct(profile.execReasonBelow, 0),
      });
    }
    if (weight !== null) {
      scoreComputed = scoreFromRate(weight, rate);
      // A row of the indicator block: like any indicator's, a deduction explained in its reason cell stands.
      const explained = !!total.reason?.value;
      if (scoreDeclared !== null && scoreDeclared < scoreComputed && explained) scoreComputed = scoreDeclared;
      if (
        scoreDeclared !== null &&
        total.score &&
        !within(scoreDeclared, scoreComputed, profile.scoreTolerance)
      ) {
        add(
          R.fundsScoreMismatch,
          total.score.cell,
          { declared: scoreDeclared, computed: scoreComputed, weight, rate: pct(rate) },
          { fix: { cell: total.score.cell, value: scoreComputed } },
        );
      }
    }
  }
  if (scoreDeclared === null && total.score && total.score.state === "text") {
    add(
      R.valueNotNumeric,
      total.score.cell,
      notNumeric("预算执行", "得分", "the score", total.score.text.trim()),
    );
  }

  // A blank 得分 the 总分 relies on: say so, with the value it should hold (the sum is checked with it).
  const blank = total.score && total.score.state === "blank" ? total.score : null;
  const blankScoreShouldBe = blank && !blank.uncalculated ? scoreComputed : null;
  if (blank && blank.uncalculated)
    add(R.valueMissing, blank.cell, missingData(blank, "预算执行", "得分", "the score"));
  else if (blank && blankScoreShouldBe !== null)
    add(R.valueMissing, blank.cell, {
      variant: "should-be",
      name: "预算执行",
      what: "得分",
      whatEn: "the score",
      value: blankScoreShouldBe,
    });

  return {
    findings,
    weight,
    computedScore: scoreComputed ?? scoreDeclared,
    declaredScore: scoreDeclared,
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
function twoBreakdowns(subs: number[], total: number): boolean {
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
