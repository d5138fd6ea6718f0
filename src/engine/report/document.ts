/**
 * A 自评报告 as the engine sees it: its body paragraphs in order (tables apart), plain data that the .docx
 * reader (src/docx) produces and the pane or demo may build from any other source.
 */
import type { ReportPlace } from "../types";

export interface ReportParagraph {
  /** 1-based position among the document's non-empty body paragraphs (what "第 N 段" means). */
  index: number;
  text: string;
  /** Outline level when the paragraph has a heading style (1 = 一级标题), else null. */
  heading: number | null;
}

export interface ReportDocument {
  paragraphs: ReportParagraph[];
}

/** Opening words of a paragraph as a reader would quote it: at most 18 characters, then "…". */
export function openingWords(text: string, max = 18): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export function placeOf(p: ReportParagraph): ReportPlace {
  return { index: p.index, opening: openingWords(p.text) };
}

/** "第 3 段“年初预算数 985.93 万元，全年…”" / "paragraph 3 ("…")". */
export function whereZh(p: ReportPlace): string {
  return `报告第 ${p.index} 段“${p.opening}”`;
}

export function whereEn(p: ReportPlace): string {
  return `paragraph ${p.index} of the report ("${p.opening}")`;
}

/** Paragraphs from plain lines (tests, the pane): empty lines skipped, numbered from 1. */
export function documentFromLines(lines: readonly string[]): ReportDocument {
  const paragraphs: ReportParagraph[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (text) paragraphs.push({ index: paragraphs.length + 1, text, heading: null });
  }
  return { paragraphs };
}
