/** TABLE_NOT_FILLED: 表格尚未填写得分. Table not filled in yet. */
import type { Words } from "../messages";
import { rule } from "./rule";

/** `uncalculated`: the 得分 are formulas the file never calculated, not blanks a clerk left. */
export type TableNotFilledData = { uncalculated?: boolean };

const tableUncalculated = (): Words => [
  `各项得分是公式但没有计算结果（公式未计算），未评定等级；请在 Excel 或 WPS 中打开并保存后再校验`,
  `The scores are formulas with no calculated value, so no grade is given; open and save the file in Excel or WPS, then check again.`,
];

const tableNotFilled = (): Words => [
  `表格尚未填写得分（各项得分均为空），未评定等级；请填写各项实际完成值和得分后再核对`,
  `The table is not filled in yet (no score anywhere), so no grade is given; fill in the actual values and scores first.`,
];

export default rule({
  code: "TABLE_NOT_FILLED",
  // A table being submitted with no score is the clerk's to fix (issue 17, class 8); scores that are
  // formulas never calculated may well be right, the file only lacks their values: a warning.
  severity: "error",
  about: ["表格尚未填写得分", "Table not filled in yet"],
  fixable: false,
  words: (d: TableNotFilledData) => (d.uncalculated ? tableUncalculated() : tableNotFilled()),
  check: {
    // Scores that are formulas never calculated are not a table left empty: say which it is.
    total: (t, raise, { rows, parsed }) => {
      if (!t.unfilled) return [];
      const uncalculated = parsed.indicators.some((i) => i.score.uncalculated);
      return [
        uncalculated
          ? raise(rows[0].report.scoreCell, { uncalculated }, { severity: "warning" })
          : raise(rows[0].report.scoreCell, {}),
      ];
    },
  },
  examples: [{}, { uncalculated: true }],
});
