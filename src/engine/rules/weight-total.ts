/** WEIGHT_TOTAL: 各项分值合计不等于总分值. Weights do not add up to the total points. */
import type { Words } from "../messages";
import { fmt, within } from "../decimal";
import { rule } from "./rule";

export type WeightTotalData = { sum: number; declared: number | null; points: number };

const weightTotal = (sum: number, declared: number | null, points: number): Words => {
  // Only the total row's 分值 is off: that cell is the one to change.
  if (within(sum, points, 0.005) && declared !== null) {
    return [
      `总分行分值填为${fmt(declared)}，各项分值合计为${fmt(sum)}分；请将总分行分值改为${fmt(points)}`,
      `The total row says ${fmt(declared)} while the weights add up to ${fmt(sum)}; change the total row to ${fmt(points)}.`,
    ];
  }
  const rowOff = declared !== null && !within(declared, sum, 0.005);
  return [
    `各项分值合计${fmt(sum)}分，${rowOff ? `总分行分值为${fmt(declared)}，` : ""}应为${fmt(points)}分；请调整各指标分值使合计为${fmt(points)}分`,
    `Weights add up to ${fmt(sum)}${rowOff ? ` and the total row says ${fmt(declared)}` : ""}; they should total ${fmt(points)}. Adjust the weights.`,
  ];
};

export default rule({
  code: "WEIGHT_TOTAL",
  severity: "error",
  about: ["各项分值合计不等于总分值", "Weights do not add up to the total points"],
  fixable: false,
  words: (d: WeightTotalData) => weightTotal(d.sum, d.declared, d.points),
  check: {
    total: (t, raise, { profile, table }) => {
      const tol = profile.scoreTolerance;
      const off =
        (t.declaredWeight !== null && !within(t.weightSum, t.declaredWeight, tol)) ||
        !within(t.weightSum, profile.totalPoints, tol);
      if (!t.complete || !off) return [];
      // The total row's 分值, else the first 分值 of the table (the funds line's, then the first indicator's).
      const firstWeight = table.indicators.find((i) => i.weight !== null)?.weight?.cell;
      const cell =
        t.totalWeightCell?.cell ??
        t.labelCell ??
        t.funds?.weightCell ??
        firstWeight ??
        table.titleCell ??
        "A1";
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
