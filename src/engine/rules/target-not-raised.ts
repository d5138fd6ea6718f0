/** TARGET_NOT_RAISED: 上年超额完成、今年指标值未提高 (`--previous`, docs/spec/targets.md). */
import { targetNotRaisedWords } from "../targets/words";
import type { TargetNotRaisedData } from "../targets/findings";
import { rule } from "./rule";

const exact = { by: "name", otherName: "培训人次", similarity: 1 } as const;

export default rule({
  code: "TARGET_NOT_RAISED",
  severity: "warning",
  about: ["上年大幅超额完成，今年指标值未调整", "Target not raised after a large over-achievement"],
  fixable: false,
  words: (d: TargetNotRaisedData) => targetNotRaisedWords(d),
  raisedBy: "engine/targets/previous.ts",
  examples: [
    {
      indicator: "培训人次",
      previousTarget: "≥1000人次",
      previousActual: "1500人次",
      ratio: 1.5,
      threshold: 1.2,
      current: "≥1000人次",
      direction: "positive",
      match: exact,
    },
    {
      indicator: "投诉率",
      previousTarget: "≤5%",
      previousActual: "2%",
      ratio: 2.5,
      threshold: 1.2,
      current: "≤5%",
      direction: "reverse",
      match: { by: "position", otherName: "投诉比率", similarity: 0.7 },
    },
  ],
});
