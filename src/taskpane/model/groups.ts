/**
 * Same cause, one card: rows whose only finding is the same code in the same column (seven rows with
 * an empty 年度指标值) become one card listing the rows, instead of seven near-identical cards. A row
 * with anything else to do (a correction, an explanation to write, a second problem) keeps its own card.
 */
import type { Card } from "./cards";
import { columnOf } from "./finding-data";

/** Fewer than this many alike rows stay as they are: two cards read fine, seven do not. */
export const GROUP_MIN = 3;

function causeKey(c: Card): string | null {
  if (c.kind !== "indicator" || !c.indicator || c.needsText || c.reportNote || c.corrections.length > 0)
    return null;
  const codes = new Set(c.findings.map((f) => f.code));
  const cols = new Set(c.findings.map((f) => columnOf(f.cell)));
  if (codes.size !== 1 || cols.size !== 1) return null;
  return `${c.findings[0].code}-${[...cols][0]}-${c.severity}`;
}

export function groupSameCause(cards: Card[]): Card[] {
  const byCause = new Map<string, Card[]>();
  for (const c of cards) {
    const k = causeKey(c);
    if (k) byCause.set(k, [...(byCause.get(k) ?? []), c]);
  }
  const grouped = new Map<Card, Card>();
  for (const [k, members] of byCause) {
    if (members.length < GROUP_MIN) continue;
    const sorted = [...members].sort((a, b) => a.indicator!.row - b.indicator!.row);
    const group: Card = {
      key: `same-${k.slice(0, k.lastIndexOf("-"))}`,
      kind: "group",
      indicator: null,
      findings: sorted.flatMap((c) => c.findings),
      severity: sorted[0].severity,
      needsText: false,
      reportNote: null,
      corrections: [],
      cell: sorted[0].cell,
      ignoreKey: "",
      rows: sorted.map((c) => c.indicator!),
    };
    for (const c of members) grouped.set(c, group);
  }
  const out: Card[] = [];
  const placed = new Set<Card>();
  for (const c of cards) {
    const g = grouped.get(c);
    if (!g) out.push(c);
    else if (!placed.has(g)) {
      placed.add(g);
      out.push(g);
    }
  }
  return out;
}
