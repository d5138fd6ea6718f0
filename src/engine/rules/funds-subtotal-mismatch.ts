/** FUNDS_SUBTOTAL_MISMATCH: 资金合计与其中各项之和不符. Funds total differs from its sub-rows. */
import { say } from "../messages";
import { within } from "../decimal";
import { twoBreakdowns } from "../scoring/funds";
import { rule } from "./rule";

export type FundsSubtotalMismatchData = {
  column: string;
  columnEn: string;
  total: number | null;
  subSum: number;
};

export default rule({
  code: "FUNDS_SUBTOTAL_MISMATCH",
  severity: "error",
  about: ["资金合计与其中各项之和不符", "Funds total differs from its sub-rows"],
  fixable: false,
  words: (d: FundsSubtotalMismatchData) => say.fundsSubtotal(d.column, d.columnEn, d.total, d.subSum),
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
