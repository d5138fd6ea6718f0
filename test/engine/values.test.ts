import fc from "fast-check";
import {
  classifyQualitative,
  convertUnit,
  formatParsed,
  inferReverse,
  isPlaceholder,
  normalizeUnit,
  parseActual,
  parseNumber,
  parseTarget,
  type CellInput,
  type Operator,
  type ParsedValue,
} from "../../src/engine/values";
import { describeFormat, formatNumber, isDateLike } from "../../src/engine/number-format";
import type { CellValue } from "../../src/engine/grid";

/** A cell as a host reports it: value, display text (defaults to the value), number format. */
function cell(value: CellValue, format: string | null = null, text?: string): CellInput {
  return { value, format, text: text ?? (value === null ? "" : String(value)) };
}

function num(
  value: number,
  unit: string | null = null,
  op: Operator | null = null,
  hi: number | null = null,
): ParsedValue {
  return { kind: "number", op, value, hi, unit };
}

describe("parseTarget: operator + number + unit text", () => {
  const cases: [string, ParsedValue][] = [
    // The seed table's targets.
    ["≥2", num(2, null, "ge")],
    ["≥1000", num(1000, null, "ge")],
    ["≥100", num(100, null, "ge")],
    ["100%", num(100, "%")],
    ["≤ 0%", num(0, "%", "le")],
    ["≥ 95%", num(95, "%", "ge")],
    ["≥ 50", num(50, null, "ge")],
    // The sample project table's targets.
    ["≥200人次", num(200, "人次", "ge")],
    ["≥3项", num(3, "项", "ge")],
    ["≤500元/人次", num(500, "元/人次", "le")],
    ["≥20个", num(20, "个", "ge")],
    // scoring-rules.md §7.
    ["≥1000亩", num(1000, "亩", "ge")],
    ["≤15天", num(15, "天", "le")],
    ["≤90万元", num(90, "万元", "le")],
    // Symbols.
    ["≧95%", num(95, "%", "ge")],
    [">=95%", num(95, "%", "ge")],
    ["＞=95%", num(95, "%", "ge")],
    ["⩾95%", num(95, "%", "ge")],
    [">90", num(90, null, "gt")],
    ["＞90", num(90, null, "gt")],
    ["≤10", num(10, null, "le")],
    ["≦10", num(10, null, "le")],
    ["<=10", num(10, null, "le")],
    ["⩽10", num(10, null, "le")],
    ["<5%", num(5, "%", "lt")],
    ["=100%", num(100, "%", "eq")],
    ["＝100%", num(100, "%", "eq")],
    ["﹦100%", num(100, "%", "eq")],
    ["等于0", num(0, null, "eq")],
    // Words before the number.
    ["大于等于95%", num(95, "%", "ge")],
    ["不低于95%", num(95, "%", "ge")],
    ["不少于30场次", num(30, "场次", "ge")],
    ["不小于10", num(10, null, "ge")],
    ["达到100%", num(100, "%", "ge")],
    ["至少5次", num(5, "次", "ge")],
    ["大于90%", num(90, "%", "gt")],
    ["高于80分", num(80, "分", "gt")],
    ["超过100人", num(100, "人", "gt")],
    ["不超过10天", num(10, "天", "le")],
    ["不高于5%", num(5, "%", "le")],
    ["不大于3次", num(3, "次", "le")],
    ["低于1%", num(1, "%", "lt")],
    ["小于2‰", num(2, "‰", "lt")],
    ["确保不低于95%", num(95, "%", "ge")],
    // Words after the number.
    ["95%以上", num(95, "%", "ge")],
    ["95%及以上", num(95, "%", "ge")],
    ["5次以下", num(5, "次", "le")],
    ["10天以内", num(10, "天", "le")],
    ["30个工作日内", num(30, "个工作日", "le")],
    ["控制在10天以内", num(10, "天", "le")],
    ["控制在300万元", num(300, "万元", "le")],
    ["≥95%(含)", num(95, "%", "ge")],
    ["50人左右", num(50, "人", null)],
    // Full-width characters, spaces, thousands separators.
    ["≥９５％", num(95, "%", "ge")],
    ["９８．５％", num(98.5, "%")],
    ["1,200", num(1200)],
    ["1，200亩", num(1200, "亩")],
    ["≥ 1,234,567.5 元", num(1234567.5, "元", "ge")],
    ["18天", num(18, "天")],
    ["18日", num(18, "天")],
    ["≥1000亩 ", num(1000, "亩", "ge")],
    // Units in brackets, other spellings, unknown short units.
    ["95(%)", num(95, "%")],
    ["95（%）", num(95, "%")],
    ["≥50公顷", num(50, "公顷", "ge")],
    ["≥20km", num(20, "km", "ge")],
    ["≥12.5公里", num(12.5, "公里", "ge")],
    ["≥500平方米", num(500, "平方米", "ge")],
    ["≥500㎡", num(500, "平方米", "ge")],
    ["≥2小时", num(2, "小时", "ge")],
    ["≤30分钟", num(30, "分钟", "le")],
    ["≥1.2万人次", num(1.2, "万人次", "ge")],
    ["≥3个项目", num(3, "个项目", "ge")],
    ["≥5套", num(5, "套", "ge")],
    ["≥10宗地", num(10, "宗地", "ge")],
    ["1.5亿元", num(1.5, "亿元")],
    ["500千元", num(500, "千元")],
    ["¥1200", num(1200, "元")],
    ["-5%", num(-5, "%")],
    ["≈90%", num(90, "%")],
    // An indicator name before its value.
    ["合格率≥95%", num(95, "%", "ge")],
    ["满意度95%以上", num(95, "%", "ge")],
    ["完成率100%", num(100, "%")],
    // Growth and reduction targets: the size of the change, at least.
    ["增长10%", num(10, "%", "ge")],
    ["同比增长≥5%", num(5, "%", "ge")],
    ["降低5个百分点", num(5, "个百分点", "ge")],
    // Ranges.
    ["80-90%", num(80, "%", null, 90)],
    ["80%-90%", num(80, "%", null, 90)],
    ["80%—90%", num(80, "%", null, 90)],
    ["3~5天", num(3, "天", null, 5)],
    ["3～5天", num(3, "天", null, 5)],
    ["3〜5天", num(3, "天", null, 5)],
    ["80至90", num(80, null, null, 90)],
    ["5到3个", num(3, "个", null, 5)],
  ];
  test.each(cases)("%s", (text, expected) => {
    expect(parseTarget(cell(text))).toEqual(expected);
  });
});

