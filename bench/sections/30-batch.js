"use strict";
/** (c) A 200-file batch (one folder) with --jobs 1, 2 and the default. */
const fs = require("fs");
const path = require("path");
const { fixtures, timeNodeInterleaved, ms, ROOT } = require("../lib");

const FILES = 200;

/** Any single-sheet workbook the fixture script writes; the bundled sample otherwise. */
async function oneWorkbook(ctx) {
  const fx = fixtures();
  if (fx && typeof fx.writeLargeWorkbook === "function") {
    const f = path.join(ctx.tmp, "batch-src.xlsx");
    await fx.writeLargeWorkbook(f, 20);
    return { file: f, note: "generated, 20 indicators each" };
  }
  const dir = path.join(ROOT, "assets", "samples");
  const f = fs.existsSync(dir) ? fs.readdirSync(dir).find((n) => n.endsWith(".xlsx")) : null;
  return f ? { file: path.join(dir, f), note: "copies of the bundled sample" } : null;
}

module.exports = {
  id: "batch",
  title: `batch of ${FILES} files`,
  order: 30,
  async run(ctx) {
    const src = await oneWorkbook(ctx);
    if (!src) return [{ measure: "batch", value: "—", note: "no workbook to copy" }];
    const dir = path.join(ctx.tmp, "batch");
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < FILES; i++)
      fs.copyFileSync(src.file, path.join(dir, `单位${String(i).padStart(3, "0")}.xlsx`));
    const bin = path.join(ROOT, "bin", "ziping.js");
    const configs = [["1"], ["2"], ["4"], null];
    const times = timeNodeInterleaved(
      configs.map((j) => ({ args: [bin, "check", dir, "--format", "json", ...(j ? ["--jobs", j[0]] : [])] })),
      { runs: 3 },
    );
    const t1 = times[0];
    const rows = [
      { measure: `--jobs 1 (${src.note})`, value: ms(t1), unit: "ms", note: `${ms(t1 / FILES)} ms/file` },
    ];
    configs.slice(1).forEach((j, k) => {
      const t = times[k + 1];
      const label = j ? `--jobs ${j[0]}` : `default jobs (${ctx.cpus} CPUs)`;
      rows.push({ measure: label, value: ms(t), unit: "ms", note: `speed-up ${(t1 / t).toFixed(2)}×` });
    });
    return rows;
  },
};
