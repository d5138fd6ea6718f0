"use strict";
/**
 * The bundled sample saved as an old binary .xls (BIFF8) by SheetJS — generated, never committed.
 * Used by test/xlsx/limits.test.ts and test/build/cli-hostile.test.ts: it must check like the .xlsx.
 */
const fs = require("fs");
const XLSX = require("@e965/xlsx");
const { SAMPLE } = require("./hostile-fixtures");

function writeSampleXls(file) {
  const wb = XLSX.read(fs.readFileSync(SAMPLE), { cellFormula: true, cellNF: true, cellStyles: true });
  fs.writeFileSync(file, XLSX.write(wb, { bookType: "biff8", type: "buffer" }));
  return file;
}

module.exports = { writeSampleXls };
