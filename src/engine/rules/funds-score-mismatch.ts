/** FUNDS_SCORE_MISMATCH: 预算执行得分与分值×执行率不符. Budget execution score differs from weight × rate. */
import { say } from "../messages";
import { rule } from "./rule";

export type FundsScoreMismatchData = { declared: number; computed: number; weight: number; rate: string };

export default rule({
  code: "FUNDS_SCORE_MISMATCH",
  severity: "error",
  about: ["预算执行得分与分值×执行率不符", "Budget execution score differs from weight × rate"],
  fixable: true,
  words: (d: FundsScoreMismatchData) => say.fundsScoreMismatch(d.declared, d.computed, d.weight, d.rate),
  examples: [{ declared: 9.5, computed: 9, weight: 10, rate: "90.00%" }],
});
