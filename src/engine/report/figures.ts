/**
 * The figures a 自评报告 states in prose: "全年预算收入 1839.1 万元，其中：当年财政拨款 1497.06 万元…",
 * "预算执行率 78.25%", "自评得分 97.83 分，等级为“优”". A figure is a label, a few filler characters at
 * most ("为", "达到", "："), a number and its unit. Money needs 万元 / 元 / 亿元, a rate needs %; a label
 * followed by anything else is not a figure (precision over recall: an unread figure is silence, a misread
 * one a false error).
 */
import type { ReportDocument, ReportParagraph } from "./document";

export type FigureKind =
  | "initial" // 年初预算数
  | "budget" // 全年预算数 / 预算收入
  | "budgetPart" // 其中：当年财政拨款 / 上年结转 / 其他资金
  | "spent" // 全年执行数 / 支出
  | "spentPart" // 基本支出 / 项目支出
  | "rate" // 执行率
  | "balance" // 结余 / 结转结余
  | "score" // 自评得分 / 总分: the report's score, never a category's
  | "investment" // 总投资: a project's whole cost, checked only against its own 其中 parts
  | "grade"; // 等级

export type MoneyUnit = "元" | "万元" | "亿元";

export interface ReportFigure {
  kind: FigureKind;
  /** The label as written ("全年预算收入", "当年财政拨款"). */
  label: string;
  /** The number as written, normalised ("1839.1"); for a grade, the grade ("优"). */
  raw: string;
  /** The number (a rate in percent: 78.25); NaN for a grade. */
  value: number;
  decimals: number;
  unit: MoneyUnit | "%" | "分" | null;
  paragraph: ReportParagraph;
  /** Offset of the label in the paragraph's (normalised) text. */
  offset: number;
  /** "…万元，其中：…" follows: the next parts break this total down. */
  breakdown: boolean;
  /** A year written before the label in its clause ("2020 年预算执行率"), else null. */
  year: string | null;
  /** Written as approximate ("约 22.66 亿元", "近 100 万元"): read, never compared. */
  approx: boolean;
}

const LABELS: [FigureKind, string][] = [
  // Rates first: "全年预算执行率" must not be read as 全年预算 + a number.
  ["rate", "全年预算执行率|预算执行率|资金执行率|支出执行率|执行率"],
  ["initial", "年初批复预算数|年初批复预算|年初预算数|年初预算"],
  ["investment", "项目总投资|总投资"],
  [
    "budget",
    "调整预算后项目预算|调整预算后预算|调整后预算数|调整后预算|全年预算数|全年预算收入|全年预算总额|全年预算|" +
      "预算总收入|预算收入总额|预算收入|预算总额|预算资金总额|财政资金总额|资金总额|总预算|预算数|" +
      // "下达（预算）资金 500 万元", "批复资金合计…", "收到…资金共计…": the money a project was given.
      "(?:下达|批复|收到)(?:预算)?(?:资金|经费)(?:合计|共计|总计)?|(?:下达|批复)预算|安排支出(?:共计|合计)|" +
      // "收到…资金共计", "下达我县 2023 年…资金": what the unit itself received, the fund's name between
      // (never "下达到各乡镇…": money passed on). Digits only in a year.
      "(?:收到|下达我[省市县区局校院单位])[^，。；;：:,、\\d]{0,12}(?:\\d{4}年度?[^，。；;：:,、\\d]{0,12})?" +
      "(?:资金|经费)(?:合计|共计|总计)?|" +
      "(?:项目|预算)?资金(?:共计|合计|总计|共)|经费(?:共计|合计)|收入(?=\\s*[：:])|" +
      // "投入中央直达资金 29.6 万": the money put in, a few words naming the fund between.
      "投入[\\u4e00-\\u9fff]{0,6}?资金",
  ],
  [
    "budgetPart",
    "当年财政拨款|本年财政拨款|财政拨款收入|财政拨款|上年结转结余资金|上年结转资金|上年结转|其他资金来源|其他资金|其他收入",
  ],
  ["spentPart", "基本支出|项目支出"],
  [
    "spent",
    "全年执行数|实际执行数|执行数|实际总支出|实际支出|实际发放(?:资金|金额)?|拨付使用(?:资金)?|全年支出|本年支出|决算支出|累计支出|支出总额|支出",
  ],
  ["balance", "结余结转|结转结余|结余资金|结余"],
  ["score", "自评总分|自评得分|综合评价得分|综合得分|评价得分|评价分|总得分|自评分数|得分合计|总分|得分"],
];

