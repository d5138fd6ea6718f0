/** EXPLANATION_MISSING: 未达标或扣分却没有偏差原因. A shortfall or deduction without its explanation. */
import { say, type Words } from "../messages";
import { rule } from "./rule";

export type ExplanationMissingData =
  | { variant: "row"; name: string; why: Words }
  | { variant: "deduction-reason"; name: string; declared: number; weight: number; column: string }
  | { variant: "reason-block"; name: string; count: number };

export default rule({
  code: "EXPLANATION_MISSING",
  severity: "error",
  about: ["未达标或扣分却没有偏差原因", "A shortfall or deduction without its explanation"],
  fixable: false,
  words: (d: ExplanationMissingData) =>
    d.variant === "row"
      ? say.explanationMissing(d.name, d.why)
      : d.variant === "deduction-reason"
        ? say.deductionReasonMissing(d.name, d.declared, d.weight, d.column)
        : say.reasonBlockMissing(d.name, d.count),
  examples: [
    {
      variant: "row",
      name: "受众人数",
      why: ["实际完成值700未达到年度指标值≥1000", "actual 700 falls short of target ≥1000"],
    },
    { variant: "deduction-reason", name: "制度建设", declared: 3, weight: 5, column: "扣分原因" },
    { variant: "reason-block", name: "受众人数", count: 2 },
  ],
});
