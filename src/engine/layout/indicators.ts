/**
 * The indicator rows under the header: 一级/二级 labels carried down through merges, category weights,
 * the 预算执行率 row of the 10+90 layout, and the 总分 row (or notes, or the next table) that ends them.
 */
import { toA1 } from "../grid";
import { readPoints } from "../values/number";
import type { Category, IndicatorRow, LayoutAssumption, SourceCell } from "../types";
import type { FundsIndicatorRow } from "./funds-row";
import type { IndicatorHeader } from "./header";
import type { Sheet } from "./sheet";
import { repeatedHeaderRows, startsTopBlock } from "./continuation";
import { categoryFromLevel2, groupLevel, isEmptyText, once, rowBoundary, rowContent } from "./rows";
import { headerKey, indicatorRole, norm, startsTable, stripWeight, weightFromLabel } from "./text";
import { isNote, isTotalLabel } from "./vocabulary";

export interface Body {
  indicators: IndicatorRow[];
  categories: Category[];
  totalRow: number;
  firstDataRow: number;
  fundsRow: FundsIndicatorRow | null;
  /** 一级 labels that name no category and were named here (LAYOUT_ASSUMED). */
  assumptions: LayoutAssumption[];
}

function hasContent(sh: Sheet, r: number, c: number): boolean {
  return sh.text(r, c).trim() !== "";
}

/** A number from a weight cell: 50, "50", "50分". */
function numberOf(sh: Sheet, r: number, c: number): number | null {
  return readPoints(sh.value(r, c), norm);
}

function rowStartsTable(sh: Sheet, r: number): boolean {
  const width = Math.min(sh.scanWidth(r), 40);
  for (let c = 0; c < width; c++) {
    const t = sh.value(r, c);
    if (typeof t === "string" && t && startsTable(t)) return true;
  }
  return false;
}

/** 总分 anywhere left of the numbers ends the block with its total; a note in the label columns ends it too. */
function endLabel(sh: Sheet, r: number, firstNumber: number, labelScan: number): "total" | "note" | null {
  for (let c = 0; c < firstNumber && c < sh.scanWidth(r); c++) {
    const t = sh.rowText(r, c);
    if (!t) continue;
    if (isTotalLabel(t)) return "total";
    if (c < labelScan && isNote(t)) return "note";
  }
  return null;
}

/** Where the reader is: the current 一级 (carried down through merges and blank cells) and 二级. */
interface Level1 {
  raw: string;
  /** The label's own row (the top of its merge): where a 一级 分值 column holds its weight. */
  row?: number;
  name: string;
  cell: string;
  category: Category | null;
  /** An earlier part of the same label that held no indicator (split by a page break): the category's cell. */
  from?: string;
}

/**
 * The same label's part above a page break that held no indicator of its own: the category starts at its
 * cell, as it does at a merged label's top.
 */
function unusedPart(prev: Level1 | null, raw: string): string | undefined {
  return prev && !prev.category && prev.raw === raw ? (prev.from ?? prev.cell) : undefined;
}

/**
 * Reads the rows under the header. `fundsScored`: the money block above scores the funds itself, so a
 * 预算执行率 row in the block is an ordinary indicator, not a second funds line.
 */
