/** TABLE_NOT_FILLED: 表格尚未填写得分. Table not filled in yet. */
import { say } from "../messages";
import { rule } from "./rule";

export type TableNotFilledData = Record<string, never>;

export default rule({
  code: "TABLE_NOT_FILLED",
  severity: "info",
  about: ["表格尚未填写得分", "Table not filled in yet"],
  fixable: false,
  words: () => say.tableNotFilled(),
  examples: [{}],
});
