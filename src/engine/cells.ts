/** Small readers over SourceCell shared by the scoring modules. */
import type { SourceCell } from "./types";
import { parseNumber, type CellInput } from "./values";
import { say, type Words } from "./messages";

export function input(c: SourceCell): CellInput {
  return { value: c.value, text: c.text, format: c.format };
}

export function isBlank(c: SourceCell | null): boolean {
  if (!c) return true;
  return c.value === null || (typeof c.value === "string" && c.value.trim() === "");
}

/** A number cell: the number, "missing" when blank, "text" when it holds something else. */
export function readNumber(
  c: SourceCell | null,
): { kind: "number"; value: number } | { kind: "missing" } | { kind: "text"; text: string } {
  if (!c || isBlank(c)) return { kind: "missing" };
  const n = parseNumber(input(c));
  if (n === null || !Number.isFinite(n)) return { kind: "text", text: c.text || String(c.value) };
  return { kind: "number", value: n };
}

export function numberOrNull(c: SourceCell | null): number | null {
  const r = readNumber(c);
  return r.kind === "number" ? r.value : null;
}

/** A cell's text as the user wrote it, trimmed. */
export function textOf(c: SourceCell | null): string {
  if (!c) return "";
  return (c.text || (c.value === null ? "" : String(c.value))).trim();
}

/**
 * The words for a blank cell the rules need (分值, 得分, 实际完成值, 预算): `plain`, unless the cell is a
 * formula the file never calculated; then asking to fill it in would be wrong, so the words say that
 * the formula has no value and how to get one.
 */
/** The words of a VALUE_MISSING finding: "X 为空", or the uncalculated-formula words where that is why. */
export function missingWords(c: SourceCell | null, name: string, what: string, whatEn: string): Words {
  return blankWords(c, name, what, whatEn, say.valueMissing(name, what, whatEn));
}

export function blankWords(
  c: SourceCell | null,
  name: string,
  what: string,
  whatEn: string,
  plain: Words,
): Words {
  return c?.uncalculated && c.formula
    ? say.formulaUncalculated(name, what, whatEn, c.cell, c.formula)
    : plain;
}
