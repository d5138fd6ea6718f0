/**
 * strict-explanation-on-miss (Tianjin): a reverse (≤) or equal (=) indicator that misses its target
 * needs a full explanation. A blank one is an error everywhere (EXPLANATION_MISSING); this rule makes a
 * too-short one (EXPLANATION_TOO_SHORT) an error too, instead of a warning. Positive and range rows,
 * and rows that met their target, are left as the national rules say.
 */
import type { ProvinceRule } from "./index";

const strictExplanationOnMiss: ProvinceRule = {
  id: "strict-explanation-on-miss",
  about: [
    "反向（≤）、等值（=）指标未达成时，偏差原因过短记为错误",
    "A reverse (≤) or equal (=) indicator that misses: a too-short explanation is an error",
  ],
  rowSeverity: (code, row) =>
    code === "EXPLANATION_TOO_SHORT" &&
    row.missed &&
    (row.direction === "reverse" || row.direction === "equal")
      ? "error"
      : undefined,
};

export default strictExplanationOnMiss;
