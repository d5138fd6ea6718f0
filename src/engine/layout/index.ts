/**
 * Finds the 自评表 in a Grid: kind, funds block, indicator header and columns, merged 一级/二级 labels,
 * total row and grade cell (scoring-rules.md §1). Never throws: a grid that is not a 自评表 gets
 * { ok: false, reason } with a Chinese sentence saying why. Linear in the number of cells.
 */
import type { Grid } from "../grid";
import { parseA1, toA1 } from "../grid";
import type { FundsBlock, LayoutAssumption, LayoutResult, SourceCell, Table } from "../types";
import { errorMessage } from "../error-message";
import { parseNumber } from "../values";
import { findFunds } from "./funds";
import { mergeFundsRow } from "./funds-row";
import { findGrade } from "./grade";
import { findIndicatorHeader, ROLE_NAMES } from "./header";
import { findIndicatorBlock, readIndicators } from "./indicators";
import { columnOrderAssumption, guessedHeaderAssumption } from "./order";
import { Sheet } from "./sheet";
import { indicatorRole, isFundsLabel } from "./text";
import { decideKind, findHeaderBlock, findTitle } from "./title";

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
    return { ok: false, reason: `工作表“${sheetName}”是空的，不是绩效自评表` };
  }
  const search = findIndicatorHeader(sh);
  if (!search.found) {
    // A table cut before its indicator block (a page that stops after the funds) is still a 自评表.
    // A header that is there but not understood is refused with its reason, not read as funds only.
    // (A page cut inside that header, with nothing under it, still shows its funds.)
    const cut = search.partial ? nothingBelow(sh, search.partial.row) : !unreadHeaderWithRows(sh);
    const fundsOnly = cut ? fundsOnlyTable(sh, sheetName, search.partial?.row ?? sh.nRows) : null;
    if (fundsOnly) return { ok: true, table: fundsOnly };
    if (search.partial) {
      const miss = search.partial.missing.map((k) => ROLE_NAMES[k]).join("、");
      return {
        ok: false,
        reason: `第${search.partial.row + 1}行像是绩效指标表头，但缺少“${miss}”列，无法识别为绩效自评表`,
      };
    }
    return {
      ok: false,
      reason: `未找到“绩效指标”表头（一级指标/三级指标/分值/得分），此工作表不是绩效自评表`,
    };
  }
  const header = search.header;
  const fundsSearch = findFunds(sh, header.row);
  let funds: FundsBlock | null = fundsSearch ? fundsSearch.block : null;
  const topLimit = fundsSearch ? fundsSearch.headerRow : header.row;

  const title = findTitle(sh, topLimit);
  const block = findHeaderBlock(sh, topLimit, header.row);
  const kind = decideKind(title?.text ?? "", block, funds ? labelText(sh, funds.labelCell) : "");
  const unit = kind === "project" ? (block.project ?? block.department) : (block.department ?? block.project);

  const fundsScored = !!funds && funds.total.score !== null && funds.total.score.text.trim() !== "";
  const body = readIndicators(sh, header, fundsScored);
  if (body.fundsRow) funds = mergeFundsRow(funds, body.fundsRow);
  const fundsUnread = funds ? null : unreadFunds(sh, header.row);
  const reasonBlock =
    header.cols.explanation === undefined && body.totalRow >= 0 ? findReasonBlock(sh, body.totalRow) : null;
  if (body.indicators.length === 0) {
    // A page cut right under the indicator header still shows its funds.
    const fundsOnly = fundsOnlyTable(sh, sheetName, header.row);
    if (fundsOnly) return { ok: true, table: fundsOnly };
    return {
      ok: false,
      reason: `第${header.row + 1}行有绩效指标表头，但表头下没有任何指标行（三级指标、分值、得分都为空）`,
    };
  }

  const assumptions: LayoutAssumption[] = [...body.assumptions];
  const order = columnOrderAssumption(sh, header);
  const guessed = guessedHeaderAssumption(header);
  if (order) assumptions.unshift(order);
  if (guessed) assumptions.unshift(guessed);
  if (fundsSearch?.joinedHeader)
    assumptions.unshift({ kind: "funds-header-joined", ...fundsSearch.joinedHeader });
  const cols = header.cols;
  const goalBlock = findIndicatorBlock(sh, header, body.firstDataRow);
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
            weight: cols.weight === undefined ? null : sh.source(body.totalRow, cols.weight),
            score: totalScoreCell(sh, body.totalRow, cols.score, cols.weight),
          }
        : null,
    grade: body.totalRow >= 0 ? findGrade(sh, body.totalRow, cols.score) : null,
    indicatorBlockWeight: goalBlock?.weight ?? null,
    ...(goalBlock ? { indicatorBlock: { cell: goalBlock.cell, name: goalBlock.name } } : {}),
    ...(fundsUnread ? { fundsUnread } : {}),
    ...(assumptions.length ? { assumptions } : {}),
    ...(reasonBlock ? { reasonBlock } : {}),
    ...(header.evaluation ? { mode: "evaluation" as const } : {}),
    columns: {
      level1: cols.level1 ?? null,
      level2: cols.level2 ?? null,
      name: cols.name,
      target: cols.target,
      actual: cols.actual,
      weight: cols.weight ?? null,
      score: cols.score,
      explanation: cols.explanation ?? null,
    },
  };
  return { ok: true, table };
}

