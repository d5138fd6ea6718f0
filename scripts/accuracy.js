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
 *   - kind: the report's table kind (project / department) against the table's `kind`;
 *   - wildcards: acceptable entries with cell "*" (any cell) — meant only for the artifacts of a cut
 *     source, so one on a table not marked truncated is flagged.
 * Overall: tables read / total, true findings, false alarms, misses, neutral, precision = true / (true +
 * false), recall = expected found / expected — separately for the tables the engine was tuned on and for
 * the held-out ones (`"heldOut": true`: found after tuning, expectations written before the first run).
 *
 * Usage: node scripts/accuracy.js [--json] [--table <id>] [--gate | --update-gate]
 *   (npm run accuracy builds and generates first)
 * Exit status 0 whatever the checker does: this is a measurement, not a test — except with --gate, the
 * regression gate of CI: 1 when a figure is worse than test/fixtures/accuracy-gate.json (see
 * checkGate). 2 when the script itself cannot run (no CLI build, no generated workbooks, bad option).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { loadRealTables, OUT_DIR } = require("./fixtures/real");

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "ziping.js");
const COUNTED = new Set(["error", "warning"]);
// Beside, not inside, test/fixtures/real: every *.json in there is a table of the corpus.
const GATE_FILE = path.join(ROOT, "test", "fixtures", "accuracy-gate.json");
/** Errors of the measurement itself, not of the checker's judgement: the CLI died or said nothing usable. */
const CRASH_CODES = new Set(["CLI_FAILED", "CLI_BAD_OUTPUT", "CLI_NO_FILE"]);

