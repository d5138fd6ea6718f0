/** FUNDS_OVERSPENT: 执行数超过预算数. Spending above the budget. */
import type { Words } from "../messages";
import { fmt, pct } from "../decimal";
import { rule } from "./rule";

export type FundsOverspentData = { spent: number; budget: number; rate: string };

const fundsOverspent = (spent: number, budget: number, rate: string): Words => [
  `全年执行数${fmt(spent)}超过全年预算数${fmt(budget)}（执行率${rate}），请核实是否超预算支出；得分按分值封顶`,
  `Spent ${fmt(spent)} exceeds the budget ${fmt(budget)} (rate ${rate}); check for overspending. The score is capped at the weight.`,
];

export default rule({
  code: "FUNDS_OVERSPENT",
  severity: "warning",
  about: ["执行数超过预算数", "Spending above the budget"],
  fixable: false,
  words: (d: FundsOverspentData) => fundsOverspent(d.spent, d.budget, d.rate),
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
