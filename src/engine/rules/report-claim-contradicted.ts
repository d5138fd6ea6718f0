/** REPORT_CLAIM_CONTRADICTED: 自评报告的表述与自评表矛盾. A statement in the report contradicts the table. */
import { rule, type PreparedWords } from "./rule";

export type ReportClaimContradictedData = PreparedWords;

export default rule({
  code: "REPORT_CLAIM_CONTRADICTED",
  severity: "error",
  about: ["自评报告的表述与自评表矛盾", "A statement in the report contradicts the table"],
  fixable: false,
  words: (d: ReportClaimContradictedData) => [d.zh, d.en],
  raisedBy: "engine/report/claims.ts",
  examples: [{ zh: "报告中写执行率90%，表中为78.25%", en: "The report says 90%; the table says 78.25%." }],
});
