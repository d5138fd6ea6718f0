/**
 * The indicator rows under the header: 一级/二级 labels carried down through merges, category weights,
 * the 预算执行率 row of the 10+90 layout, and the 总分 row (or notes, or the next table) that ends them.
 */
import { toA1 } from "../grid";
import type { Category, IndicatorRow, SourceCell } from "../types";
import type { FundsIndicatorRow } from "./funds-row";
import type { IndicatorHeader } from "./header";
import type { Sheet } from "./sheet";
import {
  headerKey,
  indicatorRole,
  isNote,
  isTotalLabel,
  norm,
  startsTable,
  stripWeight,
  weightFromLabel,
} from "./text";

export interface Body {
  indicators: IndicatorRow[];
  categories: Category[];
  totalRow: number;
  firstDataRow: number;
  fundsRow: FundsIndicatorRow | null;
}

function hasContent(sh: Sheet, r: number, c: number): boolean {
  return sh.text(r, c).trim() !== "";
}

/** A number from a weight cell: 50, "50", "50分". */
function numberOf(sh: Sheet, r: number, c: number): number | null {
  const v = sh.value(r, c);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") {
    const m = /^\s*(\d+(?:\.\d+)?)\s*分?\s*$/.exec(norm(v));
    if (m) return Number(m[1]);
  }
  return null;
}

function rowStartsTable(sh: Sheet, r: number): boolean {
  const width = Math.min(sh.scanWidth(r), 40);
  for (let c = 0; c < width; c++) {
    const t = sh.value(r, c);
    if (typeof t === "string" && t && startsTable(t)) return true;
  }
  return false;
}

