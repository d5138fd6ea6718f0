/**
 * The cards of the 对照申报表 / 对照上年 findings (issue 20). Findings with a row already land on their
 * indicator's card; INDICATOR_MISSING has no row in this table (the indicator is what is missing), so
 * it gets one table-level card naming each missing indicator and its approved target. Pure.
 */
import type { Finding } from "../../engine";
import type { Card, CardList } from "./cards";

export const MISSING_CARD_KEY = "targets-missing";

interface MissingData {
  indicator?: unknown;
  approvedTarget?: unknown;
}

function dataOf(f: Finding): MissingData {
  const d = (f as { data?: unknown }).data;
  return d && typeof d === "object" ? (d as MissingData) : {};
}

/** The missing indicators of a card, each with its approved target. */
export function missingIndicators(card: Card): { indicator: string; target: string }[] {
  return card.findings
    .filter((f) => f.code === "INDICATOR_MISSING")
    .map((f) => {
      const d = dataOf(f);
      return { indicator: String(d.indicator ?? ""), target: String(d.approvedTarget ?? "") };
    });
}

/** Moves every INDICATOR_MISSING finding (which buildCards puts on the 分值 card) onto one card of its own. */
export function withMissingCard(list: CardList): CardList {
  const missing: Finding[] = [];
  const cards: Card[] = [];
  for (const c of list.cards) {
    const rest = c.findings.filter((f) => f.code !== "INDICATOR_MISSING");
    missing.push(...c.findings.filter((f) => f.code === "INDICATOR_MISSING"));
    if (rest.length === c.findings.length) cards.push(c);
    else if (rest.length > 0) {
      const severity = rest.some((f) => f.severity === "error")
        ? "error"
        : rest.some((f) => f.severity === "warning")
          ? "warning"
          : "info";
      cards.push({ ...c, findings: rest, severity, cell: rest[0].cell });
    }
  }
  if (missing.length === 0) return list;
  const card: Card = {
    key: MISSING_CARD_KEY,
    kind: "weights",
    indicator: null,
    findings: missing,
    severity: "error",
    needsText: false,
    reportNote: null,
    corrections: [],
    cell: missing[0].cell,
    // Not offered for 忽略: the key only has to be stable for the list.
    ignoreKey: MISSING_CARD_KEY,
  };
  // Errors come first; the table-level card leads them, as the whole table is concerned.
  return { ...list, cards: [card, ...cards] };
}
