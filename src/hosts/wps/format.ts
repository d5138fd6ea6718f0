/**
 * Display text for numbers under the number formats 自评表 use ("0.00", "0%", "0.00%", "#,##0.00"),
 * computed here instead of read cell by cell: Range.Text of a multi-cell range is null unless every
 * cell shows the same text, so reading it would cost one bridge call per cell. Formats this does not
 * understand (dates, sections, currency, literals) return undefined and the host reads Text for
 * those cells only.
 */

/** Shifts a number's decimal point by `k` places exactly (no binary drift: 0.7825 → 78.25). */
function shift(v: number, k: number): number {
  const [mant, exp] = v.toExponential().split("e");
  return Number(`${mant}e${Number(exp) + k}`);
}

/** Rounds half away from zero at `d` decimals, as spreadsheets display. */
export function roundHalfUp(v: number, d: number): number {
  const x = shift(Math.abs(v), d);
  const r = Math.floor(x + 0.5);
  return Math.sign(v) * shift(r, -d);
}

const SIMPLE = /^(#,##)?0(\.(0+))?(%)?$/;

/**
 * The text ET shows for number `v` under `format`: null when the value's own string is the text
 * (General, text format), undefined when the format is beyond this renderer.
 */
export function renderNumber(v: number, format: string | null): string | null | undefined {
  if (format === null || format === "" || format === "General" || format === "G/通用格式" || format === "@")
    return null;
  const m = SIMPLE.exec(format);
  if (!m) return undefined;
  const decimals = m[3] ? m[3].length : 0;
  const percent = m[4] === "%";
  const scaled = percent ? shift(v, 2) : v;
  const rounded = roundHalfUp(scaled, decimals);
  let s = Math.abs(rounded).toFixed(decimals);
  if (m[1]) s = s.replace(/^\d+/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ","));
  if (rounded < 0) s = "-" + s;
  return percent ? s + "%" : s;
}
