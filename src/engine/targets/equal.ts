/**
 * Whether two written targets mean the same (docs/spec/targets.md §3): both go through the engine's value
 * parser, so "≧ 95 %" and "≥95%", "1000亩" and "1,000亩", "50万元" and "500000元" are one target. A bare
 * number has no written direction and agrees with either. A quantified target reported as words is a
 * change; qualitative wording is never reported (rephrasing is common and is not a lowered target).
 */
import Big from "big.js";
import { convertUnit, formatParsed, type ParsedValue } from "../values";
import { normalizeText } from "../values/normalize";
import type { Operator } from "../values/operator";

export type TargetChange = "value" | "direction" | "unit" | "kind";

type Num = Extract<ParsedValue, { kind: "number" }>;

const SIDE: Record<Operator, "up" | "down" | "exact"> = {
  ge: "up",
  gt: "up",
  le: "down",
  lt: "down",
  eq: "exact",
};

function same(a: number, b: number): boolean {
  try {
    return new Big(a)
      .minus(b)
      .abs()
      .lte(new Big(Math.max(Math.abs(a), Math.abs(b), 1)).times(1e-9));
  } catch {
    return false;
  }
}

/** A bare fraction beside a percentage ("95%" and 0.95): the percentage it stands for. */
function asPercent(x: Num, other: Num): Num {
  if (x.unit !== null || other.unit !== "%" || Math.abs(x.value) > 1) return x;
  if (x.hi !== null && Math.abs(x.hi) > 1) return x;
  const times = (n: number) => new Big(n).times(100).toNumber();
  return { ...x, value: times(x.value), hi: x.hi === null ? null : times(x.hi), unit: "%" };
}

/** b expressed in a's unit, or null when the units are of different kinds. A missing unit agrees. */
function inUnitOf(a: Num, b: Num): Num | null {
  if (a.unit === b.unit || a.unit === null || b.unit === null) return b;
  const value = convertUnit(b.value, b.unit, a.unit);
  const hi = b.hi === null ? null : convertUnit(b.hi, b.unit, a.unit);
  if (value === null || (b.hi !== null && hi === null)) return null;
  return { ...b, value, hi, unit: a.unit };
}

/** null when the targets mean the same (or cannot be told apart); otherwise what changed. */
export function targetChange(approved: ParsedValue, current: ParsedValue): TargetChange | null {
  if (approved.kind === "empty" || approved.kind === "error") return null;
  if (current.kind === "empty" || current.kind === "error") return null;
  // Words approved, a number reported: made more exact, not lowered; nothing to say.
  if (approved.kind === "text") return null;
  if (current.kind === "text") return "kind";
  const a0 = approved as Num;
  const b0 = current as Num;
  if (a0.op !== null && b0.op !== null && SIDE[a0.op] !== SIDE[b0.op]) return "direction";
  // 0.95 against 95 % is the fraction, unless it is the same number either way (a bare 1 against 1 %).
  const a = a0.unit === null && b0.unit === "%" && !same(a0.value, b0.value) ? asPercent(a0, b0) : a0;
  const b1 = b0.unit === null && a0.unit === "%" && !same(a0.value, b0.value) ? asPercent(b0, a0) : b0;
  const b = inUnitOf(a, b1);
  if (b === null) return "unit";
  if ((a.hi === null) !== (b.hi === null)) return "value";
  if (!same(a.value, b.value)) return "value";
  if (a.hi !== null && b.hi !== null && !same(a.hi, b.hi)) return "value";
  return null;
}

/** The target as the table writes it, for messages: the cell's own text, trimmed; else the parsed form. */
export function shownTarget(text: string, parsed: ParsedValue): string {
  const t = normalizeText(text ?? "").trim();
  return t || formatParsed(parsed);
}
