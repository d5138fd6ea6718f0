/** VALUE_MISSING: 需要的数值为空（或公式未计算）. A value the rules need is empty (or an uncalculated formula). */
import { say } from "../messages";
import { rule } from "./rule";

export type ValueMissingData =
  | { variant: "blank"; name: string; what: string; whatEn: string }
  | { variant: "uncalculated"; name: string; what: string; whatEn: string; cell: string; formula: string }
  | { variant: "target-and-actual"; name: string }
  | { variant: "should-be"; name: string; what: string; whatEn: string; value: number }
  | { variant: "budget-zero"; budget: number };

export default rule({
  code: "VALUE_MISSING",
  severity: "error",
  about: ["需要的数值为空（或公式未计算）", "A value the rules need is empty (or an uncalculated formula)"],
  fixable: false,
  words: (d: ValueMissingData) =>
    d.variant === "blank"
      ? say.valueMissing(d.name, d.what, d.whatEn)
      : d.variant === "uncalculated"
        ? say.formulaUncalculated(d.name, d.what, d.whatEn, d.cell, d.formula)
        : d.variant === "target-and-actual"
          ? say.valuesMissing(d.name)
          : d.variant === "should-be"
            ? say.valueMissingShouldBe(d.name, d.what, d.whatEn, d.value)
            : say.budgetZero(d.budget),
  examples: [
    { variant: "blank", name: "受众人数", what: "得分", whatEn: "the score" },
    {
      variant: "uncalculated",
      name: "受众人数",
      what: "得分",
      whatEn: "the score",
      cell: "H12",
      formula: "=G12*F12/E12",
    },
    { variant: "target-and-actual", name: "受众人数" },
    { variant: "should-be", name: "预算执行", what: "得分", whatEn: "the score", value: 8.62 },
    { variant: "budget-zero", budget: 0 },
  ],
});
