/** SCORE_DEDUCTION_UNEXPLAINED: 已完成指标却扣分且未说明原因. Points deducted from a met target with no reason. */
import { say } from "../messages";
import { rule } from "./rule";

export type ScoreDeductionUnexplainedData = { name: string; declared: number; weight: number };

export default rule({
  code: "SCORE_DEDUCTION_UNEXPLAINED",
  severity: "error",
  about: ["已完成指标却扣分且未说明原因", "Points deducted from a met target with no reason"],
  fixable: true,
  words: (d: ScoreDeductionUnexplainedData) => say.deductionUnexplained(d.name, d.declared, d.weight),
  examples: [{ name: "受众人数", declared: 8, weight: 10 }],
});
