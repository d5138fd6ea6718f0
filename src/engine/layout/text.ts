/**
 * Text normalisation and the header vocabulary of 绩效自评表 (scoring-rules.md §1).
 */
import { pointsInLabel } from "../values/number";

/** Any character norm() changes; most cells have none and are returned as they are. */
const NORM_CHANGES = /[\s\u00a0\u3000（【[）】\]：０-９．]/;

/**
 * The layout readers ask for the same cells' norm() and headerKey() many times (each row is tried as a
 * header, a total, a new table's top): remembered per text, forgotten wholesale past a bound.
 */
const MEMO_MAX = 20_000;
function memo(f: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let r = seen.get(s);
    if (r === undefined) {
      r = f(s);
      if (seen.size >= MEMO_MAX) seen.clear();
      seen.set(s, r);
    }
    return r;
  };
}

/** Drops all whitespace (line breaks, ideographic spaces), folds full-width digits, parens and colons. */
export function norm(s: string): string {
  return NORM_CHANGES.test(s) ? normMemo(s) : s;
}

const normMemo = memo((s) =>
  s
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/[（【[]/g, "(")
    .replace(/[）】\]]/g, ")")
    .replace(/：/g, ":")
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, "."),
);

/** norm() without parenthesised parts and a trailing colon: "年度指标值（A）" → "年度指标值". */
export const headerKey: (s: string) => string = memo((s) =>
  norm(s)
    .replace(/\([^()]*\)/g, "")
    .replace(/:$/, ""),
);

/** The weight written in a label: "产出指标(50分)", "效益指标 （30分）", "绩效指标90分" → 50, 30, 90. */
export function weightFromLabel(label: string): number | null {
  return pointsInLabel(norm(label));
}

/** A 一级 label without its weight: "效益指标 （30分）" → "效益指标". */
export function stripWeight(label: string): string {
  return label
    .replace(/[（(]\s*[0-9０-９]+(?:[.．][0-9０-９]+)?\s*分\s*[)）]/g, "")
    .replace(/\s*[0-9０-９]+(?:[.．][0-9０-９]+)?\s*分\s*[)）]?\s*$/, "")
    .replace(/[\s\u3000]+/g, " ")
    .trim()
    .replace(/\s+/g, "");
}

export type IndicatorRole =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "actual"
  | "weight"
  | "score"
  | "explanation"
  | "nature"
  | "unit"
  /** 评分标准 / 指标解释: the criteria of an evaluation-style table (no target, no actual). */
  | "criteria"
  /** 调整指标值: a target adjusted during the year; it replaces the original where it is filled. */
  | "adjusted";

const INDICATOR_HEADERS: Record<string, IndicatorRole> = {
  一级指标: "level1",
  二级指标: "level2",
  三级指标: "name",
  三级指标名称: "name",
  年度指标值: "target",
  指标值: "target",
  全年指标值: "target",
  目标值: "target",
  年度目标值: "target",
  预期指标值: "target",
  年初指标值: "target",
  年度计划值: "target",
  计划值: "target",
  预期值: "target",
  绩效目标值: "target",
  指标目标值: "target",
  年度绩效指标值: "target",
  年初目标值: "target",
  调整指标值: "adjusted",
  调整后指标值: "adjusted",
  实际完成值: "actual",
  完成值: "actual",
  全年实际值: "actual",
  全年实际完成值: "actual",
  实际值: "actual",
  全年完成值: "actual",
  实际完成情况: "actual",
  指标内容: "name",
  具体指标: "name",
  实际完成指标值: "actual",
  实际完成数: "actual",
  实际达到值: "actual",
  实际达成值: "actual",
  年度实际值: "actual",
  年度完成值: "actual",
  完成指标值: "actual",
  全年实际完成指标值: "actual",
  指标名称: "name",
  // The 决策 / 管理 / 绩效 template: 评价内容 names the indicator, 年终完成值 is the actual.
  评价内容: "name",
  年终完成值: "actual",
  分值: "weight",
  权重: "weight",
  指标分值: "weight",
  权重分值: "weight",
  标准分值: "weight",
  标准分: "weight",
  参考分值: "weight",
  指标权重: "weight",
  // Left of every level column it is the 一级 column itself, its labels carrying the weights (level-weights.ts).
  项目权重: "weight",
  得分: "score",
  自评得分: "score",
  实际得分: "score",
  评价得分: "score",
  自评分: "score",
  指标得分: "score",
  自评分数: "score",
  评分: "score",
  偏差原因分析及改进措施: "explanation",
  未完成原因分析: "explanation",
  偏差原因分析: "explanation",
  偏差大或目标未完成原因分析: "explanation",
  原因: "explanation",
  // Evaluation-style tables write why points were taken off.
  得分说明: "explanation",
  扣分说明: "explanation",
  扣分理由: "explanation",
  扣分情况: "explanation",
  扣分情况说明: "explanation",
  评分标准: "criteria",
  评分细则: "criteria",
  评分办法: "criteria",
  评分方法: "criteria",
  评分规则: "criteria",
  评分要点: "criteria",
  评价标准: "criteria",
  评价标准及依据: "criteria",
  评价要点: "criteria",
  计分方法: "criteria",
  指标解释: "criteria",
  指标说明: "criteria",
  指标内涵: "criteria",
  指标性质: "nature",
  度量单位: "unit",
  计量单位: "unit",
};

