/**
 * Report + the user's choices → Edits, plain data that a host applies (architecture.md, write rules).
 * The engine decides what to write; it never touches a workbook.
 */
import { formulaAt, parseA1, valueAt, type CellValue, type Grid } from "./grid";
import type { Correction, Edit, Finding, Severity, SheetReport } from "./types";
import { fmt, pct } from "./decimal";

/** Fills for highlights: Excel's own "bad" and "neutral" styles, familiar to every user. */
export const HIGHLIGHT_COLORS: Record<Exclude<Severity, "info">, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
};

const LEAD_MAP: Record<string, string> = { "=": "＝", "+": "＋", "-": "－", "@": "＠" };

/** The one formula-lead rule: text starting with = + - @ is evaluated by Excel and WPS. Hosts use it too. */
export const FORMULA_LEAD = /^[=+\-@]/;

/**
 * Text a spreadsheet will keep as text: control characters dropped, and a leading = + - @ (which Excel
 * and WPS would evaluate) replaced by its full-width twin, so the sentence reads the same.
 */
export function safeText(text: string): string {
  let t = text
    .replace(/\r\n?/g, "\n")
    // Control characters would corrupt a cell or a terminal; the regex names them on purpose.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .trim();
  while (t.length && FORMULA_LEAD.test(t)) t = LEAD_MAP[t[0]] + t.slice(1);
  if (t.length > 32767) t = t.slice(0, 32767); // Excel's limit per cell
  return t;
}

/** True when a string would be read as a formula if written as is. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_LEAD.test(value.trimStart());
}

/** The edit that writes an explanation for the indicator on `row`; null when it has no explanation cell. */
export function explanationEdit(report: SheetReport, row: number, text: string): Edit | null {
  const ind = report.indicators.find((i) => i.row === row);
  if (!ind || !ind.explanationCell) return null;
  return { kind: "value", cell: ind.explanationCell, value: safeText(text), purpose: "explanation" };
}

/**
 * The fixes the findings carry, as corrections old → new: each is the value its finding's message
 * names, decided by the rule with the profile's tolerance, so no correction appears without a finding.
 * Cells holding formulas are left out: the spreadsheet recomputes them, and overwriting a formula
 * with a number would lose the user's work.
 */
export function corrections(report: SheetReport, grid?: Grid): Correction[] {
  const hasFormula = (cell: string) => {
    const p = grid ? parseA1(cell) : null;
    return !!p && !!grid && !!formulaAt(grid, p.row, p.col);
  };
  const seen = new Set<string>();
  const out: Correction[] = [];
  for (const f of report.findings) {
    if (!f.fix || seen.has(f.fix.cell) || hasFormula(f.fix.cell)) continue;
    const c = correctionOf(report, f, f.fix, grid);
    if (!c) continue;
    seen.add(c.cell);
    out.push(c);
  }
  out.push(...followOns(report, out, { hasFormula, grid }));
  // In sheet order, as the user reads the table: funds first, 总分 and 等级 last.
  const at = (c: Correction) => parseA1(c.cell) ?? { row: 0, col: 0 };
  return out.sort((a, b) => at(a).row - at(b).row || at(a).col - at(b).col);
}

/**
 * The 总分 and 等级 that follow from the score fixes above: once those are applied the recomputed total
 * (and the grade GRADE_CHANGES_ON_RECALC names) is what the cells should hold. Marked `follows`; never
 * offered where a finding of the total or grade already names its own value.
 */
function followOns(
  report: SheetReport,
  fixes: Correction[],
  { hasFormula, grid }: { hasFormula: (cell: string) => boolean; grid?: Grid },
): Correction[] {
  const out: Correction[] = [];
  if (!fixes.some((c) => c.purpose === "score" || c.purpose === "rate")) return out;
  const taken = new Set(fixes.map((c) => c.cell));
  const t = report.total;
  if (t.cell && t.declared !== null && t.declared !== t.computed && !taken.has(t.cell) && !hasFormula(t.cell))
    out.push({
      cell: t.cell,
      purpose: "total",
      label: "总分",
      oldValue: t.declared,
      oldText: fmt(t.declared),
      newValue: t.computed,
      newText: fmt(t.computed),
      follows: true,
    });
  const changes = report.findings.find((f) => f.code === "GRADE_CHANGES_ON_RECALC");
  const g = report.grade;
  if (changes && g.computed !== null && g.cell && !taken.has(g.cell) && !hasFormula(g.cell)) {
    const c = gradeCorrection(report, g.computed, grid);
    if (c) out.push({ ...c, follows: true });
  }
  return out;
}

