#!/usr/bin/env node
// npm links a package's own `bin` for `npx ziping` but not into its own node_modules/.bin, where
// editors, scripts and the team's hooks look for it. Link it there after the CLI is built.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const binDir = path.join(root, "node_modules", ".bin");
const target = path.join(binDir, "ziping");
try {
  if (!fs.existsSync(binDir)) process.exit(0);
  try {
    fs.unlinkSync(target);
  } catch {
    /* not there yet */
  }
  fs.symlinkSync(path.relative(binDir, path.join(root, "bin", "ziping.js")), target);
} catch (e) {
  // Never fail an install over a convenience link: `npx ziping` works without it.
  console.warn(`ziping: node_modules/.bin/ziping not linked (${e.message})`);
}
