/** VALUE_MISSING: 需要的数值为空（或公式未计算）. A value the rules need is empty (or an uncalculated formula). */
import { q, shortFormula, type Words } from "../messages";
import { fmt } from "../decimal";
import type { Read } from "../table/parse";
import { rule } from "./rule";

export type ValueMissingData =
  | { variant: "blank"; name: string; what: string; whatEn: string }
  | { variant: "uncalculated"; name: string; what: string; whatEn: string; cell: string; formula: string }
  | { variant: "target-and-actual"; name: string }
  | { variant: "should-be"; name: string; what: string; whatEn: string; value: number }
  | { variant: "budget-zero"; budget: number };

/** VALUE_MISSING's data for a blank cell: "X 为空", or the uncalculated formula where that is why. */
export function missingData(
  c: Pick<Read<unknown>, "cell" | "formula" | "uncalculated">,
  name: string,
  what: string,
  whatEn: string,
): ValueMissingData {
  return c.uncalculated && c.formula
    ? { variant: "uncalculated", name, what, whatEn, cell: c.cell, formula: c.formula }
    : { variant: "blank", name, what, whatEn };
}

const valueMissing = (name: string, what: string, whatEn: string): Words => [
  `${q(name)}的${what}为空；请填写${what}`,
  `${name}: ${whatEn} is empty; fill it in.`,
];

/** A blank score whose value the rules know: the total is checked with it. */
const valueMissingShouldBe = (name: string, what: string, whatEn: string, value: number): Words => [
  `${q(name)}的${what}为空，按规则应为${fmt(value)}；请填写${fmt(value)}（总分已按${fmt(value)}核对）`,
  `${name}: ${whatEn} is empty; the rule gives ${fmt(value)}. Fill in ${fmt(value)} (the total was checked with it).`,
];

/** A blank cell that is a formula the file never calculated: filling it in is the wrong advice. */
const formulaUncalculated = (
  name: string,
  what: string,
  whatEn: string,
  cell: string,
  formula: string,
): Words => [
  `${q(name)}的${what}（单元格 ${cell}）公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再检查（公式 ${shortFormula(formula)}；文件可能由程序生成，从未在表格软件中计算过）`,
  `${name}: ${whatEn} (cell ${cell}) is a formula with no calculated value: open and save the file in Excel or WPS, then check again (formula ${shortFormula(formula)}).`,
];

const valuesMissing = (name: string): Words => [
  `${q(name)}的年度指标值和实际完成值都为空，无从核对得分；请填写实际完成值（及年度指标值）`,
  `${name}: both the target and the actual value are empty, so the score cannot be checked; fill in the actual value (and the target).`,
];

const budgetZero = (budget: number): Words => [
  `全年预算数为${fmt(budget)}，无法计算执行率；请填写全年预算数`,
  `The full-year budget is ${fmt(budget)}, so no execution rate can be computed; fill in the budget.`,
];

export default rule({
  code: "VALUE_MISSING",
  severity: "error",
  about: ["需要的数值为空（或公式未计算）", "A value the rules need is empty (or an uncalculated formula)"],
  fixable: false,
  words: (d: ValueMissingData) =>
    d.variant === "blank"
      ? valueMissing(d.name, d.what, d.whatEn)
      : d.variant === "uncalculated"
        ? formulaUncalculated(d.name, d.what, d.whatEn, d.cell, d.formula)
        : d.variant === "target-and-actual"
          ? valuesMissing(d.name)
          : d.variant === "should-be"
            ? valueMissingShouldBe(d.name, d.what, d.whatEn, d.value)
            : budgetZero(d.budget),
  check: {
    funds: (f, raise) => {
      const t = f.block.total;
      const o = { row: f.sheetRow };
      const out = [];
      for (const [c, counted, what, whatEn] of [
        [t.budget, f.budget, "全年预算数", "the budget"],
        [t.spent, f.spent, "全年执行数", "the spending"],
      ] as const)
        if (c && c.state === "blank" && counted === null)
          out.push(raise(c.cell, missingData(c, "预算执行", what, whatEn), o));
      if (f.budget !== null && f.budget <= 0 && f.spent !== null && t.budget)
        out.push(raise(t.budget.cell, { variant: "budget-zero", budget: f.budget }, o));
      // A blank 得分 the 总分 relies on: say so, with the value it should hold (the sum is checked with it).
      const blank = t.score && t.score.state === "blank" ? t.score : null;
      if (blank && blank.uncalculated)
        out.push(raise(blank.cell, missingData(blank, "预算执行", "得分", "the score"), o));
      else if (blank && f.blankScoreShouldBe !== null)
        out.push(
          raise(
            blank.cell,
            {
              variant: "should-be",
              name: "预算执行",
              what: "得分",
              whatEn: "the score",
              value: f.blankScoreShouldBe,
            },
            o,
          ),
        );
      return out;
    },
    row: ({ p, o: outcome, sheetRow }, raise) => {
      const { name, weight: w, score: s } = p;
      const o = { row: sheetRow };
      const out = [];
      // A table without a 分值 column (scores only) has no weight to ask for.
      if (w && w.state === "blank") out.push(raise(w.cell, missingData(w, name, "分值", "the weight"), o));
      if (s.state === "blank") out.push(raise(s.cell, missingData(s, name, "得分", "the score"), o));
      const stop = outcome.stop;
      const actual = () => missingData(p.actual, name, "实际完成值", "the actual value");
      // Nothing to show for the points: the actual is what the reviewer needs first (the target too).
      if (stop?.why === "no-values")
        out.push(
          raise(stop.cell, p.actual.uncalculated ? actual() : { variant: "target-and-actual", name }, o),
        );
      if (stop?.why === "actual-blank") out.push(raise(stop.cell, actual(), o));
      return out;
    },
    total: (t, raise) =>
      t.scoreCell && t.scoreCell.state === "blank" && !t.unfilled
        ? [
            raise(t.scoreCell.cell, missingData(t.scoreCell, "总分", "得分", "the total score"), {
              row: t.sheetRow,
            }),
          ]
        : [],
  },
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