describe("parseTarget: qualitative, empty and error cells", () => {
  const text: string[] = [
    "科学",
    "合规",
    "及时",
    "可持续",
    "效果明显",
    "按期完成",
    "长期",
    "部分达成年度指标并具有一定效果",
    "国土资源规划科学合理，能够更为有效的提高国土资源的综合利用能力",
    "完成3个项目的验收工作并及时报送",
    "12月31日前完成",
    "6月底前完成",
    "2021-12-31",
    "95%以上的村庄",
    "无重大安全事故",
    "TRUE",
    "完成率",
    "提高群众满意度",
    "每月1次",
    "第1名",
    "100%按期完成",
  ];
  test.each(text)("%s is text", (t) => {
    expect(parseTarget(cell(t))).toEqual({ kind: "text", text: t === "TRUE" ? "TRUE" : t });
  });

  test("text is trimmed", () => {
    expect(parseTarget(cell("  及时 \n"))).toEqual({ kind: "text", text: "及时" });
  });

  test("a boolean cell is text", () => {
    expect(parseTarget(cell(true))).toEqual({ kind: "text", text: "TRUE" });
  });

  test.each([null, "", "   ", "-", "—", "——", "/", "－", "\\", "…"])("%p is empty", (v) => {
    expect(parseTarget(cell(v))).toEqual({ kind: "empty" });
  });

  test.each(["#DIV/0!", "#VALUE!", "#N/A", "#REF!", "#NAME?", "#NUM!", "#NULL!", " #div/0! "])(
    "%s is an error",
    (v) => {
      expect(parseTarget(cell(v))).toEqual({ kind: "error", text: v.trim().toUpperCase() });
    },
  );

  test("a non-finite number is an error, not a crash", () => {
    expect(parseTarget(cell(Number.NaN)).kind).toBe("error");
  });
});

