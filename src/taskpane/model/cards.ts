/**
 * The findings as the pane shows them: one card per indicator row (or per subject: 预算执行, 总分与等级,
 * 分值), errors first; identical DIRECTION_INFERRED notes gathered into one line; and the verdict with
 * three states. Pure: built from the report's data (codes, numbers, cells), tested without a DOM.
 */
import type { Correction, Finding, FindingCode, IndicatorReport, Severity, SheetReport } from "../../engine";
import { dataOf } from "../../engine";
import { noteKey } from "../store/store-helpers";

/** Findings that an explanation written in the row's 偏差原因 cell settles. */
export const EXPLANATION_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "EXPLANATION_MISSING",
  "EXPLANATION_TOO_SHORT",
  "SCORE_DEDUCTION_UNEXPLAINED",
  "OVER_TARGET",
]);

/** The budget-execution warning that can be settled by "已在自评报告中说明". */
export const REPORT_NOTE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(["FUNDS_LOW_EXECUTION"]);

const FUNDS_CODES = new Set<string>([
  "FUNDS_RATE_MISMATCH",
  "FUNDS_SCORE_MISMATCH",
  "FUNDS_SUBTOTAL_MISMATCH",
  "FUNDS_LOW_EXECUTION",
  "FUNDS_OVERSPENT",
]);
const TOTAL_CODES = new Set<string>(["TOTAL_MISMATCH", "GRADE_MISMATCH", "GRADE_CHANGES_ON_RECALC"]);
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type CardKind = "indicator" | "funds" | "total" | "weights";

export interface Card {
  /** Stable across re-checks: "row-11", "funds", "total", "weights". */
  key: string;
  kind: CardKind;
  indicator: IndicatorReport | null;
  findings: Finding[];
  severity: Severity;
  /** The row still needs its 偏差原因 written (an explanation finding is open) and has a cell for it. */
  needsText: boolean;
  /** The explanation can only go into the 自评报告 (funds) or is marked so there. */
  reportNote: { key: string; marked: boolean } | null;
  /** Corrections that belong to this card (更正为 X). */
  corrections: Correction[];
  /** The cell 定位 selects: the first finding's. */
  cell: string;
}

export interface DirectionNotes {
  findings: Finding[];
  /** Rows read as "higher is better" (≥) and as "lower is better" (≤). */
  reverse: number;
}

export interface CardList {
  cards: Card[];
  direction: DirectionNotes | null;
}

function subjectOf(f: Finding, rows: Set<number>): { key: string; kind: CardKind } {
  if (f.row !== undefined && rows.has(f.row) && !FUNDS_CODES.has(f.code))
    return { key: `row-${f.row}`, kind: "indicator" };
  if (FUNDS_CODES.has(f.code)) return { key: "funds", kind: "funds" };
  if (TOTAL_CODES.has(f.code)) return { key: "total", kind: "total" };
  return { key: "weights", kind: "weights" };
}

export function buildCards(
  report: SheetReport,
  fixes: Correction[],
  notes: ReadonlySet<string> = new Set(),
): CardList {
  const byRow = new Map(report.indicators.map((i) => [i.row, i]));
  const rows = new Set(byRow.keys());
  const direction = report.findings.filter((f) => f.code === "DIRECTION_INFERRED");
  const map = new Map<string, Card>();
  for (const f of report.findings) {
    if (f.code === "DIRECTION_INFERRED") continue;
    const { key, kind } = subjectOf(f, rows);
    let card = map.get(key);
    if (!card) {
      card = {
        key,
        kind,
        indicator: kind === "indicator" ? (byRow.get(f.row!) ?? null) : null,
        findings: [],
        severity: f.severity,
        needsText: false,
        reportNote: null,
        corrections: [],
        cell: f.cell,
      };
      map.set(key, card);
    }
    card.findings.push(f);
    if (RANK[f.severity] < RANK[card.severity]) card.severity = f.severity;
    if (EXPLANATION_CODES.has(f.code) && card.indicator?.explanationCell) card.needsText = true;
    if (REPORT_NOTE_CODES.has(f.code)) {
      const k = noteKey(report.sheet, f);
      card.reportNote = { key: k, marked: notes.has(k) };
    }
  }
  for (const c of map.values()) {
    c.findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    c.cell = c.findings[0].cell;
    c.corrections = fixes.filter((x) =>
      c.kind === "indicator"
        ? x.row === c.indicator?.row && x.purpose === "score"
        : c.kind === "funds"
          ? x.purpose === "rate" || (x.purpose === "score" && x.row === undefined && x.label !== "总分")
          : c.kind === "total"
            ? x.purpose === "total" || x.purpose === "grade"
            : false,
    );
  }
  const order = (c: Card) =>
    c.indicator ? c.indicator.row : c.kind === "funds" ? -2 : c.kind === "weights" ? -1 : 1e9;
  const cards = [...map.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity] || order(a) - order(b));
  return {
    cards,
    direction: direction.length
      ? {
          findings: direction,
          reverse: direction.filter((f) => dataOf(f, "DIRECTION_INFERRED")?.reverse).length,
        }
      : null,
  };
}

/** A warning that asks for an explanation counts as 需说明 until explained (or marked for the report). */
export function needsExplaining(c: Card): boolean {
  if (c.severity === "error") return false;
  if (c.reportNote) return !c.reportNote.marked;
  return c.findings.some((f) => EXPLANATION_CODES.has(f.code));
}

export type Verdict =
  { kind: "errors"; n: number } | { kind: "explain"; n: number } | { kind: "ok"; warnings: number };

/** 有错误（N 项）/ 无错误，但有 N 项需说明 / 可以提交. Counted by card: one row is one thing to fix. */
export function verdictOf(cards: Card[]): Verdict {
  const errors = cards.filter((c) => c.severity === "error").length;
  if (errors > 0) return { kind: "errors", n: errors };
  const explain = cards.filter(needsExplaining).length;
  if (explain > 0) return { kind: "explain", n: explain };
  return {
    kind: "ok",
    warnings: cards.filter((c) => c.severity === "warning" && !c.reportNote?.marked).length,
  };
}

/** Counts by severity for the header: findings, as the export and the CLI count them. */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}
