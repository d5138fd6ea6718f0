/**
 * The browser demo: the task pane beside a read-only view of the sheet, on the memory host, with
 * the bundled sample. Built into dist/demo/ (open dist/demo/index.html through `npm run demo`).
 * The page never loads office.js, and exceljs is only in the lazily loaded "xlsx" chunk.
 *
 * A function (env, argv) → config, so webpack.config.js can include it and `webpack --config
 * build/webpack.demo.js` can build it alone.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { nodeModulesRule, ownSourcesLoader } = require("./es2017");

const root = path.resolve(__dirname, "..");

/**
 * The exceljs chunk is exceljs's own prebuilt, minified browser file: minifying it again costs most of
 * the build time and saves nothing. Webpack's minimizers skip assets marked `minimized`.
 */
class PrebuiltIsMinified {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PrebuiltIsMinified", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "PrebuiltIsMinified", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (/^exceljs\.[^/]*\.js$/.test(name))
              compilation.updateAsset(name, (source) => source, { minimized: true });
          }
        },
      );
    });
  }
}
/** The workbook the demo opens on; DEMO_SAMPLE=/path/to/file.xlsx builds the demo around another one. */
const DEFAULT_SAMPLE = path.join(root, "assets/samples/2021年度部门整体支出绩效自评表.xlsx");

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || (env && env.development ? "development" : "production");
  const production = mode === "production";
  return {
    name: "demo",
    mode,
    context: root,
    // The same ES2017 as the pane: the demo is opened on the same office PCs.
    target: ["web", "es2017"],
    entry: { demo: "./src/demo/main.tsx" },
    output: {
      path: path.join(root, "dist/demo"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "",
      clean: true,
    },
    // No eval-based source maps: the page's CSP forbids eval.
    devtool: production ? false : "source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      alias: {
        "demo-sample.xlsx$": process.env.DEMO_SAMPLE ? path.resolve(process.env.DEMO_SAMPLE) : DEFAULT_SAMPLE,
      },
    },
    module: {
      // exceljs's browser build is one prebuilt, minified file: no need to parse it for imports.
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/,
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
                configFile: path.join(root, "tsconfig.json"),
                // Dynamic import() must stay an import() so that webpack splits exceljs into its own chunk.
                compilerOptions: { module: "esnext", sourceMap: !production },
              },
            },
          ],
        },
        { test: /\.xlsx$/, loader: path.join(__dirname, "demo-sample-loader.js") },
      ],
    },
    plugins: [
      new PrebuiltIsMinified(),
      new HtmlWebpackPlugin({
        template: path.join(root, "src/demo/index.html"),
        filename: "index.html",
        chunks: ["demo"],
        scriptLoading: "defer",
      }),
      // The add-in's help page, for the first-run note's link: same folder, so it works offline.
      new HtmlWebpackPlugin({
        template: path.join(root, "src/commands/help.html"),
        filename: "help.html",
        chunks: [],
        inject: false,
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // exceljs (≈900 KB) gets a file of its own, fetched only with the lazy "xlsx" chunk.
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
};
