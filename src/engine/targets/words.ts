/**
 * The words of the five comparison findings (docs/spec/targets.md §4), as functions of their data alone:
 * the rule modules (src/engine/rules/target-*.ts, indicator-*.ts, weight-changed.ts) speak with them.
 */
import { fmt, pct } from "../decimal";
import type { Words } from "../messages";
import type { TargetChange } from "./equal";
import type {
  IndicatorAddedData,
  IndicatorMissingData,
  MatchNote,
  TargetChangedData,
  TargetNotRaisedData,
  WeightChangedData,
} from "./findings";

const q = (s: string) => `“${s}”`;

const CHANGE_ZH: Record<TargetChange, string> = {
  value: "数值",
  direction: "方向",
  unit: "单位",
  kind: "由定量改为定性",
};
const CHANGE_EN: Record<TargetChange, string> = {
  value: "value",
  direction: "direction",
  unit: "unit",
  kind: "from a number to words",
};

/** "（名称按位置对应申报表的“…”）" for a fuzzy match; "" for an exact one. */
function fuzzy(m: MatchNote, other: string, otherEn: string): Words {
  if (m.by === "name") return ["", ""];
  return [
    `（名称与${other}的${q(m.otherName)}不完全相同，按位置和相似度对应，相似度${pct(m.similarity, 0)}）`,
    ` (its name differs from ${otherEn}'s "${m.otherName}"; paired by place and likeness, ${pct(m.similarity, 0)} alike)`,
  ];
}

export const targetChangedWords = (d: TargetChangedData): Words => {
  const [fz, fe] = fuzzy(d.match, "申报表", "the approved table");
  return [
    `${q(d.indicator)}的年度指标值与批复的绩效目标不一致（${CHANGE_ZH[d.change]}）：申报表为${d.approved}（${d.approvedSheet}!${d.approvedCell}），自评表为${d.current}${fz}；请按批复的指标值填写，确有调整的请附调整依据`,
    `${d.indicator}: the target differs from the approved one (${CHANGE_EN[d.change]}): ${d.approved} approved (${d.approvedSheet}!${d.approvedCell}), ${d.current} in this table${fe}. Use the approved target, or attach the approval of the change.`,
  ];
};

export const indicatorMissingWords = (d: IndicatorMissingData): Words => [
  `申报表中${d.category ? `“${d.category}”下` : ""}的指标${q(d.indicator)}（指标值${d.approvedTarget}，${d.approvedSheet}!${d.approvedCell}）在自评表中没有；请补上该指标并如实填写完成情况`,
  `The approved indicator ${d.indicator}${d.category ? ` under ${d.category}` : ""} (target ${d.approvedTarget}, ${d.approvedSheet}!${d.approvedCell}) is missing from this table; add it with its actual.`,
];

export const indicatorAddedWords = (d: IndicatorAddedData): Words => [
  `指标${q(d.indicator)}（指标值${d.target || "（空）"}）不在批复的绩效目标中；请核实是否为新增指标，新增的请附批复依据`,
  `The indicator ${d.indicator} (target ${d.target || "(blank)"}) was not among the approved targets; check whether it was added, and attach the approval if so.`,
];

export const weightChangedWords = (d: WeightChangedData): Words => {
  const [fz, fe] = fuzzy(d.match, "申报表", "the approved table");
  return [
    `${q(d.indicator)}的分值为${fmt(d.current)}，申报表中为${fmt(d.approved)}${fz}；请核实分值调整是否有依据`,
    `${d.indicator}: weight ${fmt(d.current)} here, ${fmt(d.approved)} in the approved table${fe}; check that the change was approved.`,
  ];
};

export const targetNotRaisedWords = (d: TargetNotRaisedData): Words => {
  const [fz, fe] = fuzzy(d.match, "上年自评表", "last year's table");
  const ratioZh =
    d.direction === "reverse" ? `指标值为实际值的${pct(d.ratio, 0)}` : `为指标值的${pct(d.ratio, 0)}`;
  const ratioEn =
    d.direction === "reverse" ? `the target was ${pct(d.ratio, 0)} of it` : `${pct(d.ratio, 0)} of it`;
  return [
    `${q(d.indicator)}上年指标值${d.previousTarget}、实际完成${d.previousActual}（${ratioZh}，超过${pct(d.threshold, 0)}），今年指标值仍为${d.current}${fz}；请分析指标值是否设定偏低，${d.direction === "reverse" ? "考虑适当降低" : "考虑适当提高"}`,
    `${d.indicator}: last year's target ${d.previousTarget} was met with ${d.previousActual} (${ratioEn}, past ${pct(d.threshold, 0)}), yet this year's target is still ${d.current}${fe}. Check whether the target is set too low.`,
  ];
};
