/**
 * A small formula evaluator, so the demo recalculates like a spreadsheet after a write: a corrected
 * score changes the =SUM(…) total, as it would in Excel or WPS. It covers what 自评表 use — numbers,
 * cell references and ranges, + - * / ^ &, comparisons, SUM MIN MAX AVERAGE ROUND IF ABS — and
 * gives up (null: keep the cached value) on anything else, never guessing.
 */
import { parseA1, parseRange, toA1 } from "../engine";
import type { CellValue, Grid } from "../engine";

type Val = number | string | boolean | null | Val[];

class Unsupported extends Error {}

interface Tok {
  t: "num" | "str" | "ref" | "fn" | "op" | "(" | ")" | ",";
  v: string;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^\d+(\.\d+)?([eE][+-]?\d+)?%?/.exec(rest)) || (m = /^\.\d+%?/.exec(rest))) {
      out.push({ t: "num", v: m[0] });
    } else if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) {
      out.push({ t: "str", v: m[1].replace(/""/g, '"') });
    } else if ((m = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?(?![A-Za-z0-9_(])/.exec(rest))) {
      out.push({ t: "ref", v: m[0].replace(/\$/g, "").toUpperCase() });
    } else if ((m = /^[A-Za-z][A-Za-z0-9.]*(?=\()/.exec(rest))) {
      out.push({ t: "fn", v: m[0].toUpperCase() });
    } else if ((m = /^(<=|>=|<>|[-+*/^&=<>])/.exec(rest))) {
      out.push({ t: "op", v: m[0] });
    } else if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch, v: ch });
      m = [ch] as unknown as RegExpExecArray;
    } else {
      throw new Unsupported(ch);
    }
    i += m[0].length;
  }
  return out;
}

function num(v: Val): number {
  if (Array.isArray(v)) throw new Unsupported("range");
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const s = v.trim();
  if (s !== "" && !Number.isNaN(Number(s))) return Number(s);
  throw new Unsupported("#VALUE!");
}

/** Numbers in ranges and arguments, as SUM/MIN/MAX/AVERAGE see them (text and blanks inside ranges ignored). */
function numbers(args: Val[]): number[] {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a))
      for (const v of a) {
        if (typeof v === "number") out.push(v);
      }
    else out.push(num(a));
  }
  return out;
}

/** Excel's ROUND: half away from zero, on the decimal digits as shown. */
export function excelRound(x: number, digits: number): number {
  const d = Math.trunc(digits);
  // First to the 15 significant digits a spreadsheet keeps: 10*0.7825 is 7.825, not 7.82499….
  x = Number(x.toPrecision(15));
  const r = Math.round(Number(Math.abs(x) + "e" + d)) * Math.sign(x);
  return Number(r + "e" + -d) || 0;
}