export function readIndicators(sh: Sheet, header: IndicatorHeader): Body {
  const cols = header.cols;
  const { level1: L1, level2: L2, name: N, weight: W, score: S } = cols;
  const firstDataRow = header.row + header.rows;
  const evaluation = header.evaluation === true;
  const E = cols.explanation;
  const explanationHeader =
    E === undefined
      ? ""
      : headerKey(sh.mtext(header.row + header.rows - 1, E)) || headerKey(sh.mtext(header.row, E));
  const labelScan = Math.min(Math.max(N, L1, L2) + 1, W, S);

  const indicators: IndicatorRow[] = [];
  const categories: Category[] = [];
  let totalRow = -1;
  let fundsRow: FundsIndicatorRow | null = null;

  // Current 一级 label (carried down through merges and blank cells).
  let l1: { raw: string; name: string; cell: string; row: number; category: Category | null } | null = null;
  let l2 = "";

  const categoryFor = (cur: NonNullable<typeof l1>): Category => {
    if (!cur.category) {
      cur.category = { name: cur.name, cell: cur.cell, declaredWeight: weightFromLabel(cur.raw), rows: [] };
      categories.push(cur.category);
    }
    return cur.category;
  };

  for (let r = firstDataRow; r < sh.nRows; r++) {
    // The total row (总分 …) or notes end the block.
    let ends: "total" | "note" | null = null;
    for (let c = 0; c < labelScan && !ends; c++) {
      const t = sh.rowText(r, c);
      if (!t) continue;
      if (isTotalLabel(t)) ends = "total";
      else if (isNote(t)) ends = "note";
    }
    if (ends === "total") {
      totalRow = r;
      break;
    }
    if (ends === "note") break;
    // No 总分 row: the next table's title or header ends this one.
    if (r > firstDataRow && rowStartsTable(sh, r)) break;

    // 一级: merged area, a label written on this row, or carried down from above.
    const m1 = sh.merge(r, L1);
    const p1 = m1 ? { row: m1.top, col: m1.left } : hasContent(sh, r, L1) ? { row: r, col: L1 } : null;
    let newL1Here = false;
    if (p1) {
      const cell = toA1(p1.row, p1.col);
      const raw = sh.text(p1.row, p1.col).trim();
      if (raw && (!l1 || l1.cell !== cell)) {
        l1 = { raw, name: stripWeight(raw), cell, row: p1.row, category: null };
        l2 = "";
      }
      newL1Here = !!raw && p1.row === r;
    }
    const m2 = sh.merge(r, L2);
    const own2 = sh.rowText(r, L2).trim();
    if (m2) {
      const t2 = sh.text(m2.top, m2.left).trim();
      if (t2) l2 = t2;
    } else if (own2) l2 = own2;

    const name = sh.rowText(r, N).trim();
    const hasW = hasContent(sh, r, W);
    const hasS = hasContent(sh, r, S);
    if (!name && !hasW && !hasS) continue;
    // A repeated header row (print titles) is not an indicator.
    if (name.includes("三级") && indicatorRole(name) === "name" && indicatorRole(sh.text(r, W)) === "weight")
      continue;

    // 10+90 layout: 预算执行情况(10分) is a row of the indicator block. Not in an evaluation table: its
    // 预算执行率 row has no rate to score from, only a declared score like any other row.
    const l1Name = l1 ? l1.name : "";
    if (
      !evaluation &&
      !fundsRow &&
      (/预算执行/.test(l1Name) ||
        (!l1Name && name.includes("预算执行") && /^预算执行率?$/.test(headerKey(name))))
    ) {
      fundsRow = {
        label: l1 ? l1.raw : name,
        labelCell: l1 ? l1.cell : toA1(r, N),
        labelWeight: l1 ? weightFromLabel(l1.raw) : null,
        name,
        row: r,
        weight: sh.source(r, W),
        rate: sh.source(r, cols.actual),
        score: sh.source(r, S),
        reason: cols.explanation === undefined ? null : sh.source(r, cols.explanation),
      };
      continue;
    }
    if (fundsRow && /预算执行/.test(l1Name)) continue;

    // A category row that carries the 一级 weight in its own 分值 cell (no 三级 name).
    if (!name && l1 && newL1Here && !own2 && hasW) {
      const cat = categoryFor(l1);
      if (cat.declaredWeight === null) cat.declaredWeight = numberOf(sh, r, W);
      continue;
    }

    const cat = l1 ? categoryFor(l1) : null;
    if (cat) cat.rows.push(r);
    indicators.push({
      row: r,
      level1: l1 ? l1.name : "",
      level1Cell: l1 ? l1.cell : toA1(r, L1),
      level2: l2,
      name,
      nameCell: toA1(r, N),
      target: evaluation ? emptyCell(r, cols.target) : sh.source(r, cols.target),
      targetNature: cols.nature === undefined ? null : sh.source(r, cols.nature),
      targetUnit: cols.unit === undefined ? null : sh.source(r, cols.unit),
      actual: evaluation ? emptyCell(r, cols.actual) : sh.source(r, cols.actual),
      weight: sh.source(r, W),
      score: sh.source(r, S),
      explanation: E === undefined ? null : sh.source(r, E),
      ...(evaluation ? { evaluation: true as const } : {}),
      ...(evaluation && explanationHeader ? { explanationHeader } : {}),
    });
  }
  return { indicators, categories, totalRow, firstDataRow, fundsRow };
}

function emptyCell(r: number, c: number): SourceCell {
  return { cell: toA1(r, c), row: r, col: c, value: null, text: "", format: null, formula: null };
}

/** "绩效指标(90分)" left of or above the indicator header. */
export function findBlockWeight(sh: Sheet, header: IndicatorHeader, firstDataRow: number): number | null {
  const L1 = header.cols.level1;
  const lastCol = Math.max(L1, 1);
  for (let r = Math.max(0, header.row - 1); r <= Math.min(firstDataRow, sh.nRows - 1); r++) {
    for (let c = 0; c < lastCol; c++) {
      const t = sh.mtext(r, c);
      if (t && /^绩效指标/.test(norm(t))) {
        const w = weightFromLabel(t);
        if (w !== null) return w;
      }
    }
  }
  return null;
}
