/**
 * Builds the Excel add-in into dist/: taskpane.html (+ its JS), commands.html, help.html, icons and a
 * manifest.xml whose URLs point at the deployment address. Other targets add their own config file
 * and are built alongside when present: packaging/wps/webpack.config.js (WPS packaging), build/webpack.demo.js
 * (the browser demo). Each is `(env, argv) → config | config[]`.
 *
 * Build-time settings (environment variables, or `--env name=value`):
 *   ZIPING_BASE_URL   (env.baseUrl)   where dist/ will be served, https; default https://localhost:3000/
 *   ZIPING_OFFICE_JS  (env.officeJs)  "cdn" (default: Microsoft's CDN) or "bundled" (copied from
 *                                     @microsoft/office-js into dist/office-js/, for intranets)
 *   ZIPING_OFFICE_JS_LOCALES          with "bundled": locale folders to copy, default "zh-cn,en-us", or "all"
 * `npm run build` needs no certificates; only `webpack serve` (npm run dev-server) asks
 * office-addin-dev-certs for them.
 */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { nodeModulesRule, ownSourcesLoader } = require("./build/es2017");

const ROOT = __dirname;
const DEV_BASE_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The same task pane for WPS, without office.js (packaging/wps/webpack.config.js points the ribbon at it). */
const WPS_PANE = "taskpane-wps.html";
/** Where the WPS add-in (dist/wps/) keeps its own copy of the pane: packaging/wps/render.js PANE_PATH. */
const WPS_PANE_DIR = "wps/pane";
const BUNDLED_DIR = "office-js";
const OFFICE_JS_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");

/**
 * The deployment base URL, ending in "/". Read like packaging/wps/webpack.config.js reads it (process env first,
 * then `--env ZIPING_BASE_URL=` / `--env baseUrl=`). Office loads add-ins only over https: an http
 * URL (fine for WPS on an intranet) still builds, with a warning that the Excel manifest will not load.
 */
function baseUrlFrom(env = {}, warn = (m) => console.warn(m)) {
  const raw = String(
    process.env.ZIPING_BASE_URL || env.ZIPING_BASE_URL || env.baseUrl || DEV_BASE_URL,
  ).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `ZIPING_BASE_URL is not a URL: "${raw}" (example: https://addins.example.gov.cn/ziping/)`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`ZIPING_BASE_URL must be an https URL: "${raw}"`);
  // It goes verbatim into XML attributes.
  if (/["'<>&\s]/.test(raw) || url.search || url.hash)
    throw new Error(
      `ZIPING_BASE_URL must not contain quotes, <, >, &, spaces, a query or a fragment: "${raw}"`,
    );
  if (url.protocol === "http:") {
    warn(
      `warning: ZIPING_BASE_URL is http (${raw}): WPS accepts it, but Office loads add-ins only over https, so dist/manifest.xml will not work in Excel.`,
    );
  }
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/** manifest.xml with every dev-server URL moved to `baseUrl`. */
function rewriteManifest(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(baseUrl);
}

function officeJsModeFrom(env = {}) {
  const mode = String(process.env.ZIPING_OFFICE_JS || env.officeJs || "cdn").toLowerCase();
  if (mode !== "cdn" && mode !== "bundled")
    throw new Error(`ZIPING_OFFICE_JS must be "cdn" or "bundled", not "${mode}"`);
  return mode;
}

/** Points the pages' office.js <script> at the bundled copy, or adds the tag when a page has none. */
function officeJsHtml(html, src) {
  const tag = `<script src="${src}"></script>`;
  if (html.includes(CDN_OFFICE_JS)) return html.split(CDN_OFFICE_JS).join(src);
  if (/<script[^>]+office\.js/.test(html)) return html;
  return html.replace(/<\/head>/i, `    ${tag}\n  </head>`);
}

/** The pane page for WPS: no office.js tag (nor the comment about it). */
function withoutOfficeJs(html) {
  return html
    .replace(/\s*<!--[^>]*?office\.js[\s\S]*?-->/g, "")
    .replace(/\s*<script[^>]+office\.js[^>]*><\/script>/g, "");
}

class OfficeJsPlugin {
  constructor(src) {
    this.src = src;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficeJsPlugin", (data) => {
        if (data.outputName === "help.html") return data;
        // WPS runs no Office.js: its pane page must not wait for a CDN an intranet cannot reach.
        data.html =
          data.outputName === WPS_PANE ? withoutOfficeJs(data.html) : officeJsHtml(data.html, this.src);
        return data;
      });
    });
  }
}

/**
 * Copies the WPS pane page, the pane's chunks (its entry and every chunk it may load) and help.html into
 * wps/pane/, so dist/wps/ is the whole WPS add-in: an offline package (that folder unpacked into WPS's
 * jsaddons and loaded from file://) cannot reach files outside it. The page names its scripts relatively
 * and webpack loads chunks relative to the page (publicPath ""), so the copies resolve among themselves.
 */
class WpsPaneCopyPlugin {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("WpsPaneCopyPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "WpsPaneCopyPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entry = compilation.entrypoints.get("taskpane");
          if (!entry) return;
          const files = new Set([WPS_PANE, "help.html"]);
          for (const chunk of entry.chunks)
            for (const c of [chunk, ...chunk.getAllAsyncChunks()])
              for (const f of [...c.files, ...c.auxiliaryFiles]) files.add(f);
          for (const f of files) {
            const asset = compilation.getAsset(f);
            if (asset) compilation.emitAsset(`${WPS_PANE_DIR}/${f}`, asset.source, asset.info);
          }
        },
      );
    });
  }
}

