/**
 * Unicode property escapes in regular expressions (`\p{Script=Han}`, ES2018) are a syntax error for
 * an ES2017 engine, and TypeScript does not lower them. This rewrites each `\p{…}` in a regular
 * expression literal with the `u` flag into the explicit code-point ranges it stands for, computed
 * with the building Node's own Unicode data (the same table the property would use at run time in
 * a current browser): `[\p{Script=Han}A-Z]` → `[\u{2E80}-\u{2E99}…A-Z]`; `\p{L}` → `[…]`;
 * `\P{L}` outside a class → `[^…]`. `\P{…}` inside a class, and the `v` flag, are left alone and
 * reported: the ES2017 parse check then fails loudly instead of shipping a guess.
 */
const acorn = require("acorn");

const cache = new Map();

/** "\u{4E00}-\u{9FFF}…": the code points matching `\p{name}`, as class ranges. */
function rangesOf(name) {
  if (cache.has(name)) return cache.get(name);
  const re = new RegExp(`^\\p{${name}}$`, "u"); // throws for an unknown property: reported by the caller
  const hex = (cp) => `\\u{${cp.toString(16).toUpperCase()}}`;
  let out = "";
  let start = -1;
  for (let cp = 0; cp <= 0x110000; cp++) {
    const hit = cp < 0x110000 && !(cp >= 0xd800 && cp <= 0xdfff) && re.test(String.fromCodePoint(cp));
    if (hit && start < 0) start = cp;
    if (!hit && start >= 0) {
      out += cp - 1 === start ? hex(start) : `${hex(start)}-${hex(cp - 1)}`;
      start = -1;
    }
  }
  cache.set(name, out);
  return out;
}

/** A pattern with its property escapes lowered, or a reason it cannot be. */
function lowerPattern(pattern) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      const m = /^\\([pP])\{([^}]*)\}/.exec(pattern.slice(i));
      if (!m) {
        out += pattern.slice(i, i + 2);
        i++;
        continue;
      }
      const negated = m[1] === "P";
      if (negated && inClass) return { error: `\\P{${m[2]}} inside a character class` };
      let ranges;
      try {
        ranges = rangesOf(m[2]);
      } catch {
        return { error: `unknown property \\p{${m[2]}}` };
      }
      out += inClass ? ranges : `[${negated ? "^" : ""}${ranges}]`;
      i += m[0].length - 1;
      continue;
    }
    if (ch === "[" && !inClass) inClass = true;
    else if (ch === "]" && inClass) inClass = false;
    out += ch;
  }
  return { pattern: out };
}

/** Rewrites the property escapes of every `u` regular expression literal in `code`. */
function lowerPropertyEscapes(code) {
  const edits = [];
  const problems = [];
  let tokens;
  try {
    tokens = [...acorn.tokenizer(code, { ecmaVersion: "latest", sourceType: "module", allowHashBang: true })];
  } catch (e) {
    return { code, changed: 0, problems: [`could not tokenize: ${e.message}`] };
  }
  for (const t of tokens) {
    if (t.type !== acorn.tokTypes.regexp || !/\\[pP]\{/.test(t.value.pattern)) continue;
    const { pattern, flags } = t.value;
    if (!flags.includes("u") || flags.includes("v")) {
      problems.push(`/${pattern}/${flags}: only the u flag is lowered`);
      continue;
    }
    const lowered = lowerPattern(pattern);
    if (lowered.error) problems.push(`/${pattern}/${flags}: ${lowered.error}`);
    else edits.push({ start: t.start, end: t.end, text: `/${lowered.pattern}/${flags}` });
  }
  let out = code;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: out, changed: edits.length, problems };
}

module.exports = { lowerPropertyEscapes, lowerPattern };
