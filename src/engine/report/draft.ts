/**
 * The data sections of a 自评报告 drafted from the checked table, in the outline's order: every figure
 * from the table (recomputed where the engine recomputes), what only people know marked 【请补充：…】.
 * Plain data: src/docx writes it as a .docx, the pane shows the same paragraphs to copy (生成报告要点).
 */
import type { IndicatorReport, SheetReport, Table, SourceCell } from "../types";
import { fmt, pct } from "../decimal";
import { readNumber, shownText as textOf } from "../table/parse";

/** A number cell's value, null when blank or not a number (the parse step's reading). */
const numberOrNull = (c: SourceCell | null): number | null => (c ? readNumber(c).value : null);
import { missedIndicators } from "./claims";
import { OUTLINES } from "./outline";
import { tableFigures } from "./compare";
import type { Grid } from "../grid";

export interface DraftParagraph {
  text: string;
  /** The paragraph asks the author for something (【请补充：…】). */
  toFill: boolean;
}

export interface DraftSection {
  heading: string;
  paragraphs: DraftParagraph[];
}

export interface ReportDraft {
  title: string;
  unit: string | null;
  sections: DraftSection[];
  /** "附件 1：2021 年度部门整体支出绩效自评表": the table goes under it. */
  attachment: string;
}

const ASK = (what: string): DraftParagraph => ({ text: `【请补充：${what}】`, toFill: true });
const SAY = (text: string): DraftParagraph => ({ text, toFill: false });
const NUM = ["一", "二", "三", "四", "五", "六"];

function over(i: IndicatorReport): boolean {
  return (
    i.kind === "quantitative" && typeof i.ratio === "number" && i.direction === "positive" && i.ratio > 1
  );
}

function budgetSection(sr: SheetReport, table: Table, unit: string): DraftParagraph[] {
  const f = sr.funds;
  const block = table.funds;
  if (!f || !block || f.budget === null)
    return [ASK("全年预算数、全年执行数和预算执行率（自评表中没有资金情况）")];
  const parts = block.subRows
    .map((r) => ({ label: r.label.replace(/^其中[:：]?/, ""), v: numberOrNull(r.budget) }))
    .filter((p) => p.v !== null)
    .map((p) => `${p.label} ${fmt(p.v)} ${unit}`);
  const initial = numberOrNull(block.total.initial);
  const rate = f.spent !== null && f.budget > 0 ? f.spent / f.budget : null;
  const lines = [
    `${initial !== null ? `年初预算数 ${fmt(initial)} ${unit}，` : ""}全年预算数 ${fmt(f.budget)} ${unit}` +
      (parts.length ? `（其中：${parts.join("，")}）` : "") +
      (f.spent !== null ? `，全年执行数 ${fmt(f.spent)} ${unit}` : "") +
      (rate !== null ? `，预算执行率 ${pct(rate)}` : "") +
      (f.spent !== null && f.spent <= f.budget ? `，结余 ${fmt(f.budget - f.spent)} ${unit}` : "") +
      "。",
  ];
  if (f.score.computed !== null && f.weight !== null)
    lines.push(`预算执行得分 ${fmt(f.score.computed)} 分（分值 ${fmt(f.weight)} 分）。`);
  const out = lines.map(SAY);
  const reason = textOf(block.total.reason);
  if (rate !== null && rate < 1)
    out.push(
      reason
        ? SAY(`执行率未达 100% 的原因：${reason}`)
        : ASK(`预算执行率 ${pct(rate)} 未达 100% 的原因（如跨年度项目、结余资金的去向）`),
    );
  return out;
}

