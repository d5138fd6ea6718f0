/** FUNDS_RATE_MISMATCH: 执行率与执行数÷预算数不符. Execution rate differs from spent ÷ budget. */
import { say } from "../messages";
import { pct, roundTo } from "../decimal";
import { rateMatches } from "../scoring/funds";
import { rule } from "./rule";

export type FundsRateMismatchData = { declared: string; computed: string; spent: number; budget: number };

export default rule({
  code: "FUNDS_RATE_MISMATCH",
  severity: "error",
  about: ["执行率与执行数÷预算数不符", "Execution rate differs from spent ÷ budget"],
  fixable: true,
  words: (d: FundsRateMismatchData) => say.fundsRateMismatch(d.declared, d.computed, d.spent, d.budget),
  check: {
    funds: ({ rateExact: exact, rateDeclared: d, spent, budget, sheetRow }, raise) =>
      exact && d && spent !== null && budget !== null && !rateMatches(exact, d)
        ? [
            raise(
              d.cell,
              { declared: d.shown, computed: pct(exact, Math.max(d.decimals, 2)), spent, budget },
              { row: sheetRow, fix: { cell: d.cell, value: roundTo(exact, 4) } },
            ),
          ]
        : [],
  },
  examples: [{ declared: "95.00%", computed: "90.00%", spent: 450, budget: 500 }],
});
