/** SCORE_TOO_HIGH: 得分高于按规则应得的分数. Score higher than the rule gives. */
import { q, type Words } from "../messages";
import { fmt, within } from "../decimal";
import { rule } from "./rule";

export type ScoreTooHighData = { name: string; declared: number; computed: number; basis: Words };

const scoreTooHigh = (name: string, declared: number, computed: number, basis: Words): Words => [
  `${q(name)}得分${fmt(declared)}高于应得的${fmt(computed)}分（${basis[0]}）；请改为${fmt(computed)}分，或核实实际完成值`,
  `${name}: score ${fmt(declared)} is higher than the ${fmt(computed)} it earns (${basis[1]}); change it to ${fmt(computed)} or check the actual value.`,
];

export default rule({
  code: "SCORE_TOO_HIGH",
  severity: "error",
  about: ["得分高于按规则应得的分数", "Score higher than the rule gives"],
  fixable: true,
  words: (d: ScoreTooHighData) => scoreTooHigh(d.name, d.declared, d.computed, d.basis),
  check: {
    row: ({ p, o, S, W, outOfRange, sheetRow }, raise, ctx) => {
      const c = o.computed;
      if (outOfRange || S === null || W === null || c === null || o.kind !== "quantitative") return [];
      if (!(S > c) || within(S, c, ctx.profile.scoreTolerance)) return [];
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
      declared: 6,
      computed: 4.2,
      basis: ["分值6×实际值700÷指标值1000", "weight 6 × actual 700 ÷ target 1000"],
    },
  ],
});
