/** One LAYOUT_ASSUMED info per table and kind of assumption (the first place it was made). */
import type { Finding, LayoutAssumption } from "../types";
import { raise } from "../finding";
import { R } from "../rules/raise";

export function assumedFindings(assumptions: LayoutAssumption[] | undefined): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const a of assumptions ?? []) {
    if (seen.has(a.kind)) continue;
    seen.add(a.kind);
    out.push(raise(R.layoutAssumed, a.cell, a));
  }
  return out;
}
