#!/usr/bin/env node
/**
 * Builds the CLI into lib/ from scratch. tsc never deletes outputs whose sources moved (a stale
 * lib/engine/profiles.js shadowed profiles/index.js once), so it compiles into a fresh folder and then
 * swaps it in: lib/ is never half-built while another process runs the CLI.
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const next = path.join(root, `lib.building-${process.pid}`);
const old = path.join(root, `lib.old-${process.pid}`);
const lib = path.join(root, "lib");

const tsc = require.resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json", "--outDir", next], {
  cwd: root,
  stdio: "inherit",
});
if (r.status !== 0) {
  fs.rmSync(next, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}
if (fs.existsSync(lib)) fs.renameSync(lib, old);
fs.renameSync(next, lib);
fs.rmSync(old, { recursive: true, force: true });
