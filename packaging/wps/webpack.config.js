/**
 * The WPS add-in: dist/wps/ with main.js (the ribbon callbacks, ES2017 for WPS's older embedded
 * Chromium), index.html, ribbon.xml, manifest.xml and the install files (publish.html, publish.xml,
 * jsplugins.xml, oem.ini.example) filled in for ZIPING_BASE_URL, the same variable as the Excel
 * build. The task pane is the Excel build's pane page without office.js, which that build copies with its
 * chunks into dist/wps/pane/ (PANE_PATH): the add-in folder is then whole, as an offline package needs.
 *
 * A function (env, argv) → config: webpack.config.js includes it, and
 *   npx webpack --config packaging/wps/webpack.config.js --env ZIPING_BASE_URL=https://intranet.example/ziping/
 * builds it alone.
 */
const path = require("path");
const webpack = require("webpack");
const { renderWpsFiles, baseUrlFrom, PANE_PATH } = require("./render");
const { nodeModulesRule, ownSourcesLoader } = require("../../build/es2017");

const root = path.resolve(__dirname, "../..");

/** Emits the filled templates and the ribbon icon as build assets. */
class EmitWpsFilesPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("EmitWpsFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "EmitWpsFilesPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [name, text] of Object.entries(this.files))
            compilation.emitAsset(name, new RawSource(text));
          const icon = path.join(root, "assets/icons/icon-32.png");
          if (require("fs").existsSync(icon)) {
            compilation.fileDependencies.add(icon);
            compilation.emitAsset("images/icon-32.png", new RawSource(require("fs").readFileSync(icon)));
          }
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || (env && env.development ? "development" : "production");
  const baseUrl = baseUrlFrom(env, process.env);
  const version = require("../../package.json").version;
  return {
    name: "wps",
    mode,
    context: root,
    target: ["web", "es2017"],
    entry: { main: "./src/wps-addin/main.ts" },
    output: {
      path: path.join(root, "dist/wps"),
      filename: "[name].js", // ribbon's index.html names it; WPS caches by URL, so no hash
      publicPath: "",
      // pane/ is the add-in build's (the WPS pane page and its chunks, webpack.config.js): both run at once.
      clean: { keep: /^pane[\\/]/ },
      environment: {
        arrowFunction: true,
        const: true,
        destructuring: true,
        forOf: true,
        optionalChaining: false,
      },
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        // node_modules code above ES2017 (ts-loader skips it): see build/es2017.js.
        nodeModulesRule,
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // ES2017 after TypeScript too: it leaves regular expressions (\p{…}) as written.
          use: [
            ownSourcesLoader,
            {
              loader: "ts-loader",
              options: {
                transpileOnly: true,
                configFile: path.join(root, "tsconfig.json"),
                compilerOptions: { target: "ES2017", module: "ESNext", sourceMap: mode !== "production" },
              },
            },
          ],
        },
      ],
    },
    devtool: mode === "production" ? false : "source-map",
    plugins: [
      new webpack.DefinePlugin({ __ZIPING_PANE_URL__: JSON.stringify(baseUrl + "wps/" + PANE_PATH) }),
      new EmitWpsFilesPlugin(renderWpsFiles({ baseUrl, version })),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
