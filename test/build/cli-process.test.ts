/**
 * The built command line as a user runs it: `node bin/ziping.js …` in a child process, after
 * `npm run build:cli`. Exit codes, worker threads (--jobs), and no stack traces on stderr.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT, tmp, writeJunk, writeNonTable, SAMPLE } from "../cli/helpers";

const BIN = path.join(ROOT, "bin", "ziping.js");
const STACK = /\n\s+at .+:\d+:\d+/;
let dir: string;

function ziping(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
    { cwd: ROOT, stdio: "pipe" },
  );
  dir = tmp("ziping-e2e-");
  for (let i = 0; i < 5; i++) fs.copyFileSync(SAMPLE, path.join(dir, `单位${i}.xlsx`));
  writeJunk(path.join(dir, "单位2-损坏.xlsx"));
  await writeNonTable(path.join(dir, "单位3-其他.xlsx"));
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("--version and --help exit 0", () => {
  expect(ziping(["--version"])).toMatchObject({
    code: 0,
    stdout: expect.stringMatching(/^ziping \d+\.\d+\.\d+\n$/),
  });
  expect(ziping(["--help"]).code).toBe(0);
});

test("`check` with no path checks the bundled sample from any cwd (npm run check)", () => {
  const r = ziping(["check"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("2021年度部门整体支出绩效自评表.xlsx");
  expect(r.stdout).toContain("总分 97.83");
  expect(r.stdout).toContain("等级 优");
});

test("usage errors exit 2 with a Chinese message and no stack", () => {
  for (const args of [
    ["check", "nope.xlsx"],
    ["check", "--what"],
    ["check", "--jobs", "0"],
  ]) {
    const r = ziping(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(r.stderr).not.toMatch(STACK);
  }
});

test("--jobs 2 gives exactly the output of --jobs 1, in input order; bad files → exit 1", () => {
  const one = ziping(["check", ".", "--format", "json", "--jobs", "1"]);
  const two = ziping(["check", ".", "--format", "json", "--jobs", "2"]);
  expect(one.code).toBe(1);
  expect(two.code).toBe(1);
  expect(two.stdout).toBe(one.stdout);
  const files = JSON.parse(two.stdout).files as { file: string; error: { code: string } | null }[];
  expect(files).toHaveLength(7);
  expect(files.map((f) => f.error?.code ?? null)).toEqual([
    null,
    null,
    "FILE_UNREADABLE",
    null,
    "NOT_A_SELF_EVALUATION_TABLE",
    null,
    null,
  ]);
  expect(one.stderr + two.stderr).not.toMatch(STACK);
  // table output is identical too (no progress bar: stderr is not a terminal)
  expect(ziping(["check", ".", "--jobs", "2"]).stdout).toBe(ziping(["check", ".", "--jobs", "1"]).stdout);
  expect(ziping(["check", "."]).stderr).toBe("");
});

test("junk alone: exit 1, FILE_UNREADABLE, no stack trace anywhere", () => {
  const r = ziping(["check", "单位2-损坏.xlsx", "--format", "csv"]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("FILE_UNREADABLE");
  expect(r.stdout + r.stderr).not.toMatch(STACK);
});

test("the launcher explains a missing build instead of crashing", () => {
  const copy = tmp("ziping-nolib-");
  fs.mkdirSync(path.join(copy, "bin"));
  fs.copyFileSync(BIN, path.join(copy, "bin", "ziping.js"));
  const r = spawnSync(process.execPath, [path.join(copy, "bin", "ziping.js"), "--version"], {
    encoding: "utf8",
  });
  fs.rmSync(copy, { recursive: true, force: true });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("npm run build:cli");
  expect(r.stderr).not.toMatch(STACK);
});
