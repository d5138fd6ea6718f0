/**
 * What ships parses as ES2017, the target the docs promise for WPS's older embedded Chromium: every
 * .js file the three webpack configs (Excel add-in, WPS add-in, demo) emit, read by acorn with
 * ecmaVersion 2017, and the task pane's first load held to its gzip budget. Builds once (production, into a
 * temporary folder) and reads that output; ZIPING_BUILT_DIR=/path/to/dist reads an existing build instead. Runs webpack, so it belongs to
 * `npm run test:e2e`, not the unit loop. The loader's own behaviour is checked on small modules first.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";

const { parseError, jsFiles, checkDir } = require("../../build/es2017.js");
const loader = require("../../build/es2017-loader.js");
const buildAll = require("../../webpack.config.js");

/** Runs the loader as webpack would, collecting its output and warnings. */
function load(source: string, file = "/x/node_modules/pkg/index.js") {
  const warnings: string[] = [];
  let out = "";
  loader.call(
    {
      resourcePath: file,
      emitWarning: (e: Error) => warnings.push(e.message),
      callback: (err: Error | null, code: string) => {
        if (err) throw err;
        out = code;
      },
    },
    source,
  );
  return { out, warnings };
}

describe("es2017-loader", () => {
  test("ES2017 code passes through untouched", () => {
    const src = "export async function f(a) { const { b } = a; return [...b].map((x) => x ** 2); }\n";
    expect(load(src).out).toBe(src);
  });

  test("ES2018–ES2022 syntax comes out as ES2017 that still behaves the same", () => {
    const src = [
      "var o = { a: { b: null }, n: 0 };",
      "var s = { ...o, c: 1 };",
      "var r1 = o.a?.b?.c ?? 'none';",
      "var r2 = o.n ?? 5;",
      "var r3; try { throw 1; } catch { r3 = 'caught'; }",
      "class K { static z = 3; #p = 2; get p() { return this.#p; } }",
      "var x = null; x ??= 7;",
      "result = [s.c, r1, r2, r3, K.z, new K().p, x, 1_000];",
    ].join("\n");
    expect(parseError(src)).not.toBeNull();
    const { out, warnings } = load(src);
    expect(warnings).toEqual([]);
    expect(parseError(out)).toBeNull();
    const box: { result?: unknown } = {};
    vm.runInNewContext(out, box);
    expect(box.result).toEqual([1, "none", 0, "caught", 3, 2, 7, 1000]);
  });

  test("\\p{Script=Han} (ES2018) becomes the code points it stands for, matching exactly as before", () => {
    const src = String.raw`export const re = /^[\p{Script=Han}A-Z]{1,3}率$/u; export const not = /\P{L}/u;`;
    expect(parseError(src)).not.toBeNull();
    const { out, warnings } = load(src);
    expect(warnings).toEqual([]);
    expect(parseError(out)).toBeNull();
    const box: { re?: RegExp; not?: RegExp } = {};
    vm.runInNewContext(out.replace(/export const (\w+)/g, "this.$1"), box);
    const before = /^[\p{Script=Han}A-Z]{1,3}率$/u;
    for (const s of ["执行率", "〇〇率", "\u{20000}率", "AB率", "ab率", "执行执行率", "1率"])
      expect([s, box.re!.test(s)]).toEqual([s, before.test(s)]);
    expect([box.not!.test("1"), box.not!.test("字")]).toEqual([true, false]);
  });

  test("module syntax webpack links away (import(), export * as) is left alone, without a warning", () => {
    const src = 'export * as Types from "./Types.js";\nexport const load = () => import("./chunk");\n';
    expect(load(src)).toEqual({ out: src, warnings: [] });
  });

  test("import/export stay for webpack to link", () => {
    const { out } = load("import { a } from './a';\nexport const b = a?.c;\n");
    expect(out).toMatch(/import \{ a \} from '\.\/a'/);
    expect(out).toMatch(/export const b/);
    expect(parseError(out)).toBeNull();
  });

  test("what TypeScript cannot lower (a regular-expression flag) is reported, not hidden", () => {
    const { warnings } = load("export const re = /a.b/s;\n");
    expect(warnings.join("\n")).toMatch(/still not ES2017/);
  });
});

describe("the built bundles", () => {
  let dir = process.env.ZIPING_BUILT_DIR ?? "";
  let made = "";

  beforeAll(async () => {
    if (dir) return;
    made = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-es2017-"));
    dir = made;
    const webpack = require("webpack");
    const configs = await buildAll(
      { ZIPING_BASE_URL: "https://addins.example.cn/ziping/" },
      { mode: "production" },
    );
    // Each config writes to its own place under dist/: move them all under the temporary folder.
    for (const c of configs) {
      const rel = path.relative(path.resolve(__dirname, "../../dist"), c.output.path);
      c.output.path = path.join(made, rel);
      c.output.clean = false;
    }
    const stats: { hasErrors(): boolean; toString(o: unknown): string } = await new Promise(
      (resolve, reject) =>
        webpack(configs, (err: Error | null, s: never) => (err ? reject(err) : resolve(s))),
    );
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  }, 600_000);

  afterAll(() => {
    if (made) fs.rmSync(made, { recursive: true, force: true });
  });

  test("the Excel pane, the WPS add-in and the demo are all there", () => {
    const files = jsFiles(dir).map((f: string) => path.relative(dir, f));
    expect(files.some((f: string) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(files).toContain(path.join("wps", "main.js"));
    expect(files.some((f: string) => /^demo[\\/]demo\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
  });

  test("every .js file parses as ES2017", () => {
    expect(checkDir(dir)).toEqual([]);
  });

  // The budget npm run bench reports (gzip level 9, KiB): the Excel pane's first load, its lazy chunks
  // (compare, report-draft, memory-host, wps) apart.
  test("the task pane's initial JS stays within its 200 KB gzip budget", () => {
    const entry = fs.readdirSync(dir).filter((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f));
    expect(entry).toHaveLength(1);
    const gz = zlib.gzipSync(fs.readFileSync(path.join(dir, entry[0])), { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(200 * 1024);
  });
});
