/** REPORT_CLAIM_CONTRADICTED: 自评报告的表述与自评表矛盾. A statement in the report contradicts the table. */
import type { Words } from "../messages";
import type { ReportPlace } from "../types";
import { whereEn, whereZh } from "../report/document";
import { rule } from "./rule";

/** "各项指标均已完成" against the indicators that fell short; "资金全部执行" against a rate below 100 %. */
export type ReportClaimContradictedData =
  | { variant: "indicators"; at: ReportPlace; claim: string; count: number; list: string; listEn: string }
  | { variant: "funds"; at: ReportPlace; claim: string; rate: string; cell: string };

function words(d: ReportClaimContradictedData): Words {
  return d.variant === "indicators"
    ? [
        `${whereZh(d.at)}称“${d.claim}”，但自评表中有 ${d.count} 项指标未完成：${d.list}；请改正报告的表述，说明未完成的指标及原因`,
        `${whereEn(d.at)} claims "${d.claim}", but ${d.count} indicator(s) in the table fell short: ${d.listEn}; correct the report and explain them.`,
      ]
    : [
        `${whereZh(d.at)}称“${d.claim}”，但自评表 ${d.cell} 的预算执行率为 ${d.rate}，资金并未全部执行；请改正报告的表述并说明结余原因`,
        `${whereEn(d.at)} claims "${d.claim}", but the execution rate in ${d.cell} is ${d.rate}: not all funds were spent. Correct the report and explain the balance.`,
      ];
}

const at = { index: 6, opening: "各项指标均已完成" };

export default rule({
  code: "REPORT_CLAIM_CONTRADICTED",
  severity: "error",
  about: ["自评报告的表述与自评表矛盾", "A statement in the report contradicts the table"],
  fixable: false,
  words,
  raisedBy: "engine/report/claims.ts",
  examples: [
    {
      variant: "indicators",
      at,
      claim: "各项指标均已完成",
      count: 1,
      list: "“受众人数”（指标值 ≥1000，实际完成 700，F12）",
      listEn: '"受众人数" (target ≥1000, actual 700, F12)',
    },
    { variant: "funds", at, claim: "资金已全部执行", rate: "78.25%", cell: "H6" },
  ],
});
