/**
 * The words of a funds finding the 自评报告 explains (the REPORT_ codes' words are in their rule modules).
 */
import type { Words } from "../messages";
import type { ReportPlace } from "../types";
import { whereEn, whereZh } from "./document";

export const sayReport = {
  overspendExplained: (at: ReportPlace, rate: string): Words => [
    `预算执行率 ${rate} 超过 100%（超预算支出）；${whereZh(at)}已说明原因，自评表无需另行说明（如报告与表格分开报送，请一并提交）`,
    `Budget execution ${rate} is above 100 % (overspent); ${whereEn(at)} explains why (submit the report with the table).`,
  ],
  lowExecutionExplained: (at: ReportPlace, rate: string, threshold: string): Words => [
    `预算执行率 ${rate} 低于 ${threshold}；${whereZh(at)}已说明原因，自评表无需另行说明（如报告与表格分开报送，请一并提交）`,
    `Budget execution ${rate} is below ${threshold}; ${whereEn(at)} explains why, so the table needs no separate reason (submit the report with the table).`,
  ],
};
