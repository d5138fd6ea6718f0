/** TOTAL_MISMATCH: 总分与各项得分合计不符. Total differs from the sum of the scores. */
import type { Words } from "../messages";
import { fmt, within } from "../decimal";
import { rule } from "./rule";

export type TotalMismatchData =
  | { variant: "sum"; declared: number; sum: number }
  | { variant: "weights-first"; declared: number; sum: number; weights: number; points: number };

const totalMismatch = (declared: number, sum: number): Words => [
  `总分填报为${fmt(declared)}，各项得分合计为${fmt(sum)}；请改为${fmt(sum)}`,
  `The total says ${fmt(declared)}; the scores add up to ${fmt(sum)}. Change it to ${fmt(sum)}.`,
];

const totalMismatchWeights = (declared: number, sum: number, weights: number, points: number): Words => [
  `总分填报为${fmt(declared)}，各项得分合计为${fmt(sum)}；但各项分值合计为${fmt(weights)}分而不是${fmt(points)}分，请先改正分值，再据此核对得分和总分`,
  `The total says ${fmt(declared)} while the scores add up to ${fmt(sum)}; but the weights add up to ${fmt(weights)}, not ${fmt(points)}: fix the weights first, then the scores and the total.`,
];

export default rule({
  code: "TOTAL_MISMATCH",
  severity: "error",
  about: ["总分与各项得分合计不符", "Total differs from the sum of the scores"],
  fixable: true,
  words: (d: TotalMismatchData) =>
    d.variant === "sum"
      ? totalMismatch(d.declared, d.sum)
      : totalMismatchWeights(d.declared, d.sum, d.weights, d.points),
  check: {
    // A 得分 that is blank or not a number has its own finding; a sum without it proves nothing.
    total: (t, raise, { profile }) => {
      const { scoreCell, declaredTotal: declared, declaredSum: sum } = t;
      if (t.unfilled || !t.fundsKnown || !t.scoresComplete || !scoreCell || declared === null) return [];
      if (within(declared, sum, profile.scoreTolerance)) return [];
      const o = { row: t.sheetRow };
      // When the weights themselves add up wrong, "change the total to Σ" would be bad advice: this
      // finding then says the weights come first and offers no fix of its own.
      return t.weightsWrong
        ? [
            raise(
              scoreCell.cell,
              { variant: "weights-first", declared, sum, weights: t.weightSum, points: profile.totalPoints },
              o,
            ),
          ]
        : [
            raise(
              scoreCell.cell,
              { variant: "sum", declared, sum },
              { ...o, fix: { cell: scoreCell.cell, value: sum } },
            ),
          ];
    },
  },
  examples: [
    { variant: "sum", declared: 93, sum: 90 },
    { variant: "weights-first", declared: 93, sum: 90, weights: 98, points: 100 },
  ],
});
