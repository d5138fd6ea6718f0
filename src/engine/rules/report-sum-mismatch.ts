/** REPORT_SUM_MISMATCH: 自评报告中的分项之和与合计不符. Parts in the report do not add up. */
import { rule, type PreparedWords } from "./rule";

export type ReportSumMismatchData = PreparedWords;

export default rule({
  code: "REPORT_SUM_MISMATCH",
  severity: "warning",
  about: ["自评报告中的分项之和与合计不符", "Parts in the report do not add up"],
  fixable: false,
  words: (d: ReportSumMismatchData) => [d.zh, d.en],
  raisedBy: "engine/report/sums.ts",
  examples: [{ zh: "报告中写执行率90%，表中为78.25%", en: "The report says 90%; the table says 78.25%." }],
});
