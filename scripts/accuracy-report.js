#!/usr/bin/env node
/**
 * Accuracy of the report checks (issue 18) on the corpus of real 自评报告 excerpts in
 * test/fixtures/reports/*.json, whose expectations were written by hand before the checker ran on them.
 *
 * For each excerpt, with the built engine (lib/engine/report, from `npm run build:cli`):
 *   - figures stated: the figures a reviewer would compare (`expected.figures`; a grade's `value` is the grade,
 *     "优", matched with the grade the reader read);
 *   - figures read: those the reader found (same paragraph, kind and value); misreads: figures it found
 *     that are not there (a number that is not such a figure);
 *   - figures compared: read figures the check could hold against something (the table's figure when the
 *     page has the table, or another figure of the prose: a total and its parts, a rate and its amounts,
 *     a 结余 and budget − spent);
 *   - findings: REPORT_SUM_MISMATCH (no table needed) and, with a table, REPORT_FIGURE_MISMATCH. A finding
 *     whose code and paragraph equal an expected one is TRUE, any other a FALSE ALARM; an expected finding
 *     not raised is a MISS. Claims and the outline are not measured (excerpts are not whole reports).
 * Tuning and held-out excerpts are totalled apart.
 *
 * Usage: node scripts/accuracy-report.js [--json]
 * Exit status 0 whatever the checker does (a measurement); 2 when it cannot run (no build, bad corpus).
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const CORPUS = path.join(ROOT, "test", "fixtures", "reports");

function fail(msg) {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

let engine;
try {
  engine = require(path.join(ROOT, "lib", "engine", "report"));
} catch (e) {
  fail(`找不到已构建的引擎（lib/engine/report）：请先运行 npm run build:cli（${e.message}）`);
}
const Big = require("big.js");

/** The table's figures in the shape compareFigures takes (cells are placeholders: no sheet here). */
function tableFigures(t) {
  if (!t) return null;
  const stated = (v, cell) => (typeof v === "number" ? { value: v, cell } : null);
  const exact = t.budget > 0 && typeof t.spent === "number" ? new Big(t.spent).div(t.budget) : null;
  return {
    unit: t.unit || "万元",
    year: t.year || null,
    initial: stated(t.initial, "年初预算数"),
    budget: stated(t.budget, "全年预算数"),
    spent: stated(t.spent, "全年执行数"),
    parts: (t.parts || []).map((p) => ({ value: p.value, cell: p.label, label: p.label })),
    rate:
      typeof t.rate === "number"
        ? { exact, declared: t.rate / 100, cell: "执行率", shown: `${t.rate}%` }
        : null,
    score: {
      declared: t.score ?? null,
      computed: t.score ?? 0,
      cell: typeof t.score === "number" ? "总分" : null,
    },
    grade: { declared: t.grade ?? null, computed: t.grade ?? "", cell: t.grade ? "等级" : null },
  };
}

const TABLE_KEY = {
  initial: "initial",
  budget: "budget",
  spent: "spent",
  rate: "rate",
  score: "score",
  grade: "grade",
};

function tableHas(t, fig) {
  if (!t) return false;
  if (fig.kind === "budgetPart") return (t.parts || []).length > 0;
  const key = TABLE_KEY[fig.kind];
  return key !== undefined && t[key] !== undefined && t[key] !== null;
}

/** Whether a read figure takes part in a prose-internal relation the sums check makes. */
function relatedInProse(fig, figs) {
  const same = figs.filter((f) => f.paragraph === fig.paragraph && !f.approx);
  const has = (k) => same.some((f) => f.kind === k);
  switch (fig.kind) {
    case "rate":
      return has("budget") && has("spent");
    case "balance":
      return figs.some((f) => f.kind === "budget") && figs.some((f) => f.kind === "spent");
    case "budget":
    case "spent":
    case "investment":
      return fig.breakdown || (has("rate") && has("budget") && has("spent"));
    case "budgetPart":
    case "spentPart":
      return figs.some(
        (f) => f.breakdown && f.offset < fig.offset && f.paragraph.index >= fig.paragraph.index - 1,
      );
    default:
      return false;
  }
}

