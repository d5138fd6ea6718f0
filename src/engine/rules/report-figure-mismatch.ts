/** REPORT_FIGURE_MISMATCH: 自评报告中的数字与自评表不符. A figure in the report differs from the table. */
import { rule, type PreparedWords } from "./rule";

export type ReportFigureMismatchData = PreparedWords;

export default rule({
  code: "REPORT_FIGURE_MISMATCH",
  severity: "error",
  about: ["自评报告中的数字与自评表不符", "A figure in the report differs from the table"],
  fixable: false,
  words: (d: ReportFigureMismatchData) => [d.zh, d.en],
  raisedBy: "engine/report/compare.ts",
  examples: [{ zh: "报告中写执行率90%，表中为78.25%", en: "The report says 90%; the table says 78.25%." }],
});
