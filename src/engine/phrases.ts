/**
 * Phrase suggestions for 偏差原因分析及改进措施, by cause. The user picks and edits them; they are
 * starting points a finance officer would recognise, not boilerplate to paste unread.
 */
import type { IndicatorReport } from "./types";

export interface Phrase {
  label: string;
  labelEn: string;
  text: string;
}

export interface PhraseGroup {
  cause: "客观原因" | "主观原因" | "改进措施" | "超额完成";
  causeEn: string;
  phrases: Phrase[];
}

export const explanationPhrases: PhraseGroup[] = [
  {
    cause: "客观原因",
    causeEn: "External causes",
    phrases: [
      {
        label: "跨年度项目",
        labelEn: "Multi-year project",
        text: "该项目为跨年度项目，部分工作和资金须按合同进度在下一年度完成和支付。",
      },
      {
        label: "年中预算调整",
        labelEn: "Mid-year budget change",
        text: "年中预算调整，追加或调减资金后年度指标值未同步调整。",
      },
      {
        label: "价格变动",
        labelEn: "Price changes",
        text: "受市场价格变动影响，实际单价与预算测算时差异较大。",
      },
      {
        label: "政策调整",
        labelEn: "Policy change",
        text: "受上级政策调整影响，部分工作内容和实施进度相应调整。",
      },
      {
        label: "疫情/灾害等不可抗力",
        labelEn: "Force majeure",
        text: "受自然灾害等不可抗力影响，部分工作未能按计划开展。",
      },
      {
        label: "资金到位晚",
        labelEn: "Funds arrived late",
        text: "上级资金下达较晚，项目启动和支付进度相应推迟。",
      },
    ],
  },
  {
    cause: "主观原因",
    causeEn: "Internal causes",
    phrases: [
      {
        label: "前期论证不足",
        labelEn: "Weak preparation",
        text: "项目前期调研论证不充分，年度指标值设定与实际情况存在偏差。",
      },
      {
        label: "执行进度慢",
        labelEn: "Slow execution",
        text: "项目组织实施和采购进度滞后，未能在年度内全部完成。",
      },
      {
        label: "绩效目标设置不合理",
        labelEn: "Unrealistic target",
        text: "绩效目标设置不够科学合理，指标值偏高，难以在年度内实现。",
      },
      {
        label: "内部管理不到位",
        labelEn: "Management gaps",
        text: "内部管理和跟踪监控不到位，未及时发现和纠正执行偏差。",
      },
    ],
  },
  {
    cause: "改进措施",
    causeEn: "Improvement measures",
    phrases: [
      {
        label: "科学设定指标",
        labelEn: "Set targets soundly",
        text: "下一年度将结合历史数据和实际情况，科学合理设定绩效指标值。",
      },
      {
        label: "加快执行进度",
        labelEn: "Speed up execution",
        text: "加强项目进度管理，按月跟踪资金支付和任务完成情况，加快执行进度。",
      },
      {
        label: "加强绩效监控",
        labelEn: "Monitor performance",
        text: "加强绩效运行监控，发现偏差及时分析原因并采取纠偏措施。",
      },
      {
        label: "按进度申请资金",
        labelEn: "Request funds by schedule",
        text: "项目资金按年度支付进度需要申请，减少资金结余结转。",
      },
    ],
  },
  {
    cause: "超额完成",
    causeEn: "Over-achievement",
    phrases: [
      {
        label: "指标值设定偏低",
        labelEn: "Target set too low",
        text: "年初指标值设定偏保守，实际工作量超出预期；下一年度将参考本年实际完成情况合理提高指标值。",
      },
      {
        label: "工作需要增加",
        labelEn: "More work needed",
        text: "根据工作需要和群众需求，实际开展的工作量超过年初计划。",
      },
    ],
  },
];

/** The groups that fit this row: over-achievement phrases first for an over-target row, and only there. */
export function phrasesFor(ind: Pick<IndicatorReport, "ratio" | "direction">): PhraseGroup[] {
  const over =
    ind.ratio != null && ind.ratio > 1 && (ind.direction === "positive" || ind.direction === "equal");
  const overGroup = explanationPhrases.filter((g) => g.cause === "超额完成");
  const rest = explanationPhrases.filter((g) => g.cause !== "超额完成");
  return over ? [...overGroup, ...rest] : rest;
}

/** Why a row (or the budget execution) needs 偏差原因分析及改进措施: each cause gets its own phrases. */
export type ExplanationCause = "shortfall" | "deduction" | "overAchieved" | "lowExecution";

/** A phrase group for one part of the two-part explanation (偏差原因：…；改进措施：…). */
export interface CausePhraseGroup {
  part: "reason" | "measure";
  title: string;
  titleEn: string;
  phrases: Phrase[];
}

const byLabel = (cause: PhraseGroup["cause"], labels: string[]): Phrase[] => {
  const group = explanationPhrases.find((g) => g.cause === cause)!;
  return labels.map((l) => group.phrases.find((p) => p.label === l)!);
};

const deductionReasons: Phrase[] = [
  {
    label: "质量未达要求",
    labelEn: "Quality short of standard",
    text: "数量目标已完成，但部分工作质量未达到验收标准。",
  },
  {
    label: "资料不完整",
    labelEn: "Records incomplete",
    text: "部分过程资料和佐证材料不完整，按评分标准扣分。",
  },
  {
    label: "时效未达要求",
    labelEn: "Late delivery",
    text: "部分工作未按规定时限完成，按评分标准扣分。",
  },
];

const overMeasures: Phrase[] = [
  byLabel("改进措施", ["科学设定指标"])[0],
  {
    label: "按实际调整预算",
    labelEn: "Budget to actual need",
    text: "下一年度将根据实际工作量合理测算和安排预算。",
  },
];

/** Phrase groups that fit a cause only: an over-achieved row is never offered "执行进度慢". */
export function phrasesForCause(cause: ExplanationCause): CausePhraseGroup[] {
  const reason = (title: string, titleEn: string, phrases: Phrase[]): CausePhraseGroup => ({
    part: "reason",
    title,
    titleEn,
    phrases,
  });
  const measure = (phrases: Phrase[]): CausePhraseGroup => ({
    part: "measure",
    title: "改进措施",
    titleEn: "Improvement measures",
    phrases,
  });
  switch (cause) {
    case "overAchieved":
      return [
        reason("超额原因", "Why it was exceeded", byLabel("超额完成", ["指标值设定偏低", "工作需要增加"])),
        measure(overMeasures),
      ];
    case "deduction":
      return [
        reason("扣分原因", "Why points were deducted", deductionReasons),
        measure(byLabel("改进措施", ["加强绩效监控", "加快执行进度"])),
      ];
    case "lowExecution":
      return [
        reason(
          "客观原因",
          "External causes",
          byLabel("客观原因", ["跨年度项目", "年中预算调整", "资金到位晚", "政策调整"]),
        ),
        reason("主观原因", "Internal causes", byLabel("主观原因", ["执行进度慢", "内部管理不到位"])),
        measure(byLabel("改进措施", ["加快执行进度", "按进度申请资金"])),
      ];
    default:
      return [
        reason(
          "客观原因",
          "External causes",
          byLabel("客观原因", ["年中预算调整", "价格变动", "政策调整", "疫情/灾害等不可抗力", "资金到位晚"]),
        ),
        reason(
          "主观原因",
          "Internal causes",
          byLabel("主观原因", ["前期论证不足", "执行进度慢", "绩效目标设置不合理", "内部管理不到位"]),
        ),
        measure(byLabel("改进措施", ["科学设定指标", "加快执行进度", "加强绩效监控"])),
      ];
  }
}
