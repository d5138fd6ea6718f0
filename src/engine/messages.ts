/**
 * The words of every finding, Chinese first and English beside it. Each names the numbers involved
 * and says what to do. Kept apart from the rules so that wording can change without touching scoring.
 */
import { fmt, pct, within } from "./decimal";

export type Words = [zh: string, en: string];

/** A formula quoted in a message: long ones are cut, the message is about the missing value. */
const shortFormula = (f: string) => (f.length > 60 ? `${f.slice(0, 60)}…` : f);

const q = (name: string) => `“${name}”`;

export const say = {
  weightTotal: (sum: number, declared: number | null, points: number): Words => {
    // Only the total row's 分值 is off: that cell is the one to change.
    if (within(sum, points, 0.005) && declared !== null) {
      return [
        `总分行分值填为${fmt(declared)}，各项分值合计为${fmt(sum)}分；请将总分行分值改为${fmt(points)}`,
        `The total row says ${fmt(declared)} while the weights add up to ${fmt(sum)}; change the total row to ${fmt(points)}.`,
      ];
    }
    const rowOff = declared !== null && !within(declared, sum, 0.005);
    return [
      `各项分值合计${fmt(sum)}分，${rowOff ? `总分行分值为${fmt(declared)}，` : ""}应为${fmt(points)}分；请调整各指标分值使合计为${fmt(points)}分`,
      `Weights add up to ${fmt(sum)}${rowOff ? ` and the total row says ${fmt(declared)}` : ""}; they should total ${fmt(points)}. Adjust the weights.`,
    ];
  },
  weightCategory: (name: string, sum: number, declared: number): Words => [
    `${q(name)}下各指标分值合计${fmt(sum)}分，与标注的${fmt(declared)}分不符；请调整指标分值或改正标注`,
    `Weights under ${name} add up to ${fmt(sum)}, not the ${fmt(declared)} written in its label; fix the weights or the label.`,
  ],
  weightBlock: (sum: number, declared: number): Words => [
    `绩效指标各项分值合计${fmt(sum)}分，与“绩效指标(${fmt(declared)}分)”不符；请调整指标分值`,
    `Indicator weights add up to ${fmt(sum)}, not the ${fmt(declared)} in the block label; adjust the weights.`,
  ],
  weightSplit: (name: string, actual: number, expected: number | null, profile: string): Words =>
    expected === null
      ? [
          `一级指标${q(name)}（${fmt(actual)}分）不在“${profile}”的原则分配之中；如确需调整，请在自评报告中说明`,
          `First-level category ${name} (${fmt(actual)} points) is not in the split of "${profile}"; explain the change in the report if it is intended.`,
        ]
      : [
          `${q(name)}分值为${fmt(actual)}分，“${profile}”原则上为${fmt(expected)}分；如确需调整，请在自评报告中说明`,
          `${name} has ${fmt(actual)} points; "${profile}" sets ${fmt(expected)} as the rule; explain the change in the report if it is intended.`,
        ],
  scoreOutOfRange: (name: string, score: number, weight: number): Words => [
    `${q(name)}得分${fmt(score)}超出0～${fmt(weight)}分的范围；得分不能为负，也不能高于分值`,
    `${name}: score ${fmt(score)} is outside 0–${fmt(weight)}; a score can be neither negative nor above its weight.`,
  ],
  scoreTooHigh: (name: string, declared: number, computed: number, basis: Words): Words => [
    `${q(name)}得分${fmt(declared)}高于应得的${fmt(computed)}分（${basis[0]}）；请改为${fmt(computed)}分，或核实实际完成值`,
    `${name}: score ${fmt(declared)} is higher than the ${fmt(computed)} it earns (${basis[1]}); change it to ${fmt(computed)} or check the actual value.`,
  ],
  scoreTooLow: (name: string, declared: number, computed: number, basis: Words): Words => [
    `${q(name)}得分${fmt(declared)}低于按规则计算的${fmt(computed)}分（${basis[0]}）；请核实，如无其他扣分理由可改为${fmt(computed)}分`,
    `${name}: score ${fmt(declared)} is below the ${fmt(computed)} the rule gives (${basis[1]}); check it, and use ${fmt(computed)} unless there is another reason for the deduction.`,
  ],
  deductionUnexplained: (name: string, declared: number, weight: number): Words => [
    `${q(name)}已完成年度指标，但得分${fmt(declared)}低于分值${fmt(weight)}，且未说明扣分原因；请在偏差原因栏说明扣分理由，或改为${fmt(weight)}分`,
    `${name} met its target but scores ${fmt(declared)} of ${fmt(weight)} with no reason given; explain the deduction or give ${fmt(weight)}.`,
  ],
  qualOutOfBand: ({
    name,
    actual,
    band,
    lo,
    hi,
    declared,
    open,
  }: {
    name: string;
    actual: string;
    band: string;
    lo: number;
    hi: number;
    declared: number;
    open: boolean;
  }): Words => [
    `${q(name)}实际完成值“${actual}”属于“${band}”，得分应在${fmt(lo)}～${fmt(hi)}分${open ? "（不含上限）" : ""}之间，现为${fmt(declared)}分；请在该区间内评分`,
    `${name}: actual "${actual}" means "${band}", so the score must lie in ${fmt(lo)}–${fmt(hi)}${open ? " (upper bound excluded)" : ""}, not ${fmt(declared)}.`,
  ],
  qualUnclassified: (name: string, actual: string): Words => [
    `${q(name)}实际完成值“${actual}”无法判断为达成、部分达成或未达成；请改用“达成”“部分达成”“未达成”等表述，已暂按填报得分计算`,
    `${name}: actual "${actual}" cannot be read as achieved, partly achieved or not achieved; use one of those words. The declared score was kept.`,
  ],
  valueMissing: (name: string, what: string, whatEn: string): Words => [
    `${q(name)}的${what}为空；请填写${what}`,
    `${name}: ${whatEn} is empty; fill it in.`,
  ],
  /** A blank score whose value the rules know: the total is checked with it. */
  valueMissingShouldBe: (name: string, what: string, whatEn: string, value: number): Words => [
    `${q(name)}的${what}为空，按规则应为${fmt(value)}；请填写${fmt(value)}（总分已按${fmt(value)}核对）`,
    `${name}: ${whatEn} is empty; the rule gives ${fmt(value)}. Fill in ${fmt(value)} (the total was checked with it).`,
  ],
  valueNotNumeric: (name: string, what: string, whatEn: string, text: string): Words => [
    `${q(name)}的${what}“${text}”不是数字；请填写数值${what === "实际完成值" ? "（与年度指标值同一计量单位）" : ""}`,
    `${name}: ${whatEn} "${text}" is not a number; enter a number${what === "实际完成值" ? " in the target's unit" : ""}.`,
  ],
  /** A blank cell that is a formula the file never calculated: filling it in is the wrong advice. */
  formulaUncalculated: (name: string, what: string, whatEn: string, cell: string, formula: string): Words => [
    `${q(name)}的${what}（单元格 ${cell}）公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再检查（公式 ${shortFormula(formula)}；文件可能由程序生成，从未在表格软件中计算过）`,
    `${name}: ${whatEn} (cell ${cell}) is a formula with no calculated value: open and save the file in Excel or WPS, then check again (formula ${shortFormula(formula)}).`,
  ],
  valuesMissing: (name: string): Words => [
    `${q(name)}的年度指标值和实际完成值都为空，无从核对得分；请填写实际完成值（及年度指标值）`,
    `${name}: both the target and the actual value are empty, so the score cannot be checked; fill in the actual value (and the target).`,
  ],
  unitMismatch: (name: string, actual: string, target: string, unit: string): Words => [
    `${q(name)}实际完成值“${actual}”与年度指标值“${target}”计量单位不同，无法比较；请按“${unit}”填写实际完成值`,
    `${name}: actual "${actual}" is in another unit than the target "${target}"; enter it in ${unit}.`,
  ],
  targetUnparsed: (name: string, text: string): Words =>
    text === ""
      ? [
          `${q(name)}年度指标值为空，无法计算得分；请填写年度指标值，已暂按填报得分计算`,
          `${name}: the target is empty, so the score cannot be recomputed; the declared score was kept.`,
        ]
      : [
          `${q(name)}年度指标值“${text}”无法识别；请写成如“≥95%”“≤15天”“及时”的形式，已暂按填报得分计算`,
          `${name}: target "${text}" cannot be understood; write it like "≥95%", "≤15天" or "及时". The declared score was kept.`,
        ],
  directionInferred: (name: string, target: string, reverse: boolean): Words => [
    `${q(name)}年度指标值“${target}”未写≥或≤，已按${reverse ? "越小越好（≤）" : "越大越好（≥）"}计算；如不对请在指标值前加上≥或≤`,
    `${name}: target "${target}" has no ≥ or ≤; it was read as ${reverse ? "lower is better (≤)" : "higher is better (≥)"}. Add ≥ or ≤ if that is wrong.`,
  ],
  overTarget: (name: string, actual: string, target: string, ratio: number): Words => [
    `${q(name)}实际完成值${actual}为指标值${target}的${pct(ratio, 0)}，请分析是否年初指标值设定偏低，并在偏差原因栏说明`,
    `${name}: actual ${actual} is ${pct(ratio, 0)} of the target ${target}; check whether the target was set too low and explain it.`,
  ],
  /** An evaluation-style table: a deduction whose reason column is blank. */
  deductionReasonMissing: (name: string, declared: number, weight: number, column: string): Words => [
    `${q(name)}得分${fmt(declared)}低于分值${fmt(weight)}，请在${column || "扣分原因"}栏写明扣分理由`,
    `${name} scores ${fmt(declared)} of ${fmt(weight)}; write the reason for the deduction in the ${column ? `${column} ` : ""}reason column.`,
  ],
  explanationMissing: (name: string, why: Words): Words => [
    `${q(name)}${why[0]}，须填写偏差原因分析及改进措施`,
    `${name}: ${why[1]}; the deviation needs a cause analysis and improvement measures.`,
  ],
  explanationTooShort: (name: string, text: string, min: number): Words => [
    `${q(name)}的偏差原因“${text}”不足${min}个字；请写明原因（客观/主观）和改进措施`,
    `${name}: the explanation "${text}" is shorter than ${min} characters; state the cause and the improvement measures.`,
  ],
  fundsRateMismatch: (declared: string, computed: string, spent: number, budget: number): Words => [
    `执行率填报为${declared}，按全年执行数${fmt(spent)}÷全年预算数${fmt(budget)}应为${computed}；请改为${computed}`,
    `Execution rate says ${declared}; spent ${fmt(spent)} ÷ budget ${fmt(budget)} gives ${computed}. Change it to ${computed}.`,
  ],
  fundsScoreMismatch: (declared: number, computed: number, weight: number, rate: string): Words => [
    `预算执行得分填报为${fmt(declared)}，按分值${fmt(weight)}×执行率${rate}应为${fmt(computed)}分；请改为${fmt(computed)}`,
    `Budget execution score says ${fmt(declared)}; weight ${fmt(weight)} × rate ${rate} gives ${fmt(computed)}. Change it to ${fmt(computed)}.`,
  ],
  fundsSubtotal: (column: string, columnEn: string, total: number | null, subSum: number): Words =>
    total === null || total === 0
      ? [
          `${column}合计行为${total === 0 ? "0" : "空"}，其中各项之和为${fmt(subSum)}；已按${fmt(subSum)}计算，请${total === 0 ? "改正" : "填写"}合计`,
          `${columnEn}: the total row is ${total === 0 ? "0" : "empty"} while its sub-rows add up to ${fmt(subSum)}; ${fmt(subSum)} was used. ${total === 0 ? "Correct" : "Fill in"} the total.`,
        ]
      : [
          `${column}合计${fmt(total)}与其中各项之和${fmt(subSum)}不符（相差${fmt(Math.abs(total - subSum))}）；请核对合计或各项资金`,
          `${columnEn}: total ${fmt(total)} differs from the sum of its sub-rows ${fmt(subSum)}; check the total or the sub-rows.`,
        ],
  budgetZero: (budget: number): Words => [
    `全年预算数为${fmt(budget)}，无法计算执行率；请填写全年预算数`,
    `The full-year budget is ${fmt(budget)}, so no execution rate can be computed; fill in the budget.`,
  ],
  fundsLowExecution: (rate: string, threshold: string): Words => [
    `预算执行率${rate}低于${threshold}，须说明原因（如跨年度项目、年中预算调整）；请在偏差原因栏或自评报告中说明`,
    `Budget execution ${rate} is below ${threshold}; explain why (multi-year project, mid-year budget change …) in the reason column or the report.`,
  ],
  fundsOverspent: (spent: number, budget: number, rate: string): Words => [
    `全年执行数${fmt(spent)}超过全年预算数${fmt(budget)}（执行率${rate}），请核实是否超预算支出；得分按分值封顶`,
    `Spent ${fmt(spent)} exceeds the budget ${fmt(budget)} (rate ${rate}); check for overspending. The score is capped at the weight.`,
  ],
  totalMismatch: (declared: number, sum: number): Words => [
    `总分填报为${fmt(declared)}，各项得分合计为${fmt(sum)}；请改为${fmt(sum)}`,
    `The total says ${fmt(declared)}; the scores add up to ${fmt(sum)}. Change it to ${fmt(sum)}.`,
  ],
  totalMismatchWeights: (declared: number, sum: number, weights: number, points: number): Words => [
    `总分填报为${fmt(declared)}，各项得分合计为${fmt(sum)}；但各项分值合计为${fmt(weights)}分而不是${fmt(points)}分，请先改正分值，再据此核对得分和总分`,
    `The total says ${fmt(declared)} while the scores add up to ${fmt(sum)}; but the weights add up to ${fmt(weights)}, not ${fmt(points)}: fix the weights first, then the scores and the total.`,
  ],
  reasonBlockMissing: (name: string, count: number): Words => [
    `${q(name)}${count > 1 ? `等${count}项指标` : ""}未达到年度指标值或被扣分，但偏差原因分析栏为空；请写明原因（客观/主观）和改进措施`,
    `${name}${count > 1 ? ` and ${count - 1} more` : ""} fell short or lost points, but the reasons block under the total is empty; state the causes and the improvement measures.`,
  ],
  tableUncalculated: (): Words => [
    `各项得分是公式但没有计算结果（公式未计算），未评定等级；请在 Excel 或 WPS 中打开并保存后再校验`,
    `The scores are formulas with no calculated value, so no grade is given; open and save the file in Excel or WPS, then check again.`,
  ],
  tableNotFilled: (): Words => [
    `表格尚未填写得分（各项得分均为空），未评定等级；请填写各项实际完成值和得分后再核对`,
    `The table is not filled in yet (no score anywhere), so no grade is given; fill in the actual values and scores first.`,
  ],
  fundsUnread: (label: string): Words => [
    `“${label}”资金表的列未能识别（未找到全年预算数、全年执行数），预算执行得分未计入核对，分值合计和总分未核对；请使用“年初预算数、全年预算数、全年执行数、分值、执行率、得分”表头`,
    `The funds block "${label}" could not be read (no budget and spending columns found), so its points are left out and the weight sum and total were not checked; use the standard funds headers.`,
  ],
  gradeMismatch: (declared: string, sum: number, grade: string): Words => [
    `等级填报为“${declared}”，按各项得分合计${fmt(sum)}分应为“${grade}”；请改为“${grade}”`,
    `The grade says "${declared}"; a total of ${fmt(sum)} is "${grade}". Change it to "${grade}".`,
  ],
  gradeChanges: (sum: number, from: string, computed: number, to: string): Words => [
    `按规则重算后总分由${fmt(sum)}变为${fmt(computed)}，等级将由“${from}”变为“${to}”；请先改正上面的得分问题`,
    `Recomputed, the total moves from ${fmt(sum)} to ${fmt(computed)} and the grade from "${from}" to "${to}"; fix the scores above first.`,
  ],
};

