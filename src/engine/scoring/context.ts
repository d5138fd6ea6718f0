/**
 * The shared context every rule checks: the parsed Table, each row worked out once (score, basis,
 * direction, completion), the funds block, the category sums and the totals, and the profile. Pure
 * computation: no finding is decided here (engine/rules decides them, rules/run.ts runs them).
 */
import type { Profile, Table } from "../types";
import { parseTable, type ParsedTable } from "../table/parse";
import { computeFunds, type FundsComputation } from "./funds";
import { computeIndicator, type IndicatorComputation } from "./indicator";
import {
  computeCategories,
  computeTotals,
  type CategoriesComputation,
  type TotalsComputation,
} from "./totals";

export interface RuleContext {
  table: Table;
  parsed: ParsedTable;
  profile: Profile;
  funds: FundsComputation | null;
  /** Every indicator row, in table order. */
  rows: IndicatorComputation[];
  categories: CategoriesComputation;
  /** The 总分 and grade; null for a table cut before its indicator block (the funds are all it has). */
  totals: TotalsComputation | null;
}

export function ruleContext(table: Table, profile: Profile): RuleContext {
  const parsed = parseTable(table);
  const funds = parsed.funds ? computeFunds(parsed.funds) : null;
  const rows = parsed.indicators.map((r) => computeIndicator(r, profile));
  const indicators = rows.map((r) => r.report);
  const fundsCell = table.funds ? table.funds.labelCell : "";
  const categories = computeCategories(
    table,
    indicators,
    profile,
    funds ? { weight: funds.weight, cell: fundsCell } : null,
  );
  const fundsWeightCell = table.funds?.total.weight;
  const totals = table.noIndicators
    ? null
    : computeTotals(
        parsed,
        indicators,
        funds
          ? {
              weight: funds.weight,
              declared: funds.declaredScore,
              computed: funds.computedScore,
              blankShouldBe: funds.blankScoreShouldBe,
              weightCell: fundsWeightCell && fundsWeightCell.text.trim() !== "" ? fundsWeightCell.cell : null,
            }
          : null,
        profile,
      );
  return { table, parsed, profile, funds, rows, categories, totals };
}

export type { FundsComputation, IndicatorComputation, CategoriesComputation, TotalsComputation };
