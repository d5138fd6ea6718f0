/**
 * Finds the 自评表 in a Grid: kind, funds block, indicator header and columns, merged 一级/二级 labels,
 * total row and grade cell (scoring-rules.md §1). Never throws: a grid that is not a 自评表 gets
 * { ok: false, reason } with a Chinese sentence saying why. Linear in the number of cells.
 */
import type { Grid } from "../grid";
import { parseA1, toA1 } from "../grid";
import type {
  Category,
  FundsBlock,
  IndicatorRow,
  LayoutResult,
  SourceCell,
  Table,
  TableKind,
} from "../types";
import { findFunds } from "./funds";
import { findIndicatorHeader, ROLE_NAMES, type IndicatorHeader } from "./header";
import { Sheet } from "./sheet";
import {
  GRADE_WORDS,
  headerKey,
  indicatorRole,
  isNote,
  startsTable,
  isTotalLabel,
  norm,
  stripWeight,
  weightFromLabel,
} from "./text";
import { errorMessage } from "../error-message";

export function detectLayout(grid: Grid): LayoutResult {
  try {
    return detect(grid);
  } catch (e) {
    // Defensive: a layout bug must not crash a host or a batch run.
    const msg = errorMessage(e);
    return { ok: false, reason: `无法识别此工作表的表格结构（${msg}）` };
  }
}

function detect(grid: Grid): LayoutResult {
  const sh = new Sheet(grid);
  const sheetName = typeof grid?.name === "string" ? grid.name : "";
  if (sh.nRows === 0 || sh.nCols === 0) {
    return { ok: false, reason: `工作表"${sheetName}"是空的，不是绩效自评表` };
  }
  const search = findIndicatorHeader(sh);
  if (!search.found) {
    if (search.partial) {
      const miss = search.partial.missing.map((k) => ROLE_NAMES[k]).join("、");
      return {
        ok: false,
        reason: `第${search.partial.row + 1}行像是绩效指标表头，但缺少"${miss}"列，无法识别为绩效自评表`,
      };
    }
    return {
      ok: false,
      reason: `未找到"绩效指标"表头（一级指标/三级指标/分值/得分），此工作表不是绩效自评表`,
    };
  }
  const header = search.header.evaluation ? evaluationHeader(search.header) : search.header;
  const fundsSearch = findFunds(sh, header.row);
  let funds: FundsBlock | null = fundsSearch ? fundsSearch.block : null;
  const topLimit = fundsSearch ? fundsSearch.headerRow : header.row;

  const title = findTitle(sh, topLimit);
  const block = findHeaderBlock(sh, topLimit);
  const kind = decideKind(title?.text ?? "", block, funds ? labelText(sh, funds.labelCell) : "");
  const unit = kind === "project" ? (block.project ?? block.department) : (block.department ?? block.project);

  const body = readIndicators(sh, header);
  if (body.fundsRow) funds = mergeFundsRow(funds, body.fundsRow);
  if (body.indicators.length === 0) {
    return {
      ok: false,
      reason: `第${header.row + 1}行有绩效指标表头，但表头下没有任何指标行（三级指标、分值、得分都为空）`,
    };
  }

  const cols = header.cols;
  const table: Table = {
    sheet: sheetName,
    kind,
    title: title?.text ?? "",
    titleCell: title?.cell ?? null,
    unit: unit ?? null,
    funds,
    indicators: body.indicators,
    categories: body.categories,
    total:
      body.totalRow >= 0
        ? {
            row: body.totalRow,
            weight: sh.source(body.totalRow, cols.weight!),
            score: sh.source(body.totalRow, cols.score!),
          }
        : null,
    grade: body.totalRow >= 0 ? findGrade(sh, body.totalRow, cols.score!) : null,
    indicatorBlockWeight: findBlockWeight(sh, header, body.firstDataRow),
    ...(header.evaluation ? { mode: "evaluation" as const } : {}),
    columns: {
      level1: cols.level1!,
      level2: cols.level2!,
      name: cols.name!,
      target: cols.target!,
      actual: cols.actual!,
      weight: cols.weight!,
      score: cols.score!,
      explanation: cols.explanation ?? null,
    },
  };
  return { ok: true, table };
}