describe("parseTarget: number cells and their formats", () => {
  const cases: [CellInput, ParsedValue][] = [
    [cell(1000), num(1000)],
    [cell(0.95, "0%", "95%"), num(95, "%")],
    [cell(0.7825, "0.00%", "78.25%"), num(78.25, "%")],
    [cell(1, "0%", "100%"), num(100, "%")],
    [cell(0, "0%", "0%"), num(0, "%")],
    // A literal % does not scale the value.
    [cell(95, '0"%"', "95%"), num(95, "%")],
    [cell(95, "0\\%", "95%"), num(95, "%")],
    // Literal text in the format gives the unit or the operator.
    [cell(1000, '0"亩"', "1000亩"), num(1000, "亩")],
    [cell(90, '#,##0.00"万元"', "90.00万元"), num(90, "万元")],
    [cell(0.95, '"≥"0%', "≥95%"), num(95, "%", "ge")],
    [cell(1200, "[$¥-804]#,##0.00", "¥1,200.00"), num(1200, "元")],
    [cell(1.5, "General", "1.5"), num(1.5)],
    // A host that reports the display text but no format.
    [cell(0.93, null, "93%"), num(93, "%")],
  ];
  test.each(cases)("%p", (c, expected) => {
    expect(parseTarget(c)).toEqual(expected);
  });

  test("a date-formatted number is text, not a quantity", () => {
    expect(parseTarget(cell(44561, "yyyy-mm-dd", "2021-12-31"))).toEqual({
      kind: "text",
      text: "2021-12-31",
    });
  });

  test("describeFormat reads percent, date and literals", () => {
    expect(describeFormat("0.00%")).toMatchObject({ percent: true, date: false });
    expect(describeFormat('0"%"')).toMatchObject({ percent: false, suffix: "%" });
    expect(describeFormat("yyyy年m月d日")).toMatchObject({ date: true });
    expect(describeFormat("0.00_);[Red](0.00)")).toMatchObject({ percent: false, date: false });
    expect(describeFormat(null)).toMatchObject({ percent: false, date: false, prefix: "", suffix: "" });
    expect(describeFormat('"≥"0.00%')).toMatchObject({ percent: true, prefix: "≥", suffix: "" });
    expect(describeFormat("[$¥-804]#,##0")).toMatchObject({ prefix: "¥", suffix: "" });
  });

  test("the parser and the formatter read a format the same way (one lexer)", () => {
    // A fill "*;" or padding "_;" takes the ";", which then does not start a section.
    expect(describeFormat('*;0"亩"')).toMatchObject({ suffix: "亩" });
    expect(formatNumber(-3, '*;0"亩"')).toBe("-3亩");
    // An unclosed "[" shows nothing, in both.
    expect(describeFormat("[$¥0")).toMatchObject({ prefix: "" });
    expect(formatNumber(5, "0[$¥")).toBe("5");
  });

  test("isDateLike: the reader's broad date test, outside quotes and brackets", () => {
    expect(isDateLike("yyyy年m月d日")).toBe(true);
    expect(isDateLike("m/d/yy h:mm")).toBe(true);
    expect(isDateLike('0.00"天"')).toBe(false);
    expect(isDateLike("[Red]0.00")).toBe(false);
    expect(isDateLike(null)).toBe(false);
  });
});

describe("parseTarget: split 指标性质 / 指标值 / 度量单位 columns", () => {
  const cases: [string, CellInput, CellInput | null, CellInput | null, ParsedValue][] = [
    ["≥ + 95 + %", cell(95), cell("≥"), cell("%"), num(95, "%", "ge")],
    ["≤ + 90 + 万元", cell(90), cell("≤"), cell("万元"), num(90, "万元", "le")],
    ["= + 0 + 个", cell(0), cell("="), cell("个"), num(0, "个", "eq")],
    ["﹦ + 100 + %", cell(100), cell("﹦"), cell("%"), num(100, "%", "eq")],
    ["> + 3", cell(3), cell(">"), null, num(3, null, "gt")],
    ["< + 2 + 次", cell(2), cell("<"), cell("次"), num(2, "次", "lt")],
    ["＞＝ + 95 + （%）", cell(95), cell("＞＝"), cell("（%）"), num(95, "%", "ge")],
    ["大于等于 + 10", cell(10), cell("大于等于"), cell("场"), num(10, "场", "ge")],
    ["正向 + 100", cell(100), cell("正向"), cell("%"), num(100, "%", "ge")],
    ["反向 + 5", cell(5), cell("反向"), cell("天"), num(5, "天", "le")],
    ["nature overrides the value's operator", cell("≥5"), cell("≤"), null, num(5, null, "le")],
    ["no nature keeps the value's operator", cell("≥5"), null, cell("个"), num(5, "个", "ge")],
    ["the value's own unit wins", cell("95%"), cell("≥"), cell("个"), num(95, "%", "ge")],
    ["percent-formatted value", cell(0.95, "0%", "95%"), cell("≥"), cell("%"), num(95, "%", "ge")],
    ["a target is taken literally", cell(0.5), cell("≤"), cell("%"), num(0.5, "%", "le")],
    ["a dash unit is no unit", cell(5), cell("≥"), cell("/"), num(5, null, "ge")],
    ["定性 makes the text the target", cell("及时"), cell("定性"), null, { kind: "text", text: "及时" }],
    ["定性 with a number-looking value", cell("100%"), cell("定性"), null, { kind: "text", text: "100%" }],
    [
      "定性 with a number cell",
      cell(1, "0%", "100%"),
      cell("定性"),
      cell(null),
      { kind: "text", text: "100%" },
    ],
    ["定性 with an empty value", cell(null), cell("定性"), null, { kind: "empty" }],
    ["an operator with text", cell("合规"), cell("="), cell(null), { kind: "text", text: "合规" }],
    ["an empty value", cell(""), cell("≥"), cell("%"), { kind: "empty" }],
    ["an error value", cell("#REF!"), cell("≥"), cell("%"), { kind: "error", text: "#REF!" }],
  ];
  test.each(cases)("%s", (_name, value, nature, unit, expected) => {
    expect(parseTarget(value, { nature, unit })).toEqual(expected);
  });
});

