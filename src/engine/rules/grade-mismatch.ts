/** GRADE_MISMATCH: 等级与总分不符. Grade does not match the total. */
import type { Words } from "../messages";
import { fmt } from "../decimal";
import { rule } from "./rule";

export type GradeMismatchData = { declared: string; sum: number; grade: string };

const gradeMismatch = (declared: string, sum: number, grade: string): Words => [
  `等级填报为“${declared}”，按各项得分合计${fmt(sum)}分应为“${grade}”；请改为“${grade}”`,
  `The grade says "${declared}"; a total of ${fmt(sum)} is "${grade}". Change it to "${grade}".`,
];

export default rule({
  code: "GRADE_MISMATCH",
  severity: "error",
  about: ["等级与总分不符", "Grade does not match the total"],
  fixable: true,
  words: (d: GradeMismatchData) => gradeMismatch(d.declared, d.sum, d.grade),
  check: {
    total: (t, raise, { table }) => {
      const g = table.grade;
      if (t.unfilled || !t.fundsKnown || !g || !g.declared || t.declaredGrade === t.gradeDeclaredSum)
        return [];
      return [
        raise(
          g.cell,
          { declared: g.declared, sum: t.declaredBase, grade: t.gradeDeclaredSum },
          { row: t.sheetRow, fix: { cell: g.cell, value: t.gradeDeclaredSum } },
        ),
      ];
    },
  },
  examples: [{ declared: "优", sum: 85, grade: "良" }],
});
