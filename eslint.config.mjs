// ESLint flat config. `npm run lint` runs this with --max-warnings 0 and then `prettier --check`.
// The architecture's import rules (docs/architecture.md, "Who may import what") are enforced here: each
// layer's forbidden imports are a no-restricted-imports rule whose message names the boundary.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

/** Node's built-in modules, with and without the node: prefix. */
const NODE_BUILTINS = [
  "assert",
  "buffer",
  "child_process",
  "crypto",
  "events",
  "fs",
  "fs/promises",
  "http",
  "https",
  "module",
  "net",
  "os",
  "path",
  "process",
  "stream",
  "url",
  "util",
  "worker_threads",
  "zlib",
];
const nodePaths = NODE_BUILTINS.flatMap((m) => [m, `node:${m}`]);

/** Import-path patterns of our own folders (relative imports; a folder name is a path segment). */
const ours = (folder) => [`**/${folder}`, `**/${folder}/**`];

/**
 * One boundary: files under `files` may not import the listed folders of ours, packages or Node.
 * The message carries the boundary's name so a violation says which architectural rule it breaks.
 */
function boundary(name, files, { folders = [], packages = [], node = false, why }) {
  const patterns = [];
  if (folders.length) patterns.push({ group: folders.flatMap(ours), message: `[boundary ${name}] ${why}` });
  if (packages.length) patterns.push({ group: packages, message: `[boundary ${name}] ${why}` });
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: node ? nodePaths.map((p) => ({ name: p, message: `[boundary ${name}] ${why}` })) : [],
          patterns,
        },
      ],
    },
  };
}

const UI = ["react", "react-dom", "react-dom/*", "@fluentui/*"];
const HEAVY_READERS = ["exceljs", "@e965/xlsx", "docx"];

export default tseslint.config(
  {
    ignores: ["lib/**", "dist/**", "coverage/**", "node_modules/**", "test/fixtures/generated/**", "docs/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },

  // Browser code (pane, demo, hosts, ribbon callbacks).
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The engine's functions take at most five positional parameters; more is a data object (issue 16).
  { files: ["src/engine/**/*.ts"], rules: { "max-params": ["error", 5] } },
  // React: the rules of hooks for every component and hook.
  {
    files: ["src/**/*.tsx", "src/taskpane/**/*.ts", "src/demo/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // A namespace import of the icon package defeats tree shaking and adds megabytes to the pane.
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='@fluentui/react-icons'] > ImportNamespaceSpecifier",
          message: "[bundle-budget] import Fluent icons one by one by name, never as a namespace.",
        },
      ],
    },
  },
  // Office.js: the add-in plugin's recommended rules, where Office.js is called.
  {
    files: ["src/hosts/excel/**/*.ts", "src/commands/**/*.ts", "src/hosts/detect.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },

  // --- Architecture boundaries -------------------------------------------------------------
  boundary("engine-is-pure", ["src/engine/**/*.ts"], {
    folders: ["hosts", "taskpane", "cli", "xlsx", "docx", "files", "demo", "commands", "wps-addin"],
    packages: [...UI, ...HEAVY_READERS, "office-js", "@microsoft/office-js"],
    node: true,
    why: "src/engine imports nothing outside the engine: no hosts, UI, readers, CLI, Office or Node.",
  }),
  boundary("hosts-below-ui", ["src/hosts/**/*.ts"], {
    folders: ["taskpane", "cli", "xlsx", "docx", "files", "demo"],
    packages: [...UI, ...HEAVY_READERS],
    node: true,
    why: "hosts import the engine only: never the pane, the CLI, the demo or the file readers.",
  }),
  boundary("pane-no-files", ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts", "src/wps-addin/**/*.ts"], {
    folders: ["cli", "xlsx", "docx", "files", "demo"],
    packages: HEAVY_READERS,
    node: true,
    why: "the task pane runs in Office and WPS: it never imports the xlsx reader, the CLI, the demo or Node.",
  }),
  boundary("cli-no-ui", ["src/cli/**/*.ts", "src/xlsx/**/*.ts", "src/docx/**/*.ts", "src/files/**/*.ts"], {
    folders: ["taskpane", "hosts", "demo", "commands", "wps-addin"],
    packages: UI,
    why: "the CLI and the file readers never import the task pane, the hosts or the demo.",
  }),
  boundary("readers-below-cli", ["src/xlsx/**/*.ts", "src/docx/**/*.ts", "src/files/**/*.ts"], {
    folders: ["cli"],
    why: "the file readers are used by the CLI and the demo; they never import the CLI.",
  }),

  // Node scripts, configs and CommonJS helpers.
  {
    files: [
      "**/*.js",
      "**/*.cjs",
      "bench/**/*.js",
      "scripts/**/*.js",
      "build/**/*.js",
      "packaging/**/*.js",
      "bin/**/*.js",
    ],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["**/*.mjs"], languageOptions: { sourceType: "module", globals: { ...globals.node } } },
  // Tests: Jest globals; a test may use `any` to reach into mocks and may require fixtures.
  {
    files: ["test/**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
