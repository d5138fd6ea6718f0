/** EXPLANATION_TOO_SHORT: 偏差原因过短. Explanation too short. */
import { say } from "../messages";
import { rowSeverity } from "./province";
import { rule } from "./rule";

export type ExplanationTooShortData = { name: string; text: string; min: number };

export default rule({
  code: "EXPLANATION_TOO_SHORT",
  severity: "warning",
  about: ["偏差原因过短", "Explanation too short"],
  fixable: false,
  words: (d: ExplanationTooShortData) => say.explanationTooShort(d.name, d.text, d.min),
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
