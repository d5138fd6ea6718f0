/**
 * Header synonyms swapped: every header cell of the indicator block and of the funds block whose text is
 * exactly one of the synonyms docs/spec/scoring-rules.md §1 lists becomes the next one in that list with
 * the same column mark ((A), (B), (B/A) or none), so a marked column stays marked.
 */
import { parseA1 } from "../../src/engine";
import { cloneSheet, type Sheet } from "./sheet";
import { textOf, type Places } from "./places";
import type { Applied } from "./transforms";

/** docs/spec/scoring-rules.md §1, "Header synonyms" (the total-row words are not column headers). */
export const SYNONYMS: Record<string, string[]> = {
  target: [
    "年度指标值",
    "指标值",
    "年度指标值（A）",
    "全年指标值",
    "目标值",
    "预期指标值",
    "年初指标值",
    "年初目标值（A）",
    "计划值",
    "绩效目标值",
  ],
  actual: [
    "实际完成值",
    "完成值",
    "实际完成值（B）",
    "全年实际值",
    "全年完成值",
    "实际完成指标值",
    "实际完成数",
  ],
  weight: ["分值", "权重", "指标分值", "参考分值", "指标权重（分）"],
  score: ["得分", "自评得分", "实际得分", "指标得分（分）"],
  name: ["三级指标", "指标名称"],
  explanation: [
    "偏差原因分析及改进措施",
    "未完成原因分析",
    "偏差原因分析",
    "偏差大或目标未完成原因分析",
    "原因",
  ],
  budget: ["全年预算数", "调整预算数", "调整后预算数", "全年预算数（A）"],
  spent: ["全年执行数", "预算执行数", "实际执行数", "全年执行数（B）"],
  rate: ["执行率", "预算执行率", "执行率（B/A）"],
};

/** Spaces and line breaks dropped, half-width brackets made full-width: how the spec writes a header. */
export const normHeader = (t: string): string =>
  t.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）");

const markOf = (t: string): string => {
  const m = /（([A-Z/]+)）$/.exec(t);
  return m ? m[1] : "";
};

/** The next listed synonym with the same mark, or null when the text is not a listed header. */
export function nextSynonym(text: string, skip: Set<string> = new Set()): string | null {
  const t = normHeader(text);
  for (const [group, list] of Object.entries(SYNONYMS)) {
    if (skip.has(group)) continue;
    const i = list.indexOf(t);
    if (i < 0) continue;
    for (let k = 1; k < list.length; k++) {
      const cand = list[(i + k) % list.length];
      if (markOf(cand) === markOf(t)) return cand;
    }
    return null;
  }
  return null;
}

/** Swaps the listed header words on the given rows; null when none of them is a listed header. */
function swapRows(s: Sheet, rows: number[], skip: Set<string>): Applied | null {
  const out = cloneSheet(s);
  let swapped = 0;
  for (const r of rows)
    for (let c = 0; c < (s.rows[r] || []).length; c++) {
      const next = nextSynonym(textOf(s.rows[r][c]), skip);
      if (next === null) continue;
      out.rows[r][c] = next;
      swapped++;
    }
  return swapped ? { sheet: out, map: (a1) => a1 } : null;
}

/** The indicator header's words swapped (not a split target's 指标值: that is the split's middle column). */
export function indicatorSynonyms(s: Sheet, p: Places | null): Applied | null {
  if (!p) return null;
  const rows: number[] = [];
  for (let r = p.headerTop; r <= p.headerBottom; r++) rows.push(r);
  const split = p.table.indicators.some((r) => r.targetNature || r.targetUnit);
  return swapRows(s, rows, new Set(split ? ["target"] : []));
}

/** The funds block header's words swapped: the rows from its label (or the row above) to its total row. */
export function fundsSynonyms(s: Sheet, p: Places | null): Applied | null {
  const funds = p?.table.funds;
  if (!p || !funds) return null;
  const label = parseA1(funds.labelCell);
  const top = label ? Math.min(label.row, funds.total.row) : funds.total.row;
  const rows: number[] = [];
  for (let r = Math.max(0, top - 1); r < funds.total.row; r++)
    if (r < p.headerTop || r > p.headerBottom) rows.push(r);
  return swapRows(s, rows, new Set());
}
