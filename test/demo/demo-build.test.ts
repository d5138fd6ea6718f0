/**
 * The demo build's pages, read from its webpack config (no build run here; the e2e suite builds it):
 * the help page the first-run note links to is emitted beside index.html and needs nothing from
 * outside this machine.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "../..");
// The webpack config is CommonJS.
const demoConfig = require("../../build/webpack.demo.js") as (
  env: object,
  argv: object,
) => { plugins: { userOptions?: { filename?: string; template?: string } }[] };

function page(filename: string) {
  const config = demoConfig({}, { mode: "production" });
  return config.plugins.map((p) => p.userOptions).find((o) => o?.filename === filename);
}

test("help.html is built from the add-in's help page, next to the demo's index.html", () => {
  expect(page("index.html")).toBeDefined();
  const help = page("help.html");
  expect(help?.template).toBe(path.join(ROOT, "src/commands/help.html"));
});

test("the help page works offline: no script, stylesheet, image or font from another address", () => {
  const html = fs.readFileSync(path.join(ROOT, "src/commands/help.html"), "utf8");
  expect(html).toContain("<h1>");
  expect(html).not.toMatch(/\b(?:src|href)\s*=\s*"(?:https?:)?\/\//i);
  expect(html).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
});