describe("parseActual", () => {
  const t = (s: string) => parseTarget(cell(s));
  const cases: [string, CellInput, string, ParsedValue][] = [
    // scoring-rules.md §7 pairs.
    ["900 under ≥1000亩", cell(900), "≥1000亩", num(900, "亩")],
    ["93% under ≥ 95%", cell("93%"), "≥ 95%", num(93, "%")],
    ["18天 under ≤15天", cell("18天"), "≤15天", num(18, "天")],
    ["80 under ≤90万元", cell(80), "≤90万元", num(80, "万元")],
    ["0% under ≤ 0%", cell("0%"), "≤ 0%", num(0, "%")],
    ["1% under ≤ 0%", cell("1%"), "≤ 0%", num(1, "%")],
    ["1500 under ≥1000", cell(1500), "≥1000", num(1500)],
    // The seed table's actuals: numbers with % formats.
    ["1 with 0% format", cell(1, "0%", "100%"), "100%", num(100, "%")],
    ["0 with 0% format", cell(0, "0%", "0%"), "≤ 0%", num(0, "%")],
    ["0.97 with 0% format", cell(0.97, "0%", "97%"), "≥90%", num(97, "%")],
    ["0.7825 with 0.00%", cell(0.7825, "0.00%", "78.25%"), "≥90%", num(78.25, "%")],
    ["100% text", cell("100%"), "≥ 95%", num(100, "%")],
    // A % target and an actual with neither % sign nor format.
    ["0.93 is a fraction", cell(0.93), "≥ 95%", num(93, "%")],
    ["1 is a fraction", cell(1), "100%", num(100, "%")],
    ["0 is a fraction", cell(0), "≤ 0%", num(0, "%")],
    ["93 is a percent", cell(93), "≥ 95%", num(93, "%")],
    ["'0.93' text is a fraction", cell("0.93"), "≥ 95%", num(93, "%")],
    ["'93' text is a percent", cell("93"), "≥ 95%", num(93, "%")],
    ["0.1+0.2 noise does not leak", cell(0.57), "≥ 50%", num(57, "%")],
    ["5‰ converts to %", cell("5‰"), "≤1%", num(0.5, "%")],
    // Money.
    ["800000元 → 80 万元", cell("800000元"), "≤90万元", num(80, "万元")],
    ["1.1万元 → 11000 元", cell("1.1万元"), "≤20000元", num(11000, "元")],
    ["0.9亿元 → 9000 万元", cell("0.9亿元"), "≥8000万元", num(9000, "万元")],
    ["500千元 → 50 万元", cell("500千元"), "≥40万元", num(50, "万元")],
    ["90万 → 90 万元", cell("90万"), "≤100万元", num(90, "万元")],
    ["480 → 元/人次", cell(480), "≤500元/人次", num(480, "元/人次")],
    ["480元 → 元/人次", cell("480元"), "≤500元/人次", num(480, "元/人次")],
    // Other units of one kind.
    ["2公顷 → 30 亩", cell("2公顷"), "≥20亩", num(30, "亩")],
    ["1.2万人次 → 12000 人次", cell("1.2万人次"), "≥10000人次", num(12000, "人次")],
    ["1.2万 → 12000 人", cell("1.2万"), "≥10000人", num(12000, "人")],
    ["1.5公里 → 1500 米", cell("1.5公里"), "≥1000米", num(1500, "米")],
    ["48小时 → 2 天", cell("48小时"), "≤3天", num(2, "天")],
    ["3日 equals 天", cell("3日"), "≤5天", num(3, "天")],
    // Units of another kind stay as written.
    ["5个 under 亩", cell("5个"), "≥3亩", num(5, "个")],
    // Actuals with words.
    ["已完成1200亩", cell("已完成1200亩"), "≥1000亩", num(1200, "亩")],
    ["1,500 text", cell("1,500"), "≥1000", num(1500)],
    ["full-width ９３％", cell("９３％"), "≥ 95%", num(93, "%")],
    ["a range actual", cell("0.8-0.9"), "≥75%", num(80, "%", null, 90)],
  ];
  test.each(cases)("%s", (_name, c, target, expected) => {
    expect(parseActual(c, t(target))).toEqual(expected);
  });

  test("1.1 万元 → 元 has no binary noise", () => {
    const p = parseActual(cell("1.1万元"), t("≤20000元"));
    expect(p.kind === "number" && p.value).toBe(11000);
    expect(convertUnit(1.1, "万元", "元")).toBe(11000);
    expect(convertUnit(0.07, "万元", "元")).toBe(700);
  });

  test("a qualitative target leaves the actual as parsed", () => {
    expect(parseActual(cell("及时"), t("及时"))).toEqual({ kind: "text", text: "及时" });
    expect(parseActual(cell("100%"), t("及时"))).toEqual(num(100, "%"));
    expect(parseActual(cell(0.93), t("及时"))).toEqual(num(0.93));
  });

  test("a target without a unit leaves the actual's own unit", () => {
    expect(parseActual(cell("93%"), t("≥90"))).toEqual(num(93, "%"));
    expect(parseActual(cell(0.5), t("≥1"))).toEqual(num(0.5));
  });

  test("qualitative, empty and error actuals under a number target", () => {
    expect(parseActual(cell("已完成"), t("≥1000亩"))).toEqual({ kind: "text", text: "已完成" });
    expect(parseActual(cell(null), t("≥1000亩"))).toEqual({ kind: "empty" });
    expect(parseActual(cell("/"), t("≥1000亩"))).toEqual({ kind: "empty" });
    expect(parseActual(cell("#DIV/0!"), t("≥95%"))).toEqual({ kind: "error", text: "#DIV/0!" });
  });
});

