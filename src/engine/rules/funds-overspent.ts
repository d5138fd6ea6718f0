/** FUNDS_OVERSPENT: 执行数超过预算数. Spending above the budget. */
import { say } from "../messages";
import { pct } from "../decimal";
import { rule } from "./rule";

export type FundsOverspentData = { spent: number; budget: number; rate: string };

export default rule({
  code: "FUNDS_OVERSPENT",
  severity: "warning",
  about: ["执行数超过预算数", "Spending above the budget"],
  fixable: false,
  words: (d: FundsOverspentData) => say.fundsOverspent(d.spent, d.budget, d.rate),
  check: {
    funds: ({ rateExact: exact, spent, budget, block, sheetRow }, raise) =>
      exact && exact.gt(1) && spent !== null && budget !== null
        ? [
            raise(
              block.total.spent?.cell ?? block.labelCell,
              { spent, budget, rate: pct(exact) },
              { row: sheetRow },
            ),
          ]
        : [],
  },
  examples: [{ spent: 550, budget: 500, rate: "110.00%" }],
});
