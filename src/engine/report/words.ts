/** The words of the REPORT_ findings: Chinese first, English beside it; each names both figures and the fix. */
import type { Words } from "../messages";
import type { ReportPlace } from "../types";
import { whereEn, whereZh } from "./document";

/** A figure of the prose against the table's cell (REPORT_FIGURE_MISMATCH). */
export interface FigureMismatch {
  at: ReportPlace;
  what: string;
  whatEn: string;
  /** The figure as the prose writes it, and the table's value as shown. */
  prose: string;
  cell: string;
  table: string;
  note?: string;
  noteEn?: string;
}

export const sayReport = {
  figureMismatch: ({
    at,
    what,
    whatEn,
    prose,
    cell,
    table,
    note = "",
    noteEn = "",
  }: FigureMismatch): Words => [
    `${whereZh(at)}写${what}为 ${prose}，自评表 ${cell} 为 ${table}${note}；两者应一致，请核对后改正有误的一处`,
    `${whereEn(at)} states ${whatEn} ${prose}, the table's ${cell} says ${table}${noteEn}; they must agree: correct the wrong one.`,
  ],
  sumMismatch: (at: ReportPlace, label: string, total: string, parts: string, sum: string): Words => [
    `${whereZh(at)}写${label} ${total}，其中各项 ${parts} 合计 ${sum}，与总数不符；请核对各项金额或总数`,
    `${whereEn(at)} states ${label} ${total}, but its parts ${parts} add up to ${sum}; check the parts or the total.`,
  ],
  balanceMismatch: (at: ReportPlace, balance: string, budget: string, spent: string, diff: string): Words => [
    `${whereZh(at)}写结余 ${balance}，但预算 ${budget} − 支出 ${spent} = ${diff}；请核对结余金额`,
    `${whereEn(at)} states a balance of ${balance}, but budget ${budget} − spent ${spent} = ${diff}; check the balance.`,
  ],
  rateMismatch: (at: ReportPlace, rate: string, spent: string, budget: string, exact: string): Words => [
    `${whereZh(at)}写执行率 ${rate}，但同段所写支出 ${spent} ÷ 预算 ${budget} = ${exact}；请核对执行率或金额`,
    `${whereEn(at)} states an execution rate of ${rate}, but the spending ${spent} ÷ budget ${budget} it states = ${exact}; check the rate or the amounts.`,
  ],
  indicatorsClaim: (at: ReportPlace, claim: string, count: number, list: string, listEn: string): Words => [
    `${whereZh(at)}称“${claim}”，但自评表中有 ${count} 项指标未完成：${list}；请改正报告的表述，说明未完成的指标及原因`,
    `${whereEn(at)} claims "${claim}", but ${count} indicator(s) in the table fell short: ${listEn}; correct the report and explain them.`,
  ],
  fundsClaim: (at: ReportPlace, claim: string, rate: string, cell: string): Words => [
    `${whereZh(at)}称“${claim}”，但自评表 ${cell} 的预算执行率为 ${rate}，资金并未全部执行；请改正报告的表述并说明结余原因`,
    `${whereEn(at)} claims "${claim}", but the execution rate in ${cell} is ${rate}: not all funds were spent. Correct the report and explain the balance.`,
  ],
  sectionMissing: (name: string, nameEn: string, kind: string): Words => [
    `报告中没有“${name}”部分（${kind}绩效自评报告的提纲要求）；请补写该部分，或检查标题是否写成了别的名称`,
    `The report has no "${nameEn}" section, which the ${kind === "项目支出" ? "project" : "department"} report outline requires; add it or check its heading.`,
  ],
  overspendExplained: (at: ReportPlace, rate: string): Words => [
    `预算执行率 ${rate} 超过 100%（超预算支出）；${whereZh(at)}已说明原因，自评表无需另行说明（如报告与表格分开报送，请一并提交）`,
    `Budget execution ${rate} is above 100 % (overspent); ${whereEn(at)} explains why (submit the report with the table).`,
  ],
  lowExecutionExplained: (at: ReportPlace, rate: string, threshold: string): Words => [
    `预算执行率 ${rate} 低于 ${threshold}；${whereZh(at)}已说明原因，自评表无需另行说明（如报告与表格分开报送，请一并提交）`,
    `Budget execution ${rate} is below ${threshold}; ${whereEn(at)} explains why, so the table needs no separate reason (submit the report with the table).`,
  ],
};
