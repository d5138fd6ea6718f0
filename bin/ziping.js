#!/usr/bin/env node
"use strict";
// Launcher for the compiled command line (lib/ is built by `npm install` through the prepare script).
const path = require("path");
const fs = require("fs");

const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "ziping：命令行程序尚未编译（缺少 lib/cli/main.js）。请在项目目录运行 npm install 或 npm run build:cli。\n" +
      "ziping: the command line is not built yet (lib/cli/main.js is missing). Run `npm install` or `npm run build:cli` in the project.\n",
  );
  process.exit(2);
}
require(entry).run();
