"use strict";
/**
 * (x) Excel host: round trips (`context.sync()` calls) per read and per write batch, counted on the
 * office-addin-mock workbook of test/hosts/excel-mock.ts (there is no Excel here), for sheets of
 * 50 / 500 / 5,000 rows and batches of 20 / 200 edits, on current Excel and on ExcelApi 1.8; undo
 * (values, highlights, after rows moved); Excel on the web's 5 MB limit (row-chunked read); the
 * re-check during cell edit mode; marks in workbook.properties.custom.
 * The milliseconds are the mock's and the host's JavaScript only: in Excel each sync adds a
 * round trip (tens of ms on the desktop, more on the web), which is why the counts matter.
 * Exports { id, title, order, run } for bench/run.js; run() → [{ measure, name, value, unit, note }].
 */
const fs = require("fs");
const path = require("path");
const Module = require("module");

const ROOT = path.resolve(__dirname, "..", "..");

/** Loads TypeScript modules (host and mock) by transpiling on require; maps office-addin-manifest to Jest's stub. */
function withTs(fn) {
  const ts = require("typescript");
  const had = Object.prototype.hasOwnProperty.call(require.extensions, ".ts");
  const previous = require.extensions[".ts"];
  const resolve = Module._resolveFilename;
  require.extensions[".ts"] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
      },
      fileName: filename,
    });
    module._compile(out.outputText, filename);
  };
  // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies break require().
  Module._resolveFilename = function (request, ...rest) {
    if (request === "office-addin-manifest") return path.join(ROOT, "test/stubs/office-addin-manifest.js");
    return resolve.call(this, request, ...rest);
  };
  try {
    return fn();
  } finally {
    Module._resolveFilename = resolve;
    if (had) require.extensions[".ts"] = previous;
    else delete require.extensions[".ts"];
  }
}

function sheet(name, rows) {
  const values = [
    ["项目支出绩效自评表", null, null, null, null, null],
    ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ];
  for (let i = 0; i < rows; i++) values.push([`指标${i + 1}`, 100, 90 + (i % 10), 5, 4.5, null]);
  return { name, values, merges: [{ top: 0, left: 0, bottom: 0, right: 5 }] };
}

function edits(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(
      i % 2 === 0
        ? { kind: "value", cell: `F${3 + (i >> 1)}`, value: `偏差原因${i}`, purpose: "explanation" }
        : { kind: "fill", cell: `E${3 + (i >> 1)}`, color: "#FFC7CE", purpose: "highlight" },
    );
  }
  return out;
}

