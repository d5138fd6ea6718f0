/**
 * Fills the WPS add-in templates (this folder) for one deployment address. Used by
 * packaging/wps/webpack.config.js and by the packaging test; plain CommonJS so webpack's config can load it.
 *
 *   renderWpsFiles({ baseUrl: "https://intranet.example/ziping/", version: "1.0.0" })
 *     → { "ribbon.xml": "...", "index.html": "...", "publish.html": "...", ... }
 *
 * The add-in's own files live at <base>wps/ (that URL, ending in "/", is what WPS is given), the task
 * pane with them at <base>wps/pane/taskpane-wps.html (the Excel build's pane page without office.js,
 * copied there with its chunks), so the folder alone is the whole add-in (an offline package).
 */
const fs = require("fs");
const path = require("path");

const ADDON_NAME = "ziping";
const DEFAULT_BASE_URL = "https://localhost:3000/";
/** The pane page inside the add-in folder (src/wps-addin/ribbon.ts PANE_PATH says the same). */
const PANE_PATH = "pane/taskpane-wps.html";
/** Templates copied into dist/wps/ (oem.ini.example is documentation for administrators). */
const TEMPLATES = [
  "ribbon.xml",
  "index.html",
  "manifest.xml",
  "publish.html",
  "publish.xml",
  "jsplugins.xml",
  "oem.ini.example",
];

/**
 * The deployment base URL with a trailing "/": the ZIPING_BASE_URL environment variable first, then
 * `--env ZIPING_BASE_URL=…` or `--env baseUrl=…` (the same order as webpack.config.js).
 */
function baseUrlFrom(env, processEnv) {
  const raw =
    (processEnv && processEnv.ZIPING_BASE_URL) ||
    (env && (env.ZIPING_BASE_URL || env.baseUrl)) ||
    DEFAULT_BASE_URL;
  const url = String(raw).trim();
  // No quotes, brackets or ampersands: the URL goes verbatim into XML attributes and a script.
  if (!/^https?:\/\/[^\s/"'<>&\\]+[^\s"'<>&\\]*$/i.test(url)) {
    throw new Error(
      `ZIPING_BASE_URL 必须是 http(s) 地址（不含空格、引号、<、>、&），例如 https://intranet.example/ziping/ ，收到：${url}`,
    );
  }
  return url.endsWith("/") ? url : url + "/";
}

function renderWpsFiles({ baseUrl, version = "1.0.0", dir = __dirname }) {
  if (!/^[\w.+-]+$/.test(String(version))) throw new Error(`版本号无效：${version}`);
  const base = baseUrlFrom({ ZIPING_BASE_URL: baseUrl }, {});
  const vars = {
    NAME: ADDON_NAME,
    VERSION: version,
    BASE_URL: base,
    ADDON_URL: base + "wps/",
    PANE_URL: base + "wps/" + PANE_PATH,
  };
  const out = {};
  for (const name of TEMPLATES) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    out[name] = text.replace(/\{\{(\w+)\}\}/g, (m, key) => (key in vars ? vars[key] : m));
  }
  return out;
}

module.exports = { renderWpsFiles, baseUrlFrom, ADDON_NAME, DEFAULT_BASE_URL, TEMPLATES, PANE_PATH };
