/**
 * Display text for numbers under the number formats 自评表 use ("0.00", "0%", "0.00%", "#,##0.00"),
 * computed here instead of read cell by cell: Range.Text of a multi-cell range is null unless every
 * cell shows the same text, so reading it would cost one bridge call per cell. The text comes from the
 * one number-format interpreter (src/engine/number-format); formats outside the simple set (dates,
 * sections, currency, literals) return undefined and the host reads Text for those cells only.
 */
import { formatNumber } from "../../engine/number-format";

const SIMPLE = /^(#,##)?0(\.(0+))?(%)?$/;

/**
 * The text ET shows for number `v` under `format`: null when the value's own string is the text
 * (General, text format), undefined when the format is beyond this renderer.
 */
export function renderNumber(v: number, format: string | null): string | null | undefined {
  if (format === null || format === "" || format === "General" || format === "G/通用格式" || format === "@")
    return null;
  if (!SIMPLE.test(format)) return undefined;
  return formatNumber(v, format);
}