/** One finding's fix as a correction: what the cell holds now and what it will hold. */
function correctionOf(
  report: SheetReport,
  f: Finding,
  fix: NonNullable<Finding["fix"]>,
  grid?: Grid,
): Correction | null {
  const number = (label: string, purpose: Correction["purpose"], old: number | null, row?: number) => {
    if (old === null || typeof fix.value !== "number") return null;
    const c: Correction = {
      cell: fix.cell,
      purpose,
      label,
      oldValue: old,
      oldText: purpose === "rate" ? pct(old) : fmt(old),
      newValue: fix.value,
      newText: purpose === "rate" ? pct(fix.value) : fmt(fix.value),
    };
    if (row !== undefined) c.row = row;
    return c;
  };
  switch (f.code) {
    case "SCORE_TOO_HIGH":
    case "SCORE_TOO_LOW":
    case "SCORE_DEDUCTION_UNEXPLAINED": {
      const i = report.indicators.find((x) => x.scoreCell === fix.cell);
      return i ? number(i.name || i.level2, "score", i.scoreDeclared, i.row) : null;
    }
    case "FUNDS_SCORE_MISMATCH":
      return number("预算执行得分", "score", report.funds?.score.declared ?? null);
    case "FUNDS_RATE_MISMATCH":
      return number("执行率", "rate", report.funds?.rate.declared ?? null);
    case "TOTAL_MISMATCH":
      return number("总分", "total", report.total.declared);
    case "GRADE_MISMATCH":
      return gradeCorrection(report, String(fix.value), grid);
    default:
      return null;
  }
}

/** The grade cell with the grade word replaced in place ("等级：优" → "等级：良"). */
function gradeCorrection(report: SheetReport, grade: string, grid?: Grid): Correction | null {
  const g = report.grade;
  if (!g.cell || g.declared === null) return null;
  const p = grid ? parseA1(g.cell) : null;
  const raw = p && grid ? valueAt(grid, p.row, p.col) : null;
  const old = typeof raw === "string" && raw.trim() ? raw : g.declared;
  const replaced = old.includes(g.declared) ? replaceLast(old, g.declared, grade) : grade;
  return {
    cell: g.cell,
    purpose: "grade",
    label: "等级",
    oldValue: old,
    oldText: old,
    newValue: safeText(replaced),
    newText: replaced,
  };
}

function replaceLast(text: string, from: string, to: string): string {
  const i = text.lastIndexOf(from);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The value edits that apply the chosen corrections. */
export function correctionEdits(list: Correction[]): Edit[] {
  return list.map((c) => ({ kind: "value", cell: c.cell, value: c.newValue, purpose: c.purpose }));
}

/**
 * Fill edits for the cells of the findings: errors and warnings in two colours (an error wins when a
 * cell has both). Hosts record the previous fills, so turning highlights off is an undo.
 */
export function highlightEdits(
  report: SheetReport,
  options: { severities?: Severity[] } | boolean = {},
): Edit[] {
  if (options === false) return [];
  const wanted = new Set((options === true ? undefined : options.severities) ?? ["error", "warning"]);
  const colour = new Map<string, string>();
  const rank = (f: Finding) => (f.severity === "error" ? 0 : 1);
  for (const f of [...report.findings].sort((a, b) => rank(b) - rank(a))) {
    if (f.severity === "info" || !wanted.has(f.severity)) continue;
    colour.set(f.cell, HIGHLIGHT_COLORS[f.severity]);
  }
  return [...colour].map(([cell, color]) => ({ kind: "fill", cell, color, purpose: "highlight" }));
}

/** For hosts and tests: what a value edit will leave in the cell. */
export function editedValue(edit: Edit): CellValue {
  return edit.kind === "value" ? edit.value : null;
}