describe("parseNumber", () => {
  const cases: [CellInput, number | null][] = [
    [cell(10), 10],
    [cell(7.83), 7.83],
    [cell(0.7825, "0.00%", "78.25%"), 0.7825],
    [cell("10"), 10],
    [cell("1,200"), 1200],
    [cell("1，200"), 1200],
    [cell("１２００"), 1200],
    [cell("１，２００．５"), 1200.5],
    [cell("10分"), 10],
    [cell("7.83 分"), 7.83],
    [cell("1,839.1万元"), 1839.1],
    [cell("¥1,200"), 1200],
    [cell("78.25%"), 0.7825],
    [cell("78.25 %"), 0.7825],
    [cell("７８．２５％"), 0.7825],
    [cell("5‰"), 0.005],
    [cell("-3"), -3],
    [cell(" 97.83 "), 97.83],
    [cell(true), null],
    [cell(false), null],
    [cell(null), null],
    [cell(""), null],
    [cell("—"), null],
    [cell("/"), null],
    [cell("#DIV/0!"), null],
    [cell("#VALUE!"), null],
    [cell("等级：优"), null],
    [cell("约10分左右的得分"), null],
    [cell(Number.POSITIVE_INFINITY), null],
    [cell(Number.NaN), null],
  ];
  test.each(cases)("%p → %p", (c, expected) => {
    expect(parseNumber(c)).toBe(expected);
  });
});

