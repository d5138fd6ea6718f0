#!/usr/bin/env node
"use strict";
/**
 * `npm run bench` — performance figures, not a test (nothing here fails a build).
 * Each file in bench/sections/ adds a section; `node bench/run.js cli batch` runs only those ids.
 */
const fs = require("fs");
const path = require("path");
const os = require("os");
const { ensureBuilt, tmpDir, ROOT } = require("./lib");

function loadSections() {
  const dir = path.join(__dirname, "sections");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .map((f) => ({ file: f, ...require(path.join(dir, f)) }))
    .filter((s) => typeof s.run === "function")
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.file.localeCompare(b.file));
}

function width(s) {
  let w = 0;
  for (const ch of String(s)) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s, n) => String(s) + " ".repeat(Math.max(0, n - width(s)));

function printTable(rows) {
  const cols = ["section", "measure", "value", "note"];
  const w = cols.map((c) => Math.max(width(c), ...rows.map((r) => width(r[c] ?? ""))));
  const line = (r) => cols.map((c, i) => pad(r[c] ?? "", w[i])).join("  ");
  console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of rows) console.log(line(r));
}

async function main() {
  const only = process.argv.slice(2);
  ensureBuilt();
  const ctx = { root: ROOT, tmp: tmpDir(), cpus: os.cpus().length };
  console.log(
    `ziping bench — node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}, ${os.platform()}`,
  );
  const rows = [];
  for (const s of loadSections()) {
    if (only.length && !only.includes(s.id)) continue;
    process.stderr.write(`bench: ${s.title} …\n`);
    try {
      for (const r of await s.run(ctx)) {
        rows.push({
          section: s.id,
          measure: r.measure,
          value: r.unit ? `${r.value} ${r.unit}` : String(r.value),
          note: r.note ?? "",
        });
      }
    } catch (e) {
      rows.push({
        section: s.id,
        measure: "(failed)",
        value: "—",
        note: e instanceof Error ? e.message.split("\n")[0] : String(e),
      });
    }
  }
  console.log("");
  printTable(rows);
}

main();
