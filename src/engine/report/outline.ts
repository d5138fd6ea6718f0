/**
 * The sections a 绩效自评报告 must have (REPORT_SECTION_MISSING): project and department outlines differ in
 * their first section (项目概况 / 单位基本情况) and in where deviations are discussed; which sections are
 * required is profile data (`reportSections`). A section is
 * found in a heading-like paragraph: a heading style, a numbered line ("一、", "（二）", "3.") or a short one.
 */
import type { Finding, Profile, TableKind } from "../types";
import type { ReportDocument, ReportParagraph } from "./document";
import { raise } from "../finding";
import { R } from "../rules/raise";
import { placeOf } from "./document";

export type SectionId = "overview" | "budget" | "goals" | "problems" | "conclusion";
export const SECTION_IDS: readonly SectionId[] = ["overview", "budget", "goals", "problems", "conclusion"];

export interface OutlineSection {
  id: SectionId;
  /** The section's usual title, for messages and the draft. */
  name: string;
  nameEn: string;
  /** Any heading matching this is the section. */
  match: RegExp;
}

/**
 * The headings of the templates in use: the 财预〔2020〕10号 outlines, the department templates
 * (部门整体支出概况 / 决算收支完成情况), the 衔接资金 / 转移支付 ones (年度绩效目标分解下达情况, 绩效情况分析,
 * 偏离绩效目标的原因和下一步改进措施) and those that open with 自评结论.
 */
const GOALS: OutlineSection = {
  id: "goals",
  name: "绩效目标及完成情况",
  nameEn: "Performance targets and their completion",
  match:
    /绩效(?:目标|指标)[^，。]{0,8}(?:完成|实现)情况|绩效目标[^，。]{0,4}(?:完成|实现)|绩效(?:评价)?情况|绩效情况分析|绩效分析|(?:产出|效益)(?:指标)?完成情况/,
};
const BUDGET: OutlineSection = {
  id: "budget",
  name: "预算执行情况",
  nameEn: "Budget execution",
  match:
    /预算(?:执行|收支|支出|资金使用)|资金(?:使用|执行|支出|管理|投入)(?:及管理)?(?:情况)?|执行率情况|决算收支|(?:部门)?整体支出概况|预算支出组织实施/,
};
const PROBLEMS: OutlineSection = {
  id: "problems",
  name: "存在的问题及改进措施",
  nameEn: "Problems and improvements",
  match: /存在(?:的)?(?:主要)?问题|偏差(?:原因|情况)|偏离绩效目标的原因|改进(?:措施|建议|意见)|整改措施/,
};
const CONCLUSION: OutlineSection = {
  id: "conclusion",
  name: "自评结论",
  nameEn: "Conclusion",
  // "绩效自评结果拟应用和公开情况" is about using the result, not the conclusion.
  match: /自评结论|评价结论|(?:自评|评价)结果(?!拟?应用|的?应用|及?公开)/,
};

export const OUTLINES: Record<TableKind, OutlineSection[]> = {
  department: [
    {
      id: "overview",
      name: "基本情况",
      nameEn: "Basic information",
      match: /基本情况|基本概况|单位概况|部门概况|绩效目标分解下达/,
    },
    BUDGET,
    GOALS,
    PROBLEMS,
    CONCLUSION,
  ],
  project: [
    {
      id: "overview",
      name: "项目概况",
      nameEn: "Project overview",
      match: /项目(?:基本)?(?:概况|情况)|基本情况|绩效目标分解下达/,
    },
    BUDGET,
    GOALS,
    { ...PROBLEMS, name: "偏差原因及改进措施", nameEn: "Deviations and improvements" },
    CONCLUSION,
  ],
};

/** Required when the profile does not say (its `reportSections`): every section but the conclusion. */
const DEFAULT_REQUIRED: readonly SectionId[] = ["overview", "budget", "goals", "problems"];

export function requiredSections(kind: TableKind, profile?: Profile): readonly string[] {
  return profile?.reportSections?.[kind] ?? DEFAULT_REQUIRED;
}

const NUMBERED =
  /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．](?!\d))/;

function headingLike(p: ReportParagraph): boolean {
  return p.heading !== null || NUMBERED.test(p.text) || p.text.length <= 30;
}

/** The heading paragraph of each outline section the report has. */
function locate(doc: ReportDocument, kind: TableKind): Map<OutlineSection, ReportParagraph> {
  const heads = doc.paragraphs.filter(headingLike);
  const out = new Map<OutlineSection, ReportParagraph>();
  for (const s of OUTLINES[kind]) {
    const p = heads.find((h) => s.match.test(h.text.slice(0, 40)));
    if (p) out.set(s, p);
  }
  return out;
}

/** Whether the prose is a report at all (some section or figure found): a table alone is not. */
export function foundSections(doc: ReportDocument, kind: TableKind): OutlineSection[] {
  return [...locate(doc, kind).keys()];
}

/**
 * One finding per missing section. Its `paragraph` is where the section should stand: the heading of the
 * section before it in the outline (or the report's first paragraph when none of those is there).
 */
export function checkOutline(doc: ReportDocument, kind: TableKind, profile?: Profile): Finding[] {
  const found = locate(doc, kind);
  const required = requiredSections(kind, profile);
  const kindZh = kind === "project" ? "项目支出" : "部门整体支出";
  const outline = OUTLINES[kind];
  const out: Finding[] = [];
  outline.forEach((s, i) => {
    // A section the profile does not require is not asked for: templates differ between provinces.
    if (found.has(s) || !required.includes(s.id)) return;
    const before = outline
      .slice(0, i)
      .reverse()
      .map((x) => found.get(x))
      .find((p) => p !== undefined);
    const at = before ?? doc.paragraphs[0];
    const f = raise(R.reportSectionMissing, "", { name: s.name, nameEn: s.nameEn, kind: kindZh });
    if (at) f.paragraph = placeOf(at);
    out.push(f);
  });
  return out;
}
