/** GRADE_MISMATCH: 等级与总分不符. Grade does not match the total. */
import { say } from "../messages";
import { rule } from "./rule";

export type GradeMismatchData = { declared: string; sum: number; grade: string };

export default rule({
  code: "GRADE_MISMATCH",
  severity: "error",
  about: ["等级与总分不符", "Grade does not match the total"],
  fixable: true,
  words: (d: GradeMismatchData) => say.gradeMismatch(d.declared, d.sum, d.grade),
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
