/** FUNDS_SUBTOTAL_MISMATCH: 资金合计与其中各项之和不符. Funds total differs from its sub-rows. */
import { say } from "../messages";
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
  examples: [
    { column: "全年预算数", columnEn: "Full-year budget", total: 500, subSum: 480 },
    { column: "全年预算数", columnEn: "Full-year budget", total: null, subSum: 480 },
  ],
});
