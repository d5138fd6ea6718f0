"use strict";
/**
 * (w) WPS host: ET bridge calls (each property read, write or method call crossing into WPS) for
 * reading a 500-row 自评表 through the WPS host, measured on the fake ET object model (test/fakes/et;
 * there is no WPS here). Also the same sheet at 50 rows, a sheet with few merged labels, and one
 * batch of writes. Exports `async function run() → [{ measure, name, value, unit, note }]`.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");

/** Loads TypeScript modules (the host and the fake) by transpiling them on require, for this section only. */
function withTs(fn) {
  const ts = require("typescript");
  const had = Object.prototype.hasOwnProperty.call(require.extensions, ".ts");
  const previous = require.extensions[".ts"];
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
  try {
    return fn();
  } finally {
    if (had) require.extensions[".ts"] = previous;
    else delete require.extensions[".ts"];
  }
}

async function run() {
  const { FakeEt } = withTs(() => require(path.join(ROOT, "test/fakes/et/index.ts")));
  const { longSheet } = withTs(() => require(path.join(ROOT, "test/fakes/et/long-sheet.ts")));
  const { WpsHost } = withTs(() => require(path.join(ROOT, "src/hosts/wps/index.ts")));

  const readCalls = async (grid) => {
    const et = new FakeEt([grid]);
    const host = new WpsHost(et.app);
    et.resetCalls();
    const r = await host.read();
    const cells = r.grid.values.length * Math.max(...r.grid.values.map((x) => x.length));
    return { calls: et.calls, merges: r.grid.merges.length, cells };
  };

  const rows = [];
  const add = (measure, value, unit, note) => rows.push({ measure, name: measure, value, unit, note });

  const big = await readCalls(longSheet("自评表", { rows: 500, group: 10 }));
  add(
    "read 500 rows",
    big.calls,
    "calls",
    `${big.cells} cells, ${big.merges} merged areas (二级 every 10 rows), 1 in 4 values %-formatted`,
  );
  const small = await readCalls(longSheet("自评表", { rows: 50, group: 10 }));
  add("read 50 rows", small.calls, "calls", `${small.cells} cells, ${small.merges} merged areas`);
  const fewMerges = await readCalls(longSheet("自评表", { rows: 500, group: 100 }));
  add(
    "read 500 rows, few merges",
    fewMerges.calls,
    "calls",
    `${fewMerges.merges} merged areas (二级 every 100 rows)`,
  );
  add(
    "per cell (500 rows)",
    Number((big.calls / big.cells).toFixed(3)),
    "calls/cell",
    "a per-cell read would be ≥ 1 (≥ 4 with formats, text, merges)",
  );

  // One batch: 20 explanations + 20 highlights on the 500-row sheet (read first, as the pane does), then its undo.
  const et = new FakeEt([longSheet("自评表", { rows: 500, group: 10 })]);
  const host = new WpsHost(et.app);
  await host.read();
  const edits = [];
  for (let i = 0; i < 20; i++) {
    edits.push({ kind: "value", cell: `I${6 + i * 20}`, value: `偏差原因${i + 1}`, purpose: "explanation" });
    edits.push({ kind: "fill", cell: `H${6 + i * 20}`, color: "#FFC7CE", purpose: "highlight" });
  }
  et.resetCalls();
  const res = await host.apply("自评表", edits);
  add(
    "apply 40 edits",
    et.calls,
    "calls",
    res.ok ? "20 values + 20 fills on 40 cells (≈ 8 per cell)" : `failed: ${res.reason}`,
  );
  if (res.ok) {
    et.resetCalls();
    await host.undo(res.undo);
    add(
      "undo 40 edits",
      et.calls,
      "calls",
      "UsedRange once (cells still in place?), each cell read back; writes only what changed",
    );
  }
  {
    // The same after the user inserted 3 rows above: each cell followed to its indicator's row.
    const et2 = new FakeEt([longSheet("自评表", { rows: 500, group: 10 })]);
    const host2 = new WpsHost(et2.app);
    await host2.read();
    const res2 = await host2.apply("自评表", edits);
    et2.insertRows("自评表", 3, 3);
    et2.resetCalls();
    if (res2.ok) await host2.undo(res2.undo);
    add(
      "undo 40 edits after 3 rows inserted",
      et2.calls,
      "calls",
      "the same calls, at the followed addresses",
    );
  }
  return rows;
}

module.exports = { id: "wps", title: "WPS host bridge calls (fake ET)", order: 60, run };
