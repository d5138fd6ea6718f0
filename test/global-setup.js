/**
 * Jest globalSetup: (re)generates test/fixtures/generated when it is missing or older than the generator
 * scripts, so a fresh clone's `npm test` has its .xlsx fixtures without a manual step.
 */
const fs = require("fs");
const path = require("path");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, "..");
  const scripts = path.join(root, "scripts");
  const manifest = path.join(root, "test", "fixtures", "generated", "manifest.json");
  const generatorTime = Math.max(
    newestMtime(path.join(scripts, "fixtures")),
    fs.statSync(path.join(scripts, "make-fixtures.js")).mtimeMs,
  );
  const fresh = fs.existsSync(manifest) && fs.statSync(manifest).mtimeMs >= generatorTime;
  if (fresh) return;
  const { makeAll } = require(path.join(scripts, "fixtures"));
  // The committed sample is only rewritten by `npm run fixtures`, never as a side effect of tests.
  await makeAll(undefined, { sample: false });
};
