/**
 * The report's figures against the checked table (REPORT_FIGURE_MISMATCH) and against each other
 * (REPORT_SUM_MISMATCH). A stated figure agrees when it is the table's figure rounded to the decimals the
 * report wrote ("1839 万元" agrees with 1839.1; "78.3%" with 78.25 %), in decimal arithmetic.
 */
import Big from "big.js";
import type { Grid } from "../grid";
import { parseA1, textAt } from "../grid";
import type { Finding, SheetReport, SourceCell, Table } from "../types";
import { dec, fmt, pct } from "../decimal";
import { readNumber } from "../table/parse";

/** A number cell's value, null when blank or not a number (the parse step's reading). */
const numberOrNull = (c: SourceCell | null): number | null => (c ? readNumber(c).value : null);
import { raise } from "../finding";
import { R } from "../rules/raise";
import type { ReportFigureMismatchData } from "../rules/report-figure-mismatch";
import type { ReportFigure, MoneyUnit } from "./figures";
import { UNIT_IN_WAN, normalizeGrade } from "./figures";
import { placeOf } from "./document";

interface Stated {
  value: number;
  cell: string;
}

/** What the table says, in the terms the report uses. */
export interface TableFigures {
  unit: MoneyUnit;
  /** The year in the table's title ("2021 年度…"), to leave figures of other years alone. */
  year: string | null;
  initial: Stated | null;
  budget: Stated | null;
  spent: Stated | null;
  parts: (Stated & { label: string })[];
  rate: { exact: Big | null; declared: number | null; cell: string; shown: string } | null;
  score: { declared: number | null; computed: number; cell: string | null };
  grade: { declared: string | null; computed: string | null; cell: string | null };
}

const cellText = (grid: Grid, a1: string | null): string => {
  const p = a1 ? parseA1(a1) : null;
  return p ? textAt(grid, p.row, p.col) : "";
};

/** 资金情况（万元）, 全年预算数（元）…: the money unit of the table; 万元 when it says none. */
function moneyUnit(table: Table, grid: Grid): MoneyUnit {
  const f = table.funds;
  if (!f) return "万元";
  const total = f.total;
  const texts = [cellText(grid, f.labelCell)];
  const head = total.row - 1;
  for (let c = 0; c < (grid.values[head]?.length ?? 0); c++) texts.push(textAt(grid, head, c));
  const all = texts.join(" ");
  if (/亿元/.test(all)) return "亿元";
  if (/万元/.test(all)) return "万元";
  if (/[（(]\s*元\s*[)）]|单位\s*[:：]\s*元/.test(all)) return "元";
  return "万元";
}

export function tableFigures(sr: SheetReport, table: Table, grid: Grid): TableFigures {
  const f = table.funds;
  const stated = (c: SourceCell | null): Stated | null => {
    const v = numberOrNull(c);
    return v !== null && c ? { value: v, cell: c.cell } : null;
  };
  const parts: TableFigures["parts"] = [];
  for (const r of f?.subRows ?? []) {
    const s = stated(r.budget);
    if (s) parts.push({ ...s, label: r.label });
  }
  const fr = sr.funds;
  const budget = f ? stated(f.total.budget) : null;
  const spent = f ? stated(f.total.spent) : null;
  const b = fr?.budget ?? budget?.value ?? null;
  const s = fr?.spent ?? spent?.value ?? null;
  return {
    unit: moneyUnit(table, grid),
    year: /(\d{4})\s*年/.exec(sr.title)?.[1] ?? null,
    initial: f ? stated(f.total.initial) : null,
    budget,
    spent,
    parts,
    rate:
      fr && f?.total.rate
        ? {
            exact: b !== null && s !== null && b > 0 ? dec(s).div(b) : null,
            declared: fr.rate.declared,
            cell: f.total.rate.cell,
            shown: f.total.rate.text || (fr.rate.declared !== null ? pct(fr.rate.declared) : ""),
          }
        : null,
    score: { declared: sr.total.declared, computed: sr.total.computed, cell: sr.total.cell },
    grade: { declared: sr.grade.declared, computed: sr.grade.computed, cell: sr.grade.cell },
  };
}

/** Half a unit of the last decimal written, in 万元. */
export function tolWan(fig: ReportFigure): Big {
  return dec(5)
    .times(dec(10).pow(-(fig.decimals + 1)))
    .times(UNIT_IN_WAN[fig.unit as MoneyUnit]);
}

