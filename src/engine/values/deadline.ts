/**
 * Deadlines in qualitative timeliness rows (scoring-rules.md §3): a target such as "2022年12月31日前完成",
 * "12月底前", "年底前完成", "第三季度前" against an actual such as "2022年11月完成", "已于10月完成",
 * "次年3月完成", "12月25日".
 *
 * Pure integer arithmetic on y/m/d (no Date, so no time zones). Years may be missing on either side: a
 * missing year is the other side's year ("same year"), 次年/下一年 is that year + 1. Texts are expected
 * compacted and normalised (no spaces, ASCII digits).
 */

/** A calendar day as y*10000 + m*100 + d, with y relative to an unknown base year when `abs` is false. */
interface Span {
  /** Earliest and latest day the text can mean. */
  from: Ymd;
  to: Ymd;
  /** "day" (11月20日), "end" (12月底, 年底, 三季度末) or a whole "period" (12月, 第三季度, 上半年). */
  kind: "day" | "end" | "period";
}
interface Ymd {
  /** Absolute year (2022) or null when the text gives none. */
  year: number | null;
  /** Added to the year: 1 for 次年/下一年. */
  rel: number;
  m: number;
  d: number;
}

/** What a text says about time: the spans it names, its explicit year, and the word after the last one. */
interface When {
  spans: Span[];
  year: number | null;
  /** True when the text names its year (2022年, 次年, 当年), so no other year can be meant. */
  yearSaid: boolean;
  /** Text right after each span (for "前", "内", "完成" …). */
  after: string[];
  /** Text right before each span ("截至", "于" …). */
  before: string[];
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const NEXT_YEAR = "次年|下一年度|下一年|下年度|下年|翌年|第二年|明年|来年";
const THIS_YEAR = "当年|本年度|本年|同年|今年";

/**
 * One alternation, each branch bounded (no nested quantifiers): numeric dates, explicit years, relative
 * years, month[+day|旬|底], quarters, halves and year ends.
 */
const TOKEN_RE = new RegExp(
  [
    String.raw`((?:19|20)\d\d)[-./](\d{1,2})(?:[-./](\d{1,2}))?(?!\d)`, // 1-3: 2022-11-20, 2022.11
    String.raw`((?:19|20)\d\d)年度?(底|末|内)?`, // 4-5: 2022年, 2022年底
    `(${NEXT_YEAR}|${THIS_YEAR})(底|末|内)?`, // 6-7
    String.raw`(\d{1,2})月份?(?:(\d{1,2})[日号]|(上旬|中旬|下旬|初|中|底|末))?`, // 8-10
    String.raw`第?([一二三四1-4])季度(末|底)?`, // 11-12
    "(上半年|下半年|年中|年底|年末|年内)", // 13
  ].join("|"),
  "g",
);

function monthDays(year: number | null, m: number): number {
  if (m === 2) {
    if (year === null) return 28;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function ymd(year: number | null, rel: number, m: number, d: number): Ymd {
  return { year, rel, m, d };
}

/** A span from [month, day] to [month, day | "end"] of a year (explicit, or relative to the table's). */
function span(
  [year, rel]: [number | null, number],
  [m1, d1]: [number, number],
  [m2, d2]: [number, number | "end"],
  kind: Span["kind"] = "period",
): Span {
  return {
    from: ymd(year, rel, m1, d1),
    to: ymd(year, rel, m2, d2 === "end" ? monthDays(year, m2) : d2),
    kind,
  };
}

/** Reads every date-like span of a text, carrying the year (explicit or relative) forward. */
function readWhen(text: string): When {
  const out: When = { spans: [], year: null, yearSaid: false, after: [], before: [] };
  let year: number | null = null;
  let rel = 0;
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let s: Span | null = null;
    if (m[1]) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = m[3] ? Number(m[3]) : null;
      if (mo >= 1 && mo <= 12 && (d === null || (d >= 1 && d <= monthDays(y, mo)))) {
        s = d === null ? span([y, 0], [mo, 1], [mo, "end"]) : span([y, 0], [mo, d], [mo, d], "day");
        year = y;
        rel = 0;
        out.yearSaid = true;
      }
    } else if (m[4]) {
      year = Number(m[4]);
      rel = 0;
      out.yearSaid = true;
      if (m[5])
        s = m[5] === "内" ? span([year, 0], [1, 1], [12, 31]) : span([year, 0], [12, 1], [12, 31], "end");
    } else if (m[6]) {
      rel = new RegExp(`^(${NEXT_YEAR})$`).test(m[6]) ? 1 : 0;
      out.yearSaid = true;
      if (m[7])
        s = m[7] === "内" ? span([year, rel], [1, 1], [12, 31]) : span([year, rel], [12, 1], [12, 31], "end");
    } else if (m[8]) {
      const mo = Number(m[8]);
      if (mo < 1 || mo > 12) continue;
      const end = monthDays(year, mo);
      if (m[9]) {
        const d = Number(m[9]);
        if (d < 1 || d > end) continue;
        s = span([year, rel], [mo, d], [mo, d], "day");
      } else if (m[10]) {
        const part = m[10];
        const [a, b] =
          part === "上旬" || part === "初"
            ? [1, 10]
            : part === "中旬" || part === "中"
              ? [11, 20]
              : [21, end];
        s = span([year, rel], [mo, a], [mo, b], part === "底" || part === "末" ? "end" : "period");
      } else {
        s = span([year, rel], [mo, 1], [mo, "end"]);
      }
    } else if (m[11]) {
      const q = CN_DIGIT[m[11]];
      s = span([year, rel], [q * 3 - 2, 1], [q * 3, "end"]);
      if (m[12]) s = span([year, rel], [q * 3, 21], [q * 3, "end"], "end");
    } else if (m[13]) {
      const w = m[13];
      s =
        w === "上半年"
          ? span([year, rel], [1, 1], [6, 30])
          : w === "下半年"
            ? span([year, rel], [7, 1], [12, 31])
            : w === "年中"
              ? span([year, rel], [6, 1], [7, 31])
              : w === "年内"
                ? span([year, rel], [1, 1], [12, 31])
                : span([year, rel], [12, 1], [12, 31], "end");
    }
    if (s) {
      out.spans.push(s);
      out.before.push(text.slice(Math.max(last, m.index - 4), m.index));
      out.after.push(text.slice(m.index + m[0].length, m.index + m[0].length + 4));
    }
    last = m.index + m[0].length;
    if (out.year === null && year !== null) out.year = year;
  }
  return out;
}

/** A deadline's day: [the earliest reading, the latest reading]; equal unless "前" follows a whole period. */
interface Deadline {
  sure: Ymd;
  late: Ymd;
}

/** Words after a date that make it a deadline: 前, 之前, 内, 完成, 底 … (a range "1-12月" or "每月" is not). */
const DEADLINE_AFTER_RE = /^(之前|以前|前|以内|内|止|完成|完工|竣工|验收|结束|到位|办结|交付|上线|投入|$)/;
const DEADLINE_BEFORE_RE = /(截至|截止|不晚于|不迟于|最迟|最晚|于|在)$/;

/** The deadline a target names, or null when it names none (or several, or a period like 1-12月/每月). */
function readDeadline(target: string): { when: When; due: Deadline } | null {
  if (/每|按月|按季|逐月|定期/.test(target)) return null;
  const when = readWhen(target);
  if (when.spans.length !== 1) return null;
  const s = when.spans[0];
  const after = when.after[0];
  const before = when.before[0];
  if (/^[-~至到]/.test(after) || /[-~至到]$/.test(before)) return null; // a range, not a deadline
  if (!DEADLINE_AFTER_RE.test(after) && !DEADLINE_BEFORE_RE.test(before)) return null;
  // "第三季度前", "12月前": before the period starts or before it ends? Only the end of the period is
  // certain to be late; only the day before it starts is certain to be on time.
  if (/^(之前|以前|前)/.test(after) && s.kind === "period") {
    return { when, due: { sure: dayBefore(s.from), late: s.to } };
  }
  return { when, due: { sure: s.to, late: s.to } };
}

function dayBefore(x: Ymd): Ymd {
  if (x.d > 1) return { ...x, d: x.d - 1 };
  if (x.m > 1) return { ...x, m: x.m - 1, d: monthDays(x.year, x.m - 1) };
  return { ...x, rel: x.rel - 1, m: 12, d: 31 };
}

/** Orders two days once both sides' years are resolved against each other. */
function ordinal(x: Ymd, otherYear: number | null): number {
  const base = x.year ?? otherYear ?? 0;
  return (base + x.rel) * 10000 + x.m * 100 + x.d;
}

export type DeadlineVerdict = "达成" | "未达成" | null;

/**
 * Compares the completion time an actual states with the deadline a target names. Returns undefined when
 * the target names no deadline or the actual no date (the caller goes on with words); "达成" when every
 * day the actual can mean is on or before the deadline, "未达成" when every one is clearly after it,
 * null when it depends on a reading (same month as a mid-month deadline, "第三季度前" …).
 */
export function deadlineVerdict(actual: string, target: string): DeadlineVerdict | undefined {
  const a = actualWhen(actual);
  if (!a) return undefined;
  const d = readDeadline(target);
  if (!d) return undefined;
  const ty = d.when.year;
  const ay = a.year;
  const from = Math.min(...a.spans.map((s) => ordinal(s.from, ty)));
  const to = Math.max(...a.spans.map((s) => ordinal(s.to, ty)));
  const sure = ordinal(d.due.sure, ay);
  const late = ordinal(d.due.late, ay);
  if (to <= sure) {
    // "1月完成" against "12月底前" (or "2023年1月完成" against a yearless "12月底前"): when one side leaves
    // its year out, the same-year reading says "eleven months early" and the next-year reading says "one
    // month late". A completion that would fall within a quarter after the deadline is too close to call.
    if (!(a.yearSaid && d.when.yearSaid) && monthIndex(to + 10000) - monthIndex(late) <= 3) return null;
    return "达成";
  }
  if (from > late) return "未达成";
  return null;
}

function monthIndex(ordinalDay: number): number {
  return Math.floor(ordinalDay / 10000) * 12 + (Math.floor(ordinalDay / 100) % 100);
}

/** The dates an actual states as its completion time; bare years ("2022年度预算执行合规") name no time. */
export function actualWhen(actual: string): When | null {
  const w = readWhen(actual);
  return w.spans.length > 0 ? w : null;
}
