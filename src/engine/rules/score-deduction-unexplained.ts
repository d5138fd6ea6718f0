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
