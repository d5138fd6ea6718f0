"use strict";
/**
 * (p) Task pane: what one check costs inside the pane on a 500-indicator sheet — the memory host's read
 * (a deep copy, as every host hands over a fresh Grid), checkGrid, corrections and highlight edits, which is
 * exactly the work usePane does per check — plus applying and undoing the highlights. Also the gzip size of
 * the built task pane's JS when a build (dist/) is present.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { timeIt, ms, ROOT } = require("../lib");

/** A 自评表 Grid with n indicator rows under 产出 / 效益 / 满意度 (weights summing to 90), some rows short. */
function largeGrid(n) {
  const split = [
    ["产出指标", 50, Math.round(n * 0.5)],
    ["效益指标", 30, Math.round(n * 0.3)],
  ];
  split.push(["满意度指标", 10, n - split[0][2] - split[1][2]]);
  const values = [
    ["2021 年度部门整体支出绩效自评表", null, null, null, null, null, null, null, null],
    ["部门名称", "基准测试局", null, null, null, null, null, null, null],
    [
      "资金情况 (万元)",
      "年度资金总额",
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
      null,
    ],
    [null, "合计", 1000, 1200, 1100, 10, 0.9167, 9.17, null],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
  ];
  const formats = values.map((r) => r.map(() => null));
  formats[3][6] = "0.00%";
  const merges = [];
  let declared = 9.17;
  for (const [cat, weight, count] of split) {
    // Weights in hundredths so that they add up exactly to the category's weight.
    const cents = weight * 100;
    const base = Math.floor(cents / count);
    const top = values.length;
    for (let i = 0; i < count; i++) {
      const w = (base + (i < cents - base * count ? 1 : 0)) / 100;
      const short = i % 25 === 7; // every 25th row falls short and lacks an explanation
      const actual = short ? 80 : 100 + (i % 3) * 5;
      const score = short ? Math.round(w * 0.8 * 100) / 100 : w;
      declared += score;
      values.push([
        null,
        i === 0 ? `${cat}(${weight}分)` : null,
        i % 10 === 0 ? "数量指标" : null,
        `${cat}第${i + 1}项(件)`,
        "≥100",
        actual,
        w,
        score,
        null,
      ]);
      formats.push(Array(9).fill(null));
    }
    merges.push({ top, left: 1, bottom: values.length - 1, right: 1 });
  }
  values.push(["总分", null, null, null, null, null, 100, Math.round(declared * 100) / 100, "等级：优"]);
  formats.push(Array(9).fill(null));
  return { name: "自评表", values, formats, merges };
}

/**
 * Compiles src/hosts/memory.ts and the host files it imports (./text-safety …) next to lib/engine in the
 * scratch folder (the CLI build does not include hosts).
 */
function loadMemoryHost(tmp) {
  const ts = require("typescript");
  fs.mkdirSync(path.join(tmp, "hosts"), { recursive: true });
  const engineLink = path.join(tmp, "engine");
  if (!fs.existsSync(engineLink)) fs.symlinkSync(path.join(ROOT, "lib", "engine"), engineLink, "dir");
  const todo = ["memory"];
  const done = new Set();
  while (todo.length) {
    const name = todo.pop();
    if (done.has(name)) continue;
    done.add(name);
    const src = fs.readFileSync(path.join(ROOT, "src", "hosts", `${name}.ts`), "utf8");
    for (const m of src.matchAll(/from "\.\/([\w-]+)"/g)) todo.push(m[1]);
    const out = ts.transpileModule(src, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    });
    fs.writeFileSync(path.join(tmp, "hosts", `${name}.js`), out.outputText);
  }
  return require(path.join(tmp, "hosts", "memory.js")).MemoryHost;
}

function bundleSizes() {
  const dist = path.join(ROOT, "dist");
  if (!fs.existsSync(dist)) return null;
  const files = fs
    .readdirSync(dist)
    .filter((f) => /^taskpane.*\.js$/.test(f) || /^(vendor|runtime|react|fluent).*\.js$/.test(f));
  if (files.length === 0) return null;
  // A development build (eval source maps) is ten times the size and says nothing about the budget.
  const dev = files.some((f) => fs.readFileSync(path.join(dist, f), "utf8").includes("eval-source-map"));
  if (dev) return { dev: true };
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const b = fs.readFileSync(path.join(dist, f));
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  return { files, raw, gz };
}

module.exports = {
  id: "pane",
  title: "task pane: check a 500-row sheet as the pane does",
  order: 50,
  async run(ctx) {
    const engine = require(path.join(ROOT, "lib", "engine"));
    const profile = engine.getProfile(engine.DEFAULT_PROFILE_ID);
    const MemoryHost = loadMemoryHost(ctx.tmp);
    const rows = [];
    const grid = largeGrid(500);
    const first = engine.checkGrid(grid, profile);
    if (!first.ok)
      return [
        {
          measure: "pane check 500 rows",
          value: "—",
          note: `generated sheet not recognised: ${first.reason}`,
        },
      ];
    const host = new MemoryHost([grid]);

    const paneCheck = async () => {
      const { grid: g } = await host.read();
      const res = engine.checkGrid(g, profile);
      if (!res.ok) throw new Error(res.reason);
      engine.corrections(res.report, g);
      return engine.highlightEdits(res.report, true);
    };
    const edits = await paneCheck();
    const t = await timeIt(paneCheck, { runs: 21, warmup: 3 });
    rows.push({
      measure: "read + check + corrections, 500 indicators",
      value: ms(t),
      unit: "ms",
      note: `median of 21; ${first.report.findings.length} findings`,
    });

    const tHl = await timeIt(
      async () => {
        const r = await host.apply("自评表", edits);
        if (!r.ok) throw new Error(r.message);
        await host.undo(r.undo);
      },
      { runs: 21, warmup: 3 },
    );
    rows.push({
      measure: `highlights on + off (${edits.length} cells, memory host)`,
      value: ms(tHl),
      unit: "ms",
      note: "median of 21",
    });

    const b = bundleSizes();
    rows.push(
      b && b.dev
        ? {
            measure: "task pane JS (initial)",
            value: "—",
            note: "dist/ holds a development build: run npm run build first",
          }
        : b
          ? {
              measure: "task pane JS (initial)",
              value: (b.gz / 1024).toFixed(1),
              unit: "KB gzip",
              note: `${(b.raw / 1024).toFixed(0)} KB raw; ${b.files.join(", ")}; budget 200 KB gzip`,
            }
          : {
              measure: "task pane JS (initial)",
              value: "—",
              note: "no dist/ build: run the web build first",
            },
    );
    return rows;
  },
};
