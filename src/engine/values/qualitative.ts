/**
 * Qualitative indicators (scoring-rules.md §3): which band an actual such as 及时 / 基本及时 / 不及时
 * means, and which explanation texts are placeholders (§4).
 */
import type { QualBand } from "../types";
import { compact, normalizeText, stripTrailingPunct } from "./normalize";
import { actualWhen, deadlineVerdict } from "./deadline";
import { readQuantity } from "./quantity";

/** Whole-cell phrases of the national three bands, matched exactly (after normalisation). */
const EXACT: Record<QualBand, string[]> = {
  未达成: [
    "未达成",
    "未达成年度指标且效果较差",
    "未完成",
    "否",
    "不达标",
    "不合格",
    "不及时",
    "不合规",
    "不可持续",
    "差",
    "较差",
    "很差",
    "没有",
    "无效",
    "FALSE",
    "失败",
    "未实现",
    "未达到",
    "未达标",
  ],
  部分达成: [
    "部分达成",
    "部分达成年度指标并具有一定效果",
    "基本达成",
    "基本完成",
    "部分完成",
    "基本及时",
    "基本合规",
    "较好",
    "一般",
    "中",
    "尚可",
    "基本达标",
    "基本满意",
    "基本实现",
    "大部分完成",
    "大部分达成",
  ],
  达成: [
    "达成",
    "达成年度指标",
    "达成预期指标",
    "全部达成",
    "完成",
    "已完成",
    "是",
    "达标",
    "合格",
    "及时",
    "合规",
    "规范",
    "科学",
    "可持续",
    "效果明显",
    "满意",
    "按期完成",
    "TRUE",
    "全部完成",
    "已达成",
    "已实现",
    "实现",
    "达到",
    "良好",
    "优",
    "优秀",
    "良",
    "好",
    "很好",
    "有效",
    "显著",
    "到位",
    "已到位",
    "符合",
    "合理",
    "按时完成",
    "持续",
    "100%",
    "应保尽保",
    "高",
    "零发生",
  ],
};

/** Words that mean the target was met; used inside longer phrases and after negations. */
const POSITIVE = [
  "达成",
  "完成",
  "达标",
  "合格",
  "及时",
  "合规",
  "规范",
  "科学",
  "可持续",
  "持续",
  "明显",
  "显著",
  "满意",
  "按期",
  "按时",
  "到位",
  "有效",
  "符合",
  "合理",
  "实现",
  "落实",
  "达到",
  "通过",
  "良好",
  "提高",
  "提升",
  "改善",
  "健全",
  "完善",
  "足额",
  "正常",
  "保障",
  "严格执行",
  "良性",
  "稳定",
  "达",
];
const POS = POSITIVE.sort((a, b) => b.length - a.length).join("|");
const POSITIVE_RE = new RegExp(POS);

/** "未全部完成", "没有完全达到", "部分未完成": short of the target but not a failure. */
const PARTIAL_NEGATION_RE = /(未|没有|没|不|尚未)(全部|完全|全面|都)|部分[^,;。]{0,6}?(未|没有|不)/;
/**
 * A negation right before a positive word: 不及时, 未按期完成, 未能达成, 不够及时, 不太满意, 欠规范,
 * 未得到(有效)保障, 不能保障, 无法保障, 难以保障, 缺乏保障. The fillers between them are a closed list, so
 * "未得到保障" cannot read as the positive "保障" alone.
 */
const NEGATED_POSITIVE_RE = new RegExp(
  `(不|未|无|没有|没|尚未|并未|非|欠|难以|缺乏|缺少)(能|够|得到|得|太|很|是|曾|予|甚|尽|十分|非常|法|完整|充分){0,2}(${POS})`,
);
/** Failure words: 较差, 效果差, 不理想, 滞后 … ("偏差", "差错", "差距" are not failures). */
const FAILURE_RE =
  /((^|较|很|太|极|比较|效果|质量|成效)差(?![错距异额]))|不理想|不到位|不力|滞后|延期|延误|失败|无效|否决|严重超/;
