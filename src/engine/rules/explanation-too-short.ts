/** EXPLANATION_TOO_SHORT: 偏差原因过短. Explanation too short. */
import { q, type Words } from "../messages";
import { rowSeverity } from "./province";
import { rule } from "./rule";

export type ExplanationTooShortData = { name: string; text: string; min: number };

const explanationTooShort = (name: string, text: string, min: number): Words => [
  `${q(name)}的偏差原因“${text}”不足${min}个字；请写明原因（客观/主观）和改进措施`,
  `${name}: the explanation "${text}" is shorter than ${min} characters; state the cause and the improvement measures.`,
];

export default rule({
  code: "EXPLANATION_TOO_SHORT",
  severity: "warning",
  about: ["偏差原因过短", "Explanation too short"],
  fixable: false,
  words: (d: ExplanationTooShortData) => explanationTooShort(d.name, d.text, d.min),
  check: {
    row: ({ p, o, needs, explained, evaluation, explanation, explanationCell, sheetRow }, raise, ctx) => {
      const min = ctx.profile.explanationMinLength;
      if (evaluation || !needs || !explanationCell || !explained || [...explanation].length >= min) return [];
      const facts = { direction: o.direction, missed: o.shortfall !== null };
      const severity = rowSeverity(ctx.profile, "EXPLANATION_TOO_SHORT", facts, "warning");
      return [raise(explanationCell, { name: p.name, text: explanation, min }, { row: sheetRow, severity })];
    },
  },
  examples: [{ name: "受众人数", text: "无", min: 4 }],
});
