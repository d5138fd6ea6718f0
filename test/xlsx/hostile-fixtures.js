"use strict";
/**
 * Hostile workbooks for the reader's limits (issue 10), generated, never committed: a far column (20,000
 * cells in XFD), one giant merged area J1:XFD1048576, 50,000 small merged areas, a row bomb (a few hundred
 * KB of zip that inflate to a million rows) and a symlink to /dev/zero. Each starts from the bundled
 * sample, so the good 自评表 is still there: only the hostile part may make the file unreadable.
 * Used by test/build/cli-hostile.test.ts and bench/sections/40-hostile.js.
 */
const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "samples", "2021年度部门整体支出绩效自评表.xlsx");

/** The sample with its first worksheet's XML changed by `edit(xml) → xml`, zipped again. */
async function editFirstSheet(file, edit) {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const name = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(name).async("string");
  zip.file(name, edit(xml));
  const buf = await zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
  fs.writeFileSync(file, buf);
  return file;
}

/** Appends `extra` to <sheetData>, after the last row, so row order stays ascending. */
const appendRows = (extra) => (xml) => xml.replace("</sheetData>", `${extra}</sheetData>`);

/** Adds merged areas to the sheet (into an existing <mergeCells> or a new one after </sheetData>). */
const addMerges = (refs) => (xml) => {
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join("");
  if (/<mergeCells[^>]*>/.test(xml))
    return xml
      .replace(
        /<mergeCells[^>]*count="(\d+)"[^>]*>/,
        (_m, n) => `<mergeCells count="${Number(n) + refs.length}">`,
      )
      .replace("</mergeCells>", `${cells}</mergeCells>`);
  return xml.replace("</sheetData>", `</sheetData><mergeCells count="${refs.length}">${cells}</mergeCells>`);
};

function lastRowOf(xml) {
  let last = 0;
  for (const m of xml.matchAll(/<row [^>]*r="(\d+)"/g)) last = Math.max(last, Number(m[1]));
  return last;
}

/** 20,000 cells in column XFD below the table. */
async function farColumn(file, n = 20000) {
  return editFirstSheet(file, (xml) => {
    const start = lastRowOf(xml) + 1;
    let rows = "";
    for (let r = start; r < start + n; r++)
      rows += `<row r="${r}"><c r="XFD${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
    return appendRows(rows)(xml);
  });
}

async function giantMerge(file) {
  return editFirstSheet(file, addMerges(["J1:XFD1048576"]));
}

/** n merged areas of two cells each in columns AA:AB… below the table (no overlap with the sample's). */
async function manyMerges(file, n = 50000) {
  return editFirstSheet(file, (xml) => {
    const refs = [];
    const start = lastRowOf(xml) + 2;
    for (let i = 0; i < n; i++) refs.push(`AA${start + i}:AB${start + i}`);
    return addMerges(refs)(xml);
  });
}

/**
 * A million rows of four numbers each, below the table, without row/cell references (optional in the
 * format, and what makes them compress to a few hundred KB).
 */
async function rowBomb(file, rows = 1048000) {
  return editFirstSheet(file, (xml) =>
    appendRows("<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c></row>".repeat(rows))(xml),
  );
}

/** A symlink to /dev/zero (POSIX only; returns null where it cannot be made). */
function zeroLink(file) {
  try {
    fs.symlinkSync("/dev/zero", file);
    return file;
  } catch {
    return null;
  }
}

/** All of the above in `dir`; returns the file names written (the symlink only where possible). */
async function writeHostile(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const at = (n) => path.join(dir, n);
  const out = [];
  out.push(path.basename(await farColumn(at("far-column-XFD.xlsx"))));
  out.push(path.basename(await giantMerge(at("giant-merge.xlsx"))));
  out.push(path.basename(await manyMerges(at("merges-50000.xlsx"))));
  out.push(path.basename(await rowBomb(at("row-bomb.xlsx"))));
  if (zeroLink(at("dev-zero.xlsx"))) out.push("dev-zero.xlsx");
  return out;
}

module.exports = {
  SAMPLE,
  farColumn,
  giantMerge,
  manyMerges,
  rowBomb,
  zeroLink,
  writeHostile,
  editFirstSheet,
};

if (require.main === module) {
  writeHostile(path.resolve(process.argv[2] || "hostile")).then((names) =>
    process.stdout.write(names.join("\n") + "\n"),
  );
}
