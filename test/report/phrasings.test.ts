/**
 * Figures as units really write them (issue 18): each new phrasing is read, and each look-alike that is not
 * this report's figure — a category's score, a sub-item amount, a year, a change, an approximate amount — is not.
 */
import { documentFromLines, figuresOf, compareSums, reportFigures } from "../../src/engine/report";

const read = (text: string) => figuresOf({ index: 1, text, heading: null }).map((f) => [f.kind, f.value]);
const sums = (lines: string[]) => {
  const doc = documentFromLines(lines);
  return compareSums(doc, reportFigures(doc), null);
};

describe("labels as reports phrase them", () => {
  it.each([
    [
      "年初批复预算 985 万元，调整预算后项目预算 861.46 万元。",
      [
        ["initial", 985],
        ["budget", 861.46],
      ],
    ],
    ["项目预算执行率 97.5%。", [["rate", 97.5]]],
    ["实际执行率为 100%。", [["rate", 100]]],
    ["该项目总预算 500 万元。", [["budget", 500]]],
    [
      "下达预算资金合计 320 万元，实际支出 300 万元。",
      [
        ["budget", 320],
        ["spent", 300],
      ],
    ],
    [
      "批复资金 120 万元，实际发放 118.5 万元。",
      [
        ["budget", 120],
        ["spent", 118.5],
      ],
    ],
    [
      "收到资金共计 60 万元，实际总支出 58 万元。",
      [
        ["budget", 60],
        ["spent", 58],
      ],
    ],
    ["安排支出共计 45.6 万元。", [["budget", 45.6]]],
    ["1、收入：792.22 万元。", [["budget", 792.22]]],
    [
      "项目资金共 2179 万元，执行率 97%。",
      [
        ["budget", 2179],
        ["rate", 97],
      ],
    ],
    ["项目总投资 1200 万元。", [["investment", 1200]]],
    [
      "综合评价得分 92.5 分，等级为优。",
      [
        ["score", 92.5],
        ["grade", NaN],
      ],
    ],
    ["经自评，该项目得分 95 分。", [["score", 95]]],
    // 万 with no 元 is 万元; 评价分 … 分 is the report's score after 因此 / 综上.
    [
      "投入中央直达资金29.6万,执行数29.6万,执行率100%。",
      [
        ["budget", 29.6],
        ["spent", 29.6],
        ["rate", 100],
      ],
    ],
    [
      "因此评价分100分,自评等级为优秀。",
      [
        ["score", 100],
        ["grade", NaN],
      ],
    ],
    // The unit's own project after 我校 / 我局; 收到 / 下达我县 … 资金 with the fund's name between; 拨付使用.
    [
      "2023年度我校教育专项工作经费项目财政资金总额16.20万元,全部为县级配套资金,拨付使用16.20万元,预算执行率100%。",
      [
        ["budget", 16.2],
        ["spent", 16.2],
        ["rate", 100],
      ],
    ],
    ["我校教育专项工作经费项目自评得分100分。", [["score", 100]]],
    ["我校收到教育专项工作经费资金16.20万元。", [["budget", 16.2]]],
    ["下达我县2023年中央水利发展资金2263万元。", [["budget", 2263]]],
    // A report-level score in the sentence after an indicator's line is still read.
    ["实际完成值95%。综合评价得分 92 分。", [["score", 92]]],
  ])("reads %s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    // A category's score, with its points: not the report's.
    "投入 25 分，自评得分 25 分。",
    "产出指标（50 分）自评得分 48 分。",
    "产出指标得分 45 分。",
    // An indicator's line: the score after its target or actual is the row's.
    "1.免疫密度，年初目标值≥90%，实际完成值≥90%，自评得分20分。",
    "农户满意度指标值≥90%，完成情况95%，得分10分。",
    // The scale, a rate of points, a row's cell.
    "总分值 100 分。",
    "得分率 95%。",
    "得分 95。",
    "评价分 3 个阶段。",
    "评价分值 100 分。",
    // A count in 万 (万人, 万亩) is not money.
    "执行数 2.5万人次。",
    "社会投入资金 300 万元。",
    // Money passed on to others, another unit's project, a count in the gap.
    "分解下达到各乡镇资金300万元。",
    "下达各乡镇资金 300 万元。",
    "市局某某路改造项目资金总额 300 万元。",
    "中央下达我省3批救灾资金6800万元。",
    // A sub-item, another project, a year, a change, a count before the amount.
    "其中人员支出 500 万元。",
    "农田项目总预算 320 万元。",
    "2023年转列暂付性款项项目5个。",
    "收入同比上年度增加 189.25 万元。",
    "年初批复预算8个项目985万元。",
    // Money without its unit, 资金 alone.
    "项目资金 2179。",
    "乡村振兴衔接资金 2179 万元目前已全部拨付。",
  ])("does not read %s", (text) => {
    expect(read(text)).toEqual([]);
  });

  it("marks an approximate amount and never compares it", () => {
    const figs = figuresOf({
      index: 1,
      text: "项目总投资约 22.66 亿元，其中中央资金 30 亿元，省级资金 2 亿元。",
      heading: null,
    });
    expect(figs[0]).toMatchObject({ kind: "investment", approx: true });
    expect(sums(["项目总投资约 22.66 亿元，其中中央资金 30 亿元，省级资金 2 亿元。"])).toEqual([]);
  });
});

