/** FUNDS_RATE_MISMATCH: 执行率与执行数÷预算数不符. Execution rate differs from spent ÷ budget. */
import type { Words } from "../messages";
import { fmt, pct, roundTo } from "../decimal";
import { rateMatches } from "../scoring/funds";
import { rule } from "./rule";

export type FundsRateMismatchData = { declared: string; computed: string; spent: number; budget: number };

const fundsRateMismatch = (declared: string, computed: string, spent: number, budget: number): Words => [
  `执行率填报为${declared}，按全年执行数${fmt(spent)}÷全年预算数${fmt(budget)}应为${computed}；请改为${computed}`,
  `Execution rate says ${declared}; spent ${fmt(spent)} ÷ budget ${fmt(budget)} gives ${computed}. Change it to ${computed}.`,
];

export default rule({
  code: "FUNDS_RATE_MISMATCH",
  severity: "error",
  about: ["执行率与执行数÷预算数不符", "Execution rate differs from spent ÷ budget"],
  fixable: true,
  words: (d: FundsRateMismatchData) => fundsRateMismatch(d.declared, d.computed, d.spent, d.budget),
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
