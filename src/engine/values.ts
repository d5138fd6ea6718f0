/**
 * Parsing of 年度指标值 (target) and 实际完成值 (actual): operators, numbers, units, percentages,
 * ranges and qualitative words. See scoring-rules.md §1 and §3.
 * (Contract written first; implementation in progress.)
 */
import type { CellValue } from "./grid";
import type { QualBand } from "./types";

export type Operator = "ge" | "gt" | "le" | "lt" | "eq";

/** What a parser gets from one cell. */
export interface CellInput {
  value: CellValue;
  /** Display text, e.g. "78.25%" for 0.7825 with a % format. */
  text: string;
  /** Number format, e.g. "0.00%". */
  format: string | null;
}

export type ParsedValue =
  /** A quantity. Percentages are in percent (93 % → value 93, unit "%"). Money stays in the written unit. */
  | {
      kind: "number";
      /** Explicit operator (≥, 不低于 …, ≤ …, =), or null for a bare number. */
      op: Operator | null;
      /** The number (for a range, the low end). */
      value: number;
      /** High end of a range (80-90% → value 80, hi 90), else null. */
      hi: number | null;
      /** Normalised unit: "%", "万元", "元", "亿元", "个", "次", "人", "亩", "天" … or null. */
      unit: string | null;
    }
  /** Qualitative text (及时, 合规, 部分达成 …), trimmed. */
  | { kind: "text"; text: string }
  /** Empty cell, or only whitespace / a dash placeholder. */
  | { kind: "empty" }
  /** A spreadsheet error value (#DIV/0!, #VALUE! …). */
  | { kind: "error"; text: string };

/** Parses a target, optionally from split 指标性质 / 指标值 / 度量单位 columns. */
export function parseTarget(_cell: CellInput, _split?: { nature?: CellInput | null; unit?: CellInput | null }): ParsedValue {
  throw new Error("not implemented");
}

/**
 * Parses an actual in the light of its target: inherits the target's unit when it has none,
 * converts 元/万元/亿元 to the target's money unit, and reads a bare ≤ 1 as a fraction when the
 * target is a percentage (0.93 → 93). Qualitative actuals come back as text.
 */
export function parseActual(_cell: CellInput, _target: ParsedValue): ParsedValue {
  throw new Error("not implemented");
}

/** Parses a plain number cell (分值, 得分, 全年预算数 …): numbers, "1,200", full-width digits, "10分". */
export function parseNumber(_cell: CellInput): number | null {
  throw new Error("not implemented");
}

/**
 * The band a qualitative actual means (scoring-rules.md §3), negations first; equal to the target
 * text means 达成. null when it fits no band.
 */
export function classifyQualitative(_actual: string, _target: string): QualBand | null {
  throw new Error("not implemented");
}

/** True when a bare number under this indicator is 越小越好 (成本指标, or named 成本/费用/单价/事故/…). */
export function inferReverse(_name: string, _level1: string, _level2: string): boolean {
  throw new Error("not implemented");
}

/** True when an explanation text is blank or a placeholder (无, 暂无, 无偏差, 略, 同上, /, -, —, 0). */
export function isPlaceholder(_text: string): boolean {
  throw new Error("not implemented");
}
