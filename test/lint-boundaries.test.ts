/**
 * The architecture's import rules are enforced by ESLint (eslint.config.mjs). These tests lint a few
 * lines placed in each layer and check that a forbidden import fails with the boundary's name, and that an
 * allowed one passes — so a config change that silently drops a boundary fails here.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
/**
 * Lints each [file, code] pair in one child process through ESLint's API (loading the flat config is the
 * slow part, so it is done once) and returns, per pair, the messages ESLint reported.
 */
function lintAll(pairs: Array<[string, string]>): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const pairs = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const out = [];
      for (const [file, code] of pairs) {
        const [r] = await eslint.lintText(code, { filePath: file });
        out.push(r.messages.map((m) => (m.ruleId || "") + " " + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { process.stderr.write(String(e)); process.exit(2); });`;
  const r = spawnSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    input: JSON.stringify(pairs),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`eslint failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const cases: Array<[string, string, string]> = [
  ["src/engine/x.ts", 'import "../taskpane/App";', "engine-is-pure"],
  ["src/engine/values/x.ts", 'import "../../hosts/host";', "engine-is-pure"],
  ["src/engine/x.ts", 'import "node:fs";', "engine-is-pure"],
  ["src/engine/x.ts", 'import "react";', "engine-is-pure"],
  ["src/hosts/x.ts", 'import "../taskpane/App";', "hosts-below-ui"],
  ["src/hosts/excel/x.ts", 'import "../../xlsx/read";', "hosts-below-ui"],
  ["src/taskpane/x.ts", 'import "../xlsx/read";', "pane-no-files"],
  ["src/taskpane/components/x.tsx", 'import "../../cli/main";', "pane-no-files"],
  ["src/taskpane/x.ts", 'import "fs";', "pane-no-files"],
  ["src/cli/x.ts", 'import "../taskpane/App";', "cli-no-ui"],
  ["src/cli/x.ts", 'import "../hosts/memory";', "cli-no-ui"],
  ["src/xlsx/x.ts", 'import "../cli/main";', "readers-below-cli"],
  [
    "src/taskpane/x.tsx",
    'import * as Icons from "@fluentui/react-icons";\nexport const x = Icons;',
    "bundle-budget",
  ],
];

const allowed: Array<[string, string]> = [
  ["src/engine/x.ts", 'import Big from "big.js";\nexport const x = Big;\n'],
  [
    "src/hosts/x.ts",
    'import { errorMessage } from "../engine/error-message";\nexport const x = errorMessage;\n',
  ],
  ["src/cli/x.ts", 'import { readFileSync } from "fs";\nexport const x = readFileSync;\n'],
  ["src/taskpane/x.ts", 'import type { Host } from "../hosts/host";\nexport type X = Host;\n'],
];

const results = lintAll([...cases.map(([f, c]): [string, string] => [f, `${c}\n`]), ...allowed]);

describe("architecture boundaries fail `npm run lint` naming the rule", () => {
  test.each(cases.map((c, i) => [...c, i] as const))("%s: %s", (_file, _code, rule, i) => {
    const text = results[i].join("\n");
    expect(text).toMatch(/^no-restricted-(imports|syntax) /);
    expect(text).toMatch(new RegExp(`\\[(boundary )?${rule}\\]`));
  });

  test.each(allowed.map((a, i) => [a[0], cases.length + i] as const))("allowed: %s", (_file, i) => {
    expect(results[i]).toEqual([]);
  });
});
