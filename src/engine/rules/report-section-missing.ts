/** REPORT_SECTION_MISSING: 自评报告缺少应有的部分. The report lacks a section. */
import { rule, type PreparedWords } from "./rule";

export type ReportSectionMissingData = PreparedWords;

export default rule({
  code: "REPORT_SECTION_MISSING",
  severity: "warning",
  about: ["自评报告缺少应有的部分", "The report lacks a section"],
  fixable: false,
  words: (d: ReportSectionMissingData) => [d.zh, d.en],
  raisedBy: "engine/report/outline.ts",
  examples: [{ zh: "报告中写执行率90%，表中为78.25%", en: "The report says 90%; the table says 78.25%." }],
});
