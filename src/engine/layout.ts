/**
 * Finds the 自评表 in a Grid: kind, funds block, indicator header and columns, merged 一级/二级 labels,
 * total row and grade cell. See scoring-rules.md §1. (Contract written first; implementation in progress.)
 */
import type { Grid } from "./grid";
import type { LayoutResult } from "./types";

export function detectLayout(_grid: Grid): LayoutResult {
  throw new Error("not implemented");
}
