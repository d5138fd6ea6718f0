/**
 * `ziping` command line: `main(argv, io)` returns the exit status (0 clean, 1 error finding or bad file,
 * 2 usage) and writes only through `io`, so tests can run it in-process.
 */
import * as fs from "fs";
import * as path from "path";
import type { FileReport, Report } from "../engine";
import { parseArgs, CheckOptions, DraftOptions, OutputFormat } from "./args";
import { defaultFiles, expandPaths, InputFile } from "./files";
import { HELP, USAGE } from "./help";
import { ProgressBar, TtyStream } from "./progress";
import { errorMessage } from "../engine/error-message";
import { escapeAll, escapeControls } from "./terminal-text";
import type { PoolLimits } from "./pool";
import { writeFailureReason } from "../files/write-reason";

export interface CliIO {
  stdout: TtyStream;
  stderr: TtyStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "package.json"), "utf8"));
    return String(pkg.version);
  } catch {
    return "unknown";
  }
}

/** Escapes control characters but keeps the line breaks our own multi-line messages use. */
function escapeKeepingLines(message: string): string {
  return message.split("\n").map(escapeControls).join("\n");
}

function usageError(io: CliIO, message: string): number {
  // A message can quote a file name or an argument a glob brought in: shown escaped, like the table.
  io.stderr.write(`ziping：${escapeKeepingLines(message)}\n\n${USAGE}\n\n运行 ziping --help 查看说明。\n`);
  return EXIT_USAGE;
}

/** Exit status of a finished report: any error finding or file error → 1. */
export function exitCodeOf(report: Report): number {
  for (const f of report.files) {
    if (f.error) return EXIT_FINDINGS;
    for (const s of f.sheets) if (s.findings.some((x) => x.severity === "error")) return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function useColor(io: CliIO): boolean {
  return !!io.stdout.isTTY && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === "");
}

async function render(report: Report, format: OutputFormat, io: CliIO): Promise<string> {
  if (format === "json") return JSON.stringify(report, null, 2) + "\n";
  if (format === "csv") return (await import("./format-csv")).formatCsv(report);
  const { ANSI, formatTable, PLAIN } = await import("./format-table");
  return formatTable(escapeAll(report), useColor(io) ? ANSI : PLAIN);
}

async function listProfiles(format: OutputFormat | null, io: CliIO): Promise<number> {
  const { builtinProfiles } = await import("../engine");
  if (format === "json") {
    io.stdout.write(JSON.stringify(builtinProfiles, null, 2) + "\n");
    return EXIT_OK;
  }
  if (format === "csv") {
    io.stdout.write(
      "\uFEFFid,name,totalPoints\r\n" +
        builtinProfiles.map((p) => `${p.id},"${p.name.replace(/"/g, '""')}",${p.totalPoints}`).join("\r\n") +
        "\r\n",
    );
    return EXIT_OK;
  }
  const lines = ["内置评分规则（用 --profile <id> 选择；默认为第一个）：", ""];
  for (const p of builtinProfiles) {
    const split = Object.entries(p.defaultSplit)
      .map(([k, v]) => `${k}${v}`)
      .join(" / ");
    lines.push(`  ${p.id.padEnd(10)} ${p.name}`);
    lines.push(
      `  ${"".padEnd(10)} 总分 ${p.totalPoints}，分值：${split}${p.nameEn ? `\n  ${"".padEnd(10)} ${p.nameEn}` : ""}`,
    );
  }
  io.stdout.write(lines.join("\n") + "\n");
  return EXIT_OK;
}

/** The per-file limits; ZIPING_TIMEOUT_MS and ZIPING_HEAP_MB override them (tests, unusual machines). */
function poolLimits(env: CliIO["env"], defaults: PoolLimits): PoolLimits {
  const num = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d);
  return {
    timeoutMs: num(env.ZIPING_TIMEOUT_MS, defaults.timeoutMs),
    // Below ~64 MB one large allocation can end the whole process instead of the worker.
    heapMb: Math.max(64, num(env.ZIPING_HEAP_MB, defaults.heapMb)),
  };
}

async function runCheck(opts: CheckOptions, io: CliIO): Promise<number> {
  // SheetJS and the engine load in a worker while this thread reads the profile and lists the files;
  // --help, --version and `profiles` never get here. Nothing heavier than pool.ts loads before the worker
  // starts: its start-up, not this thread's, is what a one-file check waits for.
  const pool = await import("./pool");
  const limits = poolLimits(io.env, pool.DEFAULT_POOL_LIMITS);
  pool.prewarm(limits);
  try {
    return await checkFiles(opts, io, pool, limits);
  } finally {
    pool.discardSpare();
  }
}