export function indicatorRole(text: string): IndicatorRole | null {
  if (!text || text.length > 60) return null;
  const k = headerKey(text);
  if (!k) return null;
  const r = INDICATOR_HEADERS[k];
  if (r) return r;
  if (k.length <= 30 && /原因|改进措施/.test(k) && !/[0-9]/.test(k)) return "explanation";
  return null;
}

/**
 * Header cells the reader only half-knows: no header word of INDICATOR_HEADERS, but a part of one
 * (本年度指标值, 实际完成值情况, 得分情况, 指标分值权重). Tried in this order, first hit wins, only to complete a
 * header row that already names most of its columns by known words (header.ts), and always said
 * (LAYOUT_ASSUMED): the reading is a guess, so errors that depend on it are said as warnings.
 */
export const LOOSE_INDICATOR_WORDS: readonly (readonly [string, IndicatorRole])[] = [
  ["偏差", "explanation"],
  ["原因", "explanation"],
  ["改进措施", "explanation"],
  ["一级指标", "level1"],
  ["二级指标", "level2"],
  ["三级指标", "name"],
  ["指标名称", "name"],
  ["实际完成", "actual"],
  ["完成值", "actual"],
  ["实际值", "actual"],
  ["完成数", "actual"],
  ["完成情况", "actual"],
  ["达成值", "actual"],
  ["指标值", "target"],
  ["目标值", "target"],
  ["计划值", "target"],
  ["预期值", "target"],
  ["得分", "score"],
  ["自评分", "score"],
  ["分值", "weight"],
  ["权重", "weight"],
];

/** Words that make a half-known cell something else: a rate, a coefficient, a criterion, money. */
const LOOSE_EXCLUDED = /率|系数|标准|依据|方法|办法|预算|执行|资金|金额|单位|性质|序号|[0-9]/;

/** The role a header cell's words half-name (LOOSE_INDICATOR_WORDS), or null; never for a known word. */
export function looseIndicatorRole(text: string): IndicatorRole | null {
  if (!text || text.length > 30) return null;
  const k = headerKey(text);
  if (!k || INDICATOR_HEADERS[k] || LOOSE_EXCLUDED.test(k)) return null;
  for (const [word, role] of LOOSE_INDICATOR_WORDS) if (k.includes(word)) return role;
  return null;
}

export type FundsRole =
  "totalLabel" | "initial" | "budget" | "spent" | "weight" | "rate" | "score" | "reason";

const FUNDS_HEADERS: Record<string, FundsRole> = {
  年度资金总额: "totalLabel",
  资金总额: "totalLabel",
  年初预算数: "initial",
  年初预算: "initial",
  全年预算数: "budget",
  全年预算: "budget",
  调整预算数: "budget",
  调整后预算数: "budget",
  预算数: "budget",
  全年执行数: "spent",
  预算执行数: "spent",
  实际执行数: "spent",
  执行数: "spent",
  全年支出数: "spent",
  实际支出数: "spent",
  // Other provinces' words for the same columns.
  全年执行: "spent",
  实际执行: "spent",
  实际支出: "spent",
  年度执行数: "spent",
  支出实现率: "rate",
  资金执行率: "rate",
  分值: "weight",
  权重: "weight",
  执行率: "rate",
  预算执行率: "rate",
  得分: "score",
  // The indicator header's score words mean the same over the funds block.
  自评得分: "score",
  实际得分: "score",
};

export function fundsRole(text: string): FundsRole | null {
  if (!text || text.length > 60) return null;
  const k = headerKey(text);
  if (!k) return null;
  const r = FUNDS_HEADERS[k];
  if (r) return r;
  if (k.length <= 30 && /原因|说明/.test(k)) return "reason";
  return null;
}

/** Block label of the funds block. */
export function isFundsLabel(text: string): boolean {
  const k = norm(text);
  return /^(项目资金|资金情况|预算执行情况|资金投入|部门资金|预算资金|年度预算)/.test(k);
}

/**
 * A row that starts another table: its title (…绩效自评表), its header block (项目名称, 部门名称, 主管部门)
 * or its indicator header (一级指标). A table without a 总分 row ends there, not inside the next one.
 */
export function startsTable(text: string): boolean {
  // Cheap test first: this runs on every cell of every indicator row.
  if (text.length > 60 || !/级|名称|主管|实施|表/.test(text)) return false;
  const k = headerKey(text);
  return (
    /^(一级指标|项目名称|部门名称|部门\(单位\)名称|单位名称|主管部门|实施单位)$/.test(k) ||
    /绩效(自评|评价)(表|结果表)$/.test(k)
  );
}
