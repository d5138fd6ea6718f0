/**
 * Issue 10's hostile folder through the built command line (`node bin/ziping.js`, worker threads):
 * good tables beside a far column, a giant merge, 50,000 merges, a row bomb, a link to /dev/zero, an
 * old .xls and junk. Exit 1, every good file reported with its figures, every bad one named with why.
 * Timings are in bench (bench/sections/40-hostile.js), not here: limits bound the work, tests assert
 * outcomes.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Report } from "../../src/engine";
import { ROOT, tmp, SAMPLE, writeJunk } from "../cli/helpers";
const hostile = require("../xlsx/hostile-fixtures");
const { writeSampleXls } = require("../xlsx/old-formats");

const BIN = path.join(ROOT, "bin", "ziping.js");
const STACK = /\n\s+at .+:\d+:\d+/;
let dir: string;

function ziping(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "", ...env },
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const byName = (rep: Report) => new Map(rep.files.map((f) => [path.basename(f.file), f]));

beforeAll(async () => {
  // Type errors elsewhere in a shared tree still emit JavaScript; only a missing build is fatal.
  spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "worker.js"))) throw new Error("lib/ was not built");
  dir = tmp("ziping-hostile-");
  await hostile.writeHostile(dir);
  fs.copyFileSync(SAMPLE, path.join(dir, "good-1.xlsx"));
  fs.copyFileSync(SAMPLE, path.join(dir, "good-2.xlsx"));
  writeSampleXls(path.join(dir, "good-old.xls"));
  writeJunk(path.join(dir, "junk.xlsx"));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the hostile folder: exit 1, good files reported, bad ones named", () => {
  const r = ziping(["check", ".", "--format", "json"]);
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(STACK);
  const files = byName(JSON.parse(r.stdout) as Report);
  // Good tables, also the ones beside a stray far column or a giant merge, and the old .xls.
  for (const name of [
    "good-1.xlsx",
    "good-2.xlsx",
    "good-old.xls",
    "far-column-XFD.xlsx",
    "giant-merge.xlsx",
  ]) {
    const f = files.get(name)!;
    expect(f.error).toBeNull();
    expect(f.sheets[0].total.computed).toBe(97.83);
    expect(f.sheets[0].grade.computed).toBe("优");
    expect(f.sheets[0].funds?.rate.computed).toBe(0.7825);
  }
  const why = (name: string) => {
    const f = files.get(name)!;
    expect(f.error?.code).toBe("FILE_UNREADABLE");
    return f.error!.message;
  };
  expect(why("merges-50000.xlsx")).toContain("有 50022 个合并区域，超过上限 10000 个");
  expect(why("row-bomb.xlsx")).toContain("超过上限 100000 行");
  expect(why("junk.xlsx")).toContain("不是有效的 .xlsx 工作簿");
  if (files.has("dev-zero.xlsx")) expect(why("dev-zero.xlsx")).toContain("不是普通文件");
}, 120_000);

test("formulas the file never calculated are named as such by the engine, not as empty cells", async () => {
  await hostile.editFirstSheet(path.join(dir, "uncalc.xlsx"), (xml: string) =>
    xml.replace(/(<\/f>)<v>[^<]*<\/v>/g, "$1"),
  );
  const r = ziping(["check", "uncalc.xlsx", "--format", "json"]);
  expect(r.code).toBe(1);
  const missing = (JSON.parse(r.stdout) as Report).files[0].sheets[0].findings.filter(
    (f) => f.code === "VALUE_MISSING",
  );
  expect(missing.length).toBeGreaterThan(0);
  for (const f of missing) {
    expect(f.message).toContain("公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再检查");
    expect(f.message).not.toContain("为空");
  }
});

test("the .xls sample alone checks like the .xlsx", () => {
  const xls = ziping(["check", "good-old.xls"]);
  const xlsx = ziping(["check", "good-1.xlsx"]);
  expect(xls.code).toBe(xlsx.code);
  expect(xls.stdout.replace(/good-old\.xls/g, "good-1.xlsx")).toBe(xlsx.stdout);
  expect(xls.stdout).toContain("总分 97.83");
  expect(xls.stdout).toContain("等级 优");
  expect(xls.stdout).toContain("执行率 78.25%");
});

test("one file over the time limit costs only that file, with one job", () => {
  const r = ziping(["check", "good-1.xlsx", "row-bomb.xlsx", "--jobs", "1", "--format", "json"], {
    ZIPING_TIMEOUT_MS: "1",
  });
  expect(r.code).toBe(1);
  const rep = JSON.parse(r.stdout) as Report;
  expect(rep.files).toHaveLength(2);
  for (const f of rep.files) expect(f.error?.message).toContain("超过了时间上限");
});

test("a file that exhausts a worker's memory costs only that file", () => {
  const r = ziping(["check", "row-bomb.xlsx", "good-1.xlsx", "--format", "json"], { ZIPING_HEAP_MB: "128" });
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(STACK);
  const files = byName(JSON.parse(r.stdout) as Report);
  expect(files.get("row-bomb.xlsx")!.error?.message).toMatch(/内存上限|超过上限/);
  expect(files.get("good-1.xlsx")!.sheets[0].total.computed).toBe(97.83);
}, 60_000);
