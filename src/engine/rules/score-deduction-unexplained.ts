/** SCORE_DEDUCTION_UNEXPLAINED: 已完成指标却扣分且未说明原因. Points deducted from a met target with no reason. */
import { q, type Words } from "../messages";
import { fmt } from "../decimal";
import { rule } from "./rule";

export type ScoreDeductionUnexplainedData = { name: string; declared: number; weight: number };

const deductionUnexplained = (name: string, declared: number, weight: number): Words => [
  `${q(name)}已完成年度指标，但得分${fmt(declared)}低于分值${fmt(weight)}，且未说明扣分原因；请在偏差原因栏说明扣分理由，或改为${fmt(weight)}分`,
  `${name} met its target but scores ${fmt(declared)} of ${fmt(weight)} with no reason given; explain the deduction or give ${fmt(weight)}.`,
];

export default rule({
  code: "SCORE_DEDUCTION_UNEXPLAINED",
  severity: "error",
  about: ["已完成指标却扣分且未说明原因", "Points deducted from a met target with no reason"],
  fixable: true,
  words: (d: ScoreDeductionUnexplainedData) => deductionUnexplained(d.name, d.declared, d.weight),
  check: {
    // An evaluation table's deduction asks for its reason instead (EXPLANATION_MISSING).
    row: ({ p, S, W, deduction, explained, evaluation, sheetRow }, raise) => {
      if (evaluation || !deduction || explained || S === null || W === null) return [];
      const cell = p.source.score.cell;
      return [
        raise(cell, { name: p.name, declared: S, weight: W }, { row: sheetRow, fix: { cell, value: W } }),
      ];
    },
  },
  examples: [{ name: "受众人数", declared: 8, weight: 10 }],
});
