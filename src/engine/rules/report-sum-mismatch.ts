/** REPORT_SUM_MISMATCH: 自评报告中的分项之和与合计不符. Parts in the report do not add up. */
import type { Words } from "../messages";
import type { ReportPlace } from "../types";
import { whereEn, whereZh } from "../report/document";
import { rule } from "./rule";

/** Figures of the prose that do not add up, each as the prose writes it (with its unit). */
export type ReportSumMismatchData =
  | { variant: "sum"; at: ReportPlace; label: string; total: string; parts: string; sum: string }
  | { variant: "balance"; at: ReportPlace; balance: string; budget: string; spent: string; diff: string }
  | { variant: "rate"; at: ReportPlace; rate: string; spent: string; budget: string; exact: string };

function words(d: ReportSumMismatchData): Words {
  const zh = whereZh(d.at);
  const en = whereEn(d.at);
  switch (d.variant) {
    case "sum":
      return [
        `${zh}写${d.label} ${d.total}，其中各项 ${d.parts} 合计 ${d.sum}，与总数不符；请核对各项金额或总数`,
        `${en} states ${d.label} ${d.total}, but its parts ${d.parts} add up to ${d.sum}; check the parts or the total.`,
      ];
    case "balance":
      return [
        `${zh}写结余 ${d.balance}，但预算 ${d.budget} − 支出 ${d.spent} = ${d.diff}；请核对结余金额`,
        `${en} states a balance of ${d.balance}, but budget ${d.budget} − spent ${d.spent} = ${d.diff}; check the balance.`,
      ];
    case "rate":
      return [
        `${zh}写执行率 ${d.rate}，但同段所写支出 ${d.spent} ÷ 预算 ${d.budget} = ${d.exact}；请核对执行率或金额`,
        `${en} states an execution rate of ${d.rate}, but the spending ${d.spent} ÷ budget ${d.budget} it states = ${d.exact}; check the rate or the amounts.`,
      ];
  }
}

const at = { index: 4, opening: "项目全年预算数500万元" };

export default rule({
  code: "REPORT_SUM_MISMATCH",
  severity: "warning",
  about: ["自评报告中的分项之和与合计不符", "Parts in the report do not add up"],
  fixable: false,
  words,
  raisedBy: "engine/report/sums.ts",
  examples: [
    {
      variant: "sum",
      at,
      label: "全年预算数",
      total: "500 万元",
      parts: "财政拨款 300 + 其他 150",
      sum: "450 万元",
    },
    { variant: "balance", at, balance: "30 万元", budget: "500 万元", spent: "480 万元", diff: "20 万元" },
    { variant: "rate", at, rate: "90%", spent: "391.25 万元", budget: "500 万元", exact: "78.25%" },
  ],
});
