/** WEIGHT_TOTAL: 各项分值合计不等于总分值. Weights do not add up to the total points. */
import { say } from "../messages";
import { rule } from "./rule";

export type WeightTotalData = { sum: number; declared: number | null; points: number };

export default rule({
  code: "WEIGHT_TOTAL",
  severity: "error",
  about: ["各项分值合计不等于总分值", "Weights do not add up to the total points"],
  fixable: false,
  words: (d: WeightTotalData) => say.weightTotal(d.sum, d.declared, d.points),
  examples: [
    { sum: 98, declared: 100, points: 100 },
    { sum: 100, declared: 98, points: 100 },
  ],
});
