/** GRADE_CHANGES_ON_RECALC: 重算后等级会变. The grade changes once the scores are recomputed. */
import type { Words } from "../messages";
import { fmt } from "../decimal";
import { rule } from "./rule";

export type GradeChangesOnRecalcData = { sum: number; from: string; computed: number; to: string };

const gradeChanges = (sum: number, from: string, computed: number, to: string): Words => [
  `按规则重算后总分由${fmt(sum)}变为${fmt(computed)}，等级将由“${from}”变为“${to}”；请先改正上面的得分问题`,
  `Recomputed, the total moves from ${fmt(sum)} to ${fmt(computed)} and the grade from "${from}" to "${to}"; fix the scores above first.`,
];

export default rule({
  code: "GRADE_CHANGES_ON_RECALC",
  severity: "warning",
  about: ["重算后等级会变", "The grade changes once the scores are recomputed"],
  fixable: false,
  words: (d: GradeChangesOnRecalcData) => gradeChanges(d.sum, d.from, d.computed, d.to),
  check: {
    // Only a table that declares a total or a grade has a grade to change; a cut table without either does not.
    total: (t, raise, { table }) =>
      !t.unfilled && t.fundsKnown && t.gradeDeclaredSum !== t.gradeComputed && (table.total || table.grade)
        ? [
            raise(
              t.scoreCell?.cell ?? table.grade?.cell ?? "A1",
              { sum: t.declaredBase, from: t.gradeDeclaredSum, computed: t.computed, to: t.gradeComputed },
              { row: t.sheetRow },
            ),
          ]
        : [],
  },
  examples: [{ sum: 91, from: "优", computed: 88, to: "良" }],
});
