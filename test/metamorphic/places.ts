/**
 * Where the blocks of a table are, taken from the engine's own reading of the *original* sheet (its
 * columns, indicator rows, 总分 row, funds block) plus the header row above the first indicator. Used
 * only to decide where a transform applies; the transformed sheet is then read from scratch.
 */
import { parseA1, toA1, type MergedArea, type Table } from "../../src/engine";
import type { Sheet, Text } from "./sheet";

export const textOf = (t: Text): string => (t === null || t === undefined ? "" : String(t));

export interface Places {
  table: Table;
  /** Indicator header rows, top and bottom (a header may be two rows deep). */
  headerTop: number;
  headerBottom: number;
  /** The last row of the indicator block: the 总分 row, else the last indicator. */
  blockBottom: number;
  /** Leftmost column of the indicator block proper (一级, else the name). */
  blockLeft: number;
}

const NAME_HEADER = /三级|指标名称|指标内容/;
const SCORE_HEADER = /得分/;

export function placesOf(s: Sheet, table: Table): Places | null {
  if (!table.indicators.length) return null;
  const first = table.indicators[0].row;
  const { name, score, level1 } = table.columns;
  let headerTop = -1;
  for (let r = first - 1; r >= Math.max(0, first - 6); r--) {
    const row = s.rows[r] || [];
    if (NAME_HEADER.test(textOf(row[name])) || SCORE_HEADER.test(textOf(row[score]))) {
      headerTop = r;
      break;
    }
  }
  if (headerTop < 0) return null;
  const blockLeft = Math.min(level1 ?? name, name);
  // A two-row header: merges of the block's columns reaching down onto the header row found, or from it
  // down towards the first indicator.
  const inBlock = (m: MergedArea) => m.left >= blockLeft && m.bottom < first;
  while (
    headerTop > 0 &&
    s.merges.some((m) => inBlock(m) && m.top === headerTop - 1 && m.bottom >= headerTop)
  )
    headerTop--;
  let headerBottom = headerTop;
  for (const m of s.merges)
    if (inBlock(m) && m.top >= headerTop && m.top <= headerBottom && m.bottom > headerBottom)
      headerBottom = m.bottom;
  const lastIndicator = table.indicators[table.indicators.length - 1].row;
  const blockBottom = table.total ? Math.max(table.total.row, lastIndicator) : lastIndicator;
  return { table, headerTop, headerBottom, blockBottom, blockLeft };
}

/** A cell map that moves rows at or below each boundary down by one per boundary (boundaries ascending). */
export function shiftRowsMap(boundaries: number[], byEach = 1): (a1: string) => string {
  return (a1) => {
    const p = parseA1(a1)!;
    const n = boundaries.filter((b) => p.row >= b).length * byEach;
    return toA1(p.row + n, p.col);
  };
}
