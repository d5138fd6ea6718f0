/** GRADE_CHANGES_ON_RECALC: 重算后等级会变. The grade changes once the scores are recomputed. */
import { say } from "../messages";
import { rule } from "./rule";

export type GradeChangesOnRecalcData = { sum: number; from: string; computed: number; to: string };

export default rule({
  code: "GRADE_CHANGES_ON_RECALC",
  severity: "warning",
  about: ["重算后等级会变", "The grade changes once the scores are recomputed"],
  fixable: false,
  words: (d: GradeChangesOnRecalcData) => say.gradeChanges(d.sum, d.from, d.computed, d.to),
  examples: [{ sum: 91, from: "优", computed: 88, to: "良" }],
});