function measure(fx) {
  const doc = engine.documentFromLines(fx.paragraphs);
  const figs = engine.reportFigures(doc);
  const t = tableFigures(fx.table);
  const expected = fx.expected.figures;
  const used = new Set();
  let read = 0;
  let compared = 0;
  for (const e of expected) {
    const i = figs.findIndex(
      (f, j) =>
        !used.has(j) &&
        f.paragraph.index === e.paragraph &&
        f.kind === e.kind &&
        // A grade has no number (value NaN): it is matched by the grade read (raw, 优秀 normalised to 优).
        (e.kind === "grade" ? f.raw === e.value : f.value === e.value),
    );
    if (i < 0) continue;
    used.add(i);
    read++;
    if (!figs[i].approx && (tableHas(fx.table, figs[i]) || relatedInProse(figs[i], figs))) compared++;
  }
  const misreads = figs.filter((f, j) => !used.has(j) && !f.approx).map((f) => `${f.label} ${f.raw}`);
  const found = [...engine.compareSums(doc, figs, t), ...(t ? engine.compareFigures(figs, t) : [])];
  const wanted = fx.expected.findings.map((f) => ({ ...f, hit: false }));
  let tp = 0;
  const falseAlarms = [];
  for (const f of found) {
    const w = wanted.find((x) => !x.hit && x.code === f.code && x.paragraph === f.paragraph?.index);
    if (w) {
      w.hit = true;
      tp++;
    } else falseAlarms.push(`${f.code} 第 ${f.paragraph?.index ?? "?"} 段：${f.message}`);
  }
  const misses = wanted.filter((w) => !w.hit).map((w) => `${w.code} 第 ${w.paragraph} 段`);
  let explained = null;
  if (typeof fx.expected.lowExecutionExplained === "boolean")
    explained = (engine.lowExecutionReason(doc, figs) !== null) === fx.expected.lowExecutionExplained;
  return {
    id: fx.id,
    heldOut: !!fx.heldOut,
    stated: expected.length,
    read,
    compared,
    misreads,
    expectedFindings: wanted.length,
    truePositives: tp,
    falseAlarms,
    misses,
    explained,
  };
}

function total(rows) {
  const sum = (k) => rows.reduce((a, r) => a + (Array.isArray(r[k]) ? r[k].length : r[k]), 0);
  const tp = sum("truePositives");
  const fa = sum("falseAlarms");
  const exp = sum("expectedFindings");
  return {
    reports: rows.length,
    stated: sum("stated"),
    read: sum("read"),
    compared: sum("compared"),
    misreads: sum("misreads"),
    truePositives: tp,
    falseAlarms: fa,
    misses: sum("misses"),
    precision: tp + fa > 0 ? tp / (tp + fa) : null,
    recall: exp > 0 ? tp / exp : null,
  };
}

function loadCorpus() {
  if (!fs.existsSync(CORPUS)) fail(`找不到报告语料：${CORPUS}`);
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      try {
        const fx = JSON.parse(fs.readFileSync(path.join(CORPUS, f), "utf8"));
        if (!Array.isArray(fx.paragraphs) || !fx.expected) throw new Error("缺少 paragraphs 或 expected");
        return fx;
      } catch (e) {
        return fail(`报告语料 ${f} 无法读取：${e.message}`);
      }
    });
}

const pct = (x) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

function main() {
  const json = process.argv.includes("--json");
  const rows = loadCorpus().map(measure);
  const tuning = total(rows.filter((r) => !r.heldOut));
  const heldOut = total(rows.filter((r) => r.heldOut));
  if (json) {
    process.stdout.write(`${JSON.stringify({ rows, tuning, heldOut }, null, 2)}\n`);
    return;
  }
  const out = ["", "自评报告核对准确度（test/fixtures/reports）"];
  for (const r of rows) {
    out.push(
      `  ${r.heldOut ? "[留出]" : "[调试]"} ${r.id}: 数字 ${r.read}/${r.stated} 读出，${r.compared} 已核对，` +
        `误读 ${r.misreads.length}；问题 ${r.truePositives}/${r.expectedFindings}，误报 ${r.falseAlarms.length}` +
        (r.explained === null ? "" : `；执行率原因${r.explained ? "判断正确" : "判断错误"}`),
    );
    for (const m of r.misreads) out.push(`      误读：${m}`);
    for (const f of r.falseAlarms) out.push(`      误报：${f}`);
    for (const m of r.misses) out.push(`      漏报：${m}`);
  }
  for (const [name, t] of [
    ["调试集 tuning", tuning],
    ["留出集 held-out", heldOut],
  ])
    out.push(
      `  ${name}（${t.reports} 篇）：数字 ${t.stated} 个，读出 ${t.read}，核对 ${t.compared}，误读 ${t.misreads}；` +
        `真问题 ${t.truePositives}，误报 ${t.falseAlarms}，漏报 ${t.misses}；precision ${pct(t.precision)}，recall ${pct(t.recall)}`,
    );
  process.stdout.write(`${out.join("\n")}\n`);
}

main();
