/**
 * The one-line summary of a collapsed card: the subject, its numbers, and what is wrong in a few
 * words (the full engine message is in the open card). Built from the finding data, both languages.
 */
import type { FindingCode, SheetReport } from "../../engine";
import type { Language } from "../i18n";
import { fmtRate, fmtScore, fmtText } from "../components/format";
import type { Card } from "./cards";
import { columnOf } from "./finding-data";
import { MISSING_CARD_KEY, missingIndicators } from "./comparison-cards";

/** Codes added later fall back to the engine's message (cut short). */
const SHORT: Partial<Record<FindingCode, [string, string]>> = {
  WEIGHT_TOTAL: ["分值合计不对", "weights do not add up"],
  WEIGHT_CATEGORY: ["一级指标分值不符", "category weight differs"],
  WEIGHT_SPLIT: ["分值分配与规则不同", "split differs from the rules"],
  SCORE_OUT_OF_RANGE: ["得分超出范围", "score out of range"],
  SCORE_TOO_HIGH: ["得分偏高", "score too high"],
  SCORE_TOO_LOW: ["得分偏低", "score too low"],
  SCORE_DEDUCTION_UNEXPLAINED: ["扣分未说明", "deduction not explained"],
  QUAL_SCORE_OUT_OF_BAND: ["得分不在档次内", "score outside its band"],
  QUAL_UNCLASSIFIED: ["完成情况无法判断", "outcome unclear"],
  VALUE_MISSING: ["有空单元格", "empty cell"],
  VALUE_NOT_NUMERIC: ["不是数字", "not a number"],
  TARGET_UNPARSED: ["指标值无法识别", "target unreadable"],
  DIRECTION_INFERRED: ["未写 ≥ 或 ≤", "no ≥ or ≤"],
  OVER_TARGET: ["超额完成", "over-achieved"],
  EXPLANATION_MISSING: ["缺偏差说明", "explanation missing"],
  EXPLANATION_TOO_SHORT: ["偏差说明过短", "explanation too short"],
  FUNDS_RATE_MISMATCH: ["执行率算错", "rate miscalculated"],
  FUNDS_SCORE_MISMATCH: ["执行得分算错", "execution score miscalculated"],
  FUNDS_SUBTOTAL_MISMATCH: ["合计与分项不符", "total differs from sub-rows"],
  FUNDS_LOW_EXECUTION: ["执行率偏低，需说明", "low execution: explain"],
  FUNDS_OVERSPENT: ["超预算支出", "overspent"],
  TOTAL_MISMATCH: ["总分不等于合计", "total differs from the sum"],
  GRADE_MISMATCH: ["等级不对", "wrong grade"],
  GRADE_CHANGES_ON_RECALC: ["重算后等级改变", "grade changes on recomputation"],
  // issue 20: 对照申报表 / 对照上年
  TARGET_CHANGED: ["与申报表指标值不一致", "target differs from the approved one"],
  INDICATOR_MISSING: ["申报表中的指标缺失", "approved indicator missing"],
  INDICATOR_ADDED: ["申报表中没有此指标", "not among the approved indicators"],
  WEIGHT_CHANGED: ["分值与申报表不同", "weight differs from the approved one"],
  TARGET_NOT_RAISED: ["上年超额完成，指标值未提高", "exceeded last year, target not raised"],
  // The 自评报告's prose against its table (a .docx)
  REPORT_FIGURE_MISMATCH: ["报告中的数字与表格不一致", "figure differs from the table"],
  REPORT_SUM_MISMATCH: ["报告中的合计对不上", "sum does not add up"],
  REPORT_CLAIM_CONTRADICTED: ["报告的表述与表格矛盾", "statement contradicts the table"],
  REPORT_SECTION_MISSING: ["报告缺少章节", "section missing"],
};

export function shortLabel(code: FindingCode, lang: Language): string | null {
  return SHORT[code]?.[lang === "en" ? 1 : 0] ?? null;
}