async function run() {
  const { MockWorkbook } = withTs(() => require(path.join(ROOT, "test/hosts/excel-mock.ts")));
  const { ExcelHost } = withTs(() => require(path.join(ROOT, "src/hosts/excel/index.ts")));
  const rows = [];
  const add = (measure, value, unit, note) => rows.push({ measure, name: measure, value, unit, note });
  const now = () => Number(process.hrtime.bigint()) / 1e6;

  for (const n of [50, 500, 5000]) {
    const wb = new MockWorkbook([{ grid: sheet("自评表", n) }]);
    const host = new ExcelHost(wb.excelApi());
    const t0 = now();
    await host.read();
    add(`read ${n} rows`, wb.syncs, "syncs", `${(now() - t0).toFixed(0)} ms in the mock`);
  }

  for (const [api, label] of [
    ["1.13", "current Excel"],
    ["1.8", "ExcelApi 1.8"],
  ]) {
    for (const n of [20, 200]) {
      const wb = new MockWorkbook([{ grid: sheet("自评表", 500) }], { api });
      const host = new ExcelHost(wb.excelApi());
      await host.read();
      let before = wb.syncs;
      const res = await host.apply("自评表", edits(n));
      add(
        `write ${n} edits after a read (${label})`,
        wb.syncs - before,
        "syncs",
        res.ok
          ? res.notes.length
            ? "fills cleared on undo, user told"
            : "old values and fills recorded in the same sync"
          : res.reason,
      );
      if (res.ok) {
        before = wb.syncs;
        await host.undo(res.undo);
        add(`undo ${n} edits (${label})`, wb.syncs - before, "syncs", "check (in place, ours), then write");
      }
    }
  }

  {
    const wb = new MockWorkbook([{ grid: sheet("自评表", 500) }]);
    const host = new ExcelHost(wb.excelApi());
    const res = await host.apply("自评表", edits(200));
    add(
      "write 200 edits, sheet not read first",
      wb.syncs,
      "syncs",
      res.ok ? "protection checked first, then written" : res.reason,
    );
  }
  {
    const wb = new MockWorkbook([
      {
        grid: sheet("自评表", 500),
        protected: true,
        unlocked: Array.from({ length: 100 }, (_, i) => `F${3 + i}`),
      },
    ]);
    const host = new ExcelHost(wb.excelApi());
    await host.read();
    const before = wb.syncs;
    const res = await host.apply(
      "自评表",
      edits(200).filter((e) => e.kind === "value"),
    );
    add(
      "write 100 explanations, protected sheet with unlocked inputs",
      wb.syncs - before,
      "syncs",
      res.ok ? "locked cells checked, then written" : res.reason,
    );
  }
  {
    const wb = new MockWorkbook([{ grid: sheet("自评表", 500) }]);
    const host = new ExcelHost(wb.excelApi());
    await host.read();
    const fills = edits(200).filter((e) => e.kind === "fill");
    const res = await host.apply("自评表", fills);
    const before = wb.syncs;
    if (res.ok) await host.undo(res.undo);
    add(
      "undo 100 highlights",
      wb.syncs - before,
      "syncs",
      "check cells in place and fills still ours, then write",
    );
  }
  {
    const wb = new MockWorkbook([{ grid: sheet("自评表", 500) }]);
    const host = new ExcelHost(wb.excelApi());
    await host.read();
    const res = await host.apply("自评表", edits(40));
    wb.insertRows("自评表", 2, 3);
    const before = wb.syncs;
    if (res.ok) await host.undo(res.undo);
    add(
      "undo 40 edits after 3 rows inserted above",
      wb.syncs - before,
      "syncs",
      "cells followed by their row's text; +1 for fills at the new place",
    );
  }
  {
    // The re-check while the user types in the next cell: held by delayForCellEdit, no extra sync;
    // on a client that ignores the option, one refused sync and a retry after Enter.
    for (const ignores of [false, true]) {
      const wb = new MockWorkbook([{ grid: sheet("自评表", 500) }], { ignoresDelayForCellEdit: ignores });
      const host = new ExcelHost(wb.excelApi());
      wb.startEdit();
      const reading = host.read().catch((e) => e);
      await new Promise((r) => setTimeout(r, 5));
      wb.endEdit();
      const first = await reading;
      if (first && first.reason === "edit-mode") await host.read();
      add(
        ignores ? "re-check during cell edit, client without delayForCellEdit" : "re-check during cell edit",
        wb.syncs,
        "syncs",
        ignores ? "1 refused (edit-mode: retry later), 1 after Enter" : "held until Enter, then one sync",
      );
    }
  }
  {
    // Marks in workbook.properties.custom: a 30-mark list (over 255 characters: split into parts).
    const wb = new MockWorkbook([{ grid: sheet("自评表", 50) }], { api: "1.13" });
    const host = new ExcelHost(wb.excelApi());
    const marks = JSON.stringify(Array.from({ length: 30 }, (_, i) => `自评表!EXEC_RATE_LOW@G${i + 9}`));
    await host.setSetting("ziping.explainedInReport", marks);
    add(
      "set a mark list (custom properties)",
      wb.syncs,
      "syncs",
      `${marks.length} characters in ${wb.customProperties.size} parts`,
    );
    const before = wb.syncs;
    await new ExcelHost(wb.excelApi()).getSetting("ziping.explainedInReport");
    add("read a mark list (custom properties)", wb.syncs - before, "syncs", "all parts in one load");
  }
  for (const n of [500, 3000]) {
    const g = sheet("自评表", n);
    g.values.forEach((row) => (row[5] = "很长的偏差原因说明".repeat(40)));
    const wb = new MockWorkbook([{ grid: g }], { platform: "web" });
    const host = new ExcelHost(wb.excelApi());
    const t0 = now();
    await host.read();
    add(
      `read ${n} rows with long text, Excel on the web`,
      wb.syncs,
      "syncs",
      wb.failures.length
        ? `over 5 MB: 1 refused, then shape + row chunks; ${(now() - t0).toFixed(0)} ms in the mock`
        : "under 5 MB: one sync",
    );
  }
  return rows;
}

module.exports = {
  id: "excel",
  title: "Excel host: syncs per read / write (office-addin-mock)",
  order: 45,
  run,
};
