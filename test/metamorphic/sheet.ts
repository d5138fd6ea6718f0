/**
 * A corpus table as editable rows of text plus merged areas (the JSON's own shape), the few edits the
 * transforms need, and the in-memory Grid the engine reads. The JSON → cell reading is the one the
 * corpus workbooks are written with (scripts/fixtures/real.js realCells), so a grid built here holds
 * what the generated .xlsx holds, without writing or reading a file.
 */
import * as path from "path";
import { parseRange, type CellValue, type Grid, type MergedArea } from "../../src/engine/grid";

export type Text = string | number | null;

export interface Sheet {
  name: string;
  rows: Text[][];
  merges: MergedArea[];
}

export interface RealTableData {
  id: string;
  kind: "project" | "department";
  truncated: boolean;
  heldOut?: boolean;
  sheet: string;
  rows: Text[][];
  merges: string[];
  expect: { read: boolean };
}

interface RealCell {
  value: CellValue;
  numFmt?: string;
  text: string;
}

const real = require(path.join(__dirname, "../../scripts/fixtures/real.js")) as {
  loadRealTables(): { file: string; data: RealTableData }[];
  realCells(data: { rows: Text[][] }): (RealCell | null)[][];
};

export const loadRealTables = (): RealTableData[] => real.loadRealTables().map((t) => t.data);

export function sheetOf(data: RealTableData): Sheet {
  return {
    name: data.sheet || "Sheet1",
    rows: data.rows.map((r) => [...r]),
    merges: data.merges.map((m) => {
      const a = parseRange(m);
      if (!a) throw new Error(`${data.id}: bad merge ${m}`);
      return a;
    }),
  };
}

export const cloneSheet = (s: Sheet): Sheet => ({
  name: s.name,
  rows: s.rows.map((r) => [...r]),
  merges: s.merges.map((m) => ({ ...m })),
});

export const widthOf = (s: Sheet): number => s.rows.reduce((n, r) => Math.max(n, r.length), 0);

/** The grid a host would read from the workbook scripts/fixtures/real.js writes for this sheet. */
export function gridOf(s: Sheet): Grid {
  const width = widthOf(s);
  const padded = s.rows.map((r) => Array.from({ length: width }, (_, c) => (c < r.length ? r[c] : null)));
  const cells = real.realCells({ rows: padded });
  return {
    name: s.name,
    values: cells.map((r) => r.map((c) => (c ? c.value : null))),
    text: cells.map((r) => r.map((c) => (c ? c.text : ""))),
    formats: cells.map((r) => r.map((c) => (c && c.numFmt ? c.numFmt : null))),
    merges: s.merges.map((m) => ({ ...m })),
  };
}

export const isBlank = (t: Text): boolean => t === null || String(t).trim() === "";

/** Merges that span the boundary just above `row` (they hold rows on both sides of it). */
export const crossing = (s: Sheet, row: number): MergedArea[] =>
  s.merges.filter((m) => m.top < row && m.bottom >= row);

/**
 * Inserts `rows` before row `at`. Merges below move down. A merge spanning the boundary is split (a page
 * break does that to a printed merged label): the part above stays, the part below gets its text again.
 * `repeatFrom`: for a merge that started there (a label beside a repeated header) the lower part starts
 * at the inserted rows; otherwise it starts under them.
 */
export function insertRows(s: Sheet, at: number, rows: Text[][], repeatFrom?: number): Sheet {
  const n = rows.length;
  const out = cloneSheet(s);
  const width = widthOf(s);
  const fresh = rows.map((r) => Array.from({ length: width }, (_, c) => (c < r.length ? r[c] : null)));
  out.rows.splice(at, 0, ...fresh);
  const merges: MergedArea[] = [];
  for (const m of s.merges) {
    if (m.top >= at) merges.push({ ...m, top: m.top + n, bottom: m.bottom + n });
    else if (m.bottom < at) merges.push({ ...m });
    else {
      const label = s.rows[m.top][m.left];
      const lowerTop = repeatFrom !== undefined && m.top === repeatFrom ? at : at + n;
      merges.push({ ...m, bottom: at - 1 });
      merges.push({ ...m, top: lowerTop, bottom: m.bottom + n });
      // Inserted rows inside the lower part are covered cells; rows above it keep their own text.
      for (let r = lowerTop; r < at + n; r++) for (let c = m.left; c <= m.right; c++) out.rows[r][c] = null;
      out.rows[lowerTop][m.left] = label;
    }
  }
  out.merges = merges.filter((m) => m.bottom > m.top || m.right > m.left);
  return out;
}