describe("classifyQualitative", () => {
  const cases: [string, string, "达成" | "部分达成" | "未达成" | null][] = [
    // scoring-rules.md §7 and the seed table.
    ["部分达成年度指标并具有一定效果", "可持续", "部分达成"],
    ["及时", "及时", "达成"],
    ["科学", "国土资源规划科学合理，能够更为有效的提高国土资源的综合利用能力", "达成"],
    ["合规", "国土资源规划程序符合规定程序，管理严格按照有关规定进行", "达成"],
    ["可持续", "可持续", "达成"],
    ["达成", "长期", "达成"],
    // Equal to the target text, whatever it says.
    ["长期有效", "长期有效", "达成"],
    ["明显提升 ", "明显提升", "达成"],
    // 达成 words.
    ...[
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
      "及时。",
      "非常满意",
      "按时完成并通过验收",
    ].map((a): [string, string, "达成"] => [a, "按要求完成", "达成"]),
    // 部分达成 words.
    ...[
      "部分达成",
      "部分达成年度指标并具有一定效果",
      "基本达成",
      "基本完成",
      "部分完成",
      "基本及时",
      "基本合规",
      "较好",
      "较为及时",
      "比较满意",
      "效果一般",
      "未全部完成",
      "部分未完成",
      "大部分完成",
    ].map((a): [string, string, "部分达成"] => [a, "及时", "部分达成"]),
    // 未达成 words, negations before the positive words they contain.
    ...[
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
      "尚未完成",
      "没有完成",
      "未按期完成",
      "未能按时完成",
      "不够及时",
      "效果不明显",
      "无明显效果",
      "不满意",
      "进度滞后",
      "效果较差",
    ].map((a): [string, string, "未达成"] => [a, "及时", "未达成"]),
    ["不是很及时", "及时", "未达成"],
    ["项目延期", "按期完成", "未达成"],
    ["已完成，但效果不明显", "效果明显", "未达成"],
    // More partial forms.
    ["部分项目未按期完成", "按期完成", "部分达成"],
    ["有待提高", "效果明显", "部分达成"],
    ["基本完成，完成率90%", "按期完成", "部分达成"],
    // Grades.
    ["优", "良好", "达成"],
    ["良", "良好", "达成"],
    ["中", "良好", "部分达成"],
    // Negations of something bad are good.
    ["未延期", "按期完成", "达成"],
    ["不存在问题", "规范", "达成"],
    ["非常满意", "满意", "达成"],
    ["无偏差", "规范", "达成"],
    ["未发生安全事故", "安全", "达成"],
    ["无违规", "合规", "达成"],
    ["无偏差、按期完成", "按期完成", "达成"],
    ["不断完善", "完善", "达成"],
    // Targets phrased as an absence.
    ["无", "无重大安全事故", "达成"],
    ["0", "无重大安全事故", "达成"],
    ["零事故", "无重大安全事故", "达成"],
    ["有1起", "无重大安全事故", "未达成"],
    ["发生1起", "未发生重大事故", "未达成"],
    ["未达成", "无重大安全事故", "未达成"],
    // Numbers: 100% (or a bare 100) means met; other numbers are for the user to judge.
    ["100%", "及时", "达成"],
    ["100", "及时", "达成"],
    ["及时率100%", "及时", "达成"],
    ["95%", "及时", null],
    ["0", "及时", null],
    ["完成90%", "按期完成", null],
    ["TRUE", "是", "达成"],
    ["FALSE", "是", "未达成"],
    // Unclassified.
    ["", "及时", null],
    ["   ", "及时", null],
    ["见附件", "及时", null],
    ["正在推进", "按期完成", null],
  ];
  test.each(cases)("%s (target %s) → %s", (actual, target, band) => {
    expect(classifyQualitative(actual, target)).toBe(band);
  });
});

describe("classifyQualitative: deadlines", () => {
  const cases: [string, string, "达成" | "未达成" | null][] = [
    // Numeric dates as spreadsheets display them.
    ["2022/11/20", "2022年12月31日前完成", "达成"],
    ["2022.11", "2022年12月31日前完成", "达成"],
    ["2023-01-05", "2022年12月31日前完成", "未达成"],
    // The deadline day itself is on time; the next day is late.
    ["6月30日", "6月30日前", "达成"],
    ["7月1日", "6月30日前", "未达成"],
    // 2024 is a leap year: 2月29日 exists and is the last day of 2月.
    ["2024年2月29日完成", "2024年2月底前", "达成"],
    ["2024年3月1日完成", "2024年2月底前", "未达成"],
    // 次年 / 下一年 / 当年 are years relative to the other side.
    ["下一年1月完成", "2022年12月31日前完成", "未达成"],
    ["当年11月完成", "2022年12月31日前完成", "达成"],
    // Quarters and halves.
    ["第二季度完成", "第三季度末前", "达成"],
    ["三季度末完成", "9月30日前", "达成"],
    ["四季度完成", "9月30日前", "未达成"],
    ["下半年完成", "12月底前", "达成"],
    // 旬: 11月下旬 may be after 11月25日.
    ["11月下旬完成", "11月25日前", null],
    ["11月上旬完成", "11月25日前", "达成"],
  ];
  test.each(cases)("%s (target %s) → %s", (actual, target, band) => {
    expect(classifyQualitative(actual, target)).toBe(band);
  });

  test("targets that name a period or a subject year are not deadlines", () => {
    // "1-12月按月发放" is a range and a rhythm; "2022年度决算…" names what is audited, not when.
    expect(classifyQualitative("2023年3月完成", "2022年度决算编制按时完成")).toBeNull();
    expect(classifyQualitative("12月完成", "1-12月按月发放")).toBeNull();
    expect(classifyQualitative("按月足额发放", "1-12月按月发放")).toBe("达成");
    // Two dates in the target: which one the actual answers is unknown.
    expect(classifyQualitative("11月完成", "3月开工，12月底前完工")).toBeNull();
  });

  test("words about the completion outrank the date in it", () => {
    expect(classifyQualitative("11月完成90%", "12月底前")).toBeNull();
    expect(classifyQualitative("11月底正在推进", "12月底前")).toBeNull();
    expect(classifyQualitative("12月20日延期完成", "12月底前")).toBe("未达成");
    expect(classifyQualitative("11月部分完成", "12月底前")).toBe("部分达成");
  });
});

