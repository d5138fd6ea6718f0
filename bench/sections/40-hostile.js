"use strict";
/**
 * (d) Issue 10's hostile folder: three good tables plus a far column (20,000 cells in XFD), a merged area
 * J1:XFD1048576, 50,000 merged areas, a row bomb and a link to /dev/zero. The whole folder in one run
 * (target: under 2 minutes, peak ≤ 1.5 GB, exit 1), then each hostile file alone (target: ≤ 20 s each).
 */
const fs = require("fs");
const path = require("path");
const { measureNodeInterleaved, ms, ROOT } = require("../lib");

module.exports = {
  id: "hostile",
  title: "hostile folder (issue 10)",
  order: 40,
  async run(ctx) {
    const hostile = require(path.join(ROOT, "test", "xlsx", "hostile-fixtures.js"));
    const dir = path.join(ctx.tmp, "hostile");
    const bad = await hostile.writeHostile(dir);
    for (let i = 1; i <= 3; i++) fs.copyFileSync(hostile.SAMPLE, path.join(dir, `good-${i}.xlsx`));
    const bin = path.join(ROOT, "bin", "ziping.js");
    const [folder] = measureNodeInterleaved(
      [{ args: [bin, "check", dir, "--format", "json"], okCodes: [1] }],
      {
        runs: 1,
      },
    );
    const rows = [
      {
        measure: `whole folder (${bad.length} hostile + 3 good)`,
        value: ms(folder.ms),
        unit: "ms",
        note: `exit 1; ${folder.rssMb.toFixed(0)} MB peak; target < 120 s, ≤ 1.5 GB`,
      },
    ];
    const alone = measureNodeInterleaved(
      bad.map((f) => ({ args: [bin, "check", path.join(dir, f), "--format", "json"] })),
      { runs: 1 },
    );
    bad.forEach((f, i) =>
      rows.push({
        measure: `  ${f} alone`,
        value: ms(alone[i].ms),
        unit: "ms",
        note: `${alone[i].rssMb.toFixed(0)} MB peak; target ≤ 20 s`,
      }),
    );
    return rows;
  },
};
