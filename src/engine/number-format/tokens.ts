/**
 * The lexer of number formats, shared by the formatter (index.ts) and the reader of what a format
 * means (describe.ts), so that one piece of code decides what is literal text and what is a code.
 */

/** A format's sections ("pos;neg;zero;text"), split on semicolons outside quotes and escapes. */
export function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    // An escape, a padding "_x" or a fill "*x" takes the next character whatever it is (";" too).
    if ((ch === "\\" || ch === "_" || ch === "*") && !quoted && i + 1 < fmt.length) {
      cur += ch + fmt[i + 1];
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export interface Token {
  lit: boolean;
  s: string;
  /** Padding from "_x": shown as a space, but not text the format adds. */
  pad?: true;
}

/** Splits a section into literal text and format codes, dropping [Red], [$-804], _x and *x. */
export function tokenize(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      const end = j < 0 ? section.length : j;
      out.push({ lit: true, s: section.slice(i + 1, end) });
      i = end;
    } else if (ch === "\\") {
      if (i + 1 < section.length) out.push({ lit: true, s: section[i + 1] });
      i++;
    } else if (ch === "[") {
      // [$¥-804] shows its currency symbol; [Red], [>=100], [DBNum1] and an unclosed "[" show nothing.
      const j = section.indexOf("]", i + 1);
      const m = j < 0 ? null : /^\$([^-\]]*)/.exec(section.slice(i + 1, j));
      if (m && m[1]) out.push({ lit: true, s: m[1] });
      i = j < 0 ? section.length : j;
    } else if (ch === "_") {
      out.push({ lit: true, s: " ", pad: true });
      i++;
    } else if (ch === "*") {
      i++;
    } else out.push({ lit: false, s: ch });
  }
  return out;
}
