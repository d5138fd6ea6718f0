/**
 * Finds the merged areas of a used range without asking every cell. Range.MergeCells of several
 * cells is false when none is merged, true when all are, null when mixed, so one call answers "any
 * merged cell in here?". Per column: one probe for the whole column; where it says yes, a galloping
 * search (1, 2, 4, … rows, then halving) finds the first merged cell below the areas already known,
 * and MergeArea.Address gives its whole area. Scanning columns left to right and rows top to bottom,
 * the first unknown merged cell found is always the top-left of its area, so each area is read once.
 *
 * Bridge calls: 2 per used column (Columns.Item + MergeCells), plus for each column that has merged
 * cells 2 per probe: about 2 probes per area when areas follow each other (一级/二级 labels), up to
 * 2·log2(gap) when an area is far below the previous one, plus 3 to read the area (Range, MergeArea,
 * Address). So the count grows with the columns and the merged areas, never with the cells.
 */
import type { MergedArea } from "../../engine/grid";
import { parseRange, toA1 } from "../../engine/grid";
import type { EtRange, EtWorksheet } from "./et";
import { comFalse } from "./values";

export interface UsedArea {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export function scanMerges(ws: EtWorksheet, columns: EtRange, used: UsedArea): MergedArea[] {
  const known: MergedArea[] = [];
  const end = used.top + used.rows - 1;

  /** Any merged cell in rows r0..r1 of column c? */
  const probe = (r0: number, r1: number, c: number): boolean => {
    const a = r0 === r1 ? toA1(r0, c) : `${toA1(r0, c)}:${toA1(r1, c)}`;
    return !comFalse(ws.Range(a).MergeCells);
  };

  /** First merged row in [s, e] of column c, knowing there is one. */
  const firstIn = (s: number, e: number, c: number): number => {
    while (s < e) {
      const mid = (s + e) >> 1;
      if (probe(s, mid, c)) e = mid;
      else s = mid + 1;
    }
    return s;
  };

  for (let j = 0; j < used.cols; j++) {
    const c = used.left + j;
    const columnHasMerges = !comFalse((columns.Item(j + 1) as EtRange).MergeCells);
    if (!columnHasMerges) continue;

    // Rows of this column not already covered by areas found in earlier columns.
    const covering = known.filter((a) => a.left <= c && a.right >= c).sort((a, b) => a.top - b.top);
    const intervals: [number, number][] = [];
    let r = used.top;
    for (const a of covering) {
      if (a.top > r) intervals.push([r, Math.min(a.top - 1, end)]);
      r = Math.max(r, a.bottom + 1);
    }
    if (r <= end) intervals.push([r, end]);
    // The column probe already answered for the whole column when nothing covered it.
    let answered = covering.length === 0;

    for (const [a, b] of intervals) {
      let lo = a;
      while (lo <= b) {
        if (!(answered && lo === a) && !probe(lo, b, c)) break;
        answered = false;
        // Gallop down from lo: 1, 2, 4, … rows, then halve inside the block that answered yes.
        let found = -1;
        for (let s = lo, step = 1; s <= b; step *= 2) {
          const e = Math.min(s + step - 1, b);
          if (probe(s, e, c)) {
            found = s === e ? s : firstIn(s, e, c);
            break;
          }
          s = e + 1;
        }
        if (found < 0) break;
        const address = ws.Range(toA1(found, c)).MergeArea.Address(false, false);
        const area = parseRange(String(address));
        if (area && !known.some((k) => k.top === area.top && k.left === area.left)) known.push(area);
        lo = Math.max(found, area ? area.bottom : found) + 1;
      }
    }
  }
  return known.sort((x, y) => x.top - y.top || x.left - y.left);
}
