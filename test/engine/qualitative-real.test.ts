/**
 * Qualitative target/actual pairs as they appear in published 绩效自评表 (county and city tables posted on
 * government sites, 2020–2024: 项目支出绩效自评表 and 部门整体支出绩效自评表). The expected band follows
 * scoring-rules.md §3 read conservatively: a wrong band raises wrong errors, an unclassified one only asks
 * the user, so text that says work is under way (正在推进, 持续推进) or admits an unsized shortfall
 * (保障不足) stays unclassified, and a date decides only when it is clearly on time or clearly late.
 */
import { classifyQualitative } from "../../src/engine/values";

type Band = "达成" | "部分达成" | "未达成" | null;

const rows: [target: string, actual: string, band: Band][] = [
  // National three-band wording written into the actual column (a 2022 township table's rows).
  ["严格执行相关制度规定", "达成预期指标", "达成"],
  ["在项目计划完成时间内完成", "达成预期指标", "达成"],
  ["符合相关规定", "达成预期指标", "达成"],
  ["效果明显", "达成预期指标", "达成"],
  ["效果明显", "部分达成预期指标并具有一定效果", "部分达成"],
  ["效果明显", "未达成预期指标且效果较差", "未达成"],
  // Grade words of 部门整体 tables (高/好) and 应保尽保.
  ["高", "高", "达成"],
  ["好", "好", "达成"],
  ["高", "较高", "部分达成"],
  // anhui-liuan-yuan-2022 (test/fixtures/real): "程度较高" against a description grades nothing.
  ["加大文物保护,展示文物价值", "程度较高", null],
  // A description restated with 较好 in it praises the work; against a level (好), 较好 is one step short.
  ["企业把握正确导向情况的评价", "企业较好把握正确导向情况的评价", "达成"],
  ["单位较好落实制度", "单位较好落实制度", "达成"],
  ["好", "较好", "部分达成"],
  ["服务质量好", "服务质量较好", "部分达成"],
  ["群众满意", "较好地完成部分工作", "部分达成"],
  ["应保尽保", "应保尽保", "达成"],
  ["应保尽保", "已保障", "达成"],
  ["已建工程良性运行", "良性运行", "达成"],
  ["系统稳定运行", "运行稳定", "达成"],
  ["系统稳定运行", "不稳定", "未达成"],
  // Timeliness and effect words.
  ["及时", "及时、足额", "达成"],
  ["按时足额发放", "及时足额发放", "达成"],
  ["效果显著", "效果显著", "达成"],
  ["明显提升", "显著提升", "达成"],
  ["明显提升", "有所提升", "部分达成"],
  ["有效提升", "稳步提升", "达成"],
  ["持续改善", "持续改善", "达成"],
  ["明显改善", "有所改善", "部分达成"],
  ["逐步完善", "逐步完善", "达成"],
  ["健全", "基本完善", "部分达成"],
  ["有效落实", "全面落实", "达成"],
  ["有效落实", "落实到位", "达成"],
  ["全面完成", "全面完成", "达成"],
  ["按期完成", "圆满完成", "达成"],
  ["按期完成", "顺利完成", "达成"],
  ["按时完成", "按时完成", "达成"],
  ["按要求完成", "已按要求完成", "达成"],
  ["达到预期", "达到预期", "达成"],
  ["达到预期效果", "基本达到预期", "部分达成"],
  ["达到要求", "达到要求", "达成"],
  ["符合要求", "符合要求", "达成"],
  ["符合国家标准", "符合标准", "达成"],
  ["规范", "规范", "达成"],
  ["资金使用规范", "不够规范", "未达成"],
  ["严格执行", "严格执行", "达成"],
  ["严格执行政府采购制度", "未严格执行", "未达成"],
  ["长期", "长期", "达成"],
  ["可持续", "持续发挥作用", "达成"],
  // Absence targets.
  ["安全事故零发生", "零发生", "达成"],
  ["安全事故零发生", "发生1起", "未达成"],
  ["无违规违纪", "无违规", "达成"],
  ["无重大安全事故", "无重大事故", "达成"],
  ["无重大安全事故", "未发生", "达成"],
  ["无重大安全事故", "无法统计", null],
  // Grades.
  ["服务质量良好", "良好", "达成"],
  ["良好", "较好", "部分达成"],
  ["良好", "一般", "部分达成"],
  ["提高", "待提高", "部分达成"],
  // Work under way is not work done.
  ["按期完成", "尚未完成", "未达成"],
  ["按期完成", "正在推进", null],
  ["按期完成", "持续推进", null],
  ["按期完成", "稳步推进", null],
  ["按期完成", "有序推进中", null],
  ["按期完成", "正在实施", null],
  ["按期完成", "部分完成", "部分达成"],
  // 保障: the positive word, and its negations read first.
  ["保障单位正常运转", "得到保障", "达成"],
  ["保障单位正常运转", "有保障", "达成"],
  ["保障单位正常运转", "保障到位", "达成"],
  ["保障单位正常运转", "得到有效保障", "达成"],
  ["保障单位正常运转", "正常运转", "达成"],
  ["保障单位正常运转", "未得到保障", "未达成"],
  ["保障单位正常运转", "未能得到有效保障", "未达成"],
  ["保障单位正常运转", "保障不到位", "未达成"],
  ["保障单位正常运转", "不能保障", "未达成"],
  ["保障单位正常运转", "无法保障", "未达成"],
  ["保障单位正常运转", "保障不力", "未达成"],
  ["保障单位正常运转", "保障不足", null],
  // Deadlines.
  ["2022年12月31日前完成", "2022年11月完成", "达成"],
  ["12月底前", "11月20日完成", "达成"],
  ["年底前完成", "已于10月完成", "达成"],
  ["12月底前", "12月25日", "达成"],
  ["2022年12月31日前完成", "2022-11-20", "达成"],
  ["11月底前完成", "11月中旬完成", "达成"],
  ["6月30日前", "6月28日完成", "达成"],
  ["6月30日前", "6月完成", "达成"],
  ["上半年完成", "5月完成", "达成"],
  ["第三季度前", "5月完成", "达成"],
  ["2022年12月31日前完成", "次年3月完成", "未达成"],
  ["2022年12月底前", "2023年1月完成", "未达成"],
  ["6月30日前", "7月15日完成", "未达成"],
  ["第三季度前", "10月完成", "未达成"],
  ["年底前完成", "未按期完成", "未达成"],
  ["年底前完成", "延期至次年2月", "未达成"],
  ["2022年12月31日前完成", "截至12月31日尚未完成", "未达成"],
  ["12月底前", "11月基本完成", "部分达成"],
  // Too close to call: the reading of "前" or of the missing year decides.
  ["第三季度前", "8月完成", null],
  ["11月15日前完成", "11月完成", null],
  ["12月底前", "2023年1月完成", null],
  ["12月底前", "1月完成", null],
  ["年底前完成", "12月底前完成80%", null],
  // A date against a target with no deadline says nothing about timeliness, unless the text does.
  ["按合同约定时间", "按合同约定时间完成", "达成"],
  ["按合同约定时间", "11月完成", null],
  ["及时", "2022年11月", null],
  ["按期完成", "2022年11月按期完成", "达成"],
  ["合规", "2022年度预算执行合规", "达成"],
];

describe("qualitative bands on real table wording", () => {
  test.each(rows)("target %s, actual %s → %s", (target, actual, band) => {
    expect(classifyQualitative(actual, target)).toBe(band);
  });

  it("covers every band and the unclassified case", () => {
    const counts = new Map<Band, number>();
    for (const [, , b] of rows) counts.set(b, (counts.get(b) ?? 0) + 1);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const b of ["达成", "部分达成", "未达成", null] as Band[])
      expect(counts.get(b) ?? 0).toBeGreaterThan(3);
  });

  it("never calls work under way 达成", () => {
    for (const actual of [
      "正在推进",
      "持续推进",
      "稳步推进",
      "积极推进",
      "推进中",
      "正在实施",
      "实施中",
      "在建",
      "建设中",
    ]) {
      for (const target of ["按期完成", "完成", "及时", "效果明显", "2022年12月31日前完成"]) {
        expect(classifyQualitative(actual, target)).not.toBe("达成");
      }
    }
  });
});