export function readIndicators(sh: Sheet, header: IndicatorHeader, fundsScored = false): Body {
  const cols = header.cols;
  const { name: N, score: S } = cols;
  const L1 = cols.level1 ?? null;
  const L2 = cols.level2 ?? null;
  const W = cols.weight ?? null;
  const firstDataRow = header.row + header.rows;
  const evaluation = header.evaluation === true;
  const E = cols.explanation;
  const explanationHeader =
    E === undefined
      ? ""
      : headerKey(sh.mtext(header.row + header.rows - 1, E)) || headerKey(sh.mtext(header.row, E));
  const firstNumber = Math.min(W ?? Infinity, S);
  const labelScan = Math.min(Math.max(N, L1 ?? 0, L2 ?? 0) + 1, firstNumber);

  const indicators: IndicatorRow[] = [];
  const categories: Category[] = [];
  const assumptions: LayoutAssumption[] = [];
  let totalRow = -1;
  let fundsRow: FundsIndicatorRow | null = null;
  let l1: Level1 | null = null;
  // The 一级 label in force when a repeated header (a page break) interrupted the block.
  let beforeBreak: Level1 | null = null;
  let l2 = "";
  // The last row kept was a scored indicator or one of its breakdown rows: a row without 分值 and 得分
  // right under it, in the same 二级, is a part of it.
  let underScored = false;
  // An indicator was kept since the last 一级/二级 label.
  let inGroup = false;

  // Row r's cell in column c repeats the unmerged cell right above it (a label carried down, not merged).
  const copyOfAbove = (r: number, c: number): boolean =>
    r - 1 >= firstDataRow && !sh.merge(r - 1, c) && sh.text(r - 1, c).trim() === sh.text(r, c).trim();
  // The raw label of each category whose label had no name of its own ("(50分)").
  const unnamedLabels = new Map<Category, string>();
  const categoryFor = (cur: Level1): Category => {
    if (cur.category) return cur.category;
    const LW1 = header.levelWeights?.level1;
    const weight =
      weightFromLabel(cur.raw) ??
      (LW1 !== undefined && cur.row !== undefined ? numberOf(sh, cur.row, LW1) : null);
    // One category in two merged blocks (the label repeated after a page break) is one category.
    const same = cur.name ? categories.find((c) => c.name === cur.name) : undefined;
    if (same) {
      if (weight !== null && same.declaredWeight !== weight)
        same.declaredWeight = same.declaredWeight === null ? weight : same.declaredWeight + weight;
      return (cur.category = same);
    }
    const fromLevel2 = cur.name ? null : categoryFromLevel2(l2);
    // A label with points and no name ("(50分)") written again on the next rows — carried down instead of
    // merged, or repeated after a page break — is the category just before, not a new one of 50 more.
    const last = categories[categories.length - 1];
    if (fromLevel2 && last && last.name === fromLevel2 && unnamedLabels.get(last) === cur.raw.trim())
      return (cur.category = last);
    const name = cur.name || fromLevel2 || `第${categories.length + 1}个一级指标`;
    if (!cur.name)
      assumptions.push({
        kind: "category-named",
        cell: cur.cell,
        label: cur.raw,
        name,
        from: fromLevel2 ? "level2" : "position",
      });
    cur.category = { name, cell: cur.from ?? cur.cell, declaredWeight: weight, rows: [] };
    if (!cur.name) unnamedLabels.set(cur.category, cur.raw.trim());
    categories.push(cur.category);
    return cur.category;
  };

  for (let r = firstDataRow; r < sh.nRows; r++) {
    const notFirst = r > firstDataRow;
    const boundary = rowBoundary({
      notFirst,
      endLabel: once(() => endLabel(sh, r, firstNumber, labelScan)),
      repeatedHeader: once(() => repeatedHeaderRows(sh, r, header)),
      startsTable: () => rowStartsTable(sh, r),
      startsTopBlock: () => startsTopBlock(sh, r, header),
    });
    if (boundary === "total") totalRow = r;
    if (boundary === "repeated-header") {
      beforeBreak = l1;
      l1 = null;
      l2 = "";
      underScored = false;
      inGroup = false;
      r += repeatedHeaderRows(sh, r, header) - 1;
      continue;
    }
    if (boundary) break;

    // 一级: merged area, a label written on this row, or carried down from above. A copy of the label
    // right above (written on every row instead of merged) continues it, as the merge would.
    let newL1Here = false;
    if (L1 !== null) {
      const m1 = sh.merge(r, L1);
      const p1 = m1 ? { row: m1.top, col: m1.left } : hasContent(sh, r, L1) ? { row: r, col: L1 } : null;
      if (p1) {
        const cell = toA1(p1.row, p1.col);
        const raw = sh.text(p1.row, p1.col).trim();
        // A nameless "(50分)" is not enough to tell a copy from the next category: categoryFor decides.
        const copy = !m1 && !!l1 && !!l1.name && l1.raw === raw && copyOfAbove(r, L1);
        if (raw && !copy && (!l1 || l1.cell !== cell)) {
          const from = unusedPart(l1 ?? beforeBreak, raw);
          l1 = { raw, row: p1.row, name: stripWeight(raw), cell, category: null, ...(from ? { from } : {}) };
          l2 = "";
          inGroup = false;
        }
        newL1Here = !!raw && p1.row === r && !copy;
      }
    }
    let own2 = "";
    if (L2 !== null) {
      const m2 = sh.merge(r, L2);
      own2 = sh.rowText(r, L2).trim();
      if (m2) {
        const t2 = sh.text(m2.top, m2.left).trim();
        if (t2 && m2.top === r) inGroup = false;
        if (t2) l2 = t2;
      } else if (own2 && own2 === l2 && copyOfAbove(r, L2)) {
        own2 = ""; // the 二级 written again on the next row: the same group, as if merged
      } else if (own2) {
        l2 = own2;
        inGroup = false;
      }
    }

    const name = sh.rowText(r, N).trim();
    const hasW = W !== null && hasContent(sh, r, W);
    const hasS = hasContent(sh, r, S);
    const filledW = W !== null && !isEmptyText(sh.text(r, W));
    const filledS = !isEmptyText(sh.text(r, S));
    const target = targetCell(sh, r, cols);
    const valuesEmpty = evaluation || (isEmptyText(target.text) && isEmptyText(sh.text(r, cols.actual)));
    const l1Name = l1 ? l1.name : "";
    const kind = rowContent({
      evaluation,
      name,
      hasWeight: hasW,
      hasScore: hasS,
      filledWeight: filledW,
      filledScore: filledS,
      valuesEmpty,
      headerEcho: () =>
        name.includes("三级") && indicatorRole(name) === "name" && indicatorRole(sh.text(r, S)) === "score",
      textAcross: () => {
        const mN = sh.merge(r, N);
        return !!mN && mN.right >= firstNumber;
      },
      // No 一级/二级 columns: a row naming a category (产出指标, 数量指标) with no values groups the rows below.
      group: !evaluation && valuesEmpty ? groupLevel(name) : null,
      hasLevel1Column: L1 !== null,
      hasLevel2Column: L2 !== null,
      hasWeightColumn: W !== null,
      level1Name: l1Name,
      newLevel1Here: newL1Here,
      ownLevel2: own2,
      underScored,
      inGroup,
      fundsLineFound: fundsRow !== null,
      fundsScored,
    });

    switch (kind) {
      case "group-level1": {
        l1 = {
          raw: name,
          name: stripWeight(name).replace(/^一级指标[:：]?/, ""),
          cell: toA1(r, N),
          category: null,
        };
        l2 = "";
        inGroup = false;
        const cat = categoryFor(l1);
        if (cat.declaredWeight === null && W !== null) cat.declaredWeight = numberOf(sh, r, W);
        underScored = false;
        continue;
      }
      case "group-level2":
        l2 = name.replace(/^二级指标[:：]?/, "");
        underScored = false;
        inGroup = false;
        continue;
      case "funds-line": {
        // 10+90 layout: 预算执行情况(10分) is a row of the indicator block, and a row named 预算执行率 is
        // the funds line wherever it sits. Not in an evaluation table: its 预算执行率 row has no rate to
        // score from, only a declared score like any other row.
        const underLabel = l1 !== null && /预算执行/.test(l1Name);
        fundsRow = {
          label: l1 && underLabel ? l1.raw : name,
          labelCell: l1 && underLabel ? l1.cell : toA1(r, N),
          labelWeight: l1 ? weightFromLabel(l1.raw) : null,
          name,
          row: r,
          weight: W === null ? null : sh.source(r, W),
          rate: sh.source(r, cols.actual),
          score: sh.source(r, S),
          reason: E === undefined ? null : sh.source(r, E),
        };
        underScored = false;
        continue;
      }
      case "category-weight": {
        const cat = categoryFor(l1!);
        if (cat.declaredWeight === null) cat.declaredWeight = numberOf(sh, r, W!);
        continue;
      }
      case "indicator":
        break;
      default:
        continue;
    }

    const cat = l1 ? categoryFor(l1) : null;
    if (cat) cat.rows.push(r);
    underScored = filledW || filledS;
    inGroup = true;
    indicators.push({
      row: r,
      level1: cat ? cat.name : "",
      level1Cell: l1 ? l1.cell : toA1(r, L1 ?? N),
      level2: l2,
      name,
      nameCell: toA1(r, N),
      target: evaluation ? emptyCell(r, cols.target) : target,
      targetNature: cols.nature === undefined ? null : sh.source(r, cols.nature),
      targetUnit: cols.unit === undefined ? null : sh.source(r, cols.unit),
      actual: evaluation ? emptyCell(r, cols.actual) : sh.source(r, cols.actual),
      weight: W === null ? null : sh.source(r, W),
      score: sh.source(r, S),
      explanation: E === undefined ? null : sh.source(r, E),
      ...(evaluation ? { evaluation: true as const } : {}),
      ...(evaluation && explanationHeader ? { explanationHeader } : {}),
    });
  }
  dropOutlineSubtotals(sh, indicators, categories, cols);
  return { indicators, categories, totalRow, firstDataRow, fundsRow, assumptions };
}

