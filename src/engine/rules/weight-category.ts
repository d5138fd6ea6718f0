/** WEIGHT_CATEGORY: 一级指标（或绩效指标块）分值合计与标注不符. A category's weights differ from its label. */
import { say } from "../messages";
import { rule } from "./rule";

export type WeightCategoryData =
  | { variant: "category"; name: string; sum: number; declared: number }
  | { variant: "block"; sum: number; declared: number };

export default rule({
  code: "WEIGHT_CATEGORY",
  severity: "error",
  about: ["一级指标（或绩效指标块）分值合计与标注不符", "A category's weights differ from its label"],
  fixable: false,
  words: (d: WeightCategoryData) =>
    d.variant === "block"
      ? say.weightBlock(d.sum, d.declared)
      : say.weightCategory(d.name, d.sum, d.declared),
  examples: [
    { variant: "category", name: "产出指标", sum: 52, declared: 50 },
    { variant: "block", sum: 88, declared: 90 },
  ],
});
