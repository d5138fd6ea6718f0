/**
 * The one number reader of the engine: every cell or label that should hold a plain number (分值, 得分,
 * 预算数, 执行率, "产出指标（50分）", the digits of a quantity) is read here, so "1,200", full-width digits,
 * "10分" and "78.25%" mean the same thing wherever they are written.
 */
import Big from "big.js";
import type { CellValue } from "../grid";
import { compact, isSpreadsheetError, normalizeText, stripThousands } from "./normalize";
import { convertUnit } from "./units";

/** Digits as a regex captured them ("12", "-3.5", ".5"): the number, or null when not finite. */
export function decimalOf(digits: string): number | null {
  const n = Number(digits);
  return digits.trim() !== "" && Number.isFinite(n) ? n : null;
}

/** What a number reader gets from one cell. */
export interface NumberCell {
  value: CellValue;
  /** Display text, e.g. "78.25%" for 0.7825 with a % format. */
  text: string;
}

function cellString(cell: NumberCell): string {
  const v = cell?.value;
  if (typeof v === "string") return v;
  return typeof cell?.text === "string" ? cell.text : "";
}

/**
 * Parses a plain number cell (分值, 得分, 全年预算数, 执行率 …): numbers, "1,200", full-width digits,
 * "10分", "7.83 分", "1,200万元", "¥1200".
 *
 * Percentages come back as FRACTIONS: the text "78.25%" → 0.7825, "5‰" → 0.005, just as a number cell
 * 0.7825 with a "0.00%" format → 0.7825 (its value). 执行率 cells are compared as fractions of 1.
 * Booleans, empty cells, errors and prose → null.
 */
export function parseNumber(cell: NumberCell): number | null {
  const v = cell?.value ?? null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return null;
  const raw = cellString(cell).trim();
  if (raw === "" || isSpreadsheetError(raw)) return null;
  const s = compact(stripThousands(normalizeText(raw))).replace(/^(¥|RMB)/, "");
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(分|元|千元|万元|亿元|%|‰)?$/.exec(s);
  if (!m) return null;
  const n = decimalOf(m[1]);
  if (n === null) return null;
  if (m[2] === "%") return new Big(m[1]).div(100).toNumber();
  if (m[2] === "‰") return new Big(m[1]).div(1000).toNumber();
  return n;
}

/** Points in a weight cell: 50, "50", "50分" — nothing else (no percentages, no money). */
export function readPoints(value: CellValue, normalized: (s: string) => string): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") {
    const m = /^\s*(\d+(?:\.\d+)?)\s*分?\s*$/.exec(normalized(value));
    if (m) return decimalOf(m[1]);
  }
  return null;
}

/** The points written in a label: "产出指标(50分)", "绩效指标90分" → 50, 90 (text already normalised). */
export function pointsInLabel(normalized: string): number | null {
  const m = /\((\d+(?:\.\d+)?)分\)/.exec(normalized) ?? /(\d+(?:\.\d+)?)分\)?$/.exec(normalized);
  return m ? decimalOf(m[1]) : null;
}

/**
 * Money written with its unit in a cell of the funds block ("150万", "125.25万元"): the number, which the
 * clerk meant in the block's own unit. Null for anything else.
 */
export function readMoneyText(text: string): number | null {
  const m = /^\s*(-?\d[\d,]*(?:\.\d+)?)\s*(万元|万)\s*$/.exec(text);
  return m ? decimalOf(m[1].replace(/,/g, "")) : null;
}

/**
 * Money text with a unit written in ("21.55万", "1,200元", "0.3亿元") in a block measured in `blockUnit`
 * (元, 千元, 万元, 亿元): the amount in the block's unit — "21.55万" in a 元 block is 215,500. With the
 * block's unit unknown, the number as written (the clerk meant the block's unit). Null when the text is
 * not a number with a money unit.
 */
export function moneyInUnit(text: string, blockUnit: string | null): number | null {
  const s = compact(stripThousands(normalizeText(text)));
  const m = /^(-?\d+(?:\.\d+)?)(元|千元|万元|万|亿元|亿)$/.exec(s);
  if (!m) return null;
  const n = decimalOf(m[1]);
  if (n === null) return null;
  if (blockUnit === null) return n;
  const from = m[2] === "万" ? "万元" : m[2] === "亿" ? "亿元" : m[2];
  return convertUnit(n, from, blockUnit) ?? n;
}
