/** REPORT_SECTION_MISSING: 自评报告缺少应有的部分. The report lacks a section. */
import type { Words } from "../messages";
import { rule } from "./rule";

/** The section the outline requires (zh, en) and the outline's kind (项目支出 / 部门整体支出). */
export type ReportSectionMissingData = { name: string; nameEn: string; kind: string };

function words({ name, nameEn, kind }: ReportSectionMissingData): Words {
  return [
    `报告中没有“${name}”部分（${kind}绩效自评报告的提纲要求）；请补写该部分，或检查标题是否写成了别的名称`,
    `The report has no "${nameEn}" section, which the ${kind === "项目支出" ? "project" : "department"} report outline requires; add it or check its heading.`,
  ];
}

export default rule({
  code: "REPORT_SECTION_MISSING",
  severity: "warning",
  about: ["自评报告缺少应有的部分", "The report lacks a section"],
  fixable: false,
  words,
  raisedBy: "engine/report/outline.ts",
  examples: [{ name: "偏差分析及改进措施", nameEn: "Deviations and improvements", kind: "项目支出" }],
});
