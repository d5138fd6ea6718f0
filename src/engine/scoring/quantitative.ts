/**
 * The quantitative formulas of scoring-rules.md §3 (positive, reverse, equal, range), in decimal.
 */
import type Big from "big.js";
import type { Direction, Profile } from "../types";
import { dec, fmt, round2 } from "../decimal";
import type { ParsedValue } from "../values";

type Num = Extract<ParsedValue, { kind: "number" }>;

/** The quantitative formulas of scoring-rules.md §3, in decimal, clamped to [0, W] and rounded half-up. */
export function quantitativeScore(
  direction: Direction,
  target: Num,
  B: number,
  W: number,
  profile: Profile,
): { score: number; met: boolean; basisZh: string; basisEn: string } {
  const A = target.value;
  // Comparing two parsed numbers is exact; only the arithmetic needs decimals.
  const full = (zh: string, en: string) => ({ score: W, met: true, basisZh: zh, basisEn: en });
  const none = (zh: string, en: string) => ({ score: 0, met: false, basisZh: zh, basisEn: en });
  const partial = (raw: Big, zh: string, en: string) => ({
    score: raw.lt(0) ? 0 : Math.min(round2(raw), W),
    met: false,
    basisZh: zh,
    basisEn: en,
  });
  const w = () => dec(W);
  switch (direction) {
    case "positive":
    case "equal":
      if (direction === "equal" && A === 0) {
        return B <= 0
          ? full("实际值等于0，得满分", "actual is 0: full marks")
          : none("指标值为0而实际值大于0，不得分", "target is 0 and actual is above it: no marks");
      }
      if (B >= A || A <= 0) return full("已达到指标值，得满分", "target met: full marks");
      return partial(
        w().times(B).div(A),
        `分值${fmt(W)}×实际值${fmt(B)}÷指标值${fmt(A)}`,
        `weight ${fmt(W)} × actual ${fmt(B)} ÷ target ${fmt(A)}`,
      );
    case "reverse":
      if (B <= A) return full("未超过控制目标，得满分", "within the ceiling: full marks");
      if (A <= 0)
        return none("控制目标为0而实际值超过，不得分", "ceiling is 0 and actual exceeds it: no marks");
      if (profile.reverseFormula === "linear") {
        return partial(
          w().times(dec(1).minus(dec(B).minus(A).div(A))),
          `分值${fmt(W)}×(1−(实际值${fmt(B)}−指标值${fmt(A)})÷指标值${fmt(A)})`,
          `weight ${fmt(W)} × (1 − (actual ${fmt(B)} − target ${fmt(A)}) ÷ target ${fmt(A)})`,
        );
      }
      return partial(
        w().times(A).div(B),
        `分值${fmt(W)}×指标值${fmt(A)}÷实际值${fmt(B)}`,
        `weight ${fmt(W)} × target ${fmt(A)} ÷ actual ${fmt(B)}`,
      );
    case "range": {
      const lo = A;
      const hi = target.hi ?? A;
      if (B < lo)
        return partial(
          lo > 0 ? w().times(B).div(lo) : dec(0),
          `分值${fmt(W)}×实际值${fmt(B)}÷区间下限${fmt(lo)}`,
          `weight ${fmt(W)} × actual ${fmt(B)} ÷ lower bound ${fmt(lo)}`,
        );
      if (B > hi)
        return partial(
          B > 0 ? w().times(hi).div(B) : dec(0),
          `分值${fmt(W)}×区间上限${fmt(hi)}÷实际值${fmt(B)}`,
          `weight ${fmt(W)} × upper bound ${fmt(hi)} ÷ actual ${fmt(B)}`,
        );
      return full("在指标区间之内，得满分", "inside the range: full marks");
    }
  }
}
