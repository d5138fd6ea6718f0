/** FUNDS_SUBTOTAL_MISMATCH: 资金合计与其中各项之和不符. Funds total differs from its sub-rows. */
import type { Words } from "../messages";
import { fmt, within } from "../decimal";
import { twoBreakdowns } from "../scoring/funds";
import { rule } from "./rule";

export type FundsSubtotalMismatchData = {
  column: string;
  columnEn: string;
  total: number | null;
  subSum: number;
};

const fundsSubtotal = (column: string, columnEn: string, total: number | null, subSum: number): Words =>
  total === null || total === 0
    ? [
        `${column}合计行为${total === 0 ? "0" : "空"}，其中各项之和为${fmt(subSum)}；已按${fmt(subSum)}计算，请${total === 0 ? "改正" : "填写"}合计`,
        `${columnEn}: the total row is ${total === 0 ? "0" : "empty"} while its sub-rows add up to ${fmt(subSum)}; ${fmt(subSum)} was used. ${total === 0 ? "Correct" : "Fill in"} the total.`,
      ]
    : [
        `${column}合计${fmt(total)}与其中各项之和${fmt(subSum)}不符（相差${fmt(Math.abs(total - subSum))}）；请核对合计或各项资金`,
        `${columnEn}: total ${fmt(total)} differs from the sum of its sub-rows ${fmt(subSum)}; check the total or the sub-rows.`,
      ];

export default rule({
  code: "FUNDS_SUBTOTAL_MISMATCH",
  severity: "error",
  about: ["资金合计与其中各项之和不符", "Funds total differs from its sub-rows"],
  fixable: false,
  words: (d: FundsSubtotalMismatchData) => fundsSubtotal(d.column, d.columnEn, d.total, d.subSum),
  check: {
    // Total row against its sub-rows, per money column; a blank (or 0) total takes the sub-row sum.
    funds: (f, raise) => {
      const out = [];
      for (const col of f.columns) {
        const { declared: total, subSum } = col;
        if (subSum === null) continue;
        const off =
          total === null || total === 0
            ? subSum !== 0
            : !within(total, subSum, 0.01) && !twoBreakdowns(col.subs, total);
        if (off)
          out.push(
            raise(
              col.cell?.cell ?? f.block.labelCell,
              { column: col.zh, columnEn: col.en, total, subSum },
              { row: f.sheetRow },
            ),
          );
      }
      return out;
    },
  },
  examples: [
    { column: "全年预算数", columnEn: "Full-year budget", total: 500, subSum: 480 },
    { column: "全年预算数", columnEn: "Full-year budget", total: null, subSum: 480 },
  ],
});