/**
 * An evaluation-style header has no target or actual: both point at the criteria column (or the name),
 * and rows get empty cells there, so nothing downstream reads 评分标准 text as a target.
 */
function evaluationHeader(h: IndicatorHeader): IndicatorHeader {
  const c = { ...h.cols };
  c.name = c.name ?? c.level2;
  c.level2 = c.level2 ?? c.name;
  c.target = c.criteria ?? c.name;
  c.actual = c.target;
  return { ...h, cols: c };
}

function emptyCell(r: number, c: number): SourceCell {
  return { cell: toA1(r, c), row: r, col: c, value: null, text: "", format: null, formula: null };
}

function labelText(sh: Sheet, a1: string): string {
  const p = parseA1(a1);
  return p ? sh.mtext(p.row, p.col) : "";
}

// ---------------------------------------------------------------------------------------------
// Title, header block, kind
// ---------------------------------------------------------------------------------------------

function findTitle(sh: Sheet, limit: number): { text: string; cell: string } | null {
  for (let r = 0; r < limit; r++) {
    const width = sh.scanWidth(r);
    for (let c = 0; c < width; c++) {
      const t = sh.rowText(r, c);
      if (!t) continue;
      const k = norm(t);
      if (k.length > 80) continue;
      if (/自评表|绩效自评|整体支出绩效|支出绩效自评/.test(k)) {
        const p = sh.masterPos(r, c);
        return { text: t.replace(/\s*[\r\n]+\s*/g, "").trim(), cell: toA1(p.row, p.col) };
      }
    }
  }
  return null;
}

interface HeaderBlock {
  project: string | null;
  department: string | null;
  projectHint: boolean;
  departmentHint: boolean;
}

function findHeaderBlock(sh: Sheet, limit: number): HeaderBlock {
  const out: HeaderBlock = { project: null, department: null, projectHint: false, departmentHint: false };
  for (let r = 0; r < limit; r++) {
    const width = sh.scanWidth(r);
    for (let c = 0; c < width; c++) {
      const t = sh.rowText(r, c);
      if (!t || t.length > 60) continue;
      const k = headerKey(t.split(/[:：]/)[0]);
      const isProject = k === "项目名称";
      const isDept = k === "部门名称" || k === "单位名称" || k === "部门单位名称" || k === "预算单位";
      if (k === "主管部门" || k === "实施单位") out.projectHint = true;
      if (!isProject && !isDept) continue;
      if (isProject) out.projectHint = true;
      else out.departmentHint = true;
      const value = labelValue(sh, r, c, t);
      if (isProject && out.project === null) out.project = value;
      if (isDept && out.department === null) out.department = value;
    }
  }
  return out;
}

/** "部门名称：X" in one cell, or the next non-empty cell right of the label. */
function labelValue(sh: Sheet, r: number, c: number, t: string): string | null {
  const colon = t.search(/[:：]/);
  if (colon >= 0) {
    const rest = t.slice(colon + 1).trim();
    if (rest) return rest;
  }
  const m = sh.merge(r, c);
  const start = m ? m.right + 1 : c + 1;
  const width = sh.scanWidth(r);
  for (let cc = start; cc < width; cc++) {
    const v = sh.rowText(r, cc).trim();
    if (v) return v;
  }
  return null;
}

function decideKind(title: string, block: HeaderBlock, fundsLabel: string): TableKind {
  const k = norm(title);
  if (/项目支出/.test(k)) return "project";
  if (/整体支出/.test(k)) return "department";
  if (block.projectHint && !block.departmentHint) return "project";
  if (block.departmentHint) return "department";
  if (/^项目资金/.test(norm(fundsLabel))) return "project";
  return "department";
}

// ---------------------------------------------------------------------------------------------
// Indicator rows
// ---------------------------------------------------------------------------------------------

interface FundsIndicatorRow {
  label: string;
  labelCell: string;
  labelWeight: number | null;
  name: string;
  row: number;
  weight: SourceCell;
  rate: SourceCell;
  score: SourceCell;
  reason: SourceCell | null;
}