describe("a total with its 其中 parts (no table needed)", () => {
  it("parts above the total are wrong whatever they are called", () => {
    const f = sums(["该项目总预算 100 万元，其中设备购置 60 万元，培训 50 万元。"]);
    expect(f.map((x) => x.code)).toEqual(["REPORT_SUM_MISMATCH"]);
    expect(f[0].message).toContain("110");
  });

  it("parts below the total are wrong only when they name a whole", () => {
    expect(
      sums(["该项目总预算 100 万元，其中中央资金 60 万元，省级资金 30 万元，其他资金 5 万元。"]).map(
        (x) => x.code,
      ),
    ).toEqual(["REPORT_SUM_MISMATCH"]);
    expect(sums(["支出 800 万元，其中基本支出 500 万元，项目支出 200 万元。"]).map((x) => x.code)).toEqual([
      "REPORT_SUM_MISMATCH",
    ]);
    // A 市级 share may be left out; 人员 + 公用 is 基本支出, not all spending.
    expect(sums(["该项目总预算 100 万元，其中中央资金 60 万元，省级资金 30 万元。"])).toEqual([]);
    expect(sums(["支出 800 万元，其中人员经费 434.89 万元，公用经费 77.4 万元。"])).toEqual([]);
    // "其中用于…" lists some uses, not all: silence.
    expect(sums(["该项目总预算 100 万元，其中设备购置 60 万元，培训 30 万元。"])).toEqual([]);
  });

  it("agrees within the rounding written; a change, a 结余 after the parts or a nested 其中 are no parts", () => {
    expect(
      sums(["支出：799.12万元。其中：人员经费支出434.89万元，公用经费支出77.4万元，项目支出286.83万元。"]),
    ).toEqual([]);
    expect(
      sums(["收入 800 万元，其中：财政拨款收入 700 万元，同比增加 209.28 万元，其他收入 100 万元。"]),
    ).toEqual([]);
    expect(
      sums([
        "2021 年支出 1439.13 万元，其中基本支出 991.56 万元，",
        "项目支出 447.57 万元，结余结转 399.97 万元。",
      ]),
    ).toEqual([]);
    expect(
      sums(["总预算 100 万元，其中中央资金 60 万元（其中以工代赈 10 万元），省级资金 30 万元。"]),
    ).toEqual([]);
  });
});

describe("a rate against the amounts stated beside it", () => {
  it("flags a rate that is neither the rounded nor the cut quotient", () => {
    expect(sums(["项目资金共 2179 万元，已完成支出 2113.63 万元，执行率 97%。"])).toEqual([]);
    const f = sums(["全年预算数 200 万元，实际支出 150 万元，预算执行率 85%。"]);
    expect(f.map((x) => x.code)).toEqual(["REPORT_SUM_MISMATCH"]);
    expect(f[0].message).toContain("75.00%");
  });

  it("leaves a rate alone when its amounts are in another paragraph or another year", () => {
    expect(sums(["全年预算数 200 万元，实际支出 150 万元。", "预算执行率 85%。"])).toEqual([]);
    expect(sums(["全年预算数 200 万元，实际支出 150 万元，2020 年预算执行率 85%。"])).toEqual([]);
  });
});
