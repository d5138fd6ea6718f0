/** WEIGHT_TOTAL: 各项分值合计不等于总分值. Weights do not add up to the total points. */
import { say } from "../messages";
import { within } from "../decimal";
import { rule } from "./rule";

export type WeightTotalData = { sum: number; declared: number | null; points: number };

export default rule({
  code: "WEIGHT_TOTAL",
  severity: "error",
  about: ["各项分值合计不等于总分值", "Weights do not add up to the total points"],
  fixable: false,
  words: (d: WeightTotalData) => say.weightTotal(d.sum, d.declared, d.points),
  check: {
    total: (t, raise, { profile, table }) => {
      const tol = profile.scoreTolerance;
      const off =
        (t.declaredWeight !== null && !within(t.weightSum, t.declaredWeight, tol)) ||
        !within(t.weightSum, profile.totalPoints, tol);
      if (!t.complete || !off) return [];
      // The total row's 分值, else the first 分值 of the table (the funds line's, then the first indicator's).
      const firstWeight = table.indicators.find((i) => i.weight !== null)?.weight?.cell;
      const cell = t.totalWeightCell?.cell ?? t.funds?.weightCell ?? firstWeight ?? table.titleCell ?? "A1";
      return [
        raise(
          cell,
          { sum: t.weightSum, declared: t.declaredWeight, points: profile.totalPoints },
          { row: t.sheetRow },
        ),
      ];
    },
  },
  examples: [
    { sum: 98, declared: 100, points: 100 },
    { sum: 100, declared: 98, points: 100 },
  ],
});
