/** FUNDS_SCORE_MISMATCH: 预算执行得分与分值×执行率不符. Budget execution score differs from weight × rate. */
import type { Words } from "../messages";
import { fmt, pct, within } from "../decimal";
import { rule } from "./rule";

export type FundsScoreMismatchData = { declared: number; computed: number; weight: number; rate: string };

const fundsScoreMismatch = (declared: number, computed: number, weight: number, rate: string): Words => [
  `预算执行得分填报为${fmt(declared)}，按分值${fmt(weight)}×执行率${rate}应为${fmt(computed)}分；请改为${fmt(computed)}`,
  `Budget execution score says ${fmt(declared)}; weight ${fmt(weight)} × rate ${rate} gives ${fmt(computed)}. Change it to ${fmt(computed)}.`,
];

export default rule({
  code: "FUNDS_SCORE_MISMATCH",
  severity: "error",
  about: ["预算执行得分与分值×执行率不符", "Budget execution score differs from weight × rate"],
  fixable: true,
  words: (d: FundsScoreMismatchData) => fundsScoreMismatch(d.declared, d.computed, d.weight, d.rate),
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
