/** REPORT_FIGURE_MISMATCH: 自评报告中的数字与自评表不符. A figure in the report differs from the table. */
import type { Words } from "../messages";
import type { ReportPlace } from "../types";
import { whereEn, whereZh } from "../report/document";
import { rule } from "./rule";

/** A figure of the prose against the table's cell. */
export type ReportFigureMismatchData = {
  at: ReportPlace;
  /** What the figure is (预算执行率, 全年预算数, a 财政拨款 part's label), zh and en. */
  what: string;
  whatEn: string;
  /** The figure as the prose writes it, and the table's cell and value as shown. */
  prose: string;
  cell: string;
  table: string;
  /** How the table's value was worked out, where that helps (spent ÷ budget, the recomputed score). */
  note?: string;
  noteEn?: string;
};

function words({
  at,
  what,
  whatEn,
  prose,
  cell,
  table,
  note = "",
  noteEn = "",
}: ReportFigureMismatchData): Words {
  return [
    `${whereZh(at)}写${what}为 ${prose}，自评表 ${cell} 为 ${table}${note}；两者应一致，请核对后改正有误的一处`,
    `${whereEn(at)} states ${whatEn} ${prose}, the table's ${cell} says ${table}${noteEn}; they must agree: correct the wrong one.`,
  ];
}

export default rule({
  code: "REPORT_FIGURE_MISMATCH",
  severity: "error",
  about: ["自评报告中的数字与自评表不符", "A figure in the report differs from the table"],
  fixable: false,
  words,
  raisedBy: "engine/report/compare.ts",
  examples: [
    {
      at: { index: 3, opening: "预算执行率90%" },
      what: "预算执行率",
      whatEn: "an execution rate of",
      prose: "90%",
      cell: "H6",
      table: "78.25%",
      note: "（全年执行数 ÷ 全年预算数 = 78.25%）",
      noteEn: " (spent ÷ budget = 78.25%)",
    },
  ],
});