/** "报告第 18 段" / "Report paragraph 18": where a REPORT_ finding stands in the 自评报告. */
export function paragraphLabel(index: number, lang: Language): string {
  return lang === "zh" ? `报告第 ${index} 段` : `Report paragraph ${index}`;
}

export function cardTitle(card: Card, lang: Language): string {
  const zh = lang === "zh";
  if (card.indicator) return card.indicator.name || card.indicator.level2;
  if (card.rows) {
    const code = card.findings[0].code;
    const what = shortLabel(code, lang) ?? code;
    const col = columnOf(card.cell);
    return zh
      ? `${what}（${col} 列，${card.rows.length} 行）`
      : `${what} (column ${col}, ${card.rows.length} rows)`;
  }
  if (card.key === MISSING_CARD_KEY)
    return zh ? "申报表中有、本表缺少的指标" : "Approved indicators missing here";
  if (card.kind === "report") {
    if (card.paragraph) return paragraphLabel(card.paragraph.index, lang);
    return zh ? "自评报告提纲" : "Report outline";
  }
  if (card.kind === "funds") return zh ? "预算执行" : "Budget execution";
  if (card.kind === "total") return zh ? "总分与等级" : "Total and grade";
  return zh ? "分值" : "Weights";
}

/**
 * "得分 2.94→2.35 · ≥1000 → 700 · 70%" and the like: the numbers the user checks first, the score
 * leading (a wrong score shows declared → recomputed, a right one score/weight).
 */
export function cardNumbers(card: Card, report: SheetReport, lang: Language): string {
  const zh = lang === "zh";
  const ind = card.indicator;
  if (ind) {
    const score = zh ? "得分" : "score";
    const wrong =
      ind.scoreComputed != null &&
      ind.scoreDeclared != null &&
      fmtScore(ind.scoreComputed) !== fmtScore(ind.scoreDeclared);
    const parts: string[] = [
      wrong
        ? `${score} ${fmtScore(ind.scoreDeclared)}→${fmtScore(ind.scoreComputed)}`
        : `${score} ${fmtScore(ind.scoreDeclared ?? ind.scoreComputed)}/${fmtScore(ind.weight)}`,
    ];
    if (ind.target || ind.actual) parts.push(`${fmtText(ind.target)} → ${fmtText(ind.actual)}`);
    if (ind.ratio != null && (ind.direction === "positive" || ind.direction === "equal"))
      parts.push(`${Math.round(ind.ratio * 1000) / 10}%`);
    return parts.join(" · ");
  }
  if (card.rows) return card.rows.map((r) => r.name || r.level2).join(zh ? "、" : ", ");
  // The prose it is about, as its opening words: the clerk finds the paragraph in Word by them.
  if (card.kind === "report") return card.paragraph ? `“${card.paragraph.opening}”` : "";
  if (card.key === MISSING_CARD_KEY)
    return missingIndicators(card)
      .map((m) => (zh ? `${m.indicator}（申报值 ${m.target}）` : `${m.indicator} (approved ${m.target})`))
      .join(zh ? "、" : ", ");
  if (card.kind === "funds" && report.funds)
    return `${zh ? "执行率" : "rate"} ${fmtRate(report.funds.rate.declared ?? report.funds.rate.computed)}`;
  if (card.kind === "total")
    return `${zh ? "总分" : "total"} ${fmtScore(report.total.declared)} → ${fmtScore(report.total.computed)} · ${
      zh ? "等级" : "grade"
    } ${fmtText(report.grade.declared)} → ${fmtText(report.grade.computed)}`;
  return "";
}

/** What is wrong, in a few words, each code once. */
export function cardProblems(card: Card, lang: Language): string {
  const seen = new Set<FindingCode>();
  const out: string[] = [];
  for (const f of card.findings) {
    if (seen.has(f.code)) continue;
    seen.add(f.code);
    const text = lang === "en" ? f.messageEn : f.message;
    out.push(shortLabel(f.code, lang) ?? (text.length > 24 ? `${text.slice(0, 24)}…` : text));
  }
  return out.join(lang === "zh" ? "；" : "; ");
}
