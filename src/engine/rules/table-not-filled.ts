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
  check: {
    // Scores that are formulas never calculated are not a table left empty: say which it is.
    total: (t, raise, { rows, parsed }) => {
      if (!t.unfilled) return [];
      const uncalculated = parsed.indicators.some((i) => i.score.uncalculated);
      return [raise(rows[0].report.scoreCell, uncalculated ? { uncalculated } : {})];
    },
  },
  examples: [{}, { uncalculated: true }],
});
