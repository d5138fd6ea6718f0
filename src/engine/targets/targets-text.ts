/** A target cell (with its split 指标性质 / 度量单位 cells) parsed once and shown as the table writes it. */
import { formatParsed, parseTarget, type ParsedValue } from "../values";
import type { SourceCell } from "../types";
import { normalizeText } from "../values/normalize";

export interface ReadTarget {
  parsed: ParsedValue;
  /** For messages: the cell's text, or the parsed form when split columns add an operator or unit. */
  shown: string;
}

export function readTarget(
  target: SourceCell,
  nature: SourceCell | null,
  unit: SourceCell | null,
): ReadTarget {
  const split = nature || unit ? { nature, unit } : undefined;
  const parsed = parseTarget(target, split);
  const own = normalizeText(String(target.text ?? "")).trim();
  const shown = split && parsed.kind === "number" ? formatParsed(parsed) : own || formatParsed(parsed);
  return { parsed, shown };
}
