/**
 * Qualitative indicators (scoring-rules.md §3): the band of the actual (达成 / 部分达成 / 未达成) and the
 * score interval each band allows.
 */
import type { Profile, QualBand } from "../types";
import { clamp, dec, round2 } from "../decimal";
import { classifyQualitative } from "../values";
import { why } from "../messages";
import type { ParsedIndicator } from "../table/parse";
import type { Outcome, WeightAndScore } from "./outcome-types";

const BAND_ORDER: QualBand[] = ["达成", "部分达成", "未达成"];

/** A band's score interval; open upper bounds become bound − 0.01 (scoring-rules.md §3). */
export function bandBounds(band: QualBand, W: number, profile: Profile): [number, number] {
  // A table has a handful of distinct weights; the decimal work is done once per (profile, band, W).
  let memo = boundsMemo.get(profile);
  if (!memo) boundsMemo.set(profile, (memo = new Map()));
  const key = `${band}|${W}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const bounds = computeBandBounds(band, W, profile);
  memo.set(key, bounds);
  return bounds;
}

const boundsMemo = new WeakMap<Profile, Map<string, [number, number]>>();

function computeBandBounds(band: QualBand, W: number, profile: Profile): [number, number] {
  const [a, b] = profile.qualBands[band];
  const lo = Math.min(round2(dec(W).times(a)), W);
  const top = Math.min(round2(dec(W).times(b)), W);
  return [lo, band === "达成" || b >= 1 ? top : Math.max(lo, round2(dec(top).minus(0.01)))];
}

export function qualitative(p: ParsedIndicator, ws: WeightAndScore, profile: Profile): Outcome {
  const { W, S } = ws;
  const actual = p.actual.value;
  const actualText = p.actual.text;
  // The target's own words ("及时", "有效"), which the band reading may lean on.
  const targetText = p.target.value.kind === "text" ? p.target.value.text : "";
  const base: Outcome = {
    kind: "qualitative",
    direction: null,
    directionInferred: false,
    band: null,
    ratio: null,
    reaches: () => false,
    computed: null,
    shortfall: null,
    met: false,
    basis: ["", ""],
  };
  if (actual.kind === "empty") return { ...base, stop: { why: "actual-blank", cell: p.actual.cell } };
  const band = classifyQualitative(actualText, targetText);
  if (!band) return { ...base, stop: { why: "unclassified", cell: p.actual.cell } };
  let computed: number | null = null;
  if (W !== null) {
    const [lo, hi] = bandBounds(band, W, profile);
    computed = S === null ? hi : Math.min(round2(clamp(S, lo, hi)), hi);
  }
  return {
    ...base,
    band,
    computed,
    met: band === "达成",
    shortfall: BAND_ORDER.indexOf(band) > 0 ? why.band(band) : null,
    basis: [`“${band}”档`, `band "${band}"`],
  };
}
