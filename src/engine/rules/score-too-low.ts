/** SCORE_TOO_LOW: 得分低于按规则计算的分数. Score lower than the rule gives. */
import { q, type Words } from "../messages";
import { fmt, within } from "../decimal";
import { rule } from "./rule";

export type ScoreTooLowData = { name: string; declared: number; computed: number; basis: Words };

const scoreTooLow = (name: string, declared: number, computed: number, basis: Words): Words => [
  `${q(name)}得分${fmt(declared)}低于按规则计算的${fmt(computed)}分（${basis[0]}）；请核实，如无其他扣分理由可改为${fmt(computed)}分`,
  `${name}: score ${fmt(declared)} is below the ${fmt(computed)} the rule gives (${basis[1]}); check it, and use ${fmt(computed)} unless there is another reason for the deduction.`,
];

export default rule({
  code: "SCORE_TOO_LOW",
  severity: "warning",
  about: ["得分低于按规则计算的分数", "Score lower than the rule gives"],
  fixable: true,
  words: (d: ScoreTooLowData) => scoreTooLow(d.name, d.declared, d.computed, d.basis),
  check: {
    // Below the rule on a row whose target was met is a deduction (SCORE_DEDUCTION_UNEXPLAINED), not this.
    row: ({ p, o, S, W, outOfRange, sheetRow }, raise, ctx) => {
      const c = o.computed;
      if (outOfRange || S === null || W === null || c === null || o.kind !== "quantitative" || o.met)
        return [];
      if (!(S < c) || within(S, c, ctx.profile.scoreTolerance)) return [];
      const cell = p.source.score.cell;
      return [
        raise(
          cell,
          { name: p.name, declared: S, computed: c, basis: o.basis },
          { row: sheetRow, fix: { cell, value: c } },
        ),
      ];
    },
  },
  examples: [
    {
      name: "受众人数",
      declared: 3,
      computed: 4.2,
      basis: ["分值6×实际值700÷指标值1000", "weight 6 × actual 700 ÷ target 1000"],
    },
  ],
});
