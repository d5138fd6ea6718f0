/**
 * The guided explanation: which cause a row's deviation has, a first sentence that states the facts
 * (年度指标值≥1000人，实际完成700人，完成率70%，得分由6分调整为4.2分), and the two-part text
 * 偏差原因：…；改进措施：… that phrases are toggled into (never twice) and that is checked before writing.
 */
import type { ExplanationCause, Finding, FundsReport, IndicatorReport, Phrase } from "../../engine";
import type { Language } from "../i18n";
import { fmtRate, fmtScore } from "../components/format";

export const REASON_MARK = "偏差原因：";
export const MEASURE_MARK = "改进措施：";

export function causeOf(ind: IndicatorReport, findings: Finding[]): ExplanationCause {
  if (findings.some((f) => f.code === "OVER_TARGET")) return "overAchieved";
  const over =
    ind.ratio != null && ind.ratio > 1 && (ind.direction === "positive" || ind.direction === "equal");
  if (over) return "overAchieved";
  if (findings.some((f) => f.code === "SCORE_DEDUCTION_UNEXPLAINED")) return "deduction";
  return "shortfall";
}

/** "地质灾害防治知识宣传受众人数(人)" → "人": the unit a bare number of that row is counted in. */
function unitOf(name: string): string {
  const m = /[（(]([^（）()]{1,6})[)）]\s*$/.exec(name);
  return m && !/^[\d.]+$/.test(m[1]) && m[1] !== "%" ? m[1] : "";
}

const withUnit = (v: string, unit: string) =>
  unit && /\d$/.test(v.trim()) ? `${v.trim()}${unit}` : v.trim();

/** The first sentence, built from the row's own numbers. */
export function factSentence(ind: IndicatorReport, cause: ExplanationCause, lang: Language): string {
  const zh = lang === "zh";
  const unit = unitOf(ind.name);
  const parts: string[] = [];
  if (ind.target || ind.actual) {
    const target = withUnit(ind.target, unit);
    const actual = withUnit(ind.actual, unit);
    if (ind.kind === "qualitative")
      parts.push(
        zh ? `年度指标值${target}，实际完成情况“${actual}”` : `target ${target}, outcome “${actual}”`,
      );
    else parts.push(zh ? `年度指标值${target}，实际完成${actual}` : `target ${target}, actual ${actual}`);
    if (ind.ratio != null && (ind.direction === "positive" || ind.direction === "equal"))
      parts.push(zh ? `完成率${fmtPct(ind.ratio)}` : `${fmtPct(ind.ratio)} of target`);
  }
  // The sentence states what the sheet says: while the declared score still awaits its correction
  // (declared ≠ recomputed), claiming "调整为 <recomputed>" would be false, so the score part waits.
  const scoreCut = ind.scoreDeclared ?? ind.scoreComputed;
  const pending =
    cause !== "deduction" &&
    ind.scoreDeclared != null &&
    ind.scoreComputed != null &&
    fmtScore(ind.scoreDeclared) !== fmtScore(ind.scoreComputed);
  if (!pending && ind.weight != null && scoreCut != null && scoreCut < ind.weight)
    parts.push(
      zh
        ? `得分由${fmtScore(ind.weight)}分调整为${fmtScore(scoreCut)}分`
        : `score lowered from ${fmtScore(ind.weight)} to ${fmtScore(scoreCut)}`,
    );
  const s = parts.join(zh ? "，" : ", ");
  return zh ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

export function fundsFacts(funds: FundsReport, lang: Language): string {
  const rate = fmtRate(funds.rate.computed ?? funds.rate.declared);
  const num = (v: number | null) => (v === null ? "—" : fmtScore(v));
  return lang === "zh"
    ? `全年预算数${num(funds.budget)}，全年执行数${num(funds.spent)}，预算执行率${rate}`
    : `Budget ${num(funds.budget)}, spent ${num(funds.spent)}, execution rate ${rate}`;
}

function fmtPct(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** The starting text: the facts and the two marks, ready for the user's reason and measures. */
export function template(facts: string): string {
  return `${REASON_MARK}${facts}。；${MEASURE_MARK}`.replace("。；", "；");
}

interface Parts {
  reason: string;
  measure: string;
  marked: boolean;
}

export function splitParts(text: string): Parts {
  const i = text.indexOf(MEASURE_MARK);
  if (i < 0) return { reason: text, measure: "", marked: false };
  return {
    reason: text.slice(0, i).replace(/[；;，,\s]+$/, ""),
    measure: text.slice(i + MEASURE_MARK.length),
    marked: true,
  };
}

function joinParts(reason: string, measure: string): string {
  return `${reason.replace(/。$/, "")}；${MEASURE_MARK}${measure}`;
}

const core = (p: Phrase) => p.text.replace(/。$/, "");

export function hasPhrase(text: string, p: Phrase): boolean {
  return text.includes(core(p));
}

/** Adds the phrase to its part, or takes it out when it is there: a toggle never inserts twice. */
export function togglePhrase(text: string, p: Phrase, part: "reason" | "measure"): string {
  const c = core(p);
  if (text.includes(c)) {
    return text
      .replace(new RegExp(escape(c) + "。?"), "")
      .replace(/。；/g, "；")
      .replace(/：。/g, "：")
      .replace(/。。/g, "。");
  }
  const { reason, measure, marked } = splitParts(text);
  const add = (base: string) => {
    const b = base.trimEnd();
    if (!b || /[：。；！!]$/.test(b)) return b + p.text;
    return `${b}。${p.text}`;
  };
  if (part === "reason") return marked ? joinParts(add(reason), measure) : add(reason);
  return joinParts(reason || REASON_MARK, add(measure));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export type ExplainProblem = "empty" | "reason" | "measure" | null;

/** Both parts must be written before the text goes into the cell (the facts alone are no reason). */
export function checkExplanation(text: string, facts: string | null): ExplainProblem {
  if (!text.trim()) return "empty";
  if (facts === null) return null;
  const { reason, measure, marked } = splitParts(text);
  const own = reason
    .replace(REASON_MARK, "")
    .replace(facts, "")
    .replace(/[\s。，,；;：:]/g, "");
  if (own.length < 2) return "reason";
  if (!marked || measure.replace(/[\s。，,；;：:]/g, "").length < 2) return "measure";
  return null;
}