/** Why a row needs an explanation, in both languages (shown on the guided card). */
export const why = {
  shortfall: (actual: string, target: string): Words => [
    `实际完成值${actual}未达到年度指标值${target}`,
    `actual ${actual} falls short of target ${target}`,
  ],
  reverseOver: (actual: string, target: string): Words => [
    `实际完成值${actual}超过了控制目标${target}`,
    `actual ${actual} exceeds the ceiling ${target}`,
  ],
  equalDiffers: (actual: string, target: string): Words => [
    `实际完成值${actual}不等于年度指标值${target}`,
    `actual ${actual} differs from target ${target}`,
  ],
  rangeOutside: (actual: string, target: string): Words => [
    `实际完成值${actual}不在指标区间${target}之内`,
    `actual ${actual} is outside the range ${target}`,
  ],
  band: (band: string): Words => [`实际完成情况为“${band}”`, `the outcome is "${band}"`],
  deduction: (declared: number, weight: number): Words => [
    `得分${fmt(declared)}低于分值${fmt(weight)}`,
    `the score ${fmt(declared)} is below the weight ${fmt(weight)}`,
  ],
  overshoot: (ratio: number): Words => [
    `超额完成（为指标值的${pct(ratio, 0)}）`,
    `over-achieved (${pct(ratio, 0)} of target)`,
  ],
};

/** What the missing-value words need to know of a cell: where it is and whether it is an uncalculated formula. */
export interface BlankCell {
  cell: string;
  formula: string | null;
  uncalculated: boolean;
}

/**
 * The words for a blank cell the rules need (分值, 得分, 实际完成值, 预算): `plain`, unless the cell is a
 * formula the file never calculated; then asking to fill it in would be wrong, so the words say that
 * the formula has no value and how to get one.
 */
export function blankWords(
  c: BlankCell | null,
  name: string,
  what: string,
  whatEn: string,
  plain: Words,
): Words {
  return c?.uncalculated && c.formula
    ? say.formulaUncalculated(name, what, whatEn, c.cell, c.formula)
    : plain;
}

/** The words of a VALUE_MISSING finding: "X 为空", or the uncalculated-formula words where that is why. */
export function missingWords(c: BlankCell | null, name: string, what: string, whatEn: string): Words {
  return blankWords(c, name, what, whatEn, say.valueMissing(name, what, whatEn));
}
