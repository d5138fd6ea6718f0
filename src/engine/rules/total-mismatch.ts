/** TOTAL_MISMATCH: 总分与各项得分合计不符. Total differs from the sum of the scores. */
import { say } from "../messages";
import { within } from "../decimal";
import { rule } from "./rule";

export type TotalMismatchData =
  | { variant: "sum"; declared: number; sum: number }
  | { variant: "weights-first"; declared: number; sum: number; weights: number; points: number };

export default rule({
  code: "TOTAL_MISMATCH",
  severity: "error",
  about: ["总分与各项得分合计不符", "Total differs from the sum of the scores"],
  fixable: true,
  words: (d: TotalMismatchData) =>
    d.variant === "sum"
      ? say.totalMismatch(d.declared, d.sum)
      : say.totalMismatchWeights(d.declared, d.sum, d.weights, d.points),
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
