/**
 * The demo's reading chunk (src/demo/xlsx-chunk.ts) with an old .xls: it opens through the same reader
 * and limits as .xlsx, and a download with a change is an .xlsx that holds the change.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openXlsx, saveXlsx } from "../../src/demo/xlsx-chunk";
import { readWorkbook } from "../../src/xlsx/read";
import { checkWorkbook } from "../../src/engine";
const { SAMPLE } = require("./hostile-fixtures");
const { writeSampleXls } = require("./old-formats");

const arrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

let xls: ArrayBuffer;
beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-demo-xls-"));
  xls = arrayBuffer(fs.readFileSync(writeSampleXls(path.join(dir, "sample.xls"))));
  fs.rmSync(dir, { recursive: true, force: true });
});

test("an .xls opens through the same reader and checks like the .xlsx it was saved from", async () => {
  const opened = await openXlsx(xls, "sample.xls");
  const expected = await readWorkbook(fs.readFileSync(SAMPLE));
  // SheetJS' BIFF8 writer keeps values and formats but not formulas, and cuts text at 255 characters.
  expect(opened.grids[0].name).toBe(expected[0].name);
  expect(checkWorkbook("x", opened.grids)).toEqual(checkWorkbook("x", expected));
  expect(opened.fills).toEqual({});
});

test("the download of an .xls is an .xlsx with the change written in", async () => {
  const out = await saveXlsx(xls, {
    sheets: [
      { sheet: "自评表", values: [{ cell: "I10", value: "已说明原因", keepsFormula: false }], fills: [] },
    ],
    added: [],
  });
  const bytes = new Uint8Array(out);
  expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip: .xlsx
  const grids = await readWorkbook(bytes);
  expect(grids[0].values[9][8]).toBe("已说明原因");
});
