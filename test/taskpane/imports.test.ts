/**
 * The pane must stay small and browser-only: walk its import graph from the entry points and make
 * sure exceljs, src/xlsx and Node built-ins never come in (they would add megabytes or fail in WPS).
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");
const FORBIDDEN = [/^exceljs$/, /(^|\/)xlsx(\/|$)/, /^(fs|path|os|child_process|worker_threads|node:.*)$/];

function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** Every module reachable from `entry` (relative imports followed), with the bare specifiers it uses. */
function graph(entry: string): { files: Set<string>; bare: Map<string, string> } {
  const files = new Set<string>();
  const bare = new Map<string, string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    const src = fs.readFileSync(f, "utf8");
    const re =
      /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;
    for (const m of src.matchAll(re)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith(".")) {
        const r = resolveLocal(f, spec);
        if (r) todo.push(r);
        else if (!spec.endsWith("/detect"))
          throw new Error(`${path.relative(SRC, f)}: cannot resolve ${spec}`);
      } else bare.set(spec, path.relative(SRC, f));
    }
  }
  return { files, bare };
}

test("the task pane's import graph holds no exceljs, src/xlsx or Node built-ins", () => {
  for (const entry of ["taskpane/App.tsx", "taskpane/index.tsx"]) {
    const { files, bare } = graph(path.join(SRC, entry));
    expect(files.size).toBeGreaterThan(5);
    for (const f of files) expect(path.relative(SRC, f)).not.toMatch(/^(xlsx|cli)\//);
    for (const [spec, by] of bare) {
      for (const bad of FORBIDDEN) expect(`${spec} (imported by ${by})`).not.toMatch(bad);
    }
  }
});

test("Fluent icons are imported one by one by name, never as a namespace", () => {
  const { files } = graph(path.join(SRC, "taskpane/App.tsx"));
  for (const f of files) {
    const src = fs.readFileSync(f, "utf8");
    expect(src).not.toMatch(/import\s+\*\s+as\s+\w+\s+from\s+["']@fluentui\/react-icons["']/);
  }
});
