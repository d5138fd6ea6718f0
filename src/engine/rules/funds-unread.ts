/** FUNDS_UNREAD: 资金表的列未能识别. Funds block whose columns could not be read. */
import { say } from "../messages";
import { rule } from "./rule";

export type FundsUnreadData = { label: string };

export default rule({
  code: "FUNDS_UNREAD",
  severity: "warning",
  about: ["资金表的列未能识别", "Funds block whose columns could not be read"],
  fixable: false,
  words: (d: FundsUnreadData) => say.fundsUnread(d.label),
  check: {
    table: ({ table }, raise) =>
      table.fundsUnread ? [raise(table.fundsUnread.cell, { label: table.fundsUnread.label })] : [],
  },
  examples: [{ label: "资金情况（万元）" }],
});