async function checkFiles(
  opts: CheckOptions,
  io: CliIO,
  pool: typeof import("./pool"),
  limits: PoolLimits,
): Promise<number> {
  const { resolveProfile } = await import("./profile-arg");
  const profile = resolveProfile(opts.profile, io.cwd);
  if (!profile.ok) return usageError(io, profile.message);

  const expanded = opts.paths.length ? expandPaths(opts.paths, io.cwd) : defaultFiles(io.cwd);
  if (!expanded.ok) return usageError(io, expanded.message);
  const outAbs = opts.out ? path.resolve(io.cwd, opts.out) : null;
  if (outAbs && !fs.existsSync(path.dirname(outAbs)))
    return usageError(io, `--out 的目标文件夹不存在：${path.dirname(opts.out!)}`);
  const reportAbs = opts.report ? path.resolve(io.cwd, opts.report) : null;
  if (reportAbs && !fs.existsSync(reportAbs))
    return usageError(io, `找不到 --report 的自评报告：${opts.report}`);
  const { listCompareFiles } = await import("./compare-files");
  const compare = listCompareFiles(opts, io.cwd);
  if (!compare.ok) return usageError(io, compare.message);
  // The files to compare with are not more files to check — unless the same file or folder was also given
  // as input (each 自评表 workbook holding its own 申报表 sheet).
  const typed = new Set(opts.paths.map((p) => path.resolve(io.cwd, p)));
  const asInput = (v: string | null | undefined) => !!v && typed.has(path.resolve(io.cwd, v));
  const compareOnly = new Set([
    ...(asInput(opts.targets) ? [] : compare.files.targets),
    ...(asInput(opts.previous) ? [] : compare.files.previous),
  ]);
  const comparing = compare.files.targets.length > 0 || compare.files.previous.length > 0;
  // The report given by --report is the prose to check against, not one more file to check.
  let files: InputFile[] = expanded.files.filter((f) => f.abs !== reportAbs && !compareOnly.has(f.abs));
  if (outAbs) {
    const { checkOutTarget } = await import("./out-target");
    const target = await checkOutTarget(outAbs, opts.out!, files);
    if (!target.ok) return usageError(io, target.message);
    files = target.files;
  }
  if (files.length === 0) return usageError(io, "没有要检查的文件（--out 的目标不能同时作为输入）");

  const { defaultJobs, runChecks } = pool;
  const readable = files.filter((f) => !f.unreadable);
  const jobs = readable.map((f) => ({
    abs: f.abs,
    name: f.name,
    profile: profile.profile,
    sheet: opts.sheet,
    report: reportAbs ? { abs: reportAbs, name: opts.report! } : null,
    compare: comparing ? compare.files : null,
  }));
  const bar = readable.length > 1 && io.stderr.isTTY ? new ProgressBar(io.stderr, readable.length) : null;
  const checked: FileReport[] = await runChecks(
    jobs,
    opts.jobs ?? defaultJobs(readable.length),
    (i) => bar?.tick(escapeControls(readable[i].name)),
    limits,
  );
  bar?.clear();
  // Unreadable sub-folders keep their place among the files, each as one FILE_UNREADABLE entry.
  let k = 0;
  const reports: FileReport[] = files.map((f) =>
    f.unreadable
      ? { file: f.name, error: { code: "FILE_UNREADABLE", message: f.unreadable }, sheets: [] }
      : checked[k++],
  );

  const { makeReport } = await import("../engine");
  const report = makeReport(reports, profile.profile);
  io.stdout.write(await render(report, opts.format ?? "table", io));

  let status = exitCodeOf(report);
  if (outAbs) {
    const byName = new Map(files.map((f) => [f.name, f.abs]));
    const { writeFindingsWorkbook } = await import("./findings-workbook");
    try {
      await writeFindingsWorkbook(report, (f) => byName.get(f.file) ?? null, outAbs);
      io.stderr.write(`问题清单已写入：${escapeControls(opts.out!)}\n`);
    } catch (e) {
      const why = writeFailureReason(e, "Excel/WPS");
      io.stderr.write(`ziping：无法写入问题清单 ${escapeControls(opts.out!)}：${escapeControls(why)}\n`);
      status = EXIT_FINDINGS;
    }
  }
  return status;
}

/** `ziping draft 自评表.xlsx --out 自评报告（草稿）.docx`: 0 written, 1 the table could not be drafted, 2 usage. */
async function runDraft(opts: DraftOptions, io: CliIO): Promise<number> {
  const { resolveProfile } = await import("./profile-arg");
  const profile = resolveProfile(opts.profile, io.cwd);
  if (!profile.ok) return usageError(io, profile.message);
  const abs = path.resolve(io.cwd, opts.path);
  if (!fs.existsSync(abs)) return usageError(io, `找不到文件：${opts.path}（请检查路径是否正确）`);
  const outAbs = path.resolve(io.cwd, opts.out);
  if (outAbs === abs) return usageError(io, "--out 不能是要读取的自评表本身");
  const { draftFromFile } = await import("../docx/check-file");
  const r = await draftFromFile(abs, outAbs, { profile: profile.profile, sheet: opts.sheet });
  if (!r.ok) {
    io.stderr.write(`ziping：${escapeControls(r.message)}\n`);
    return EXIT_FINDINGS;
  }
  io.stderr.write(`自评报告草稿已写入：${escapeControls(opts.out)}（【请补充：…】处需要填写）\n`);
  return EXIT_OK;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return usageError(io, parsed.message);
  const cmd = parsed.cmd;
  try {
    switch (cmd.command) {
      case "help":
        io.stdout.write(HELP + "\n");
        return EXIT_OK;
      case "version":
        io.stdout.write(`ziping ${packageVersion()}\n`);
        return EXIT_OK;
      case "profiles":
        return await listProfiles(cmd.format, io);
      case "check":
        return await runCheck(cmd, io);
      case "draft":
        return await runDraft(cmd, io);
    }
  } catch (e) {
    // Per-file failures are handled in checkFile; reaching here is our bug. Still no stack unless asked.
    io.stderr.write(`ziping：内部错误：${errorMessage(e)}\n`);
    if (io.env.ZIPING_DEBUG && e instanceof Error && e.stack) io.stderr.write(e.stack + "\n");
    return EXIT_FINDINGS;
  }
}

/** The real process: what bin/ziping.js calls. */
export function run(): void {
  // `ziping check … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`ziping：内部错误：${errorMessage(e)}\n`);
      process.exitCode = EXIT_FINDINGS;
    },
  );
}
