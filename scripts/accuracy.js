#!/usr/bin/env node
/**
 * Accuracy of the checker on the corpus of real published tables (issue #9).
 *
 * Runs the real command line (`node bin/ziping.js check <file> --format json`) on every workbook that
 * scripts/fixtures/real.js generated from test/fixtures/real/*.json, and compares the report with the
 * table's hand-worked `expect`:
 *   - read: the file was read as a 自评表 (no file error, at least one sheet) — or, for read: false, refused;
 *   - total / grade / funds rate and score: declared and recomputed values, where the expectation gives them;
 *   - findings of severity error and warning (infos are ignored): a finding is TRUE when its code (one of
 *     the expectation's codes) and cell equal an expected finding, NEUTRAL when it matches an "acceptable"
 *     entry (cell "*" = any cell) or repeats an expectation already found, otherwise a FALSE ALARM;
 *     an expected finding no finding matched is a MISS.
 * Overall: tables read / total, true findings, false alarms, misses, precision = true / (true + false),
 * recall = expected found / expected.
 *
 * Usage: node scripts/accuracy.js [--json] [--table <id>]   (npm run accuracy builds and generates first)
 * Exit status 0 whatever the checker does: this is a measurement, not a test. 2 when the script itself
 * cannot run (no CLI build, no generated workbooks, bad option).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { loadRealTables, OUT_DIR } = require("./fixtures/real");

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "ziping.js");
const COUNTED = new Set(["error", "warning"]);

function usage(msg) {
  if (msg) process.stderr.write(`${msg}\n`);
  process.stderr.write("用法：node scripts/accuracy.js [--json] [--table <id>]\n");
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { json: false, table: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") opts.json = true;
    else if (a === "--table") {
      if (!argv[i + 1]) usage("--table 需要一个表格 id");
      opts.table = argv[++i];
    } else if (a.startsWith("--table=")) opts.table = a.slice("--table=".length);
    else if (a === "--help" || a === "-h") usage();
    else usage(`未知参数：${a}`);
  }
  return opts;
}

const codesOf = (x) => (Array.isArray(x.code) ? x.code : [x.code]);
const matches = (f, x) => codesOf(x).includes(f.code) && (x.cell === "*" || x.cell === f.cell);
const round2 = (n) =>
  n === null || n === undefined || !Number.isFinite(n) ? null : Math.round(n * 100) / 100;
const sameNumber = (a, b) => a !== null && b !== null && Math.abs(a - b) < 0.005;

/** Runs the CLI on one workbook; returns its file report (or a synthetic error). */
function runCli(file) {
  const res = spawnSync(process.execPath, [BIN, "check", file, "--format", "json"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error)
    return { error: { code: "CLI_FAILED", message: String(res.error.message || res.error) }, sheets: [] };
  try {
    const report = JSON.parse(res.stdout);
    return report.files && report.files[0]
      ? report.files[0]
      : { error: { code: "CLI_NO_FILE", message: "no file entry" }, sheets: [] };
  } catch (e) {
    const why = (res.stderr || res.stdout || "").trim().split("\n").slice(0, 3).join(" / ");
    return { error: { code: "CLI_BAD_OUTPUT", message: `exit ${res.status}: ${why}` }, sheets: [] };
  }
}

/** Compares one table's report with its expectations. */
function compare(data, fileReport) {
  const e = data.expect;
  const sheets = fileReport.sheets || [];
  const isRead = !fileReport.error && sheets.length > 0;
  const readOk = e.read ? isRead : !isRead;
  const sheet = sheets[0] || null;
  const checks = [];

  if (e.read && sheet) {
    if (e.total) {
      if (e.total.declared !== null && e.total.declared !== undefined)
        checks.push({
          what: "total.declared",
          expected: e.total.declared,
          got: sheet.total ? sheet.total.declared : null,
        });
      if (e.total.recomputed !== null && e.total.recomputed !== undefined)
        checks.push({
          what: "total.recomputed",
          expected: e.total.recomputed,
          got: sheet.total ? round2(sheet.total.computed) : null,
        });
    }
    if (e.grade) {
      if (e.grade.declared !== undefined && e.grade.declared !== null)
        checks.push({
          what: "grade.declared",
          expected: e.grade.declared,
          got: sheet.grade ? sheet.grade.declared : null,
        });
      if (e.grade.recomputed !== undefined && e.grade.recomputed !== null)
        checks.push({
          what: "grade.recomputed",
          expected: e.grade.recomputed,
          got: sheet.grade ? sheet.grade.computed : null,
        });
    }
    if (e.funds) {
      const f = sheet.funds;
      if (e.funds.rate !== null && e.funds.rate !== undefined)
        checks.push({
          what: "funds.rate",
          expected: e.funds.rate,
          got: f && f.rate && f.rate.computed !== null ? round2(f.rate.computed * 100) : null,
        });
      if (e.funds.score !== null && e.funds.score !== undefined)
        checks.push({
          what: "funds.score",
          expected: e.funds.score,
          got: f && f.score ? round2(f.score.computed) : null,
        });
    }
  }
  for (const c of checks)
    c.ok = typeof c.expected === "number" ? sameNumber(c.expected, c.got) : c.expected === c.got;

  const findings = sheets.flatMap((s) =>
    (s.findings || []).filter((f) => COUNTED.has(f.severity)).map((f) => ({ ...f, sheet: s.sheet })),
  );
  const expected = e.read ? e.findings : [];
  const found = new Array(expected.length).fill(false);
  const truePos = [];
  const neutral = [];
  const falseAlarms = [];
  for (const f of findings) {
    const i = expected.findIndex((x, k) => !found[k] && matches(f, x));
    if (i >= 0) {
      found[i] = true;
      truePos.push(f);
    } else if (expected.some((x) => matches(f, x)))
      neutral.push({ ...f, why: "repeats an expected finding" });
    else if (e.acceptable.some((x) => matches(f, x))) neutral.push({ ...f, why: "acceptable" });
    else falseAlarms.push(f);
  }
  const misses = expected.filter((_, k) => !found[k]);
  return {
    id: data.id,
    province: data.province,
    kind: data.kind,
    truncated: data.truncated,
    expectRead: e.read,
    read: isRead,
    readOk,
    error: fileReport.error || null,
    sheets: sheets.length,
    checks,
    expected: expected.length,
    found: found.filter(Boolean).length,
    truePositives: truePos.length,
    falseAlarms,
    misses,
    neutral,
  };
}

const fmtFinding = (f) => `${f.code} ${f.cell} [${f.severity}] ${f.message}`;
const fmtMiss = (x) => `${codesOf(x).join("|")} ${x.cell} — ${x.why}`;
const pct = (n, d) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)}%`);

function printText(results, totals) {
  const out = [];
  for (const r of results) {
    const head = `${r.id}  (${r.province}, ${r.kind}${r.truncated ? ", truncated" : ""})`;
    out.push(head);
    if (r.expectRead) {
      out.push(
        `  read: ${r.read ? "yes" : `NO${r.error ? ` — ${r.error.code}: ${r.error.message}` : ""}`}${r.sheets > 1 ? ` (${r.sheets} tables)` : ""}`,
      );
    } else out.push(`  read: ${r.read ? "read, but a reviewer could not — wrong" : "refused, as expected"}`);
    if (r.checks.length)
      out.push(
        `  values: ${r.checks.map((c) => `${c.what} ${c.ok ? "✓" : `✗ (expected ${c.expected}, got ${c.got})`}`).join("; ")}`,
      );
    out.push(
      `  findings: ${r.truePositives} true, ${r.falseAlarms.length} false alarms, ${r.misses.length} misses (of ${r.expected} expected), ${r.neutral.length} neutral`,
    );
    for (const f of r.falseAlarms) out.push(`    false alarm: ${fmtFinding(f)}`);
    for (const x of r.misses) out.push(`    miss:        ${fmtMiss(x)}`);
    out.push("");
  }
  out.push("Overall");
  out.push(`  tables read: ${totals.readOk} / ${totals.tables}`);
  out.push(`  values right: ${totals.checksOk} / ${totals.checks}`);
  out.push(`  true findings: ${totals.truePositives}`);
  out.push(`  false alarms: ${totals.falseAlarms}`);
  out.push(`  misses: ${totals.misses}`);
  out.push(
    `  precision: ${pct(totals.truePositives, totals.truePositives + totals.falseAlarms)}  (true / (true + false))`,
  );
  out.push(
    `  recall: ${pct(totals.found, totals.expected)}  (${totals.found} of ${totals.expected} expected findings found)`,
  );
  process.stdout.write(out.join("\n") + "\n");
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js")))
    usage("命令行程序尚未编译：请先运行 npm run build:cli（或 npm run accuracy）。");
  let tables = loadRealTables();
  if (opts.table) {
    tables = tables.filter((t) => t.data.id === opts.table);
    if (!tables.length) usage(`没有这个表格：${opts.table}`);
  }
  const results = [];
  for (const { data } of tables) {
    const file = path.join(OUT_DIR, `${data.id}.xlsx`);
    if (!fs.existsSync(file))
      usage(
        `缺少 ${path.relative(ROOT, file)}：请先运行 node scripts/fixtures/real.js（或 npm run accuracy）。`,
      );
    results.push(compare(data, runCli(file)));
  }
  const totals = {
    tables: results.length,
    readOk: results.filter((r) => r.readOk).length,
    checks: results.reduce((n, r) => n + r.checks.length, 0),
    checksOk: results.reduce((n, r) => n + r.checks.filter((c) => c.ok).length, 0),
    truePositives: results.reduce((n, r) => n + r.truePositives, 0),
    falseAlarms: results.reduce((n, r) => n + r.falseAlarms.length, 0),
    misses: results.reduce((n, r) => n + r.misses.length, 0),
    expected: results.reduce((n, r) => n + r.expected, 0),
    found: results.reduce((n, r) => n + r.found, 0),
  };
  const p = totals.truePositives + totals.falseAlarms;
  totals.precision = p ? totals.truePositives / p : null;
  totals.recall = totals.expected ? totals.found / totals.expected : null;
  if (opts.json) process.stdout.write(JSON.stringify({ tables: results, totals }, null, 2) + "\n");
  else printText(results, totals);
}

try {
  main();
} catch (e) {
  process.stderr.write(`accuracy: ${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
}