const LABEL_RE = new RegExp(LABELS.map(([, alt]) => `(${alt})`).join("|"), "g");
// Filler between a label and its number: "为", "达到", "共计", "：" — never "较上年提高" (a change, not the figure).
// "29.6万," with no 元 is money in 万元; "29.6万人" is a count, so a bare 万 must not run into another word.
const VALUE_RE =
  /^([\s为是达到了约近共计合总额：:]{0,5})(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元|%|分|万(?![\u4e00-\u9fff]))?/;
// "我校", "我局": the unit itself; "我校教育专项工作经费项目…": its own project, named after it.
const OWN_UNIT = "我(?:校|院|局|委|办|中心|站|所|馆|队|单位|部门)";
const OWN_PROJECT = OWN_UNIT + "[^，。；;：:,、\\d]{1,20}?项目";
/**
 * What may stand before a label in its clause: a year, 全年 / 本单位 / 其中 and the like. "某某项目预算数",
 * "上年预算执行率" and "2020 年执行率" name another budget or year: not this table's figure.
 */
const OWN_PREFIX = new RegExp(
  "^(?:\\s|\\d{4}\\s*年度?|" +
    OWN_PROJECT +
    "|" +
    OWN_UNIT +
    "|全年|本年度?|当年|本单位|本部门|本项目|该项目|项目|实际|该|单位|部门|整体|其中[:：]?|共|合计|" +
    "总计|以及|和|及|另|经自评|经综合评价|因此|综上所述?|最终|[一二三四五六七八九十\\d]+[、.．])*$",
);
const CLAUSE_BREAK = /[，,。；;！？、\n（(]/;

function sentenceStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !/[。；;！？\n]/.test(text[i - 1])) i--;
  return i;
}

function clausePrefix(text: string, at: number): string {
  let i = at;
  while (i > 0 && !CLAUSE_BREAK.test(text[i - 1])) i--;
  return text.slice(i, at);
}
// "被评为优秀单位" is an honour, not the grade: only 等级 / 评级 / 自评结果 introduce a grade.
const GRADE_RE =
  /(?:等级|评级|自评结果|评价结果)[^，。；\d\n]{0,4}?[“"「『]?(优秀|良好|中等|较好|一般|不合格|合格|优|良|中|差|好)/g;

/** Full-width digits and signs as ASCII; thin and no-break spaces as spaces. */
export function normalizeProse(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, ".")
    .replace(/％/g, "%")
    .replace(/[\u00a0\u2002-\u200b\u3000]/g, " ");
}

const kindOfGroup = (m: RegExpExecArray): FigureKind | null => {
  for (let i = 0; i < LABELS.length; i++) if (m[i + 1] !== undefined) return LABELS[i][0];
  return null;
};

/**
 * A score in a sentence that names a category with its points ("投入 25 分，自评得分 25 分", "产出指标（50 分）…
 * 得分 48 分") is that category's, not the report's.
 */