function labelText(sh: Sheet, a1: string): string {
  const p = parseA1(a1);
  return p ? sh.mtext(p.row, p.col) : "";
}

/**
 * A funds block above the indicator header that findFunds could not read (its label is there, its
 * columns are not understood): reported, never silently dropped, since its points are missing from the sums.
 */
function unreadFunds(sh: Sheet, beforeRow: number): { cell: string; label: string } | null {
  for (let r = 0; r < beforeRow; r++) {
    const width = Math.min(sh.scanWidth(r), 3);
    for (let c = 0; c < width; c++) {
      const t = sh.rowText(r, c);
      if (t && t.length <= 30 && isFundsLabel(t)) return { cell: toA1(r, c), label: t.replace(/\s+/g, "") };
    }
  }
  return null;
}

/** A sheet whose title says 自评表 and whose funds block is read, but that has no indicator header. */
function fundsOnlyTable(sh: Sheet, sheetName: string, beforeRow: number): Table | null {
  const fundsSearch = findFunds(sh, beforeRow);
  if (!fundsSearch) return null;
  const title = findTitle(sh, fundsSearch.headerRow);
  if (!title) return null;
  const block = findHeaderBlock(sh, fundsSearch.headerRow);
  const kind = decideKind(title.text, block, labelText(sh, fundsSearch.block.labelCell));
  const unit = kind === "project" ? (block.project ?? block.department) : (block.department ?? block.project);
  const c = fundsSearch.block.total.score?.col ?? 0;
  return {
    sheet: sheetName,
    kind,
    title: title.text,
    titleCell: title.cell,
    unit: unit ?? null,
    funds: fundsSearch.block,
    indicators: [],
    categories: [],
    total: null,
    grade: null,
    indicatorBlockWeight: null,
    noIndicators: true,
    columns: {
      level1: null,
      level2: null,
      name: c,
      target: c,
      actual: c,
      weight: null,
      score: c,
      explanation: null,
    },
  };
}

/**
 * The declared 总分: the 得分 column of the total row, or — where that cell is blank and the row writes
 * its total elsewhere ("总分(100分) | 100 | 自评等级 | 优" in scores-only templates) — the first number on
 * the row outside the 分值 column.
 */
function totalScoreCell(sh: Sheet, r: number, scoreCol: number, weightCol: number | undefined): SourceCell {
  const own = sh.source(r, scoreCol);
  if (own.text.trim() !== "") return own;
  const width = sh.scanWidth(r);
  for (let c = 0; c < width; c++) {
    if (c === weightCol || c === scoreCol) continue;
    const cell = sh.source(r, c);
    if (cell.text.trim() !== "" && parseNumber(cell) !== null) return cell;
  }
  return own;
}

/** No cell has content below row r. */
function nothingBelow(sh: Sheet, r: number): boolean {
  for (let rr = r + 1; rr < sh.nRows; rr++) {
    const width = sh.scanWidth(rr);
    for (let c = 0; c < width; c++) if (sh.rowText(rr, c).trim() !== "") return false;
  }
  return true;
}

/** Some row names indicator columns (一级指标, 三级指标, 指标名称) and has rows under it: an unread indicator block. */
function unreadHeaderWithRows(sh: Sheet): boolean {
  for (let r = 0; r < sh.nRows; r++) {
    const width = sh.scanWidth(r);
    for (let c = 0; c < width; c++) {
      const role = indicatorRole(sh.rowText(r, c));
      if ((role === "level1" || role === "name") && !nothingBelow(sh, r)) return true;
    }
  }
  return false;
}

/** "偏差大或目标未完成原因分析 | text" on one of the rows under the 总分 row: the cell holding the reasons. */
function findReasonBlock(sh: Sheet, totalRow: number): SourceCell | null {
  for (let r = totalRow + 1; r < Math.min(sh.nRows, totalRow + 5); r++) {
    for (let c = 0; c < Math.min(sh.scanWidth(r), 3); c++) {
      const t = sh.rowText(r, c);
      if (!t || t.length > 40 || !/原因/.test(t) || indicatorRole(t) !== "explanation") continue;
      const m = sh.merge(r, c);
      const next = m ? m.right + 1 : c + 1;
      return sh.source(r, sh.masterPos(r, next).col);
    }
  }
  return null;
}
