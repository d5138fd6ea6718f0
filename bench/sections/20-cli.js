"use strict";
/**
 * (b) `ziping check` on a 5,000-indicator workbook vs the floor: exceljs loading the same file and
 * visiting every cell. Both are fresh child processes of the same node, so start-up is counted on both
 * sides; peak resident memory is each whole process's (worker threads included). Issue 10's target:
 * time at most 1.0× the exceljs load, peak memory no more than it.
 */
const path = require("path");
const { fixtures, measureNodeInterleaved, ms, ROOT } = require("../lib");

const VISIT = `
const ExcelJS = require(${JSON.stringify(path.join(ROOT, "node_modules", "exceljs"))});
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[1]);
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => { if (c.value !== undefined) n++; })));
  if (n === 0) process.exit(3);
})();`;

/** The project's reader alone (SheetJS + Grid snapshot), to split the CLI's time between reading and checking. */
const READ_ONLY = `
require(${JSON.stringify(path.join(ROOT, "lib", "xlsx", "read-file.js"))}).readXlsxFile(process.argv[1]).then((g) => { if (!g.length) process.exit(3); });`;
const READ_CHECK = `
const E = require(${JSON.stringify(path.join(ROOT, "lib", "engine"))});
require(${JSON.stringify(path.join(ROOT, "lib", "xlsx", "read-file.js"))}).readXlsxFile(process.argv[1])
  .then((g) => { const r = E.checkWorkbook("x", g, {}); if (r.error) process.exit(3); });`;

module.exports = {
  id: "cli",
  title: "ziping check vs exceljs load (5,000 indicators)",
  order: 20,
  async run(ctx) {
    const fx = fixtures();
    if (!fx || typeof fx.writeLargeWorkbook !== "function")
      return [{ measure: "ziping check", value: "—", note: "scripts/fixtures not available" }];
    const file = path.join(ctx.tmp, "large-5000.xlsx");
    await fx.writeLargeWorkbook(file, 5000);
    const bin = path.join(ROOT, "bin", "ziping.js");
    const runs = 7;
    const [cli, floor, read, readCheck, node] = measureNodeInterleaved(
      [
        { args: [bin, "check", file, "--format", "json"] },
        { args: ["-e", VISIT, file], okCodes: [0] },
        { args: ["-e", READ_ONLY, file], okCodes: [0] },
        { args: ["-e", READ_CHECK, file], okCodes: [0] },
        { args: ["-e", ""], okCodes: [0] },
      ],
      { runs },
    );
    const mb = (x) => `${x.rssMb.toFixed(0)} MB peak`;
    const note = `median of ${runs}, child process, interleaved`;
    return [
      {
        measure: "ziping check --format json (worker)",
        value: ms(cli.ms),
        unit: "ms",
        note: `${note}; ${mb(cli)}`,
      },
      {
        measure: "exceljs readFile + visit every cell",
        value: ms(floor.ms),
        unit: "ms",
        note: `${note}; ${mb(floor)}`,
      },
      {
        measure: "ratio check / exceljs (time)",
        value: (cli.ms / floor.ms).toFixed(2) + "×",
        note: "target ≤ 1.0×",
      },
      {
        measure: "ratio check / exceljs (peak memory)",
        value: (cli.rssMb / floor.rssMb).toFixed(2) + "×",
        note: "target ≤ 1.0×",
      },
      {
        measure: "  of which: readXlsxFile (Grid snapshot)",
        value: ms(read.ms),
        unit: "ms",
        note: `child process, no engine; ${mb(read)}`,
      },
      {
        measure: "  of which: readXlsxFile + checkWorkbook",
        value: ms(readCheck.ms),
        unit: "ms",
        note: `child process, no output, no worker; ${mb(readCheck)}`,
      },
      { measure: "bare node start-up", value: ms(node.ms), unit: "ms", note: `included above; ${mb(node)}` },
    ];
  },
};
