/** Jest 30 + ts-jest (transpile only: `npm run typecheck` is the type check). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json", diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies break Jest's CJS loader.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
    "\\.(css)$": "<rootDir>/test/stubs/style.js",
  },
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
  setupFiles: ["<rootDir>/test/setup-fast-check.js"],
  globalSetup: "<rootDir>/test/global-setup.js",
};
