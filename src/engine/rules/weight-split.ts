/** WEIGHT_SPLIT: 一级指标分值不合规则的原则分配. Category weights outside the profile's split. */
import { say } from "../messages";
import { rule } from "./rule";

export type WeightSplitData = { name: string; actual: number; expected: number | null; profile: string };

export default rule({
  code: "WEIGHT_SPLIT",
  severity: "warning",
  about: ["一级指标分值不合规则的原则分配", "Category weights outside the profile's split"],
  fixable: false,
  words: (d: WeightSplitData) => say.weightSplit(d.name, d.actual, d.expected, d.profile),
  examples: [
    { name: "产出指标", actual: 45, expected: 50, profile: "财政部" },
    { name: "成本指标", actual: 5, expected: null, profile: "财政部" },
  ],
});
