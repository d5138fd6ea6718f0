/**
 * Decimal arithmetic for every figure that is rounded or compared. Binary floating point must never
 * decide a boundary: 7.825 → 7.83 and 89.995 → 90.00 (scoring-rules.md §5).
 */
import Big from "big.js";

// big.js's defaults are what we need and are left alone (other code in a bundle may use big.js too):
// DP 20 places for quotients such as 1439.13 / 1839.1, and RM half-up; every rounding here names its mode.

export type Dec = Big;

/** A number as the decimal it prints as (0.1 → "0.1", not 0.1000000000000000055…). */
export function dec(x: number | string | Big): Big {
  return x instanceof Big ? x : new Big(x);
}

/** Half-up rounding to `dp` places, back to a number. */
export function roundTo(x: number | Big, dp: number): number {
  return dec(x).round(dp, Big.roundHalfUp).toNumber();
}

/** Half-up to 2 places: the precision of every score. */
export function round2(x: number | Big): number {
  return roundTo(x, 2);
}

/**
 * |a − b| ≤ tol, decided in decimal. Both sides are first rounded to 9 places: values a spreadsheet
 * computed (SUM → 97.83000000000001) carry binary noise that must not decide a comparison.
 */
export function within(a: number, b: number, tol: number): boolean {
  return dec(a).round(9).minus(dec(b).round(9)).abs().lte(dec(tol));
}

/**
 * Exact decimal sum. Scores and weights have a few decimals, so they are summed as integers in
 * millionths (exact, and as fast as plain addition); anything finer goes through big.js.
 */
export function sum(xs: (number | null | undefined)[]): number {
  let scaled = 0;
  for (const x of xs) {
    if (typeof x !== "number" || !Number.isFinite(x)) continue;
    const m = x * 1e6;
    const k = Math.round(m);
    if (Math.abs(k - m) > 1e-3 || Math.abs(k) > 1e15) return bigSum(xs);
    scaled += k;
  }
  // Both integers are exact, and IEEE division rounds correctly: the nearest double to the decimal.
  return Math.abs(scaled) < 9e15 ? scaled / 1e6 : bigSum(xs);
}

function bigSum(xs: (number | null | undefined)[]): number {
  let s = new Big(0);
  for (const x of xs) if (typeof x === "number" && Number.isFinite(x)) s = s.plus(dec(x));
  return s.toNumber();
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/** Number of decimals a number prints with (0.7825 → 4, 10 → 0). */
export function decimalsOf(x: number | string): number {
  const s = dec(x).toFixed();
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

/** A score or weight as a user reads it: at most 2 decimals, no trailing zeros ("7.83", "10"). */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return dec(roundTo(x, 2))
    .toFixed()
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

/** A fraction as a percentage with `dp` places (0.782519 → "78.25%"). */
export function pct(fraction: number | Big, dp = 2): string {
  if (typeof fraction === "number" && !Number.isFinite(fraction)) return "—";
  return dec(fraction).times(100).round(dp, Big.roundHalfUp).toFixed(dp) + "%";
}