/** "部分达成…", "基本及时", "较为规范", "效果一般", "有一定效果". */
const PARTIAL_RE = new RegExp(
  `部分|基本|大部|大体|大致|初步|一定|有所|尚可|一般|稍|略有|有待|尚需|仍需|还需|需进一步|(^|尚|仍|还)待(提高|提升|加强|改进|完善|改善|进一步)|(较为?|比较)(${POS}|好)`,
);
const RATHER_HIGH_RE = /(较为?|比较)高/;
/** "较好地", "比较好": a degree word that praises the way something was done. */
const PRAISE_RE = /(较为?|比较)好地?/g;
/** A target that names a level rather than describing the work: 好, 优良, 高, 较高. */
const LEVEL_TARGET_RE = /[好优良高]/;
/**
 * Work under way is not work done (正在推进, 持续推进, 稳步推进, 实施中, 在建): the text does not say which
 * band it reached, so it stays unclassified rather than 达成.
 */
const UNDER_WAY_RE = /正在|推进|进行中|实施中|建设中|在建|施工中|办理中|筹备中|进行当中|未完工|陆续/;
/** Words that admit a shortfall without saying how large (保障不足, 存在欠缺): ask the user. */
const SHORTFALL_RE = /不足|欠缺|短缺|缺口/;
/** Words that say the deadline was kept, whatever date the actual names. */
const ON_TIME_RE = /按期|按时|如期|提前|及时|准时|规定时间内|规定时限内|约定时间内|计划时间内/;
/** A negation of something bad is good: 无偏差, 未发生事故, 零投诉, 无违规. */
const NEGATED_NEGATIVE_RE =
  /(无|未|没有|零|杜绝|不存在)(发生|出现|发现)?(偏差|差错|事故|投诉|违规|违纪|问题|延误|延期|逾期|滞后|失误|损失|故障|纠纷|上访|火灾|安全事故|重大|超支)/;
/** Targets phrased as an absence (无安全事故, 未发生重大事故, 零投诉): a bare "无"/"0" actual meets them. */
const NEGATIVE_TARGET_RE =
  /^(无|未发生|没有|零|杜绝|不发生|不出现|未出现)|零(发生|事故|投诉|伤亡|差错|失误)|(不|未)(发生|出现)(重大|安全|责任)?(事故|问题|投诉)?$/;

function norm(text: string): string {
  return stripTrailingPunct(compact(normalizeText(text)));
}

function exactBand(s: string): QualBand | null {
  for (const band of ["未达成", "部分达成", "达成"] as QualBand[]) if (EXACT[band].includes(s)) return band;
  return null;
}

/**
 * The band a qualitative actual means (scoring-rules.md §3); null when it fits no band ("unclassified":
 * the checker asks the user and accepts the declared score).
 *
 * Order: text equal to the target → 达成; whole-cell band phrases; a plain dated completion against the
 * target's deadline (values/deadline.ts: on time → 达成, clearly late → 未达成, too close to call or no
 * deadline → null); 未全部/部分未 → 部分达成; negations of positive words (不及时, 未按期完成, 未得到保障)
 * and failure words → 未达成; partial modifiers (部分, 基本, 较为, 待提高) → 部分达成; work under way
 * (正在推进, 持续推进) and unsized shortfalls (保障不足) → null; negations of bad things (无偏差,
 * 未发生事故) and positive words → 达成.
 *
 * Numbers: "100%" (or a bare 100, or "是") means 达成; any other number is unclassified, because "95%"
 * against 及时 or "0" against 无安全事故 depends on what the indicator counts — except that "0"/"无"
 * against a target phrased as an absence (无安全事故, 零投诉) means 达成.
 */
