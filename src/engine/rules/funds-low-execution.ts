/** FUNDS_LOW_EXECUTION: 预算执行率偏低，须说明原因. Low budget execution needs its reason. */
import type { Words } from "../messages";
import { pct } from "../decimal";
import { rule } from "./rule";

export type FundsLowExecutionData = { rate: string; threshold: string };

const fundsLowExecution = (rate: string, threshold: string): Words => [
  `预算执行率${rate}低于${threshold}，须说明原因（如跨年度项目、年中预算调整）；请在偏差原因栏或自评报告中说明`,
  `Budget execution ${rate} is below ${threshold}; explain why (multi-year project, mid-year budget change …) in the reason column or the report.`,
];

export default rule({
  code: "FUNDS_LOW_EXECUTION",
  severity: "warning",
  about: ["预算执行率偏低，须说明原因", "Low budget execution needs its reason"],
  fixable: false,
  words: (d: FundsLowExecutionData) => fundsLowExecution(d.rate, d.threshold),
  check: {
    // With no money at all the declared rate is the only rate there is, and the warning follows it.
    funds: (f, raise, ctx) => {
      const t = f.block.total;
      const below = ctx.profile.execReasonBelow;
      if (!f.rate || !f.rate.lt(below) || t.reason?.value) return [];
      const cell = f.rateExact
        ? (t.rate?.cell ?? t.spent?.cell ?? f.block.labelCell)
        : (f.rateDeclared?.cell ?? f.block.labelCell);
      return [raise(cell, { rate: pct(f.rate), threshold: pct(below, 0) }, { row: f.sheetRow })];
    },
  },
  examples: [{ rate: "78.25%", threshold: "100%" }],
});
