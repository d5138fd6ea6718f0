/**
 * The words that end or frame a 自评表's blocks, in one place: notes, signature lines, total labels, grade
 * labels and words, goal-block markers. The layout readers and the stacked-table splitter share them so a
 * row means the same thing to each.
 */
import { headerKey, norm, type IndicatorRole } from "./text";

/** A note under the table: 备注, 注：, 注1, 注、, 说明：, 填表说明. */
const NOTE = /^(备注|注:|注\d|注[.、]|说明:|填表说明|填报说明)/;

/** Notes under the table. */
export function isNote(text: string): boolean {
  if (!/^[\s\u3000]*[备注说填]/.test(text)) return false;
  return NOTE.test(norm(text));
}

/** Signature and contact lines under a table: 填表人, 联系电话, 单位负责人, 单位（盖章）, 填报日期… */
const SIGNATURE =
  /^(填表人|填报人|审核人|复核人|联系人|联系电话|单位负责人|负责人|财务负责人|项目负责人|填报日期|填表日期|日期:|单位(盖章|公章)|\(?盖章)/;

export function isSignatureLine(text: string): boolean {
  return SIGNATURE.test(norm(text));
}

/** A numbered line ("1.", "（二）", "3、"): under a note it is a part of that note. */
export function isEnumeratedLine(text: string): boolean {
  return /^\(?[0-9一二三四五六七八九十]+[).、]/.test(norm(text));
}

/** 等级, 自评等级, 评价等级, 绩效等级, 综合等级 at the start of a cell. */
const GRADE_LABEL = /^(?:自评|评价|绩效|综合)?等级/;
const GRADE_CELL = new RegExp(`${GRADE_LABEL.source}(?:评定)?:?(.*)$`);

export function isGradeLine(text: string): boolean {
  return GRADE_LABEL.test(norm(text));
}

/** "等级：优" → "优"; "自评等级" → "" (a label whose grade is in the next cell); null when no grade label. */
export function gradeAfterLabel(text: string): string | null {
  const m = GRADE_CELL.exec(norm(text));
  return m ? m[1].replace(/[。.;；]$/, "") : null;
}

/** A grade written on its own. */
export const GRADE_WORDS = new Set([
  "优",
  "良",
  "中",
  "差",
  "优秀",
  "良好",
  "合格",
  "不合格",
  "好",
  "较好",
  "一般",
  "较差",
]);

/** Label of the indicator total row. */
export function isTotalLabel(text: string): boolean {
  if (text.length > 24 || !/[总合计]/.test(text)) return false;
  const k = headerKey(text);
  return /^(总分|合计|总计|总得分|得分合计|综合得分|自评总分|总分合计|合计得分|总计得分)$/.test(k);
}

/** Label of the funds total row. */
export function isFundsTotalLabel(text: string): boolean {
  const k = headerKey(text);
  return /^(年度资金总额|资金总额|合计|总额|总计|小计)$/.test(k);
}

/**
 * Goal block markers: the funds block ends here. 年度总体目标, 全年（调整）绩效目标, 全年目标实际完成情况,
 * 实际完成情况: a goal or what became of it, with or without 全年/年度/本年 and 总体/绩效 in front.
 */
export function isGoalLabel(text: string): boolean {
  if (text.length > 40 || !/[目完]/.test(text)) return false;
  const k = headerKey(text);
  return (
    /^(年度总体目标|总体目标|年度目标|预期目标|实际完成情况|绩效目标)/.test(k) ||
    /^(全年|年度|本年|当年)?(总体|整体)?(绩效)?目标((实际)?完成情况)?$/.test(k) ||
    /^(全年|年度|本年|当年)(总体|整体)?(绩效)?目标(实际)?完成情况/.test(k)
  );
}

/**
 * Column orders of the indicator header seen in published tables, as data: in each pair the first column
 * stands left of the second (三级 name, then 年度指标值, then 实际完成值; 分值 before 得分; 得分 before
 * 偏差原因). 分值 is seen both before the target (Anhui, Sichuan) and after the actual, so it is paired only
 * with 得分. A header that breaks a pair is still read by its words, and the reading is said (LAYOUT_ASSUMED).
 */
export const SEEN_COLUMN_ORDER: readonly (readonly [IndicatorRole, IndicatorRole])[] = [
  ["name", "target"],
  ["target", "actual"],
  ["adjusted", "actual"],
  ["actual", "score"],
  ["weight", "score"],
  ["score", "explanation"],
];
