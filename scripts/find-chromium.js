#!/usr/bin/env node
/**
 * Finds the Chromium the end-to-end tests drive — one finder for .ci/run and test/e2e/browser.ts, so CI
 * installs, and the tests look for, the same browser. CHROMIUM_PATH wins when set (and must exist);
 * otherwise the usual Debian/Ubuntu places.
 *
 * Usage: node scripts/find-chromium.js   prints the path (exit 0), or says what was tried (exit 1).
 */
"use strict";

const fs = require("fs");

const PLACES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/lib/chromium/chromium",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
];

/** The places looked at, in order (CHROMIUM_PATH alone when it is set: a wrong one must not be masked). */
function candidates(env = process.env) {
  return env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : PLACES;
}

/** The first candidate that is a file, or null. */
function findChromium(env = process.env) {
  for (const p of candidates(env)) {
    try {
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not there: try the next
    }
  }
  return null;
}

module.exports = { findChromium, candidates, PLACES };

if (require.main === module) {
  const found = findChromium();
  if (found) process.stdout.write(`${found}\n`);
  else {
    process.stderr.write(`未找到 Chromium（Chromium not found）：${candidates().join("、")}\n`);
    process.exit(1);
  }
}
