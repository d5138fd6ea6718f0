"use strict";
/**
 * Helpers shared by benchmark sections (bench/sections/*.js). A section exports
 *   { id: "cli", title: "…", order: 20, run: async (ctx) => [{ measure, value, unit?, note? }, …] }
 * and run.js prints every section's rows in one table. Sections that need something missing return a row
 * saying so instead of throwing.
 */
const { spawnSync, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time in ms of `fn` over `runs` runs (after `warmup` untimed runs). */
async function timeIt(fn, { runs = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(t);
}

/** Median wall time in ms of a child `node` process (the same node as this one). */
function timeNode(args, { runs = 3, cwd = ROOT, okCodes = [0, 1] } = {}) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 << 20,
    });
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!okCodes.includes(r.status))
      throw new Error(`node ${args.join(" ")} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  }
  return median(t);
}

/**
 * Like timeNode for several commands, run in turn within each round, so that a machine whose load drifts
 * (other jobs) weighs on all of them alike. Returns the median ms of each, in order.
 */
function timeNodeInterleaved(commands, { runs = 5, cwd = ROOT } = {}) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, k) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, {
        cwd,
        stdio: ["ignore", "ignore", "pipe"],
        maxBuffer: 64 << 20,
      });
      times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!(c.okCodes || [0, 1]).includes(r.status))
        throw new Error(
          `node ${c.args.join(" ").slice(0, 80)} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`,
        );
    });
  }
  return times.map(median);
}

/**
 * Like timeNodeInterleaved, and also the peak resident memory of each child (bench/maxrss.js, preloaded).
 * Returns [{ ms, rssMb }] — median of each — in the order of `commands`.
 */
function measureNodeInterleaved(commands, { runs = 5, cwd = ROOT } = {}) {
  const times = commands.map(() => []);
  const rss = commands.map(() => []);
  const rssFile = path.join(os.tmpdir(), `ziping-bench-rss-${process.pid}`);
  const preload = path.join(__dirname, "maxrss.js");
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, k) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ["-r", preload, ...c.args], {
        cwd,
        stdio: ["ignore", "ignore", "pipe"],
        maxBuffer: 64 << 20,
        env: { ...process.env, ZIPING_BENCH_RSS_FILE: rssFile, ...(c.env || {}) },
      });
      times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!(c.okCodes || [0, 1]).includes(r.status))
        throw new Error(
          `node ${c.args.join(" ").slice(0, 80)} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`,
        );
      rss[k].push(Number(fs.readFileSync(rssFile, "utf8")) / 1024);
    });
  }
  fs.rmSync(rssFile, { force: true });
  return commands.map((_c, k) => ({ ms: median(times[k]), rssMb: median(rss[k]) }));
}

/** Rebuilds lib/ when any TypeScript source it compiles is newer than it (or lib is missing). */
function ensureBuilt() {
  const marker = path.join(ROOT, "lib", "cli", "main.js");
  const newest = (dir) => {
    let m = 0;
    if (!fs.existsSync(dir)) return m;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      m = Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return m;
  };
  const src = Math.max(...["engine", "cli", "xlsx"].map((d) => newest(path.join(ROOT, "src", d))));
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= src) return false;
  process.stderr.write("bench: lib/ is stale, running npm run build:cli …\n");
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", "build:cli"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  return true;
}

/** A scratch folder removed at exit. */
function tmpDir(prefix = "ziping-bench-") {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on("exit", () => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/** The fixture builders (scripts/fixtures), or null when that part is not in the tree. */
function fixtures() {
  try {
    return require(path.join(ROOT, "scripts", "fixtures"));
  } catch {
    return null;
  }
}

const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

module.exports = {
  ROOT,
  median,
  timeIt,
  timeNode,
  timeNodeInterleaved,
  measureNodeInterleaved,
  ensureBuilt,
  tmpDir,
  fixtures,
  ms,
};
