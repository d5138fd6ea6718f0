/**
 * Everything the pane reads out of a finding beyond its code, cell and row, in one place: from the
 * finding's typed `data`, never from its message text.
 */
import type { Finding, SheetReport } from "../../engine";
import { dataOf } from "../../engine";
import type { Card } from "./cards";

/** A DIRECTION_INFERRED note that read the row as "lower is better" (≤). */
export function readAsReverse(f: Finding): boolean {
  return dataOf(f, "DIRECTION_INFERRED")?.reverse === true;
}

/** The sheet column of an A1 address ("E14" → "E"). */
export function columnOf(cell: string): string {
  return /^[A-Z]+/i.exec(cell)?.[0].toUpperCase() ?? "";
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, no crypto needed (it tells data apart, not secrets). */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** The numbers and words a card's findings were made from: when any changes, a review no longer holds. */
function relevantData(card: Card, report: SheetReport): unknown {
  const ind = card.indicator;
  if (ind)
    return [
      ind.name,
      ind.target,
      ind.actual,
      ind.weight,
      ind.scoreDeclared,
      ind.scoreComputed,
      ind.explanation,
    ];
  if (card.kind === "funds" && report.funds) {
    const f = report.funds;
    return [f.budget, f.spent, f.weight, f.rate.declared, f.score.declared];
  }
  if (card.kind === "total") return [report.total.declared, report.total.computed, report.grade.declared];
  // The prose: what each finding says names its numbers and the paragraph.
  if (card.kind === "report")
    return card.findings.map((f) => [f.code, f.paragraph?.opening ?? "", f.message]);
  if (card.kind === "weights") return report.categories.map((c) => [c.name, c.declaredWeight, c.weightSum]);
  // A group: the rows it lists, by their names and the cells concerned.
  return card.findings.map((f) => {
    const i = report.indicators.find((x) => x.row === f.row);
    return [f.cell, i?.name ?? "", i?.target ?? "", i?.actual ?? ""];
  });
}

/**
 * The key a reviewed (忽略) card is kept under: sheet, codes, cells and a hash of the data behind them,
 * never its place in the list, so it survives a re-check and lapses when the numbers change.
 */
export function ignoreKey(card: Card, report: SheetReport): string {
  const codes = [...new Set(card.findings.map((f) => f.code))].sort().join("+");
  const cells = [...new Set(card.findings.map((f) => f.cell))].sort().join(",");
  return `${report.sheet}!${codes}@${cells}#${hash(JSON.stringify(relevantData(card, report)))}`;
}
