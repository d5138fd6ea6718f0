/**
 * The word helpers every rule shares (each rule's phrases are in its module, engine/rules/), and why a row
 * needs an explanation (the scoring context keeps that reason, the guided card shows it).
 */
import { fmt, pct } from "./decimal";

export type Words = [zh: string, en: string];

/** A formula quoted in a message: long ones are cut, the message is about the missing value. */
export const shortFormula = (f: string) => (f.length > 60 ? `${f.slice(0, 60)}…` : f);

/** A name quoted in a message: “受众人数”. */
export const q = (name: string) => `“${name}”`;

/** Why a row needs an explanation, in both languages (shown on the guided card). */
export const why = {
  shortfall: (actual: string, target: string): Words => [
    `实际完成值${actual}未达到年度指标值${target}`,
    `actual ${actual} falls short of target ${target}`,
  ],
  reverseOver: (actual: string, target: string): Words => [
    `实际完成值${actual}超过了控制目标${target}`,
    `actual ${actual} exceeds the ceiling ${target}`,
  ],
  equalDiffers: (actual: string, target: string): Words => [
    `实际完成值${actual}不等于年度指标值${target}`,
    `actual ${actual} differs from target ${target}`,
  ],
  rangeOutside: (actual: string, target: string): Words => [
    `实际完成值${actual}不在指标区间${target}之内`,
    `actual ${actual} is outside the range ${target}`,
  ],
  band: (band: string): Words => [`实际完成情况为“${band}”`, `the outcome is "${band}"`],
  deduction: (declared: number, weight: number): Words => [
    `得分${fmt(declared)}低于分值${fmt(weight)}`,
    `the score ${fmt(declared)} is below the weight ${fmt(weight)}`,
  ],
  overshoot: (ratio: number): Words => [
    `超额完成（为指标值的${pct(ratio, 0)}）`,
    `over-achieved (${pct(ratio, 0)} of target)`,
  ],
};
