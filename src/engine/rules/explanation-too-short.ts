/** EXPLANATION_TOO_SHORT: 偏差原因过短. Explanation too short. */
import { say } from "../messages";
import { rule } from "./rule";

export type ExplanationTooShortData = { name: string; text: string; min: number };

export default rule({
  code: "EXPLANATION_TOO_SHORT",
  severity: "warning",
  about: ["偏差原因过短", "Explanation too short"],
  fixable: false,
  words: (d: ExplanationTooShortData) => say.explanationTooShort(d.name, d.text, d.min),
  examples: [{ name: "受众人数", text: "无", min: 4 }],
});