const FUNCS: Record<string, (args: Val[]) => Val> = {
  SUM: (a) => numbers(a).reduce((s, n) => s + n, 0),
  MIN: (a) => (numbers(a).length ? Math.min(...numbers(a)) : 0),
  MAX: (a) => (numbers(a).length ? Math.max(...numbers(a)) : 0),
  AVERAGE: (a) => {
    const n = numbers(a);
    if (n.length === 0) throw new Unsupported("#DIV/0!");
    return n.reduce((s, x) => s + x, 0) / n.length;
  },
  ABS: (a) => Math.abs(num(a[0])),
  ROUND: (a) => excelRound(num(a[0]), num(a[1] ?? 0)),
  IF: (a) => (num(a[0] ?? false) !== 0 ? (a[1] ?? true) : (a[2] ?? false)),
};

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly cell: (row: number, col: number) => CellValue,
  ) {}

  parse(): Val {
    const v = this.compare();
    if (this.i !== this.toks.length) throw new Unsupported("trailing");
    return v;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private compare(): Val {
    let a = this.concat();
    for (
      let t = this.peek();
      t && t.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.v);
      t = this.peek()
    ) {
      this.i++;
      const b = this.concat();
      const x = typeof a === "string" || typeof b === "string" ? String(a ?? "") : num(a);
      const y = typeof a === "string" || typeof b === "string" ? String(b ?? "") : num(b);
      a =
        t.v === "="
          ? x === y
          : t.v === "<>"
            ? x !== y
            : t.v === "<"
              ? x < y
              : t.v === ">"
                ? x > y
                : t.v === "<="
                  ? x <= y
                  : x >= y;
    }
    return a;
  }

  private concat(): Val {
    let a = this.additive();
    while (this.peek()?.t === "op" && this.peek()!.v === "&") {
      this.i++;
      const b = this.additive();
      a = String(a ?? "") + String(b ?? "");
    }
    return a;
  }

  private additive(): Val {
    let a = this.term();
    for (let t = this.peek(); t && t.t === "op" && (t.v === "+" || t.v === "-"); t = this.peek()) {
      this.i++;
      const b = this.term();
      a = t.v === "+" ? num(a) + num(b) : num(a) - num(b);
    }
    return a;
  }

  private term(): Val {
    let a = this.power();
    for (let t = this.peek(); t && t.t === "op" && (t.v === "*" || t.v === "/"); t = this.peek()) {
      this.i++;
      const b = this.power();
      if (t.v === "/" && num(b) === 0) throw new Unsupported("#DIV/0!");
      a = t.v === "*" ? num(a) * num(b) : num(a) / num(b);
    }
    return a;
  }

  private power(): Val {
    const a = this.unary();
    if (this.peek()?.t === "op" && this.peek()!.v === "^") {
      this.i++;
      return Math.pow(num(a), num(this.power()));
    }
    return a;
  }

  private unary(): Val {
    const t = this.peek();
    if (t && t.t === "op" && (t.v === "-" || t.v === "+")) {
      this.i++;
      const v = num(this.unary());
      return t.v === "-" ? -v : v;
    }
    return this.primary();
  }

  private primary(): Val {
    const t = this.toks[this.i++];
    if (!t) throw new Unsupported("end");
    if (t.t === "num") return t.v.endsWith("%") ? Number(t.v.slice(0, -1)) / 100 : Number(t.v);
    if (t.t === "str") return t.v;
    if (t.t === "ref") {
      if (t.v.includes(":")) {
        const a = parseRange(t.v)!;
        const vals: Val[] = [];
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) vals.push(this.cell(r, c));
        return vals;
      }
      const p = parseA1(t.v)!;
      return this.cell(p.row, p.col);
    }
    if (t.t === "(") {
      const v = this.compare();
      if (this.toks[this.i++]?.t !== ")") throw new Unsupported(")");
      return v;
    }
    if (t.t === "fn") {
      const f = FUNCS[t.v];
      if (!f) throw new Unsupported(t.v);
      this.i++; // "("
      const args: Val[] = [];
      if (this.peek()?.t !== ")") {
        for (;;) {
          args.push(this.compare());
          if (this.peek()?.t === ",") {
            this.i++;
            continue;
          }
          break;
        }
      }
      if (this.toks[this.i++]?.t !== ")") throw new Unsupported(")");
      return f(args);
    }
    throw new Unsupported(t.v);
  }
}

/** The value of a formula ("=SUM(H11:H26)+H4") over the grid; null when it is beyond this evaluator. */
export function evaluate(formula: string, grid: Grid): CellValue {
  const src = formula.trim().replace(/^=/, "");
  if (/!/.test(src)) return null; // other sheets: not followed
  try {
    const v = new Parser(tokenize(src), (r, c) => grid.values[r]?.[c] ?? null).parse();
    if (Array.isArray(v)) return null;
    if (typeof v === "number" && !Number.isFinite(v)) return null;
    return v;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/**
 * Recomputes every formula cell until nothing changes (formulas that feed formulas), writing through
 * `set`. Returns the cells whose value changed.
 */
export function recalculate(grid: Grid, set: (row: number, col: number, value: CellValue) => void): string[] {
  const changed = new Set<string>();
  const formulas: { row: number; col: number; f: string }[] = [];
  grid.formulas?.forEach((r, row) =>
    r?.forEach((f, col) => {
      if (f) formulas.push({ row, col, f });
    }),
  );
  for (let pass = 0; pass < 20; pass++) {
    let any = false;
    for (const { row, col, f } of formulas) {
      let v = evaluate(f, grid);
      if (v === null) continue;
      // Spreadsheets keep 15 significant digits: 97.19999999999999 is 97.2.
      if (typeof v === "number") v = Number(v.toPrecision(15));
      const old = grid.values[row]?.[col] ?? null;
      // Float noise from the sum of decimals is not a change the user made.
      if (typeof v === "number" && typeof old === "number" && Math.abs(v - old) < 1e-9) continue;
      if (v === old) continue;
      set(row, col, v);
      changed.add(toA1(row, col));
      any = true;
    }
    if (!any) break;
  }
  return [...changed];
}
