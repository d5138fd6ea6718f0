/** SCORE_OUT_OF_RANGE: 得分为负或高于分值. Score negative or above its weight. */
import { say } from "../messages";
import { rule } from "./rule";

export type ScoreOutOfRangeData = { name: string; score: number; weight: number };

export default rule({
  code: "SCORE_OUT_OF_RANGE",
  severity: "error",
  about: ["得分为负或高于分值", "Score negative or above its weight"],
  fixable: false,
  words: (d: ScoreOutOfRangeData) => say.scoreOutOfRange(d.name, d.score, d.weight),
  check: {
    row: ({ p, S, W, outOfRange, sheetRow }, raise) =>
      outOfRange && S !== null && W !== null
        ? [raise(p.source.score.cell, { name: p.name, score: S, weight: W }, { row: sheetRow })]
        : [],
  },
  examples: [{ name: "受众人数", score: 12, weight: 10 }],
});
