/** FUNDS_UNREAD: 资金表的列未能识别. Funds block whose columns could not be read. */
import type { Words } from "../messages";
import { rule } from "./rule";

export type FundsUnreadData = { label: string };

const fundsUnread = (label: string): Words => [
  `“${label}”资金表的列未能识别（未找到全年预算数、全年执行数），预算执行得分未计入核对，分值合计和总分未核对；请使用“年初预算数、全年预算数、全年执行数、分值、执行率、得分”表头`,
  `The funds block "${label}" could not be read (no budget and spending columns found), so its points are left out and the weight sum and total were not checked; use the standard funds headers.`,
];

export default rule({
  code: "FUNDS_UNREAD",
  severity: "warning",
  about: ["资金表的列未能识别", "Funds block whose columns could not be read"],
  fixable: false,
  words: (d: FundsUnreadData) => fundsUnread(d.label),
  check: {
    table: ({ table }, raise) =>
      table.fundsUnread ? [raise(table.fundsUnread.cell, { label: table.fundsUnread.label })] : [],
  },
  examples: [{ label: "资金情况（万元）" }],
});
