/**
 * ES2017 is what the docs promise for WPS's older embedded Chromium (and the 信创 builds that keep it):
 * `?.`, `??`, object spread, `catch {}` and the like are syntax errors there, and one such error in a
 * bundle stops the whole pane. ts-loader compiles our own sources to ES2017, but skips node_modules,
 * whose packages ship ES2018–ES2022 syntax. This file holds the shared pieces:
 *   - `parseError(code)`: the first syntax error when `code` is read as ES2017 (acorn), or null;
 *   - `nodeModulesRule`: a webpack rule that runs es2017-loader.js on node_modules JavaScript;
 *   - `ownSourcesLoader`: the same loader, to chain after ts-loader (our regular expressions use
 *     `\p{Script=Han}`, ES2018, which TypeScript leaves as it is);
 *   - `checkDir(dir)` / the CLI `node build/es2017.js dist`: every built .js file, parsed as ES2017.
 */
const fs = require("fs");
const path = require("path");
const acorn = require("acorn");

/** The first syntax error when `code` is parsed as ES2017, or null when it parses. */
function parseError(code) {
  // Most code parses as a module; sloppy-mode CommonJS (octal escapes, `with`) only as a script.
  let first = null;
  for (const sourceType of ["module", "script"]) {
    try {
      acorn.parse(code, { ecmaVersion: 2017, sourceType, allowHashBang: true });
      return null;
    } catch (e) {
      first = first || e;
    }
  }
  return first;
}

/**
 * parseError for a module webpack will still link: `import()`, `export * as ns` and `import.meta`
 * (ES2020) never reach the output (webpack rewrites them), so they are stepped over where the ES2017
 * parse stops at them. Everything else is reported as parseError does.
 */
function moduleParseError(code) {
  let scratch = code;
  for (let i = 0; i < 10000; i++) {
    const e = parseError(scratch);
    if (!e) return null;
    const at = e.pos;
    const rest = scratch.slice(at);
    let m;
    if ((m = /^import\s*\(/.exec(rest))) scratch = `${scratch.slice(0, at)}_mport(${rest.slice(m[0].length)}`;
    else if ((m = /^import\s*\.\s*meta\b/.exec(rest)))
      scratch = `${scratch.slice(0, at)}({})${rest.slice(m[0].length)}`;
    else if (
      /export\s*\*\s*$/.test(scratch.slice(Math.max(0, at - 40), at)) &&
      (m = /^as\s+[\w$]+\s*/.exec(rest))
    )
      scratch = scratch.slice(0, at) + rest.slice(m[0].length);
    else return e;
  }
  return parseError(scratch);
}

/** Every .js file under `dir` (recursively), sorted. */
function jsFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(m?js|cjs)$/.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Parses every .js file under `dir` as ES2017: [{ file, error }] for those that fail. */
function checkDir(dir) {
  const failures = [];
  for (const file of jsFiles(dir)) {
    const error = parseError(fs.readFileSync(file, "utf8"));
    if (error) failures.push({ file: path.relative(dir, file), error: error.message });
  }
  return failures;
}

/** Runs es2017-loader.js on JavaScript from node_modules (our TypeScript goes through ts-loader). */
const nodeModulesRule = {
  test: /\.(m?js|cjs)$/,
  include: /[\\/]node_modules[\\/]/,
  loader: path.join(__dirname, "es2017-loader.js"),
};

/** The loader for `use: [ownSourcesLoader, { loader: "ts-loader", … }]`: ES2017 after TypeScript. */
const ownSourcesLoader = path.join(__dirname, "es2017-loader.js");

module.exports = { parseError, moduleParseError, jsFiles, checkDir, nodeModulesRule, ownSourcesLoader };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || "dist");
  if (!fs.existsSync(dir)) {
    console.error(`${dir} does not exist: build first (npm run build)`);
    process.exit(2);
  }
  const files = jsFiles(dir);
  const failures = checkDir(dir);
  for (const f of failures) console.error(`${f.file}: not ES2017: ${f.error}`);
  console.log(`${files.length - failures.length}/${files.length} .js files under ${dir} parse as ES2017`);
  process.exitCode = failures.length ? 1 : 0;
}