function usage(msg) {
  if (msg) process.stderr.write(`${msg}\n`);
  process.stderr.write("用法：node scripts/accuracy.js [--json] [--table <id>] [--gate | --update-gate]\n");
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { json: false, table: null, gate: false, updateGate: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") opts.json = true;
    else if (a === "--gate") opts.gate = true;
    else if (a === "--update-gate") opts.updateGate = true;
    else if (a === "--table") {
      if (!argv[i + 1]) usage("--table 需要一个表格 id");
      opts.table = argv[++i];
    } else if (a.startsWith("--table=")) opts.table = a.slice("--table=".length);
    else if (a === "--help" || a === "-h") usage();
    else usage(`未知参数：${a}`);
  }
  if ((opts.gate || opts.updateGate) && opts.table)
    usage("--gate / --update-gate 针对整个语料，不能与 --table 同用");
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
  const wildcards = e.acceptable.filter((x) => x.cell === "*").length;
  return {
    id: data.id,
    province: data.province,
    kind: data.kind,
    heldOut: data.heldOut === true,
    truncated: data.truncated,
    // Only a read table has a kind to score; a table expected unread has none.
    kindGot: e.read && sheet ? sheet.kind : null,
    kindOk: e.read && sheet ? sheet.kind === data.kind : null,
    wildcards,
    // A wildcard covers rows a cut source does not show: none on a whole table, nor on one cut only below
    // its 总分 row (a declared 总分 means every scored row is there).
    wildcardFlag:
      wildcards === 0
        ? null
        : !data.truncated
          ? "the table is not marked truncated"
          : e.total && e.total.declared !== null && e.total.declared !== undefined
            ? "the table is cut only below its 总分 row"
            : null,
    crashed: Boolean(fileReport.error && CRASH_CODES.has(fileReport.error.code)),
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

/** The figures of one set of tables (tuned or held out). */
function totalsOf(results) {
  const sum = (f) => results.reduce((n, r) => n + f(r), 0);
  const t = {
    tables: results.length,
    readOk: sum((r) => (r.readOk ? 1 : 0)),
    checks: sum((r) => r.checks.length),
    checksOk: sum((r) => r.checks.filter((c) => c.ok).length),
    kinds: sum((r) => (r.kindOk === null ? 0 : 1)),
    kindsOk: sum((r) => (r.kindOk ? 1 : 0)),
    truePositives: sum((r) => r.truePositives),
    falseAlarms: sum((r) => r.falseAlarms.length),
    misses: sum((r) => r.misses.length),
    neutral: sum((r) => r.neutral.length),
    expected: sum((r) => r.expected),
    found: sum((r) => r.found),
    wildcards: sum((r) => r.wildcards),
    wildcardTables: results.filter((r) => r.wildcards > 0).map((r) => r.id),
    wildcardFlags: results.filter((r) => r.wildcardFlag).map((r) => r.id),
    crashed: results.filter((r) => r.crashed).map((r) => r.id),
  };
  const p = t.truePositives + t.falseAlarms;
  t.precision = p ? t.truePositives / p : null;
  t.recall = t.expected ? t.found / t.expected : null;
  return t;
}

function printTable(r, out) {
  const tags = [
    r.province,
    r.kind,
    ...(r.truncated ? ["truncated"] : []),
    ...(r.heldOut ? ["held out"] : []),
  ];
  out.push(`${r.id}  (${tags.join(", ")})`);
  if (r.expectRead) {
    out.push(
      `  read: ${r.read ? "yes" : `NO${r.error ? ` — ${r.error.code}: ${r.error.message}` : ""}`}${r.sheets > 1 ? ` (${r.sheets} tables)` : ""}`,
    );
  } else out.push(`  read: ${r.read ? "read, but a reviewer could not — wrong" : "refused, as expected"}`);
  if (r.kindOk !== null)
    out.push(`  kind: ${r.kindOk ? `${r.kindGot} ✓` : `✗ (expected ${r.kind}, got ${r.kindGot})`}`);
  if (r.checks.length)
    out.push(
      `  values: ${r.checks.map((c) => `${c.what} ${c.ok ? "✓" : `✗ (expected ${c.expected}, got ${c.got})`}`).join("; ")}`,
    );
  out.push(
    `  findings: ${r.truePositives} true, ${r.falseAlarms.length} false alarms, ${r.misses.length} misses (of ${r.expected} expected), ${r.neutral.length} neutral`,
  );
  if (r.wildcards)
    out.push(
      `  wildcards: ${r.wildcards} acceptable at any cell (*)${r.wildcardFlag ? ` — FLAG: ${r.wildcardFlag}` : ""}`,
    );
  for (const f of r.falseAlarms) out.push(`    false alarm: ${fmtFinding(f)}`);
  for (const x of r.misses) out.push(`    miss:        ${fmtMiss(x)}`);
  out.push("");
}

function printTotals(title, t, out) {
  out.push(title);
  out.push(`  tables read: ${t.readOk} / ${t.tables}`);
  out.push(`  values right: ${t.checksOk} / ${t.checks}`);
  out.push(`  table kind right: ${t.kindsOk} / ${t.kinds}`);
  out.push(`  true findings: ${t.truePositives}`);
  out.push(`  false alarms: ${t.falseAlarms}`);
  out.push(`  misses: ${t.misses}`);
  out.push(`  neutral: ${t.neutral}  (acceptable, or repeating an expected finding; counted neither way)`);
  out.push(`  precision: ${pct(t.truePositives, t.truePositives + t.falseAlarms)}  (true / (true + false))`);
  out.push(`  recall: ${pct(t.found, t.expected)}  (${t.found} of ${t.expected} expected findings found)`);
  const flags = t.wildcardFlags.length ? `; FLAG — not for a cut: ${t.wildcardFlags.join(", ")}` : "";
  out.push(
    `  wildcards (cell "*"): ${t.wildcards} on ${t.wildcardTables.length} tables${t.wildcards && !flags ? ", all on tables cut before their 总分 row" : ""}${flags}`,
  );
  if (t.crashed.length) out.push(`  CLI crashed on: ${t.crashed.join(", ")}`);
}

function printText(results, summary) {
  const out = [];
  for (const r of results) printTable(r, out);
  out.push(
    `Overall: ${summary.tuned.tables} tables the engine was tuned on, ${summary.heldOut.tables} held out`,
  );
  printTotals(
    "Tuned tables (the engine was developed against these: not a measure of unseen tables)",
    summary.tuned,
    out,
  );
  if (summary.heldOut.tables) printTotals("Held-out tables (not seen while tuning)", summary.heldOut, out);
  else out.push('Held-out tables: none in the corpus ("heldOut": true)');
  process.stdout.write(out.join("\n") + "\n");
}

/** The figures the gate keeps: totals of the tuned set, and per table, so one table's gain cannot hide another's loss. */
function gateFigures(results) {
  const tuned = results.filter((r) => !r.heldOut);
  const t = totalsOf(tuned);
  const perTable = (r) => ({
    readOk: r.readOk,
    checksOk: r.checks.filter((c) => c.ok).length,
    kindOk: r.kindOk,
    truePositives: r.truePositives,
    falseAlarms: r.falseAlarms.length,
    misses: r.misses.length,
  });
  return {
    note: "Regression gate of npm run accuracy -- --gate (.ci/run). Regenerate with npm run accuracy -- --update-gate after an improvement.",
    tuned: {
      tables: t.tables,
      readOk: t.readOk,
      checksOk: t.checksOk,
      kindsOk: t.kindsOk,
      truePositives: t.truePositives,
      falseAlarms: t.falseAlarms,
      misses: t.misses,
      byTable: Object.fromEntries(tuned.map((r) => [r.id, perTable(r)])),
    },
    // Held-out tables may legitimately be imperfect: only "no crash" and "read as committed" are gated.
    heldOut: Object.fromEntries(results.filter((r) => r.heldOut).map((r) => [r.id, { readOk: r.readOk }])),
  };
}

/** Every way the current figures are worse than the committed ones; [] when none. */
function checkGate(current, committed, results) {
  const worse = [];
  const higherIsBetter = ["readOk", "checksOk", "kindsOk", "truePositives"];
  const lowerIsBetter = ["falseAlarms", "misses"];
  const cmp = (where, now, was) => {
    for (const k of higherIsBetter)
      if (typeof was[k] === "number" && now[k] < was[k]) worse.push(`${where}: ${k} ${now[k]} < ${was[k]}`);
    for (const k of lowerIsBetter)
      if (typeof was[k] === "number" && now[k] > was[k]) worse.push(`${where}: ${k} ${now[k]} > ${was[k]}`);
    for (const k of ["readOk", "kindOk"])
      if (was[k] === true && now[k] !== true) worse.push(`${where}: ${k} was right, now wrong`);
  };
  const was = committed.tuned || {};
  // Totals only compare when the tuned set is the same tables (a new table moves every figure).
  if (was.tables === current.tuned.tables) cmp("tuned tables", current.tuned, was);
  for (const [id, now] of Object.entries(current.tuned.byTable))
    if (was.byTable && was.byTable[id]) cmp(id, now, was.byTable[id]);
  for (const [id, now] of Object.entries(current.heldOut)) {
    const before = (committed.heldOut || {})[id];
    if (before && before.readOk && !now.readOk) worse.push(`${id} (held out): read as committed, now not`);
  }
  for (const r of results)
    if (r.crashed) worse.push(`${r.id}: the CLI crashed (${r.error.code}: ${r.error.message})`);
  return worse;
}

function gate(results, opts) {
  const current = gateFigures(results);
  if (opts.updateGate) {
    fs.writeFileSync(GATE_FILE, JSON.stringify(current, null, 2) + "\n");
    process.stderr.write(`accuracy: gate figures written to ${path.relative(ROOT, GATE_FILE)}\n`);
    return 0;
  }
  if (!fs.existsSync(GATE_FILE))
    usage(`缺少 ${path.relative(ROOT, GATE_FILE)}：请先运行 npm run accuracy -- --update-gate`);
  const committed = JSON.parse(fs.readFileSync(GATE_FILE, "utf8"));
  const worse = checkGate(current, committed, results);
  const ungated = [
    ...Object.keys(current.tuned.byTable).filter((id) => !(committed.tuned.byTable || {})[id]),
    ...Object.keys(current.heldOut)
      .filter((id) => !(committed.heldOut || {})[id])
      .map((id) => `${id} (held out)`),
  ];
  if (ungated.length)
    process.stderr.write(`accuracy gate: not in the gate yet (update it): ${ungated.join(", ")}\n`);
  if (worse.length) {
    process.stderr.write(`accuracy gate: FAILED — worse than ${path.relative(ROOT, GATE_FILE)}:\n`);
    for (const w of worse) process.stderr.write(`  ${w}\n`);
    return 1;
  }
  process.stderr.write("accuracy gate: no figure worse than committed\n");
  return 0;
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
  const summary = {
    tuned: totalsOf(results.filter((r) => !r.heldOut)),
    heldOut: totalsOf(results.filter((r) => r.heldOut)),
  };
  // `totals` (all tables) stays for readers of the earlier --json output.
  if (opts.json)
    process.stdout.write(
      JSON.stringify({ tables: results, totals: totalsOf(results), ...summary }, null, 2) + "\n",
    );
  else printText(results, summary);
  if (opts.gate || opts.updateGate) process.exitCode = gate(results, opts);
}

try {
  main();
} catch (e) {
  process.stderr.write(`accuracy: ${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
}
