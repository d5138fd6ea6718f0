/**
 * What the indicator header leaves to a guess (issue 17, class 9): a column order no table seen had
 * (SEEN_COLUMN_ORDER), and cells read by a part of a known header word (header.ts looseCompletion). Both
 * are read, and said once per table as LAYOUT_ASSUMED (info).
 */
import { toA1 } from "../grid";
import type { LayoutAssumption } from "../types";
import type { IndicatorHeader } from "./header";
import { ROLE_NAMES } from "./header";
import type { Sheet } from "./sheet";
import { SEEN_COLUMN_ORDER } from "./vocabulary";

/** The header cell of column c as written (the lower row of a two-row header first), and its A1. */
function headerCell(sh: Sheet, header: IndicatorHeader, c: number): { cell: string; text: string } {
  for (let r = header.row + header.rows - 1; r >= header.row; r--) {
    const text = sh.mtext(r, c).replace(/\s+/g, "");
    if (!text) continue;
    const p = sh.masterPos(r, c);
    return { cell: toA1(p.row, p.col), text };
  }
  return { cell: toA1(header.row, c), text: "" };
}

/**
 * The pairs of SEEN_COLUMN_ORDER this header has the other way round, as one assumption at the first
 * such column's header cell; null when the order is one seen. Evaluation-style headers have no target or
 * actual of their own (both point at the criteria), so only their 分值 / 得分 / reason order counts.
 */
export function columnOrderAssumption(sh: Sheet, header: IndicatorHeader): LayoutAssumption | null {
  const cols = header.cols;
  const pairs: [string, string][] = [];
  let first = Infinity;
  for (const [a, b] of SEEN_COLUMN_ORDER) {
    if (header.evaluation && [a, b].some((k) => k === "target" || k === "actual" || k === "name")) continue;
    const ca = cols[a];
    const cb = cols[b];
    if (ca === undefined || cb === undefined || ca <= cb) continue;
    pairs.push([
      headerCell(sh, header, cb).text || ROLE_NAMES[b],
      headerCell(sh, header, ca).text || ROLE_NAMES[a],
    ]);
    first = Math.min(first, cb);
  }
  if (!pairs.length) return null;
  return { kind: "column-order", cell: headerCell(sh, header, first).cell, pairs };
}

/** The half-known header cells as one assumption (null when every header cell was a known word). */
export function guessedHeaderAssumption(header: IndicatorHeader): LayoutAssumption | null {
  const g = header.guessed ?? [];
  if (!g.length) return null;
  return {
    kind: "header-guessed",
    cell: g[0].cell,
    columns: g.map((x) => ({ cell: x.cell, text: x.text, reading: ROLE_NAMES[x.role], role: x.role })),
  };
}
