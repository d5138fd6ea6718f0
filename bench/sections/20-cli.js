"use strict";
/**
 * (b) `ziping check` on a 5,000-indicator workbook vs the floor: exceljs loading the same file and visiting
 * every cell. Both are fresh child processes of the same node, so start-up is counted on both sides.
 */
const path = require("path");
const { fixtures, timeNode, ms, ROOT } = require("../lib");

const VISIT = `
const ExcelJS = require(${JSON.stringify(path.join(ROOT, "node_modules", "exceljs"))});
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[1]);
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => { if (c.value !== undefined) n++; })));
  if (n === 0) process.exit(3);
})();`;

module.exports = {
  id: "cli",
  title: "ziping check vs exceljs load (5,000 indicators)",
  order: 20,
  async run(ctx) {
    const fx = fixtures();
    if (!fx || typeof fx.writeLargeWorkbook !== "function") return [{ measure: "ziping check", value: "—", note: "scripts/fixtures not available" }];
    const file = path.join(ctx.tmp, "large-5000.xlsx");
    await fx.writeLargeWorkbook(file, 5000);
    const bin = path.join(ROOT, "bin", "ziping.js");
    const runs = 5;
    const cli = timeNode([bin, "check", file, "--format", "json"], { runs });
    const floor = timeNode(["-e", VISIT, file], { runs, okCodes: [0] });
    const node = timeNode(["-e", ""], { runs, okCodes: [0] });
    return [
      { measure: "ziping check --format json", value: ms(cli), unit: "ms", note: `median of ${runs}, child process` },
      { measure: "exceljs readFile + visit every cell", value: ms(floor), unit: "ms", note: `median of ${runs}, child process` },
      { measure: "ratio check / exceljs", value: (cli / floor).toFixed(2) + "×", note: "target ≤ 1.3×" },
      { measure: "bare node start-up", value: ms(node), unit: "ms", note: "included in both figures above" },
    ];
  },
};