/** The files office.js loads next to itself in Excel: the Excel host scripts, telemetry and strings. */
function bundledOfficeJsPatterns() {
  if (!fs.existsSync(path.join(OFFICE_JS_DIST, "office.js"))) {
    throw new Error("ZIPING_OFFICE_JS=bundled needs the @microsoft/office-js package (npm install)");
  }
  const wanted = String(process.env.ZIPING_OFFICE_JS_LOCALES || "zh-cn,en-us").toLowerCase();
  const locales =
    wanted === "all"
      ? fs
          .readdirSync(OFFICE_JS_DIST)
          .filter((d) => fs.existsSync(path.join(OFFICE_JS_DIST, d, "office_strings.js")))
      : wanted
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
  // Microsoft's files go out as published: `minimized` keeps Terser away from them.
  const common = {
    context: OFFICE_JS_DIST,
    to: BUNDLED_DIR + "/",
    info: { minimized: true },
    globOptions: { ignore: ["**/*.debug.js"] },
  };
  return [
    { from: "office.js", ...common },
    { from: "o15apptofilemappingtable.js", ...common },
    { from: "excel*.js", ...common },
    { from: "telemetry/*.js", ...common },
    { from: "ariatelemetry/**", ...common },
    { from: "agaveerrorux/**", ...common },
    // A file (not a glob) is copied by its base name: give each locale its folder.
    ...locales.map((l) => ({ from: `${l}/office_strings.js`, ...common, to: `${BUNDLED_DIR}/${l}/` })),
  ];
}

async function devServerHttps() {
  // Required only here, so that a plain build never touches certificates.
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

/** The Excel add-in config. */
async function addinConfig(env = {}, argv = {}) {
  const mode = argv.mode || (env.development ? "development" : "production");
  const production = mode === "production";
  const serving = !!env.WEBPACK_SERVE;
  const baseUrl = baseUrlFrom(env);
  const officeJs = officeJsModeFrom(env);
  const officeJsSrc = officeJs === "bundled" ? `${BUNDLED_DIR}/office.js` : CDN_OFFICE_JS;

  const config = {
    name: "addin",
    mode,
    context: ROOT,
    target: ["web", "es2017"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.join(ROOT, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "",
      // Only our own outputs: dist/demo and dist/wps belong to the other configs — except dist/wps/pane,
      // which this build writes (WpsPaneCopyPlugin), so that chunks of older builds do not pile up there.
      clean: { keep: /^demo[\\/]|^wps[\\/](?!pane[\\/])/ },
    },
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        // node_modules code above ES2017 (ts-loader skips it): see build/es2017.js.
        nodeModulesRule,
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES2017 after TypeScript too: it leaves regular expressions (\p{…}) as written.
          use: [
            ownSourcesLoader,
            {
              loader: "ts-loader",
              options: {
                transpileOnly: true,
                configFile: path.join(ROOT, "tsconfig.json"),
                // ES2017 for WPS's older Chromium; import() stays import() so webpack can split chunks.
                compilerOptions: { target: "es2017", module: "esnext", sourceMap: true },
              },
            },
          ],
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: WPS_PANE,
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        template: "./src/commands/commands.html",
        filename: "commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        template: "./src/commands/help.html",
        filename: "help.html",
        chunks: [],
        inject: false,
      }),
      new OfficeJsPlugin(officeJsSrc),
      new WpsPaneCopyPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icons", to: "assets/icons" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (serving ? content : rewriteManifest(content.toString("utf8"), baseUrl)),
          },
          ...(officeJs === "bundled" ? bundledOfficeJsPatterns() : []),
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // exceljs never belongs in the pane; if anything ever imports it lazily it stays out of the first load.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    stats: "errors-warnings",
  };

  if (serving) {
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devServerHttps() },
      static: { directory: path.join(ROOT, "assets"), publicPath: "/assets" },
      hot: false,
      client: { overlay: { warnings: false } },
    };
  }
  return config;
}

/** Other targets' configs, each owned by its own file; included only when the file exists. */
function extraConfigs(env, argv) {
  const out = [];
  for (const file of ["packaging/wps/webpack.config.js", "build/webpack.demo.js"]) {
    const full = path.join(ROOT, file);
    if (!fs.existsSync(full)) continue;
    const made = require(full)(env, argv);
    out.push(...(Array.isArray(made) ? made : [made]));
  }
  return out;
}

module.exports = async (env = {}, argv = {}) => {
  const addin = await addinConfig(env, argv);
  // `webpack serve` serves the add-in alone; `--env only=addin` (or wps, demo) builds one target.
  if (env.WEBPACK_SERVE) return addin;
  const all = [addin, ...(await Promise.all(extraConfigs(env, argv)))];
  if (env.only) return all.filter((c) => String(env.only).split(",").includes(c.name));
  return all;
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.baseUrlFrom = baseUrlFrom;
module.exports.officeJsHtml = officeJsHtml;
module.exports.withoutOfficeJs = withoutOfficeJs;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.CDN_OFFICE_JS = CDN_OFFICE_JS;
