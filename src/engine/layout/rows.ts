/**
 * What a row under the indicator header is, by its content alone (scoring-rules.md §1, "Rows"): a template
 * placeholder, a breakdown of the indicator above, a group row naming a 一级/二级 category, or an indicator.
 * General rules, not table-specific ones: each was seen in published tables of several provinces.
 */
import { isPlaceholder } from "../values";
import { isDashPlaceholder } from "../values/normalize";
import { norm, stripWeight } from "./text";

/**
 * A template's unfilled slot: "……", "指标1：", "指标2：/", "指标3" — a numbered label with nothing after it,
 * only dots and dashes, or a word for nothing (无, 略). "指标1：工程质量合格" is not: it names an indicator.
 */
export function isPlaceholderName(name: string): boolean {
  const k = norm(name).replace(/^(三级)?指标\d*[:.、]?/, "");
  // "无", "暂无", "略": a row that says there is nothing (其他需要说明事项 | 无) names no indicator.
  return isDashPlaceholder(k) || isPlaceholder(k);
}

/** A cell that says nothing: blank, or only dashes, slashes and dots. */
export function isEmptyText(text: string): boolean {
  return text.trim() === "" || isDashPlaceholder(text);
}

/** "其中：桃树种植面积", "含…", "包括…": a part of the indicator above. */
export function isBreakdownName(name: string): boolean {
  return /^(其中|含|包括|包含)/.test(norm(name));
}

const LEVEL1_WORDS = /^(产出|效益|效果|满意度|成本|影响)(指标)?$/;
const LEVEL2_WORDS =
  /^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)(指标)?$/;

/**
 * The 一级 or 二级 category a group row names, in a table without 一级/二级 columns: "产出指标",
 * "一级指标：效益指标（30分）", "数量指标". Null for anything else.
 */
export function groupLevel(name: string): "level1" | "level2" | null {
  const k = norm(stripWeight(name))
    .replace(/^(一级|二级)指标[:]?/, "")
    .replace(/[:]$/, "");
  if (!k) return null;
  if (LEVEL1_WORDS.test(k)) return "level1";
  if (LEVEL2_WORDS.test(k)) return "level2";
  return null;
}

/**
 * The name of a 一级 whose cell shows only its weight ("(50分)"), from its 二级 labels: 数量/质量/时效/成本
 * are 产出, 经济/社会/生态效益 and 可持续影响 are 效益, 满意度 is 满意度. Null when the 二级 says nothing.
 */
export function categoryFromLevel2(level2: string): string | null {
  const k = norm(level2);
  if (/满意/.test(k)) return "满意度指标";
  if (/效益|可持续|影响/.test(k)) return "效益指标";
  if (/数量|质量|时效|成本/.test(k)) return "产出指标";
  return null;
}
