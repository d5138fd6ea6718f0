"use strict";
/**
 * Preloaded into a measured child (`node -r bench/maxrss.js …`): at exit, writes the process's peak
 * resident memory in KB (worker threads included: they share the process) to $ZIPING_BENCH_RSS_FILE.
 */
const fs = require("fs");

process.on("exit", () => {
  const file = process.env.ZIPING_BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