function indicatorSection(sr: SheetReport): DraftParagraph[] {
  const all = sr.indicators;
  const missed = missedIndicators(sr);
  const exceeded = all.filter(over);
  const out: DraftParagraph[] = [ASK("总体绩效目标及其实现情况、主要产出和效益")];
  out.push(
    SAY(
      `共设三级绩效指标 ${all.length} 项，完成 ${all.length - missed.length} 项` +
        (exceeded.length ? `（其中超额完成 ${exceeded.length} 项）` : "") +
        `，未完成 ${missed.length} 项。` +
        (missed.length === 0 ? "各项绩效指标均已完成。" : ""),
    ),
  );
  for (const c of sr.categories)
    out.push(
      SAY(
        `${c.name}${c.declaredWeight !== null ? `（${fmt(c.declaredWeight)} 分）` : ""}：得分 ${fmt(c.scoreComputed)} 分。`,
      ),
    );
  for (const i of exceeded)
    out.push(
      SAY(
        `超额完成：“${i.name}”指标值 ${i.target}，实际完成 ${i.actual}（为指标值的 ${pct(i.ratio as number, 0)}）。`,
      ),
    );
  for (const i of missed)
    out.push(
      SAY(
        `未完成：“${i.name}”指标值 ${i.target}，实际完成 ${i.actual}，得分 ${fmt(i.scoreComputed)} 分（分值 ${fmt(i.weight)} 分）。`,
      ),
    );
  return out;
}

function deviationSection(sr: SheetReport): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  for (const i of sr.indicators.filter((x) => x.needsExplanation)) {
    const why = i.explanationReason ? `——${i.explanationReason}` : "";
    out.push(
      i.explanation.trim()
        ? SAY(`“${i.name}”：${i.explanation.trim()}`)
        : ASK(`“${i.name}”的偏差原因及改进措施${why}`),
    );
  }
  out.push(ASK("存在的主要问题及下一步改进措施"));
  return out;
}

function conclusion(sr: SheetReport): DraftParagraph[] {
  const t = sr.total;
  const changed = t.declared !== null && Math.abs(t.declared - t.computed) > 0.005;
  return [
    SAY(
      `经自评，总分 ${fmt(t.computed)} 分，等级为“${sr.grade.computed}”。` +
        (changed ? `（自评表填报总分为 ${fmt(t.declared)} 分，已按评分规则重算。）` : ""),
    ),
  ];
}

/** The draft of a report for one checked table. */
export function draftReport(sr: SheetReport, table: Table, grid?: Grid): ReportDraft {
  const unit = grid ? tableFigures(sr, table, grid).unit : "万元";
  const kind = sr.kind;
  const [first, budget, goals, problems] = OUTLINES[kind];
  const title = (sr.title || (kind === "project" ? "项目支出绩效自评表" : "部门整体支出绩效自评表"))
    .replace(/自评表$/, "自评报告")
    .replace(/表$/, "报告");
  const intro =
    kind === "project"
      ? ASK(`项目立项依据、主要内容、资金来源和实施情况${sr.unit ? `（项目：${sr.unit}）` : ""}`)
      : ASK(`单位主要职能、机构设置和人员情况${sr.unit ? `（${sr.unit}）` : ""}`);
  const sections: DraftSection[] = [
    { heading: first.name, paragraphs: [intro] },
    { heading: budget.name, paragraphs: budgetSection(sr, table, unit) },
    { heading: kind === "project" ? goals.name : "绩效指标完成情况", paragraphs: indicatorSection(sr) },
    {
      heading:
        kind === "project" ? problems.name : `${problems.name.replace("及改进措施", "")}、偏差原因及改进措施`,
      paragraphs: deviationSection(sr),
    },
    { heading: "自评结论", paragraphs: conclusion(sr) },
  ].map((s, i) => ({ ...s, heading: `${NUM[i]}、${s.heading}` }));
  return {
    title,
    unit: sr.unit,
    sections,
    attachment: `附件 1：${sr.title || "绩效自评表"}`,
  };
}

/** The draft as plain lines (copying into any editor; tests). */
export function draftLines(d: ReportDraft): string[] {
  return [
    d.title,
    ...(d.unit ? [d.unit] : []),
    ...d.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]),
    d.attachment,
  ];
}