export function classifyQualitative(actual: string, target: string): QualBand | null {
  const a = norm(String(actual ?? ""));
  const t = norm(String(target ?? ""));
  if (a === "") return null;
  if (a === t) return "达成";

  const negativeTarget = NEGATIVE_TARGET_RE.test(t);
  if (negativeTarget) {
    if (
      /^(无|没有|零|0|未发生|没有发生|不发生|未出现|杜绝)/.test(a) &&
      !/^(未|没有)(达成|完成|实现|达到|达标)|^(无法|无从|无数据|没有数据|没有统计)/.test(a)
    ) {
      return "达成";
    }
    if (/^(有|发生|出现)/.test(a)) return "未达成";
  }

  const exact = exactBand(a);
  if (exact) return exact;

  // Dates: "2022年11月完成" against "12月底前". Words that negate or qualify the completion come first
  // ("截至12月底尚未完成", "11月基本完成", "11月完成80%"), so only a plain dated completion is compared.
  if (actualWhen(a) && !qualified(a)) {
    const verdict = deadlineVerdict(a, t);
    if (verdict !== undefined) return verdict;
    // A date against a target with no deadline (及时, 按合同约定时间): the date alone does not say whether
    // it was on time, unless the actual says so too (按期, 提前).
    if (!ON_TIME_RE.test(a)) return null;
  }

  const q = readQuantity(a);
  if (q) {
    if (q.unit === "%" || q.unit === null) return q.value === 100 && q.hi === null ? "达成" : null;
    return null;
  }

  if (PARTIAL_NEGATION_RE.test(a)) return "部分达成";
  if (NEGATED_POSITIVE_RE.test(a) || FAILURE_RE.test(a)) {
    // "无偏差、按期完成": the negation is of something bad, not of the positive word.
    if (!(NEGATED_NEGATIVE_RE.test(a) && !NEGATED_POSITIVE_RE.test(a))) return "未达成";
  }
  // A percentage short of 100 inside prose ("完成90%") is not a band the text states; ask the user.
  const pct = /(\d+(?:\.\d+)?)%/.exec(a);
  // "较好把握…" that restates a descriptive target praises how it was done; it grades short only against
  // a target that names a level (好, 优, 良, 高), where 较好 is one step below it.
  const praised = a.replace(PRAISE_RE, "");
  if (
    praised !== a &&
    t !== "" &&
    !LEVEL_TARGET_RE.test(t) &&
    praised.includes(t) &&
    !PARTIAL_RE.test(praised)
  ) {
    return "达成";
  }
  if (PARTIAL_RE.test(a)) return "部分达成";
  // "较高" is short of a target that says 高; against a description ("展示文物价值") it grades nothing.
  if (RATHER_HIGH_RE.test(a)) return /高/.test(t) ? "部分达成" : null;
  if (pct && Number(pct[1]) < 100) return null;
  if (UNDER_WAY_RE.test(a) || SHORTFALL_RE.test(a)) return null;
  if (NEGATED_NEGATIVE_RE.test(a)) return "达成";
  if (t !== "" && a.includes(t)) return "达成";
  if (POSITIVE_RE.test(a) || /^(是|已)/.test(a) || /100%/.test(a)) return "达成";
  return null;
}

/** Text that negates, delays or qualifies a completion: the words decide, not the date in it. */
function qualified(a: string): boolean {
  const pct = /(\d+(?:\.\d+)?)%/.exec(a);
  return (
    PARTIAL_NEGATION_RE.test(a) ||
    NEGATED_POSITIVE_RE.test(a) ||
    FAILURE_RE.test(a) ||
    PARTIAL_RE.test(a) ||
    RATHER_HIGH_RE.test(a) ||
    UNDER_WAY_RE.test(a) ||
    SHORTFALL_RE.test(a) ||
    (pct !== null && Number(pct[1]) < 100)
  );
}

/** Explanation texts that say nothing (scoring-rules.md §4). Compared after removing trailing punctuation. */
const PLACEHOLDERS = new Set([
  "",
  "无",
  "暂无",
  "无偏差",
  "没有偏差",
  "无差异",
  "略",
  "同上",
  "见上",
  "0",
  "无无",
  "没有",
  "无说明",
  "空",
  "N/A",
  "NA",
  "n/a",
  "na",
  "NULL",
  "null",
  "无需说明",
  "不需要",
  "无需",
  "不适用",
  "无原因",
  "/",
  "\\",
]);

/** True when an explanation is blank or a placeholder: 无, 暂无, 无偏差, 略, 同上, /, -, —, ——, 0, "无。". */
export function isPlaceholder(text: string): boolean {
  if (text === null || text === undefined) return true;
  const s = stripTrailingPunct(compact(normalizeText(String(text))));
  if (PLACEHOLDERS.has(s)) return true;
  // Only dashes, slashes, dots: "-", "——", "/", "…".
  return /^[-_~/\\.。·…]*$/.test(s);
}