/**
 * An outline item that only sums its numbered parts ("一、示范区建立 15" over "1、… 5", "2、… 5", "3、… 5") is a
 * subtotal, not a second indicator: counting both would double its points. The parts stay.
 */
function dropOutlineSubtotals(
  sh: Sheet,
  indicators: IndicatorRow[],
  categories: Category[],
  cols: IndicatorHeader["cols"],
): void {
  const drop = new Set<number>();
  for (let i = 0; i < indicators.length; i++) {
    if (!/^[一二三四五六七八九十]+[、.．]/.test(norm(indicators[i].name))) continue;
    const parts: IndicatorRow[] = [];
    for (let j = i + 1; j < indicators.length && /^\d+[、.．)）]/.test(norm(indicators[j].name)); j++)
      parts.push(indicators[j]);
    if (parts.length < 2) continue;
    const sum = (c: (x: IndicatorRow) => number | null) => {
      const v = parts.map(c);
      return v.every((n) => n !== null) ? v.reduce((a, b) => a + (b ?? 0), 0) : null;
    };
    const S = numberOf(sh, indicators[i].row, cols.score);
    const partsS = sum((x) => numberOf(sh, x.row, cols.score));
    if (S === null || partsS === null || Math.abs(S - partsS) > 0.005) continue;
    if (cols.weight !== undefined) {
      const W = numberOf(sh, indicators[i].row, cols.weight);
      const partsW = sum((x) => (cols.weight === undefined ? null : numberOf(sh, x.row, cols.weight)));
      if (W !== null && (partsW === null || Math.abs(W - partsW) > 0.005)) continue;
    }
    drop.add(indicators[i].row);
  }
  if (drop.size === 0) return;
  const keep = indicators.filter((x) => !drop.has(x.row));
  indicators.splice(0, indicators.length, ...keep);
  for (const c of categories) c.rows = c.rows.filter((r) => !drop.has(r));
}

