/**
 * Webpack loader for the demo's bundled sample workbook: reads the .xlsx at build time with the
 * project's own reader (src/xlsx/read.ts), so the demo opens on the sample without shipping exceljs
 * in the initial bundle. Exports { fileName, url, grids, fills }; the file itself is emitted as an
 * asset so "下载" can start from the original bytes.
 */
const path = require("path");
const fs = require("fs");
const { createHash } = require("crypto");

const root = path.resolve(__dirname, "..");
const srcDir = path.join(root, "src") + path.sep;

/** Lets Node require the project's TypeScript sources (transpile only) inside this build process. */
function registerTs() {
  if (require.extensions[".ts"]) return;
  const ts = require("typescript");
  require.extensions[".ts"] = (module, filename) => {
    if (!filename.startsWith(srcDir)) throw new Error(`demo-sample-loader: refusing to compile ${filename}`);
    const source = fs.readFileSync(filename, "utf8");
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        resolveJsonModule: true,
      },
    });
    module._compile(out.outputText, filename);
  };
}

module.exports = function demoSampleLoader(content) {
  const done = this.async();
  const fileName = path.basename(this.resourcePath);
  (async () => {
    registerTs();
    const { readWorkbook } = require(path.join(root, "src/xlsx/read.ts"));
    const { fillsOf } = require(path.join(root, "src/demo/workbook-io.ts"));
    const ExcelJS = require("exceljs");
    const bytes = new Uint8Array(content);
    const grids = await readWorkbook(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(content));
    const fills = fillsOf(wb);
    const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
    const url = `samples/sample-${hash}.xlsx`;
    this.emitFile(url, content);
    return `export default ${JSON.stringify({ fileName, url, grids, fills })};`;
  })().then(
    (code) => done(null, code),
    (e) => done(e instanceof Error ? e : new Error(String(e))),
  );
};
module.exports.raw = true;
