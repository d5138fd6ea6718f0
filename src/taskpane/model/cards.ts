/**
 * The findings as the pane shows them: one card per indicator row (or per subject: 预算执行, 总分与等级,
 * 分值), errors first, then what needs an explanation; rows with the same lone cause gathered into one
 * card; identical DIRECTION_INFERRED notes gathered into one line; cards the user reviewed (忽略) set
 * aside; and the verdict with three states. Pure: built from the report's data, tested without a DOM.
 */
import type {
  Correction,
  Finding,
  FindingCode,
  IndicatorReport,
  ReportPlace,
  Severity,
  SheetReport,
} from "../../engine";
import { noteKey } from "../store/store-helpers";
import { ignoreKey, readAsReverse } from "./finding-data";
import { groupSameCause } from "./groups";

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

export type CardKind = "indicator" | "funds" | "total" | "weights" | "group" | "report";

/** The 自评报告's prose against the table (a .docx): one card per paragraph, the outline on its own. */
export function isReportCode(code: FindingCode): boolean {
  return code.startsWith("REPORT_");
}

/** The key of the card that lists the report's missing sections. */
export const OUTLINE_CARD_KEY = "report-outline";

export interface Card {
  /** Stable across re-checks: "row-11", "funds", "total", "weights", "same-VALUE_MISSING-E". */
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
  /** What a 忽略 mark is kept under (set by buildCards). */
  ignoreKey: string;
  /** A group of rows with the same lone cause: their indicators, top to bottom. */
  rows?: IndicatorReport[];
  /** A report card (kind "report"): the paragraph of the 自评报告 it is about, when there is one. */
  paragraph?: ReportPlace;
}

export interface DirectionNotes {
  findings: Finding[];
  /** Rows read as "higher is better" (≥) and as "lower is better" (≤). */
  reverse: number;
}

export interface CardList {
  cards: Card[];
  /** Cards the user reviewed and set aside (忽略): out of the counts and the verdict. */
  ignored: Card[];
  direction: DirectionNotes | null;
}

function subjectOf(f: Finding, rows: Set<number>): { key: string; kind: CardKind } {
  // Prose before rows: a REPORT_ figure compared with a cell of an indicator row is still about the report.
  if (isReportCode(f.code)) {
    if (f.code === "REPORT_SECTION_MISSING") return { key: OUTLINE_CARD_KEY, kind: "report" };
    return { key: f.paragraph ? `report-p${f.paragraph.index}` : `report-${f.code}`, kind: "report" };
  }
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
  ignored: ReadonlySet<string> = new Set(),
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
        ignoreKey: "",
      };
      if (kind === "report" && key !== OUTLINE_CARD_KEY && f.paragraph) card.paragraph = f.paragraph;
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
    // 定位 goes to a cell: a report card's first finding may have none (a missing section).
    c.cell = c.findings.find((f) => f.cell)?.cell ?? "";
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
  // The report's cards after the table's, in the order of its paragraphs, the outline last.
  const order = (c: Card) =>
    c.kind === "report"
      ? 2e9 + (c.paragraph?.index ?? 1e6)
      : c.indicator
        ? c.indicator.row
        : c.kind === "funds"
          ? -2
          : c.kind === "weights"
            ? -1
            : (c.rows?.[0]?.row ?? 1e9);
  // Errors, then what must be explained before submitting, then the rest: 下一个 meets them in that order.
  const tier = (c: Card) => (c.severity === "error" ? 0 : needsExplaining(c) ? 1 : 1 + RANK[c.severity]);
  const all = groupSameCause([...map.values()]).sort((a, b) => tier(a) - tier(b) || order(a) - order(b));
  for (const c of all) c.ignoreKey = ignoreKey(c, report);
  return {
    cards: all.filter((c) => !ignored.has(c.ignoreKey)),
    ignored: all.filter((c) => ignored.has(c.ignoreKey)),
    direction: direction.length
      ? { findings: direction, reverse: direction.filter(readAsReverse).length }
      : null,
  };
}

/** A warning that asks for an explanation counts as 需说明 until explained (or marked for the report). */
export function needsExplaining(c: Card): boolean {
  if (c.severity === "error") return false;
  if (c.reportNote) return !c.reportNote.marked;
  return c.findings.some((f) => EXPLANATION_CODES.has(f.code));
}

/** The row still has no 偏差说明 (a text to write, or the 自评报告 mark to set). */
export function lacksExplanation(c: Card): boolean {
  if (c.reportNote) return !c.reportNote.marked;
  return c.needsText;
}

/** A card that stands between the table and 提交: an error, or a deviation still to explain. */
export function toHandle(c: Card): boolean {
  return c.severity === "error" || needsExplaining(c);
}

export type Verdict =
  | { kind: "errors"; n: number; explain: number }
  | { kind: "explain"; n: number }
  /** ignoredErrors: errors the clerk set aside (忽略); the pane still says so, a reviewer's check still finds them. */
  | { kind: "ok"; warnings: number; ignoredErrors?: number };

/**
 * One unit, one sentence: cards. 暂不能提交：还有 N 项要处理（其中 M 项缺偏差说明）/ 无错误，但有 N 项需说明 /
 * 可以提交. N counts the cards 下一个 steps through; M those of them still without an explanation.
 */
export function verdictOf(cards: Card[], ignored: Card[] = []): Verdict {
  const handle = cards.filter(toHandle);
  if (handle.some((c) => c.severity === "error"))
    return { kind: "errors", n: handle.length, explain: handle.filter(lacksExplanation).length };
  if (handle.length > 0) return { kind: "explain", n: handle.length };
  const ignoredErrors = ignored.filter((c) => c.severity === "error").length;
  return {
    kind: "ok",
    warnings: cards.filter((c) => c.severity === "warning" && !c.reportNote?.marked).length,
    ...(ignoredErrors > 0 ? { ignoredErrors } : {}),
  };
}

/** Counts by severity for the header: findings, as the export and the CLI count them. */
export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}
