/**
 * Text from a workbook or a file name reaches the terminal only escaped: a control character (ESC,
 * CR, BEL, …) or a bidirectional override is shown as `\x1b` / `\u202e`, never sent, so a crafted
 * file cannot erase its own error lines or print a fake summary.
 */

// C0 controls, DEL, C1 controls, and the Unicode bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** A deep copy of plain report data with every string escaped (numbers, booleans and null unchanged). */
export function escapeAll<T>(data: T): T {
  return JSON.parse(JSON.stringify(data), (_k, v: unknown) =>
    typeof v === "string" ? escapeControls(v) : v,
  ) as T;
}
