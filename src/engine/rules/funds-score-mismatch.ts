/** FUNDS_SCORE_MISMATCH: 预算执行得分与分值×执行率不符. Budget execution score differs from weight × rate. */
import { say } from "../messages";
import { pct, within } from "../decimal";
import { rule } from "./rule";

export type FundsScoreMismatchData = { declared: number; computed: number; weight: number; rate: string };

export default rule({
  code: "FUNDS_SCORE_MISMATCH",
  severity: "error",
  about: ["预算执行得分与分值×执行率不符", "Budget execution score differs from weight × rate"],
  fixable: true,
  words: (d: FundsScoreMismatchData) => say.fundsScoreMismatch(d.declared, d.computed, d.weight, d.rate),
  check: {
    funds: (
      { rate, weight, scoreComputed: computed, declaredScore: declared, block, sheetRow },
      raise,
      ctx,
    ) => {
      const cell = block.total.score?.cell;
      if (!rate || weight === null || computed === null || declared === null || !cell) return [];
      if (within(declared, computed, ctx.profile.scoreTolerance)) return [];
      return [
        raise(
          cell,
          { declared, computed, weight, rate: pct(rate) },
          { row: sheetRow, fix: { cell, value: computed } },
        ),
      ];
    },
  },
  examples: [{ declared: 9.5, computed: 9, weight: 10, rate: "90.00%" }],
});
