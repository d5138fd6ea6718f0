/**
 * Shape of the corpus of real published tables (test/fixtures/real/*.json): every table names its source,
 * has rows and expectations, its expectation cells lie inside the table, its merges are valid and do not
 * overlap, and only the top-left cell of a merge holds a value. Reads the JSON only: nothing is built.
 * (How well the checker does on these tables is measured by `npm run accuracy`, not asserted here.)
 */
import * as fs from "fs";
import * as path from "path";
import { FINDING_CODES } from "../src/engine/types";

const DIR = path.join(__dirname, "fixtures", "real");
const files = fs.existsSync(DIR)
  ? fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];

/** Only codes the checker can report (a typo in an expectation would otherwise count as a miss for ever). */
const CODES = new Set<string>(FINDING_CODES);

interface Expectation {
  code: string | string[];
  cell: string;
  why: string;
}
interface RealTable {
  id: string;
  source: string;
  title: string;
  province: string;
  year: number;
  kind: "project" | "department";
  truncated: boolean;
  /** Found after the engine was tuned (npm run accuracy reports these apart); absent means tuned. */
  heldOut?: boolean;
  notes: string;
  sheet: string;
  rows: (string | number | null)[][];
  merges: string[];
  expect: {
    read: boolean;
    total: { declared: number | null; recomputed: number | null } | null;
    grade: { declared: string | null; recomputed: string | null } | null;
    funds: { rate: number | null; score: number | null } | null;
    findings: Expectation[];
    acceptable: Expectation[];
  };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
/** "B12" → { row: 12, col: 2 } (1-based), null when not an A1 address. */
function parseCell(a1: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})([1-9]\d*)$/.exec(a1);
  return m ? { row: Number(m[2]), col: colNumber(m[1]) } : null;
}

it("the corpus has tables", () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)("%s", (file) => {
  const t: RealTable = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8"));
  const height = t.rows.length;
  const width = t.rows.reduce((n, r) => Math.max(n, r.length), 0);
  const inside = (a1: string) => {
    const c = parseCell(a1);
    return c !== null && c.row <= height && c.col <= width;
  };

  it("has its id as file name, a source, a title and metadata", () => {
    expect(file).toBe(`${t.id}.json`);
    expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    expect(t.source.trim().length).toBeGreaterThan(10);
    expect(t.title.trim().length).toBeGreaterThan(0);
    expect(t.province).toMatch(/[\u4e00-\u9fff]/);
    expect(t.year).toBeGreaterThanOrEqual(2015);
    expect(t.year).toBeLessThanOrEqual(2030);
    expect(["project", "department"]).toContain(t.kind);
    expect(typeof t.truncated).toBe("boolean");
    expect(t.heldOut === undefined || typeof t.heldOut === "boolean").toBe(true);
    expect(typeof t.notes).toBe("string");
    expect(typeof t.sheet).toBe("string");
  });

  it("has rows of text or blanks, all of the same width", () => {
    expect(height).toBeGreaterThan(0);
    for (const r of t.rows) {
      expect(r.length).toBe(width);
      for (const v of r) expect(v === null || typeof v === "string" || typeof v === "number").toBe(true);
    }
  });

  it("has valid, non-overlapping merges whose covered cells are blank", () => {
    const owner = new Map<string, string>();
    for (const range of t.merges) {
      const m = /^([A-Z]+[0-9]+):([A-Z]+[0-9]+)$/.exec(range);
      expect(m).not.toBeNull();
      const a = parseCell(m![1])!;
      const b = parseCell(m![2])!;
      expect(a).not.toBeNull();
      expect(b).not.toBeNull();
      expect(b.row >= a.row && b.col >= a.col && (b.row > a.row || b.col > a.col)).toBe(true);
      expect(inside(m![2])).toBe(true);
      for (let r = a.row; r <= b.row; r++) {
        for (let c = a.col; c <= b.col; c++) {
          const key = `${r},${c}`;
          if (owner.has(key)) throw new Error(`${range} overlaps ${owner.get(key)}`);
          owner.set(key, range);
          if (r !== a.row || c !== a.col) {
            if (t.rows[r - 1][c - 1] !== null)
              throw new Error(`${range}: covered cell row ${r} col ${c} holds “${t.rows[r - 1][c - 1]}”`);
          }
        }
      }
    }
  });

  it("has expectations with known codes, reasons and cells inside the table", () => {
    const e = t.expect;
    expect(typeof e.read).toBe("boolean");
    for (const key of ["total", "grade", "funds"] as const)
      expect(e[key] === null || typeof e[key] === "object").toBe(true);
    for (const [list, wildcard] of [
      [e.findings, false],
      [e.acceptable, true],
    ] as const) {
      expect(Array.isArray(list)).toBe(true);
      for (const x of list) {
        const codes = Array.isArray(x.code) ? x.code : [x.code];
        expect(codes.length).toBeGreaterThan(0);
        for (const c of codes) expect(CODES).toContain(c);
        expect(x.why.trim().length).toBeGreaterThan(0);
        // "*" (any cell) is allowed only among acceptable findings: artifacts of a cut source.
        if (!(wildcard && x.cell === "*")) expect(inside(x.cell)).toBe(true);
      }
    }
    if (!e.read) expect(e.findings).toEqual([]);
  });

  it("does not expect the same finding twice", () => {
    const seen = new Set<string>();
    for (const x of t.expect.findings) {
      const key = `${[x.code].flat().sort().join("|")}@${x.cell}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
});
