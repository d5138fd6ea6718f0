/** INDICATOR_MISSING: 批复的指标在自评表中没有 (`--targets`, docs/spec/targets.md). */
import { indicatorMissingWords } from "../targets/words";
import type { IndicatorMissingData } from "../targets/findings";
import { rule } from "./rule";

export default rule({
  code: "INDICATOR_MISSING",
  severity: "error",
  about: ["批复的指标在自评表中缺失", "Approved indicator missing from the table"],
  fixable: false,
  words: (d: IndicatorMissingData) => indicatorMissingWords(d),
  raisedBy: "engine/targets/compare.ts",
  examples: [
    {
      indicator: "工程质量达标率",
      category: "质量指标",
      approvedTarget: "≥98%",
      approvedCell: "D9",
      approvedSheet: "申报表",
    },
    {
      indicator: "工程质量达标率",
      category: "",
      approvedTarget: "≥98%",
      approvedCell: "D9",
      approvedSheet: "申报表",
    },
  ],
});