/** The target cell: the adjusted target (调整指标值) where the table has one and it is filled. */
function targetCell(sh: Sheet, r: number, cols: IndicatorHeader["cols"]): SourceCell {
  if (cols.adjusted !== undefined && cols.adjusted !== cols.target && !isEmptyText(sh.text(r, cols.adjusted)))
    return sh.source(r, cols.adjusted);
  return sh.source(r, cols.target);
}

function emptyCell(r: number, c: number): SourceCell {
  return { cell: toA1(r, c), row: r, col: c, value: null, text: "", format: null, formula: null };
}

/**
 * The indicator block's own label with its points, left of or above the indicator header: "绩效指标(90分)",
 * or the goal block of the 20 + 80 templates, "年度绩效目标(80分)" (merged down beside the 一级 column).
 */
export function findIndicatorBlock(
  sh: Sheet,
  header: IndicatorHeader,
  firstDataRow: number,
): { weight: number; cell: string; name: string } | null {
  const lastCol = Math.max(header.cols.level1 ?? header.cols.name, 1);
  for (let r = Math.max(0, header.row - 1); r <= Math.min(firstDataRow, sh.nRows - 1); r++) {
    for (let c = 0; c < lastCol; c++) {
      const t = sh.mtext(r, c);
      if (t && /^(?:年度)?绩效(?:指标|目标)(?![值完])/.test(norm(t))) {
        const weight = weightFromLabel(t);
        const at = sh.masterPos(r, c);
        if (weight !== null) return { weight, cell: toA1(at.row, at.col), name: stripWeight(t) };
      }
    }
  }
  return null;
}
