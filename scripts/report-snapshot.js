#!/usr/bin/env node
/**
 * A byte-for-byte guard for engine refactors: the JSON report of every generated fixture, under every
 * built-in profile, one file per (profile, fixture), so two snapshots taken before and after a change
 * can be compared.
 *
 * Usage:
 *   node scripts/report-snapshot.js take <outDir> [--profiles a,b]   (needs `npm run fixtures`,
 *        `node scripts/fixtures/real.js` and a built CLI: `node scripts/build-cli.js`)
 *   node scripts/report-snapshot.js diff <dirA> <dirB> [--ignore-keys data,fix]
 *
 * `diff` compares the files as bytes; with --ignore-keys it first drops those keys from every finding
 * (fields added to findings on purpose), and says how many files differ only by them. It exits 1 when
 * any file differs, listing the first differing line of each.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const GENERATED = path.join(ROOT, "test", "fixtures", "generated");
const CLI = path.join(ROOT, "bin", "ziping.js");
const CHECKED = /\.(xlsx|xls|docx|doc|et|wps)$/i;

function fixtures(dir = GENERATED) {
  if (!fs.existsSync(dir))
    throw new Error(`${dir} is missing: run npm run fixtures and node scripts/fixtures/real.js`);
  const out = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...fixtures(full));
    else if (CHECKED.test(entry.name)) out.push(full);
  }
  return out;
}

function builtinProfiles() {
  const text = execFileSync(process.execPath, [CLI, "profiles", "--format", "json"], { encoding: "utf8" });
  return JSON.parse(text).map((p) => p.id);
}

/** One CLI run per profile over all fixtures; the report is split into one JSON per file. */
function take(outDir, profiles) {
  const files = fixtures();
  const rel = files.map((f) => path.relative(ROOT, f));
  let count = 0;
  for (const profile of profiles) {
    let stdout;
    try {
      stdout = execFileSync(
        process.execPath,
        [CLI, "check", "--format", "json", "--profile", profile, "--", ...rel],
        {
          cwd: ROOT,
          encoding: "utf8",
          maxBuffer: 1 << 30,
        },
      );
    } catch (e) {
      // The CLI exits non-zero when findings are errors; the report is still on stdout.
      if (typeof e.stdout !== "string" || e.stdout === "") throw e;
      stdout = e.stdout;
    }
    const report = JSON.parse(stdout);
    for (const file of report.files) {
      const target = path.join(
        outDir,
        profile,
        `${file.file.replace(/^test\/fixtures\/generated\//, "")}.json`,
      );
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, `${JSON.stringify({ profile: report.profile, ...file }, null, 2)}\n`);
      count++;
    }
  }
  console.log(`${count} reports (${files.length} fixtures × ${profiles.length} profiles) in ${outDir}`);
}

function listJson(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJson(full, base));
    else if (entry.name.endsWith(".json")) out.push(path.relative(base, full));
  }
  return out.sort();
}

function stripKeys(text, keys) {
  if (!keys.length) return text;
  const json = JSON.parse(text);
  for (const sheet of json.sheets ?? [])
    for (const f of sheet.findings ?? []) for (const k of keys) delete f[k];
  return `${JSON.stringify(json, null, 2)}\n`;
}

function firstDiff(a, b) {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++)
    if (la[i] !== lb[i]) return `line ${i + 1}:\n    - ${la[i] ?? "(none)"}\n    + ${lb[i] ?? "(none)"}`;
  return "";
}

function diff(dirA, dirB, ignore) {
  const a = listJson(dirA);
  const b = new Set(listJson(dirB));
  let differ = 0;
  let onlyIgnored = 0;
  for (const f of a) {
    if (!b.has(f)) {
      console.log(`only in ${dirA}: ${f}`);
      differ++;
      continue;
    }
    b.delete(f);
    const ta = fs.readFileSync(path.join(dirA, f), "utf8");
    const tb = fs.readFileSync(path.join(dirB, f), "utf8");
    if (ta === tb) continue;
    const sa = stripKeys(ta, ignore);
    const sb = stripKeys(tb, ignore);
    if (sa === sb) {
      onlyIgnored++;
      continue;
    }
    differ++;
    console.log(`${f}: ${firstDiff(sa, sb)}`);
  }
  for (const f of b) {
    console.log(`only in ${dirB}: ${f}`);
    differ++;
  }
  console.log(
    `${a.length} reports compared: ${differ} differ` +
      (ignore.length ? `, ${onlyIgnored} differ only by ${ignore.join("/")}` : ""),
  );
  return differ === 0;
}

function option(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args) {
  const [cmd, ...rest] = args;
  if (cmd === "take" && rest[0]) {
    const list = option(rest, "--profiles");
    take(path.resolve(rest[0]), list ? list.split(",") : builtinProfiles());
    return 0;
  }
  if (cmd === "diff" && rest[0] && rest[1]) {
    const keys = option(rest, "--ignore-keys");
    return diff(path.resolve(rest[0]), path.resolve(rest[1]), keys ? keys.split(",") : []) ? 0 : 1;
  }
  console.error(
    "usage: report-snapshot.js take <outDir> [--profiles a,b] | diff <dirA> <dirB> [--ignore-keys k1,k2]",
  );
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { fixtures, take, diff };
