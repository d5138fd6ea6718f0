/** TARGET_CHANGED: 年度指标值与批复的不一致 (`--targets`, docs/spec/targets.md). */
import { targetChangedWords } from "../targets/words";
import type { TargetChangedData } from "../targets/findings";
import { rule } from "./rule";

const exact = { by: "name", otherName: "受益农户数", similarity: 1 } as const;

export default rule({
  code: "TARGET_CHANGED",
  severity: "error",
  about: ["年度指标值与批复的绩效目标不一致", "Target differs from the approved one"],
  fixable: false,
  words: (d: TargetChangedData) => targetChangedWords(d),
  raisedBy: "engine/targets/compare.ts",
  examples: [
    {
      indicator: "受益农户数",
      approved: "≥800户",
      approvedCell: "D8",
      approvedSheet: "申报表",
      current: "≥600户",
      change: "value",
      match: exact,
    },
    {
      indicator: "受益农户数",
      approved: "≥800户",
      approvedCell: "D8",
      approvedSheet: "申报表",
      current: "≥600户",
      change: "value",
      match: { by: "position", otherName: "受益户数", similarity: 0.8 },
    },
  ],
});
