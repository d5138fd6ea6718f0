/** WEIGHT_CHANGED: 分值与申报表不同 (`--targets` with 分值, docs/spec/targets.md). */
import { weightChangedWords } from "../targets/words";
import type { WeightChangedData } from "../targets/findings";
import { rule } from "./rule";

export default rule({
  code: "WEIGHT_CHANGED",
  severity: "warning",
  about: ["分值与申报表不同", "Weight differs from the approved one"],
  fixable: false,
  words: (d: WeightChangedData) => weightChangedWords(d),
  raisedBy: "engine/targets/compare.ts",
  examples: [
    {
      indicator: "受益农户数",
      approved: 10,
      current: 8,
      approvedCell: "E8",
      match: { by: "name", otherName: "受益农户数", similarity: 1 },
    },
  ],
});
