/** WEIGHT_CATEGORY: 一级指标（或绩效指标块）分值合计与标注不符. A category's weights differ from its label. */
import { q, type Words } from "../messages";
import { fmt, within } from "../decimal";
import { rule } from "./rule";

export type WeightCategoryData =
  | { variant: "category"; name: string; sum: number; declared: number }
  | {
      variant: "block";
      sum: number;
      declared: number;
      /** The block's label without its points; 绩效指标 when absent. */
      name?: string;
      /** The sum is of the 一级 labels' points (no 分值 column), not of the rows' 分值. */
      basis?: "labels";
    };

const weightCategory = (name: string, sum: number, declared: number): Words => [
  `${q(name)}下各指标分值合计${fmt(sum)}分，与标注的${fmt(declared)}分不符；请调整指标分值或改正标注`,
  `Weights under ${name} add up to ${fmt(sum)}, not the ${fmt(declared)} written in its label; fix the weights or the label.`,
];

const weightBlock = (sum: number, declared: number, name = "绩效指标"): Words => [
  `${name}各项分值合计${fmt(sum)}分，与“${name}(${fmt(declared)}分)”不符；请调整指标分值`,
  `Indicator weights add up to ${fmt(sum)}, not the ${fmt(declared)} in the block label; adjust the weights.`,
];

const labelsBlock = (sum: number, declared: number, name: string): Words => [
  `“${name}(${fmt(declared)}分)”下各一级指标标注的分值合计${fmt(sum)}分，与${fmt(declared)}分不符；请改正一级指标的分值标注或“${name}”的分值`,
  `The 一级 labels under ${name} add up to ${fmt(sum)} points, not the ${fmt(declared)} in its label; correct the labels or the block's points.`,
];

export default rule({
  code: "WEIGHT_CATEGORY",
  severity: "error",
  about: ["一级指标（或绩效指标块）分值合计与标注不符", "A category's weights differ from its label"],
  fixable: false,
  words: (d: WeightCategoryData) =>
    d.variant === "category"
      ? weightCategory(d.name, d.sum, d.declared)
      : d.basis === "labels"
        ? labelsBlock(d.sum, d.declared, d.name ?? "绩效指标")
        : weightBlock(d.sum, d.declared, d.name),
  check: {
    categories: ({ categories: cats, profile, table }, raise) => {
      const tol = profile.scoreTolerance;
      const out = [];
      // A weight that is missing or not a number has its own finding; a sum without it proves nothing.
      for (const { category: c, weightSum: sum, complete } of cats.each)
        if (complete && c.declaredWeight !== null && !within(sum, c.declaredWeight, tol))
          out.push(raise(c.cell, { variant: "category", name: c.name, sum, declared: c.declaredWeight }));
      // "绩效指标(90分)" / "年度绩效目标(80分)": the indicator block as a whole, at its label.
      const declared = table.indicatorBlockWeight;
      const block = table.indicatorBlock;
      if (cats.blockSum !== null && declared !== null && !within(cats.blockSum, declared, tol))
        out.push(
          raise(block?.cell ?? cats.categories[0].cell, {
            variant: "block",
            sum: cats.blockSum,
            declared,
            ...(block ? { name: block.name } : {}),
            ...(cats.blockByLabels ? { basis: "labels" as const } : {}),
          }),
        );
      return out;
    },
  },
  examples: [
    { variant: "category", name: "产出指标", sum: 52, declared: 50 },
    { variant: "block", sum: 88, declared: 90 },
    { variant: "block", sum: 100, declared: 80, name: "年度绩效目标", basis: "labels" },
  ],
});
