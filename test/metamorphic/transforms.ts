/**
 * Transforms that must not change what the checker finds: the same table, laid out as another clerk or
 * another province would. Each returns the new sheet and where every original cell went, or null when it
 * does not apply to the table (counted as n/a) — it is never forced onto a layout its rule does not allow.
 */
import { parseA1, toA1, type MergedArea } from "../../src/engine";
import { cloneSheet, crossing, insertRows, widthOf, type Sheet, type Text } from "./sheet";
import { shiftRowsMap, type Places } from "./places";
import { fundsSynonyms, indicatorSynonyms } from "./synonyms";
import { toYuan } from "./yuan";

export interface Applied {
  sheet: Sheet;
  map: (a1: string) => string;
}

export interface Transform {
  id: string;
  /** One line: what changes. */
  what: string;
  apply(s: Sheet, p: Places | null): Applied | null;
  /**
   * LAYOUT_ASSUMED notes the transform must add (default 0): a column order no table seen had, or a
   * header cell made half-known, is read and said once.
   */
  assumes?: number;
  /** A header cell becomes a guess: errors depending on it may become warnings (nothing else changes). */
  weakens?: true;
}

const identity = (a1: string): string => a1;

/** The table moved 3 rows down and 2 columns right (a title block or a margin column above/left of it). */
function moved(s: Sheet): Applied {
  const dr = 3;
  const dc = 2;
  const width = widthOf(s) + dc;
  const blank = (): Text[] => new Array<Text>(width).fill(null);
  const out: Sheet = {
    name: s.name,
    rows: [...Array.from({ length: dr }, blank), ...s.rows.map((r) => [null, null, ...r])],
    merges: s.merges.map((m) => ({
      top: m.top + dr,
      bottom: m.bottom + dr,
      left: m.left + dc,
      right: m.right + dc,
    })),
  };
  return {
    sheet: out,
    map: (a1) => {
      const p = parseA1(a1)!;
      return toA1(p.row + dr, p.col + dc);
    },
  };
}

/** Blank spacer rows above the indicator header and above the 总分 row, where no merge spans the gap. */
function spacers(s: Sheet, p: Places | null): Applied | null {
  if (!p) return null;
  const at = [p.headerTop, p.table.total ? p.table.total.row : -1]
    .filter((r) => r > 0 && crossing(s, r).length === 0)
    .sort((a, b) => a - b);
  if (!at.length) return null;
  let out = s;
  for (const r of [...at].reverse()) out = insertRows(out, r, [[]]);
  return { sheet: out, map: shiftRowsMap(at) };
}

/** Notes under the table: a 备注 line merged across the sheet and a 填报人 line. Needs the 总分 row. */
function notes(s: Sheet, p: Places | null): Applied | null {
  if (!p || !p.table.total) return null;
  const width = widthOf(s);
  const out = cloneSheet(s);
  const row = (first: string): Text[] => [first, ...new Array<Text>(width - 1).fill(null)];
  const at = out.rows.length;
  out.rows.push(row("备注：1.分值与得分单位为分；2.本表由项目实施单位填报。"));
  out.rows.push(row("填表人：王某某          联系电话：0000-0000000          填报日期：2023年3月1日"));
  if (width > 1) out.merges.push({ top: at, bottom: at, left: 0, right: width - 1 });
  return { sheet: out, map: identity };
}

/** 一级 / 二级 labels unmerged and written on every row they covered (a clerk who does not merge). */
function unmerged(s: Sheet, p: Places | null): Applied | null {
  if (!p) return null;
  const cols = [p.table.columns.level1, p.table.columns.level2].filter((c): c is number => c !== null);
  const isLabel = (m: MergedArea) =>
    m.left === m.right && cols.includes(m.left) && m.top > p.headerBottom && m.bottom <= p.blockBottom;
  const labels = s.merges.filter(isLabel);
  if (!labels.length) return null;
  const out = cloneSheet(s);
  out.merges = s.merges.filter((m) => !isLabel(m));
  for (const m of labels)
    for (let r = m.top + 1; r <= m.bottom; r++) out.rows[r][m.left] = s.rows[m.top][m.left];
  return { sheet: out, map: identity };
}

