/**
 * A webpack loader that makes a module ES2017 (see build/es2017.js for why). A module that already
 * parses as ES2017 passes through untouched (most of them; acorn is fast). Otherwise: Unicode
 * property escapes in regular expressions are expanded (regex-properties.js; TypeScript leaves
 * them), and anything still above ES2017 is compiled down by TypeScript's transpileModule — the
 * compiler the project already has, no Babel preset being installed. import/export stay for
 * webpack; helpers (__assign, __awaiter…) are inlined. What cannot be lowered is a build warning,
 * and the ES2017 parse test of the bundles fails on it.
 */
const ts = require("typescript");
// Module syntax webpack links away (import(), export * as) is not a reason to rewrite a module.
const { moduleParseError: parseError } = require("./es2017");
const { lowerPropertyEscapes } = require("./regex-properties");

function transpile(code, fileName) {
  return ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2017,
      module: ts.ModuleKind.ESNext,
      allowJs: true,
      // Keep class fields' define semantics (the packages were written against them).
      useDefineForClassFields: true,
      importHelpers: false,
      sourceMap: false,
      removeComments: false,
    },
  });
}

module.exports = function es2017Loader(source, map) {
  if (parseError(source) === null) {
    this.callback(null, source, map);
    return;
  }
  const where = this.resourcePath;
  let code = source;
  if (/\\[pP]\{/.test(code)) {
    const lowered = lowerPropertyEscapes(code);
    code = lowered.code;
    for (const p of lowered.problems) this.emitWarning(new Error(`es2017-loader: ${where}: ${p}`));
  }
  if (parseError(code) !== null) {
    const out = transpile(code, where.replace(/\.(mjs|cjs|tsx?)$/, ".js"));
    for (const d of out.diagnostics || [])
      if (d.category === ts.DiagnosticCategory.Error)
        this.emitWarning(
          new Error(`es2017-loader: ${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`),
        );
    code = out.outputText;
  }
  const still = parseError(code);
  if (still) this.emitWarning(new Error(`es2017-loader: ${where} is still not ES2017: ${still.message}`));
  this.callback(null, code);
};
