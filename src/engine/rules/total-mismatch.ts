/** TOTAL_MISMATCH: 总分与各项得分合计不符. Total differs from the sum of the scores. */
import { say } from "../messages";
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
  examples: [
    { variant: "sum", declared: 93, sum: 90 },
    { variant: "weights-first", declared: 93, sum: 90, weights: 98, points: 100 },
  ],
});
