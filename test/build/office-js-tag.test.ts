/**
 * The pane's office.js <script> must not block the first paint when the network drops packets to
 * Microsoft's CDN (a blocking script in <head> holds the parser until the connection times out),
 * and must still run before the pane's bundle (HtmlWebpackPlugin injects it deferred, after it).
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const config = require("../../webpack.config.js");
const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");

describe("the pane's office.js tag", () => {
  const tags = html.match(/<script\b[^>]*\bsrc="[^"]*office\.js"[^>]*>/g) ?? [];

  test("there is one, deferred: the parser never waits for the CDN", () => {
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatch(/\sdefer[\s>]/);
    expect(tags[0]).not.toMatch(/\sasync[\s>]/); // async would lose the order before the pane bundle
  });

  test("the bundled build keeps it deferred", () => {
    const out = config.officeJsHtml(html, "office-js/office.js");
    expect(out).toContain('<script defer src="office-js/office.js"></script>');
  });

  test("the pane bundle is injected deferred too, so office.js runs first", async () => {
    const configs = await config({}, { mode: "production" });
    const addin = configs.find((c: { name: string }) => c.name === "addin");
    const panes = addin.plugins.filter(
      (p: { userOptions?: { filename?: string } }) => p.userOptions?.filename === "taskpane.html",
    );
    expect(panes).toHaveLength(1);
    expect(panes[0].userOptions.scriptLoading).toBe("defer");
  });
});
