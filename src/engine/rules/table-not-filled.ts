/** TABLE_NOT_FILLED: 表格尚未填写得分. Table not filled in yet. */
import { say } from "../messages";
import { rule } from "./rule";

/** `uncalculated`: the 得分 are formulas the file never calculated, not blanks a clerk left. */
export type TableNotFilledData = { uncalculated?: boolean };

export default rule({
  code: "TABLE_NOT_FILLED",
  severity: "info",
  about: ["表格尚未填写得分", "Table not filled in yet"],
  fixable: false,
  words: (d: TableNotFilledData) => (d.uncalculated ? say.tableUncalculated() : say.tableNotFilled()),
  examples: [{}, { uncalculated: true }],
});
