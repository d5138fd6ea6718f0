/** `--format table`: a readable Chinese summary per file, then its findings, errors first. */
import type { Finding, FileReport, Report, Severity, SheetReport } from "../engine/types";
import { dec, fmt } from "../engine/decimal";
import { sortFindings } from "../engine/finding";

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const ANSI: Colors = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};
const id = (s: string) => s;
export const PLAIN: Colors = { red: id, yellow: id, green: id, dim: id, bold: id };

export const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
export const KIND_ZH = { department: "部门整体支出", project: "项目支出" } as const;

/** The engine's own order (errors first, then top to bottom on the sheet), for the writers here too. */
export { sortFindings };

export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

/** 2 decimals at most, no trailing zeros: 97.83, 100, 7.5 — rounded half-up in decimal, as the engine does. */
export function num(n: number | null | undefined): string {
  return fmt(n);
}

export function pct(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "—";
  return `${fmt(dec(rate).times(100).toNumber())}%`;
}

/** "97.83" when declared and computed agree, "97.5 → 97.83" when they do not. */
function pair(declared: string, computed: string, c: Colors, isNumber = true): string {
  if (declared === computed) return declared;
  const note = isNumber ? "（填报 → 重算）" : "（填报 → 应为）";
  return `${c.red(declared)} → ${c.bold(computed)}${c.dim(note)}`;
}

/** "（第 2/3 张表，A27:I47）" for one of several tables stacked on a sheet, "" otherwise. */
export function tablePlace(s: SheetReport): string {
  return s.table ? `（第 ${s.table.index}/${s.table.count} 张表，${s.table.range}）` : "";
}

/** "2/3" for one of several tables on a sheet, "" otherwise (CSV and the findings workbook). */
export function tableIndex(s: SheetReport): string {
  return s.table ? `${s.table.index}/${s.table.count}` : "";
}

/** "第 11 段“年初预算数…”" where a finding stands in the 自评报告, "" for a finding of the table. */
export function paragraphPlace(f: Finding): string {
  return f.paragraph ? `第 ${f.paragraph.index} 段“${f.paragraph.opening}”` : "";
}

/** True when some finding stands in a 自评报告: only then do CSV and the workbook get a paragraph column. */
export function hasReportPlaces(report: Report): boolean {
  return report.files.some((f) => f.sheets.some((s) => s.findings.some((x) => x.paragraph !== undefined)));
}

/** True when some sheet of the report holds several tables: only then do CSV and the workbook get a table column. */
export function hasStackedTables(report: Report): boolean {
  return report.files.some((f) => f.sheets.some((s) => s.table !== undefined));
}

function sheetLines(s: SheetReport, c: Colors): string[] {
  const out: string[] = [];
  const n = countFindings(s.findings);
  const head = [`工作表：${s.sheet}${tablePlace(s)}`, `类型：${KIND_ZH[s.kind] ?? s.kind}`];
  if (s.unit) head.push(`单位：${s.unit}`);
  out.push(`  ${head.join("    ")}`);
  if (s.title) out.push(`  标题：${s.title}`);
  const parts: string[] = [];
  if (s.funds) {
    const r = s.funds.rate;
    // 78.3 % matches 78.25 % at its own precision: show a pair only where the engine found a mismatch.
    const rateOff = s.findings.some((f) => f.code === "FUNDS_RATE_MISMATCH");
    const rateDeclared = r.declared === null ? "未填" : pct(r.declared);
    parts.push(
      `执行率 ${rateOff || r.declared === null ? pair(rateDeclared, pct(r.computed), c) : rateDeclared}`,
    );
    const sc = s.funds.score;
    parts.push(`资金得分 ${pair(sc.declared === null ? "未填" : num(sc.declared), num(sc.computed), c)}`);
  }
  parts.push(
    `总分 ${pair(s.total.declared === null ? "未填" : num(s.total.declared), num(s.total.computed), c)}`,
  );
  parts.push(
    s.grade.computed === null
      ? `等级 ${s.grade.declared ?? "未填"}${c.dim("（无得分，未评定）")}`
      : s.grade.declared === null
        ? `等级 ${s.grade.computed}${c.dim("（表内未填等级）")}`
        : `等级 ${pair(s.grade.declared, s.grade.computed, c, false)}`,
  );
  out.push(`  ${parts.join("    ")}`);
  const counts = `错误 ${n.error} 项 · 警告 ${n.warning} 项 · 提示 ${n.info} 项`;
  out.push(`  ${n.error ? c.red(counts) : n.warning ? c.yellow(counts) : c.green(counts)}`);
  for (const f of sortFindings(s.findings)) {
    const tag = `[${SEVERITY_ZH[f.severity]}]`;
    const colored =
      f.severity === "error" ? c.red(tag) : f.severity === "warning" ? c.yellow(tag) : c.dim(tag);
    // A finding of the 自评报告 with no cell stands in the report: its message names the paragraph.
    out.push(`    ${colored} ${(f.cell || "报告").padEnd(5)} ${f.message}  ${c.dim(f.code)}`);
  }
  return out;
}

export function fileLines(f: FileReport, c: Colors): string[] {
  const out = [c.bold(`■ ${f.file}`)];
  if (f.error) {
    out.push(`  ${c.red(`[错误] ${f.error.message}`)}  ${c.dim(f.error.code)}`);
    // A report whose table is a picture still had its prose checked: the notes say what was found.
    for (const note of f.notes ?? []) out.push(`  ${c.dim(`注：${note}`)}`);
    return out;
  }
  if (f.report) out.push(`  自评报告：${f.report}`);
  for (const note of f.notes ?? []) out.push(`  ${c.dim(`注：${note}`)}`);
  f.sheets.forEach((s, i) => {
    if (i > 0) out.push("");
    out.push(...sheetLines(s, c));
  });
  return out;
}

export interface BatchSummary {
  files: number;
  clean: number;
  withErrors: number;
  failed: number;
  errors: number;
  warnings: number;
}

export function summarize(report: Report): BatchSummary {
  const s: BatchSummary = {
    files: report.files.length,
    clean: 0,
    withErrors: 0,
    failed: 0,
    errors: 0,
    warnings: 0,
  };
  for (const f of report.files) {
    if (f.error) {
      s.failed++;
      continue;
    }
    let e = 0;
    for (const sh of f.sheets) {
      const n = countFindings(sh.findings);
      e += n.error;
      s.warnings += n.warning;
    }
    s.errors += e;
    if (e) s.withErrors++;
    else s.clean++;
  }
  return s;
}

export function formatTable(report: Report, c: Colors = PLAIN): string {
  const lines: string[] = [];
  for (const f of report.files) {
    lines.push(...fileLines(f, c), "");
  }
  const s = summarize(report);
  const tail =
    `共 ${s.files} 个文件：${s.clean} 个无错误，${s.withErrors} 个有错误，${s.failed} 个无法检查；` +
    `错误 ${s.errors} 项，警告 ${s.warnings} 项（评分规则：${report.profile}）`;
  lines.push(s.withErrors || s.failed ? c.red(tail) : c.green(tail));
  return lines.join("\n") + "\n";
}