describe("classifyQualitative: negations of 保障 and of positive words after 得到/能/法", () => {
  const cases: [string, "达成" | "部分达成" | "未达成" | null][] = [
    ["得到保障", "达成"],
    ["有保障", "达成"],
    ["保障到位", "达成"],
    ["得到有效保障", "达成"],
    ["保障有力", "达成"],
    ["未得到保障", "未达成"],
    ["没有得到保障", "未达成"],
    ["未能得到有效保障", "未达成"],
    ["保障不到位", "未达成"],
    ["不能保障", "未达成"],
    ["无法保障", "未达成"],
    ["难以保障", "未达成"],
    ["缺乏保障", "未达成"],
    ["无保障", "未达成"],
    ["保障不力", "未达成"],
    ["基本保障", "部分达成"],
    ["保障不足", null],
    ["没有得到及时处理", "未达成"],
  ];
  test.each(cases)("%s → %s", (actual, band) => {
    expect(classifyQualitative(actual, "保障单位正常运转")).toBe(band);
  });
});

describe("classifyQualitative: cost", () => {
  test("long and repetitive cells classify in linear time", () => {
    const inputs = [
      "1月".repeat(5000),
      "未".repeat(20000) + "完成",
      "2022年".repeat(3000) + "12月底前",
      "部分".repeat(5000) + "未",
      "12月底前完成，".repeat(2000),
      "得到".repeat(10000) + "保障",
    ];
    // 18 calls on cells of 10–40 thousand characters: a backtracking regex would hang here until Jest's
    // timeout; how fast it really is belongs to `npm run bench`, not to an assertion.
    for (const a of inputs) {
      for (const t of ["12月底前", "保障", inputs[0]]) expect(() => classifyQualitative(a, t)).not.toThrow();
    }
  });
});

describe("inferReverse", () => {
  const cases: [string, string, string, boolean][] = [
    ["超预算支出比例", "产出指标", "成本指标", true],
    ["项目总投入", "产出指标", "成本指标", true],
    ["人均费用", "产出指标", "经济成本指标", true],
    ["单位培训成本", "产出指标", "数量指标", true],
    ["办公费用", "", "", true],
    ["设备采购单价", "", "", true],
    ["安全事故发生次数", "", "", true],
    ["传染病发生率", "", "", true],
    ["群众投诉次数", "", "", true],
    ["账务差错笔数", "", "", true],
    ["逾期支付笔数", "", "", true],
    ["资金结余率", "", "", true],
    ["预算调整次数", "", "", true],
    ["平均办理时长", "", "", true],
    ["审批天数", "", "", true],
    ["项目超支金额", "", "", true],
    ["经济损失", "", "", true],
    ["违规使用资金次数", "", "", true],
    ["工程返工次数", "", "", true],
    ["设备故障次数", "", "", true],
    ["成本指标", "成本指标", "经济成本指标", true],
    // Not reverse.
    ["森林防火巡察覆盖率", "产出指标", "质量指标", false],
    ["植树造林面积(亩)", "效益指标", "生态效益指标", false],
    ["拆迁户满意度(%)", "满意度指标", "服务对象满意度指标", false],
    ["征拆面积完成率", "产出指标", "质量指标", false],
    ["事故处理及时率", "产出指标", "时效指标", false],
    ["投诉办结率", "效益指标", "社会效益指标", false],
    ["成本节约率", "产出指标", "成本指标", false],
    ["能耗降低率", "效益指标", "生态效益指标", false],
    ["资金到位率", "产出指标", "质量指标", false],
    ["", "", "", false],
  ];
  test.each(cases)("%s / %s / %s → %s", (name, l1, l2, expected) => {
    expect(inferReverse(name, l1, l2)).toBe(expected);
  });
});

