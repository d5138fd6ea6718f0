/** INDICATOR_ADDED: 自评表中有、批复中没有的指标 (`--targets`, docs/spec/targets.md). */
import { indicatorAddedWords } from "../targets/words";
import type { IndicatorAddedData } from "../targets/findings";
import { rule } from "./rule";

export default rule({
  code: "INDICATOR_ADDED",
  severity: "warning",
  about: ["未经批复的新增指标", "Indicator that was never approved"],
  fixable: false,
  words: (d: IndicatorAddedData) => indicatorAddedWords(d),
  raisedBy: "engine/targets/compare.ts",
  examples: [
    { indicator: "宣传次数", category: "数量指标", target: "≥2次" },
    { indicator: "宣传次数", category: "数量指标", target: "" },
  ],
});