const CATEGORY_POINTS =
  /(?:决策|过程|投入|产出|效益|效果|满意度|管理|履职|成本|质量|数量|时效)(?:指标|类)?[\s（(：:为共计满]{0,4}\d+(?:\.\d+)?\s*分/;

/**
 * An indicator's line ("1.免疫密度，年初目标值≥90%，实际完成值≥90%，自评得分20分"): a score after the row's
 * target or actual in the same sentence is that row's, not the report's.
 */
const INDICATOR_LINE = /(?:目标值|指标值|完成值|完成情况)/;

function categoryScore(text: string, at: number): boolean {
  const before = text.slice(sentenceStart(text, at), at);
  return CATEGORY_POINTS.test(before) || INDICATOR_LINE.test(before);
}

/** "支出" alone names the spending only where it stands alone ("年支出", "，支出"), not in "人员支出". */
function bareSpendingOk(text: string, at: number): boolean {
  const prev = at > 0 ? text[at - 1] : "";
  return prev === "" || prev === "年" || prev === "际" || !/[\u4e00-\u9fff]/.test(prev);
}

function unitFits(kind: FigureKind, label: string, unit: string | undefined, value: number): boolean {
  if (kind === "rate") return unit === "%";
  // A bare "得分" / "评价分" is read only with its 分 ("得分 95 分"), never "得分 95" (a row's cell quoted in
  // prose) or "评价分 3 个阶段".
  const needsPoints = label === "得分" || label === "评价分";
  if (kind === "score") return (unit === "分" || (unit === undefined && !needsPoints)) && value <= 1000;
  return unit === "万元" || unit === "元" || unit === "亿元";
}

export function figuresOf(p: ReportParagraph): ReportFigure[] {
  const text = normalizeProse(p.text);
  const out: ReportFigure[] = [];
  let foreignFrom = -1;
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) {
    const kind = kindOfGroup(m);
    if (!kind) continue;
    const label = m[0];
    if (label === "支出" && !bareSpendingOk(text, m.index)) continue;
    const prefix = clausePrefix(text, m.index);
    // Once a sentence names another budget ("某项目预算数 280 万元，执行数 250 万元"), its later clauses do too.
    const sentence = sentenceStart(text, m.index);
    if (foreignFrom === sentence) continue;
    if (!OWN_PREFIX.test(prefix)) {
      // "产出指标得分 45 分" is a line's score; it says nothing about the sentence's other figures.
      if (label !== "得分") foreignFrom = sentence;
      continue;
    }
    const after = text.slice(m.index + label.length);
    // "总分设置为 100 分", "总分值": the scale, not the score.
    if (/分$/.test(label) && /^[^，。；\d]{0,3}(设|满|值|率)/.test(after)) continue;
    if (kind === "score" && categoryScore(text, m.index)) continue;
    const v = VALUE_RE.exec(after);
    if (!v) continue;
    const raw = v[2].replace(/,/g, "");
    const value = Number(raw);
    const unit = v[3] === "万" ? "万元" : v[3];
    if (!Number.isFinite(value) || !unitFits(kind, label, unit, value)) continue;
    const end = m.index + label.length + v[0].length;
    out.push({
      kind,
      label,
      raw,
      value,
      decimals: raw.includes(".") ? raw.length - raw.indexOf(".") - 1 : 0,
      unit: (unit as ReportFigure["unit"]) ?? null,
      paragraph: p,
      offset: m.index,
      breakdown: /^\s*[，,：:。（(]?\s*其中/.test(text.slice(end)),
      year: /(\d{4})\s*年/.exec(prefix)?.[1] ?? null,
      approx: /[约近]/.test(v[1]),
    });
    LABEL_RE.lastIndex = end;
  }
  GRADE_RE.lastIndex = 0;
  for (let m = GRADE_RE.exec(text); m; m = GRADE_RE.exec(text)) {
    out.push({
      kind: "grade",
      label: "等级",
      raw: normalizeGrade(m[1]),
      value: NaN,
      decimals: 0,
      unit: null,
      paragraph: p,
      offset: m.index,
      breakdown: false,
      year: null,
      approx: false,
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** 优秀 → 优, 良好 → 良, 中等 → 中: the spellings of one grade. */
export function normalizeGrade(g: string): string {
  const t = g.replace(/[“”"「」『』\s]/g, "");
  return t === "优秀" ? "优" : t === "良好" ? "良" : t === "中等" ? "中" : t;
}

/** Every figure of the document, paragraph by paragraph. */
export function reportFigures(doc: ReportDocument): ReportFigure[] {
  return doc.paragraphs.flatMap(figuresOf);
}

/** Money in 万元 (the unit of nearly every 自评表), decided in decimal by the caller's rounding. */
export const UNIT_IN_WAN: Record<MoneyUnit, number> = { 元: 0.0001, 万元: 1, 亿元: 10000 };