describe("isPlaceholder", () => {
  test.each([
    "",
    " ",
    "\n",
    "无",
    "暂无",
    "无偏差",
    "略",
    "同上",
    "/",
    "-",
    "—",
    "——",
    "0",
    "０",
    "无。",
    "无.",
    " 无 ",
    "／",
    "N/A",
    "…",
  ])("%p is a placeholder", (t) => expect(isPlaceholder(t)).toBe(true));
  test.each([
    "已按计划完成",
    "受疫情影响，部分项目延期至次年实施",
    "资金未及时到位",
    "无法按期开工，已申请延期",
  ])("%p is an explanation", (t) => expect(isPlaceholder(t)).toBe(false));
});

describe("normalizeUnit and formatParsed", () => {
  test.each([
    ["(%)", "%"],
    ["（%）", "%"],
    ["％", "%"],
    ["[万元]", "万元"],
    ["万元人民币", "万元"],
    ["㎡", "平方米"],
    ["日", "天"],
    [" 个 ", "个"],
    ["", null],
    ["人/次", "人次"],
    ["元/人/次", "元/人/次"],
  ])("%p → %p", (raw, unit) => {
    expect(normalizeUnit(raw)).toBe(unit);
  });

  test.each([
    [num(95, "%", "ge"), "≥95%"],
    [num(90, "万元", "le"), "≤90万元"],
    [num(80, "%", null, 90), "80～90%"],
    [num(0.1 + 0.2), "0.3"],
    [{ kind: "text", text: "及时" } as ParsedValue, "“及时”"],
    [{ kind: "empty" } as ParsedValue, "（空）"],
    [{ kind: "error", text: "#DIV/0!" } as ParsedValue, "错误值 #DIV/0!"],
  ])("%p → %s", (p, s) => {
    expect(formatParsed(p)).toBe(s);
  });
});

describe("never throws", () => {
  const cellArb = fc.record({
    value: fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        "≥95%",
        "80-90%",
        "#DIV/0!",
        "—",
        "1,200万元",
        "不低于",
        "％",
        "≥",
        "1e400",
        "..5",
        "--3",
        "valueOf",
        "__proto__",
        "constructor",
      ),
    ),
    text: fc.oneof(fc.string(), fc.constantFrom("78.25%", "", "≥1e309%", "toString", "万__proto__")),
    format: fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.constantFrom("0.00%", '0"亩"', '"≥"0%', "[$", '"', "\\"),
    ),
  }) as fc.Arbitrary<CellInput>;

  test("parseTarget / parseActual / parseNumber on arbitrary cells", () => {
    fc.assert(
      fc.property(cellArb, cellArb, cellArb, cellArb, (a, b, n, u) => {
        const target = parseTarget(a, { nature: n, unit: u });
        parseTarget(a);
        const actual = parseActual(b, target);
        parseActual(b, parseTarget(b));
        const x = parseNumber(a);
        expect(x === null || Number.isFinite(x)).toBe(true);
        for (const p of [target, actual]) {
          expect(["number", "text", "empty", "error"]).toContain(p.kind);
          if (p.kind === "number") expect(Number.isFinite(p.value)).toBe(true);
          formatParsed(p);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("classifyQualitative / isPlaceholder / inferReverse on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: "grapheme" }), (a, b) => {
        const band = classifyQualitative(a, b);
        expect([null, "达成", "部分达成", "未达成"]).toContain(band);
        expect(typeof isPlaceholder(a)).toBe("boolean");
        expect(typeof inferReverse(a, b, a)).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  test("null and undefined inputs from loose callers", () => {
    const loose = null as unknown as CellInput;
    expect(() => parseTarget(loose)).not.toThrow();
    expect(() => parseActual(loose, { kind: "empty" })).not.toThrow();
    expect(() => parseActual(cell(5), null as unknown as ParsedValue)).not.toThrow();
    expect(parseNumber(loose)).toBeNull();
    expect(classifyQualitative(null as unknown as string, undefined as unknown as string)).toBeNull();
    expect(isPlaceholder(null as unknown as string)).toBe(true);
  });
});
