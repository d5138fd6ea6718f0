/**
 * Report + the user's choices → Edits, plain data that a host applies (architecture.md, write rules).
 * The engine decides what to write; it never touches a workbook.
 */
import { formulaAt, parseA1, valueAt, type CellValue, type Grid } from "./grid";
import type { Correction, Edit, Finding, Severity, SheetReport } from "./types";
import { fmt, pct, within } from "./decimal";

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
 * Every score, 执行率, 总分 or 等级 cell whose value would change on recomputation, old → new.
 * Cells holding formulas are left out: the spreadsheet recomputes them, and overwriting a formula
 * with a number would lose the user's work.
 */
export function corrections(report: SheetReport, grid?: Grid): Correction[] {
  const out: Correction[] = [];
  const hasFormula = (cell: string | null) => {
    const p = cell && grid ? parseA1(cell) : null;
    return !!p && !!grid && !!formulaAt(grid, p.row, p.col);
  };
  const tol = 0.005;

  for (const i of report.indicators) {
    if (i.scoreComputed === null || i.scoreDeclared === null) continue;
    if (within(i.scoreDeclared, i.scoreComputed, tol) || hasFormula(i.scoreCell)) continue;
    out.push({
      cell: i.scoreCell,
      purpose: "score",
      label: i.name || i.level2,
      row: i.row,
      oldValue: i.scoreDeclared,
      oldText: fmt(i.scoreDeclared),
      newValue: i.scoreComputed,
      newText: fmt(i.scoreComputed),
    });
  }
  const f = report.funds;
  if (f && f.rate.cell && f.rate.computed !== null && f.rate.declared !== null && !hasFormula(f.rate.cell)) {
    const mismatch = report.findings.some((x) => x.code === "FUNDS_RATE_MISMATCH");
    if (mismatch)
      out.push({
        cell: f.rate.cell,
        purpose: "rate",
        label: "执行率",
        oldValue: f.rate.declared,
        oldText: pct(f.rate.declared),
        newValue: f.rate.computed,
        newText: pct(f.rate.computed),
      });
  }
  if (
    f &&
    f.score.cell &&
    f.score.computed !== null &&
    f.score.declared !== null &&
    !within(f.score.declared, f.score.computed, tol) &&
    !hasFormula(f.score.cell)
  ) {
    out.push({
      cell: f.score.cell,
      purpose: "score",
      label: "预算执行得分",
      oldValue: f.score.declared,
      oldText: fmt(f.score.declared),
      newValue: f.score.computed,
      newText: fmt(f.score.computed),
    });
  }
  const t = report.total;
  if (t.cell && t.declared !== null && !within(t.declared, t.computed, tol) && !hasFormula(t.cell)) {
    out.push({
      cell: t.cell,
      purpose: "total",
      label: "总分",
      oldValue: t.declared,
      oldText: fmt(t.declared),
      newValue: t.computed,
      newText: fmt(t.computed),
    });
  }
  const g = report.grade;
  if (g.cell && g.declared !== null && g.declared !== g.computed && !hasFormula(g.cell)) {
    const p = grid ? parseA1(g.cell) : null;
    const raw = p && grid ? valueAt(grid, p.row, p.col) : null;
    const old = typeof raw === "string" && raw.trim() ? raw : g.declared;
    const replaced = old.includes(g.declared) ? replaceLast(old, g.declared, g.computed) : g.computed;
    out.push({
      cell: g.cell,
      purpose: "grade",
      label: "等级",
      oldValue: old,
      oldText: old,
      newValue: safeText(replaced),
      newText: replaced,
    });
  }
  // In sheet order, as the user reads the table: funds first, 总分 and 等级 last.
  const at = (c: Correction) => parseA1(c.cell) ?? { row: 0, col: 0 };
  return out.sort((a, b) => at(a).row - at(b).row || at(a).col - at(b).col);
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
