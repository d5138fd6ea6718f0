/**
 * Command-line parsing for `ziping`: node:util parseArgs splits the arguments (options anywhere among
 * the files, `--` ends the options); every mistake gets a Chinese message here, which parseArgs' own
 * errors would not give. Adding an option means one entry in OPTIONS and one case below.
 */
import { parseArgs as utilParseArgs } from "node:util";

export type OutputFormat = "table" | "json" | "csv";
export const FORMATS: readonly OutputFormat[] = ["table", "json", "csv"];

export interface CheckOptions {
  command: "check";
  /** Files and folders as the user typed them; empty means "the bundled samples". */
  paths: string[];
  format: OutputFormat | null;
  profile: string | null;
  sheet: string | null;
  out: string | null;
  /** null: choose from the number of files. */
  jobs: number | null;
  /** --report: a 自评报告 .docx whose prose is checked against each workbook's table (absent when not given). */
  report?: string | null;
  /** --targets: the approved 绩效目标表 (a workbook, a folder of them, or the checked workbook itself). */
  targets?: string | null;
  /** --previous: last year's 自评表 (a workbook or a folder of them). */
  previous?: string | null;
}

/** `ziping draft 自评表.xlsx --out 自评报告（草稿）.docx`: the report's data sections from the table. */
export interface DraftOptions {
  command: "draft";
  path: string;
  out: string;
  profile: string | null;
  sheet: string | null;
}

export type Command =
  | CheckOptions
  | DraftOptions
  | { command: "profiles"; format: OutputFormat | null }
  | { command: "help" }
  | { command: "version" };

export type ParseResult = { ok: true; cmd: Command } | { ok: false; message: string };

type ValueKey = "format" | "profile" | "sheet" | "out" | "jobs" | "report" | "targets" | "previous";

/** The options node:util parseArgs knows; every mistake is turned into a Chinese message below. */
const OPTIONS = {
  format: { type: "string", short: "f" },
  profile: { type: "string", short: "p" },
  sheet: { type: "string", short: "s" },
  out: { type: "string", short: "o" },
  jobs: { type: "string", short: "j" },
  report: { type: "string", short: "r" },
  targets: { type: "string" },
  previous: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

const VALUE_KEYS: readonly string[] = [
  "format",
  "profile",
  "sheet",
  "out",
  "jobs",
  "report",
  "targets",
  "previous",
];

const fail = (message: string): ParseResult => ({ ok: false, message });

type Token = ReturnType<typeof utilParseArgs>["tokens"] extends (infer T)[] | undefined ? T : never;

function tokensOf(args: readonly string[]): Token[] {
  return (
    utilParseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: false, tokens: true })
      .tokens ?? []
  );
}

/** The options before `--`: what the user typed as options, not a file that happens to look like one. */
function optionTokens(tokens: Token[]): Token[] {
  const end = tokens.findIndex((t) => t.kind === "option-terminator");
  return end < 0 ? tokens : tokens.slice(0, end);
}

export function parseArgs(argv: readonly string[]): ParseResult {
  if (argv.length === 0) return { ok: true, cmd: { command: "help" } };
  const all = tokensOf(argv);
  // --help / --version win anywhere before `--`, as users expect.
  const named = optionTokens(all).filter((t) => t.kind === "option");
  if (named.some((t) => t.kind === "option" && t.name === "help"))
    return { ok: true, cmd: { command: "help" } };
  if (named.some((t) => t.kind === "option" && t.name === "version"))
    return { ok: true, cmd: { command: "version" } };

  const [first, ...rest] = argv;
  if (first === "help") return { ok: true, cmd: { command: "help" } };
  if (first !== "check" && first !== "profiles" && first !== "draft") {
    if (first.startsWith("-"))
      return fail(`未知选项：${first}。请先写命令，例如 ziping check <文件或文件夹>`);
    return fail(
      `未知命令：${first}。可用命令：check（检查自评表）、draft（生成自评报告草稿）、profiles（列出内置评分规则）`,
    );
  }

  const opts: CheckOptions = {
    command: "check",
    paths: [],
    format: null,
    profile: null,
    sheet: null,
    out: null,
    jobs: null,
  };
  const seen = new Set<string>();
  for (const t of tokensOf(rest)) {
    if (t.kind === "positional") {
      opts.paths.push(t.value);
      continue;
    }
    if (t.kind !== "option") continue;
    const shown = t.rawName.startsWith("--") ? `--${t.name}` : t.rawName;
    if (!VALUE_KEYS.includes(t.name))
      return fail(
        `未知选项：${t.rawName}${t.inlineValue ? `=${t.value ?? ""}` : ""}。可用选项：--format、--profile、--sheet、--out、--jobs、--report、--targets、--previous（见 ziping --help）`,
      );
    const key = t.name as ValueKey;
    const value = t.value;
    // "--profile --jobs 2": the next option is not the value of this one.
    const isOption = !t.inlineValue && typeof value === "string" && /^--?[a-z]/i.test(value) && value !== "-";
    if (value === undefined || value === "" || isOption)
      return fail(`选项 ${shown} 缺少取值（见 ziping --help）`);
    if (seen.has(key)) return fail(`选项 ${shown} 只能给一次`);
    seen.add(key);
    switch (key) {
      case "format": {
        const f = value.toLowerCase();
        if (!(FORMATS as readonly string[]).includes(f))
          return fail(`--format 的取值“${value}”无效，应为 table、json 或 csv`);
        opts.format = f as OutputFormat;
        break;
      }
      case "jobs": {
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64)
          return fail(`--jobs 的取值“${value}”无效，应为 1 到 64 的整数（并行检查的线程数）`);
        opts.jobs = Number(value);
        break;
      }
      default:
        opts[key] = value;
    }
  }

  if (first === "profiles") {
    if (
      opts.paths.length ||
      opts.profile ||
      opts.sheet ||
      opts.out ||
      opts.jobs ||
      opts.report ||
      opts.targets ||
      opts.previous
    )
      return fail("profiles 命令只接受 --format 选项");
    return { ok: true, cmd: { command: "profiles", format: opts.format } };
  }
  if (first === "draft") return draftCommand(opts);
  if (opts.report && !/\.docx$/i.test(opts.report))
    return fail(
      `--report 的文件名“${opts.report}”应以 .docx 结尾（自评报告 Word 文档；.doc 请先另存为 .docx）`,
    );
  if (opts.out !== null && !/\.xlsx$/i.test(opts.out))
    return fail(`--out 的文件名“${opts.out}”应以 .xlsx 结尾（问题清单工作簿）`);
  return { ok: true, cmd: opts };
}

function draftCommand(opts: CheckOptions): ParseResult {
  if (opts.format || opts.jobs || opts.report || opts.targets || opts.previous)
    return fail("draft 命令只接受 --out、--profile 和 --sheet 选项");
  if (opts.paths.length !== 1)
    return fail("draft 命令需要一个自评表文件，例如 ziping draft 自评表.xlsx --out 自评报告（草稿）.docx");
  if (opts.out === null) return fail("draft 命令需要 --out <自评报告（草稿）.docx>");
  if (!/\.docx$/i.test(opts.out)) return fail(`--out 的文件名“${opts.out}”应以 .docx 结尾（自评报告草稿）`);
  return {
    ok: true,
    cmd: { command: "draft", path: opts.paths[0], out: opts.out, profile: opts.profile, sheet: opts.sheet },
  };
}