export const wan = (value: number, unit: MoneyUnit): Big => dec(value).times(UNIT_IN_WAN[unit]);

const PART_KEYS = ["财政拨款", "结转", "其他"];

function partFor(fig: ReportFigure, parts: TableFigures["parts"]): TableFigures["parts"][number] | null {
  const key = PART_KEYS.find((k) => fig.label.includes(k));
  return key ? (parts.find((p) => p.label.includes(key)) ?? null) : null;
}

const WHAT: Partial<Record<ReportFigure["kind"], [string, string]>> = {
  initial: ["年初预算数", "the initial budget"],
  budget: ["全年预算数", "the full-year budget"],
  spent: ["全年执行数", "the full-year spending"],
};

export function compareFigures(figs: ReportFigure[], t: TableFigures): Finding[] {
  const out: Finding[] = [];
  const add = (fig: ReportFigure, cell: string, data: ReportFigureMismatchData) => {
    const f = raise(R.reportFigureMismatch, cell, data);
    f.paragraph = placeOf(fig.paragraph);
    out.push(f);
  };
  for (const fig of figs) {
    if (fig.approx || (fig.year && t.year && fig.year !== t.year)) continue;
    const at = placeOf(fig.paragraph);
    const proseShown = `${fig.raw}${fig.unit === "%" ? "%" : fig.unit ? ` ${fig.unit}` : ""}`;
    if (
      fig.kind === "initial" ||
      fig.kind === "budget" ||
      fig.kind === "spent" ||
      fig.kind === "budgetPart"
    ) {
      const target = fig.kind === "budgetPart" ? partFor(fig, t.parts) : t[fig.kind];
      if (!target) continue;
      const diff = wan(fig.value, fig.unit as MoneyUnit)
        .minus(wan(target.value, t.unit))
        .abs();
      if (diff.lte(tolWan(fig))) continue;
      const [what, whatEn] = fig.kind === "budgetPart" ? [fig.label, fig.label] : WHAT[fig.kind]!;
      add(fig, target.cell, {
        at,
        what,
        whatEn,
        prose: proseShown,
        cell: target.cell,
        table: `${fmt(target.value)} ${t.unit}`,
      });
    } else if (fig.kind === "rate" && t.rate) {
      const r = t.rate;
      const d = fig.decimals;
      const agrees = (frac: Big | number | null) =>
        frac !== null && dec(frac).times(100).round(d, Big.roundHalfUp).eq(dec(fig.raw));
      if (agrees(r.exact) || agrees(r.declared)) continue;
      const computed = r.exact ? pct(r.exact, Math.max(2, d)) : null;
      add(fig, r.cell, {
        at,
        what: "预算执行率",
        whatEn: "an execution rate of",
        prose: proseShown,
        cell: r.cell,
        table: r.shown,
        note: computed ? `（全年执行数 ÷ 全年预算数 = ${computed}）` : "",
        noteEn: computed ? ` (spent ÷ budget = ${computed})` : "",
      });
    } else if (fig.kind === "score") {
      const s = t.score;
      const half = dec(5).times(dec(10).pow(-(fig.decimals + 1)));
      const near = (x: number | null) => x !== null && dec(fig.raw).minus(dec(x)).abs().lte(half);
      const ref = s.declared ?? s.computed;
      if (near(ref) || !s.cell) continue;
      const recalc = s.declared !== null && !near(s.computed) && s.computed !== s.declared;
      add(fig, s.cell, {
        at,
        what: "自评得分",
        whatEn: "a score of",
        prose: proseShown,
        cell: s.cell,
        table: `${fmt(ref)} 分`,
        note: recalc ? `（按规则重算为 ${fmt(s.computed)} 分）` : "",
        noteEn: recalc ? ` (recomputed: ${fmt(s.computed)})` : "",
      });
    } else if (fig.kind === "grade") {
      const g = t.grade;
      const ref = g.declared ? normalizeGrade(g.declared.replace(/^.*[:：]/, "")) : g.computed;
      if (!ref || !g.cell || normalizeGrade(ref) === fig.raw) continue;
      add(fig, g.cell, {
        at,
        what: "等级",
        whatEn: "the grade",
        prose: `“${fig.raw}”`,
        cell: g.cell,
        table: `“${ref}”`,
      });
    }
  }
  return out;
}
