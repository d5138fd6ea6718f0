/** WEIGHT_SPLIT: 一级指标分值不合规则的原则分配. Category weights outside the profile's split. */
import { say, type Words } from "../messages";
import { fmt } from "../decimal";
import { rule } from "./rule";

export type WeightSplitData = {
  name: string;
  actual: number;
  expected: number | null;
  profile: string;
  /** Further categories outside the split, said in the same note (one note per table, not one each). */
  also?: { name: string; actual: number }[];
};

/** One note for every category the profile's split does not name. */
function outsideWords(d: WeightSplitData): Words {
  const all = [{ name: d.name, actual: d.actual }, ...(d.also ?? [])];
  const zh = all.map((c) => `“${c.name}”（${fmt(c.actual)}分）`).join("、");
  const en = all.map((c) => `${c.name} (${fmt(c.actual)} points)`).join(", ");
  return [
    `一级指标${zh}不在“${d.profile}”的原则分配之中；如确需调整，请在自评报告中说明`,
    `First-level categories ${en} are not in the split of "${d.profile}"; explain the change in the report if it is intended.`,
  ];
}

export default rule({
  code: "WEIGHT_SPLIT",
  severity: "warning",
  about: ["一级指标分值不合规则的原则分配", "Category weights outside the profile's split"],
  fixable: false,
  words: (d: WeightSplitData) =>
    d.also?.length ? outsideWords(d) : say.weightSplit(d.name, d.actual, d.expected, d.profile),
  examples: [
    { name: "产出指标", actual: 45, expected: 50, profile: "财政部" },
    { name: "成本指标", actual: 5, expected: null, profile: "财政部" },
    {
      name: "投入指标",
      actual: 20,
      expected: null,
      profile: "财政部",
      also: [{ name: "过程指标", actual: 20 }],
    },
  ],
});
