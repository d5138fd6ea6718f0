/** SCORE_TOO_LOW: 得分低于按规则计算的分数. Score lower than the rule gives. */
import { say, type Words } from "../messages";
import { rule } from "./rule";

export type ScoreTooLowData = { name: string; declared: number; computed: number; basis: Words };

export default rule({
  code: "SCORE_TOO_LOW",
  severity: "warning",
  about: ["得分低于按规则计算的分数", "Score lower than the rule gives"],
  fixable: true,
  words: (d: ScoreTooLowData) => say.scoreTooLow(d.name, d.declared, d.computed, d.basis),
  examples: [
    {
      name: "受众人数",
      declared: 3,
      computed: 4.2,
      basis: ["分值6×实际值700÷指标值1000", "weight 6 × actual 700 ÷ target 1000"],
    },
  ],
});
