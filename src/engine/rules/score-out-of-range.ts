/** SCORE_OUT_OF_RANGE: 得分为负或高于分值. Score negative or above its weight. */
import { q, type Words } from "../messages";
import { fmt } from "../decimal";
import { rule } from "./rule";

export type ScoreOutOfRangeData = { name: string; score: number; weight: number };

const scoreOutOfRange = (name: string, score: number, weight: number): Words => [
  `${q(name)}得分${fmt(score)}超出0～${fmt(weight)}分的范围；得分不能为负，也不能高于分值`,
  `${name}: score ${fmt(score)} is outside 0–${fmt(weight)}; a score can be neither negative nor above its weight.`,
];

export default rule({
  code: "SCORE_OUT_OF_RANGE",
  severity: "error",
  about: ["得分为负或高于分值", "Score negative or above its weight"],
  fixable: false,
  words: (d: ScoreOutOfRangeData) => scoreOutOfRange(d.name, d.score, d.weight),
  check: {
    row: ({ p, S, W, outOfRange, sheetRow }, raise) =>
      outOfRange && S !== null && W !== null
        ? [raise(p.source.score.cell, { name: p.name, score: S, weight: W }, { row: sheetRow })]
        : [],
  },
  examples: [{ name: "受众人数", score: 12, weight: 10 }],
});