/**
 * The indicator header repeated as after a page break: before the second 一级 category (else the middle
 * indicator). Merged labels the break cuts are split and written again below it.
 */
function pageBreak(s: Sheet, p: Places | null): Applied | null {
  if (!p || p.table.indicators.length < 2) return null;
  const inds = p.table.indicators;
  const second =
    p.table.columns.level1 !== null ? inds.find((r) => r.level1Cell !== inds[0].level1Cell) : undefined;
  const at = (second ?? inds[Math.floor(inds.length / 2)]).row;
  if (at <= p.headerBottom) return null;
  const header = s.rows.slice(p.headerTop, p.headerBottom + 1).map((r) => [...r]);
  const n = header.length;
  const out = insertRows(s, at, header, p.headerTop);
  for (const m of s.merges)
    if (m.top >= p.headerTop && m.bottom <= p.headerBottom)
      out.merges.push({ ...m, top: m.top - p.headerTop + at, bottom: m.bottom - p.headerTop + at });
  return { sheet: out, map: shiftRowsMap([at], n) };
}

/**
 * Columns permuted inside the indicator block (header to 总分): `order` lists the block's columns
 * [a..b] in their new order. Only where every merge there is one column tall or spans all of [a..b].
 */
function permuted(s: Sheet, p: Places, order: number[]): Applied | null {
  const a = Math.min(...order);
  const b = Math.max(...order);
  const top = p.headerTop;
  const bottom = p.blockBottom;
  for (const m of s.merges) {
    if (m.bottom < top || m.top > bottom || m.right < a || m.left > b) continue;
    const column = m.left === m.right && m.top >= top && m.bottom <= bottom;
    const spanning = m.left < a && m.right >= b;
    if (!column && !spanning) return null;
  }
  const newCol = new Map<number, number>(order.map((c, i) => [c, a + i]));
  const out = cloneSheet(s);
  for (let r = top; r <= bottom; r++)
    for (const [from, to] of newCol) out.rows[r][to] = s.rows[r] ? (s.rows[r][from] ?? null) : null;
  out.merges = s.merges.map((m) =>
    m.left === m.right && m.top >= top && m.bottom <= bottom && newCol.has(m.left)
      ? { ...m, left: newCol.get(m.left)!, right: newCol.get(m.left)! }
      : { ...m },
  );
  return {
    sheet: out,
    map: (a1) => {
      const q = parseA1(a1)!;
      return q.row >= top && q.row <= bottom && newCol.has(q.col) ? toA1(q.row, newCol.get(q.col)!) : a1;
    },
  };
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** 年度指标值 and 实际完成值 trade places (columns are found by their header words, not position). */
function swapTargetActual(s: Sheet, p: Places | null): Applied | null {
  if (!p || p.table.mode === "evaluation") return null;
  if (p.table.indicators.some((r) => r.targetNature || r.targetUnit)) return null;
  const { target, actual } = p.table.columns;
  if (target === actual) return null;
  const [a, b] = [Math.min(target, actual), Math.max(target, actual)];
  const order = range(a, b);
  order[0] = b;
  order[order.length - 1] = a;
  return permuted(s, p, order);
}

/** 分值 moved in front of 年度指标值 (the layout of some Anhui tables), or behind 实际完成值 where it is already in front. */
function weightMoved(s: Sheet, p: Places | null): Applied | null {
  if (!p || p.table.columns.weight === null) return null;
  // A header with a 分值 per level (一级 | 分值 | 二级 | 分值 | 三级 | 分值): each belongs to the level on its
  // left, so moving one changes its meaning; not a transform that must keep the findings.
  if (!oneWeightColumn(s, p)) return null;
  const { target, actual, weight } = p.table.columns;
  const w = weight;
  if (w > Math.max(target, actual)) return permuted(s, p, [w, ...range(Math.min(target, actual), w - 1)]);
  if (w < Math.min(target, actual)) return permuted(s, p, [...range(w + 1, Math.max(target, actual)), w]);
  return null;
}

/** The indicator header of a table with one 分值 column (a 分值 per level gives each its own meaning). */
function oneWeightColumn(s: Sheet, p: Places): boolean {
  const weights = s.rows[p.headerTop]?.filter(
    (t) => t !== null && /^\s*(分值|权重|指标分值)\s*$/.test(String(t)),
  );
  return (weights?.length ?? 0) <= 1;
}

/** 得分 moved in front of 分值: an order no table seen had (the columns are still named). */
function scoreBeforeWeight(s: Sheet, p: Places | null): Applied | null {
  if (!p || p.table.columns.weight === null || !oneWeightColumn(s, p)) return null;
  const { weight, score } = p.table.columns;
  if (weight > score) return null;
  return permuted(s, p, [score, ...range(weight, score - 1)]);
}

/** 偏差原因 moved in front of 得分: an order no table seen had. */
function reasonBeforeScore(s: Sheet, p: Places | null): Applied | null {
  if (!p || p.table.columns.explanation === null || p.table.mode === "evaluation") return null;
  const { explanation, score } = p.table.columns;
  if (explanation < score) return null;
  return permuted(s, p, [explanation, ...range(score, explanation - 1)]);
}

/**
 * The target's header cell made half-known ("本期" written before its words, 本期年度指标值): still read as
 * the target, said once, and the errors that depend on the target may become warnings.
 */
function targetHalfKnown(s: Sheet, p: Places | null): Applied | null {
  if (!p || p.table.mode === "evaluation") return null;
  const c = p.table.columns.target;
  const out = cloneSheet(s);
  let changed = false;
  // Every header cell over the column, a merged one (年度指标值 over 指标性质 | 指标值 | 度量单位) included.
  for (let r = p.headerTop; r <= p.headerBottom; r++) {
    const m = s.merges.find((x) => x.top <= r && r <= x.bottom && x.left <= c && c <= x.right);
    const [mr, mc] = m ? [m.top, m.left] : [r, c];
    const t = s.rows[mr]?.[mc];
    if (t === null || t === undefined || !/指标值|目标值|计划值/.test(String(t))) continue;
    if (String(out.rows[mr][mc]).startsWith("本期")) continue;
    out.rows[mr][mc] = `本期${String(t)}`;
    changed = true;
  }
  return changed ? { sheet: out, map: identity } : null;
}

export const TRANSFORMS: Transform[] = [
  { id: "moved", what: "table moved 3 rows down, 2 columns right", apply: (s) => moved(s) },
  { id: "spacer-rows", what: "blank rows above the indicator header and the 总分 row", apply: spacers },
  { id: "note-rows", what: "备注 and 填表人 rows under the table", apply: notes },
  { id: "unmerged-labels", what: "一级/二级 merges undone, labels carried down", apply: unmerged },
  { id: "page-break-header", what: "indicator header repeated inside the block", apply: pageBreak },
  {
    id: "header-synonyms",
    what: "indicator header words swapped for listed synonyms",
    apply: indicatorSynonyms,
  },
  {
    id: "funds-header-synonyms",
    what: "funds header words swapped for listed synonyms",
    apply: fundsSynonyms,
  },
  {
    id: "swap-target-actual",
    what: "年度指标值 and 实际完成值 columns swapped (an unseen order: one LAYOUT_ASSUMED)",
    apply: swapTargetActual,
    assumes: 1,
  },
  {
    id: "score-before-weight",
    what: "得分 moved in front of 分值 (an unseen order: one LAYOUT_ASSUMED)",
    apply: scoreBeforeWeight,
    assumes: 1,
  },
  {
    id: "reason-before-score",
    what: "偏差原因 moved in front of 得分 (an unseen order: one LAYOUT_ASSUMED)",
    apply: reasonBeforeScore,
    assumes: 1,
  },
  {
    id: "target-header-half-known",
    what: "年度指标值 header written 本期年度指标值 (one LAYOUT_ASSUMED; its errors may become warnings)",
    apply: targetHalfKnown,
    assumes: 1,
    weakens: true,
  },
  { id: "weight-column-moved", what: "分值 column moved across the target/actual", apply: weightMoved },
  { id: "money-in-yuan", what: "funds block in 元 instead of 万元", apply: toYuan },
];
