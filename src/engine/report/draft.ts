/**
 * The data sections of a 自评报告 drafted from the checked table, in the outline's order: every figure
 * from the table (recomputed where the engine recomputes), what only people know marked 【请补充：…】.
 * Plain data: src/docx writes it as a .docx, the pane shows the same paragraphs to copy (生成报告要点).
 */
import type { IndicatorReport, Profile, SheetReport, SourceCell, Table } from "../types";
import { fmt, pct } from "../decimal";
import { readNumber, shownText as textOf } from "../table/parse";

/** A number cell's value, null when blank or not a number (the parse step's reading). */
const numberOrNull = (c: SourceCell | null): number | null => (c ? readNumber(c).value : null);
import { missedIndicators } from "./claims";
import { OUTLINES } from "./outline";
import { tableFigures } from "./compare";
import type { Grid } from "../grid";
import { textAt } from "../grid";
import { defaultProfile } from "../profiles";

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

/** "超额完成" only past the profile's review threshold (120 % by default): 101 % is simply done. */
function over(i: IndicatorReport, profile: Profile): boolean {
  return (
    i.kind === "quantitative" &&
    typeof i.ratio === "number" &&
    i.direction === "positive" &&
    i.ratio >= profile.overshootReviewRatio
  );
}

/** The value written right of a label cell ("实施单位 | 某某局"), or null. */
export function fieldBeside(grid: Grid | undefined, label: RegExp): string | null {
  if (!grid) return null;
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (!label.test(textAt(grid, r, c).replace(/\s/g, ""))) continue;
      for (let k = c + 1; k < row.length; k++) {
        const v = textAt(grid, r, k).trim();
        if (v && !label.test(v.replace(/\s/g, ""))) return /[:：]$/.test(v) ? null : v;
      }
    }
  }
  return null;
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
  // Spending above the budget needs its explanation as much as a shortfall does.
  if (rate !== null && rate > 1)
    out.push(
      reason
        ? SAY(`执行率超过 100% 的原因：${reason}`)
        : ASK(`预算执行率 ${pct(rate)} 超过 100%（超预算支出）的原因及资金来源`),
    );
  return out;
}

function indicatorSection(sr: SheetReport, profile: Profile): DraftParagraph[] {
  const all = sr.indicators;
  const missed = missedIndicators(sr);
  const exceeded = all.filter((i) => over(i, profile));
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
      (sr.grade.computed === null
        ? "自评表尚无得分，未评定等级。"
        : `经自评，总分 ${fmt(t.computed)} 分，等级为“${sr.grade.computed}”。`) +
        (changed ? `（自评表填报总分为 ${fmt(t.declared)} 分，已按评分规则重算。）` : ""),
    ),
  ];
}

export interface DraftOptions {
  profile?: Profile;
  /** The year when the table's title has none (e.g. from the file name "2021年…自评表.xlsx"). */
  year?: string | null;
}

const KIND_NAME = { project: "项目支出", department: "部门整体支出" } as const;

/**
 * The draft of a report for one checked table. Its title carries the unit, the project and the year
 * ("某某局“某某项目”2021 年度项目支出绩效自评报告"); the 实施单位 stands in the first section's text.
 */
export function draftReport(
  sr: SheetReport,
  table: Table,
  grid?: Grid,
  options: DraftOptions = {},
): ReportDraft {
  const profile = options.profile ?? defaultProfile();
  const unit = grid ? tableFigures(sr, table, grid).unit : "万元";
  const kind = sr.kind;
  const [first, budget, goals, problems] = OUTLINES[kind];
  const year = /(\d{4})\s*年/.exec(sr.title)?.[1] ?? options.year ?? null;
  const yearText = year ? `${year} 年度` : "";
  const implementer = fieldBeside(grid, /^(?:实施单位|项目实施单位)(?:[(（]盖章[)）])?[:：]?$/);
  const owner = fieldBeside(grid, /^(?:主管部门|预算单位|部门名称|单位名称)[:：]?$/);
  const project = kind === "project" ? (fieldBeside(grid, /^项目名称[:：]?$/) ?? sr.unit) : null;
  const who = kind === "project" ? (implementer ?? owner) : (sr.unit ?? owner);
  const whose = `${who ?? ""}${project ? `“${project}”` : ""}`;
  const title = [whose, `${yearText}${KIND_NAME[kind]}绩效自评报告`].filter(Boolean).join(" ");
  const intro: DraftParagraph[] =
    kind === "project"
      ? [
          ...(project || implementer || owner
            ? [
                SAY(
                  [
                    project ? `项目名称：${project}` : "",
                    owner ? `主管部门：${owner}` : "",
                    implementer ? `实施单位：${implementer}` : "",
                  ]
                    .filter(Boolean)
                    .join("；") + "。",
                ),
              ]
            : []),
          ASK("项目立项依据、主要内容、资金来源和实施情况"),
        ]
      : [...(who ? [SAY(`单位名称：${who}。`)] : []), ASK("单位主要职能、机构设置和人员情况")];
  const sections: DraftSection[] = [
    { heading: first.name, paragraphs: intro },
    { heading: budget.name, paragraphs: budgetSection(sr, table, unit) },
    {
      heading: kind === "project" ? goals.name : "绩效指标完成情况",
      paragraphs: indicatorSection(sr, profile),
    },
    {
      heading:
        kind === "project" ? problems.name : `${problems.name.replace("及改进措施", "")}、偏差原因及改进措施`,
      paragraphs: deviationSection(sr),
    },
    { heading: "自评结论", paragraphs: conclusion(sr) },
  ].map((s, i) => ({ ...s, heading: `${NUM[i]}、${s.heading}` }));
  const tableName =
    sr.title && (!year || sr.title.includes(year)) ? sr.title : `${yearText}${KIND_NAME[kind]}绩效自评表`;
  return {
    title,
    unit: who,
    sections,
    attachment: `附件 1：${tableName}`,
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