interface Body {
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

function readIndicators(sh: Sheet, header: IndicatorHeader): Body {
  const cols = header.cols;
  const L1 = cols.level1!;
  const L2 = cols.level2!;
  const N = cols.name!;
  const W = cols.weight!;
  const S = cols.score!;
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
        rate: sh.source(r, cols.actual!),
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
      target: evaluation ? emptyCell(r, cols.target!) : sh.source(r, cols.target!),
      targetNature: cols.nature === undefined ? null : sh.source(r, cols.nature),
      targetUnit: cols.unit === undefined ? null : sh.source(r, cols.unit),
      actual: evaluation ? emptyCell(r, cols.actual!) : sh.source(r, cols.actual!),
      weight: sh.source(r, W),
      score: sh.source(r, S),
      explanation: E === undefined ? null : sh.source(r, E),
      ...(evaluation ? { evaluation: true as const } : {}),
      ...(evaluation && explanationHeader ? { explanationHeader } : {}),
    });
  }
  return { indicators, categories, totalRow, firstDataRow, fundsRow };
}

/** 10+90 layout: the 预算执行情况 row supplies the funds weight, rate and score. */
function mergeFundsRow(funds: FundsBlock | null, f: FundsIndicatorRow): FundsBlock | null {
  if (!funds) {
    return {
      labelCell: f.labelCell,
      labelWeight: f.labelWeight,
      total: {
        label: f.name || f.label,
        row: f.row,
        initial: null,
        budget: null,
        spent: null,
        weight: f.weight,
        rate: f.rate,
        score: f.score,
        reason: f.reason,
      },
      subRows: [],
    };
  }
  const t = funds.total;
  const blank = (s: SourceCell | null) => !s || s.text.trim() === "";
  // Only fill what the money block lacks: a block that scores itself wins.
  if (!blank(t.score)) return funds;
  return {
    ...funds,
    labelWeight: funds.labelWeight ?? f.labelWeight,
    total: {
      ...t,
      weight: blank(t.weight) ? f.weight : t.weight,
      // The scored row's 实际完成值 is the rate its score was computed from.
      rate: blank(f.rate) ? t.rate : f.rate,
      score: f.score,
      reason: t.reason ?? f.reason,
    },
  };
}

/** "绩效指标(90分)" left of or above the indicator header. */
function findBlockWeight(sh: Sheet, header: IndicatorHeader, firstDataRow: number): number | null {
  const L1 = header.cols.level1!;
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

// ---------------------------------------------------------------------------------------------
// Grade
// ---------------------------------------------------------------------------------------------

function gradeIn(
  sh: Sheet,
  r: number,
  minCol: number,
  allowBare: boolean,
): { cell: string; declared: string | null } | null {
  const width = sh.scanWidth(r);
  for (let c = 0; c < width; c++) {
    const t = sh.rowText(r, c);
    if (!t || t.length > 30) continue;
    const k = norm(t);
    const m = /^(?:自评|评价|绩效|综合)?等级(?:评定)?:?(.*)$/.exec(k);
    if (m) {
      const rest = m[1].replace(/[。.;；]$/, "");
      if (rest) return { cell: toA1(r, c), declared: rest };
      // A label cell: the grade is in the next cell on the right.
      const mg = sh.merge(r, c);
      const next = mg ? mg.right + 1 : c + 1;
      for (let cc = next; cc < width; cc++) {
        const v = sh.rowText(r, cc).trim();
        if (v) return { cell: toA1(r, cc), declared: v };
      }
      return { cell: toA1(r, next), declared: null };
    }
    if (allowBare && c > minCol && GRADE_WORDS.has(k)) return { cell: toA1(r, c), declared: k };
  }
  return null;
}

function findGrade(
  sh: Sheet,
  totalRow: number,
  scoreCol: number,
): { cell: string; declared: string | null } | null {
  const inTotal = gradeIn(sh, totalRow, scoreCol, true);
  if (inTotal) return inTotal;
  for (let r = totalRow + 1; r < Math.min(sh.nRows, totalRow + 4); r++) {
    const width = sh.scanWidth(r);
    let note = false;
    for (let c = 0; c < width && !note; c++) if (isNote(sh.rowText(r, c))) note = true;
    if (note) continue;
    const g = gradeIn(sh, r, -1, false);
    if (g) return g;
  }
  return null;
}
