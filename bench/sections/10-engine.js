"use strict";
/** (a) Engine only: checkGrid on one sheet of 50 / 500 / 5,000 indicator rows (read beforehand, not timed). */
const path = require("path");
const { fixtures, timeIt, ms, ROOT } = require("../lib");

module.exports = {
  id: "engine",
  title: "engine: checkGrid only",
  order: 10,
  async run(ctx) {
    const fx = fixtures();
    if (!fx || typeof fx.writeLargeWorkbook !== "function")
      return [{ measure: "checkGrid", value: "—", note: "scripts/fixtures not available" }];
    const { readXlsxFile } = require(path.join(ROOT, "lib", "xlsx", "read-file.js"));
    const { checkGrid, getProfile, DEFAULT_PROFILE_ID } = require(path.join(ROOT, "lib", "engine"));
    const profile = getProfile(DEFAULT_PROFILE_ID);
    const rows = [];
    for (const n of [50, 500, 5000]) {
      const file = path.join(ctx.tmp, `engine-${n}.xlsx`);
      await fx.writeLargeWorkbook(file, n);
      const grids = await readXlsxFile(file);
      const grid = grids.find((g) => checkGrid(g, profile).ok);
      if (!grid) {
        rows.push({
          measure: `checkGrid ${n} rows`,
          value: "—",
          note: "generated workbook not recognised as a 自评表",
        });
        continue;
      }
      const runs = n >= 5000 ? 7 : 21;
      const t = await timeIt(() => checkGrid(grid, profile), { runs, warmup: 3 });
      rows.push({
        measure: `checkGrid ${n} indicators`,
        value: ms(t),
        unit: "ms",
        note: `median of ${runs}`,
      });
    }
    return rows;
  },
};
