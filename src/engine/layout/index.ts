/**
 * Finds the 自评表 in a Grid: kind, funds block, indicator header and columns, merged 一级/二级 labels,
 * total row and grade cell (scoring-rules.md §1). Never throws: a grid that is not a 自评表 gets
 * { ok: false, reason } with a Chinese sentence saying why. Linear in the number of cells.
 */
import type { Grid } from "../grid";
import { parseA1 } from "../grid";
import type { FundsBlock, LayoutResult, Table } from "../types";
import { errorMessage } from "../error-message";
import { findFunds } from "./funds";
import { mergeFundsRow } from "./funds-row";
import { findGrade } from "./grade";
import { findIndicatorHeader, ROLE_NAMES } from "./header";
import { findBlockWeight, readIndicators } from "./indicators";
import { Sheet } from "./sheet";
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
  const header = search.header;
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
            weight: sh.source(body.totalRow, cols.weight),
            score: sh.source(body.totalRow, cols.score),
          }
        : null,
    grade: body.totalRow >= 0 ? findGrade(sh, body.totalRow, cols.score) : null,
    indicatorBlockWeight: findBlockWeight(sh, header, body.firstDataRow),
    ...(header.evaluation ? { mode: "evaluation" as const } : {}),
    columns: {
      level1: cols.level1,
      level2: cols.level2,
      name: cols.name,
      target: cols.target,
      actual: cols.actual,
      weight: cols.weight,
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
