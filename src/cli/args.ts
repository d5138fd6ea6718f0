/**
 * Command-line parsing for `ziping`. Hand-written (no dependency): the grammar is small and every
 * mistake must get a Chinese message, which generic parsers do not give.
 */

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
}

export type Command =
  | CheckOptions
  | { command: "profiles"; format: OutputFormat | null }
  | { command: "help" }
  | { command: "version" };

export type ParseResult = { ok: true; cmd: Command } | { ok: false; message: string };

/** Options that take a value, and the key they set. */
const VALUE_OPTIONS: Record<string, "format" | "profile" | "sheet" | "out" | "jobs"> = {
  "--format": "format",
  "-f": "format",
  "--profile": "profile",
  "-p": "profile",
  "--sheet": "sheet",
  "-s": "sheet",
  "--out": "out",
  "-o": "out",
  "--jobs": "jobs",
  "-j": "jobs",
};

const fail = (message: string): ParseResult => ({ ok: false, message });

export function parseArgs(argv: readonly string[]): ParseResult {
  if (argv.length === 0) return { ok: true, cmd: { command: "help" } };
  // --help / --version win anywhere, as users expect.
  if (argv.includes("--help") || argv.includes("-h")) return { ok: true, cmd: { command: "help" } };
  if (argv.includes("--version") || argv.includes("-v")) return { ok: true, cmd: { command: "version" } };

  const [first, ...rest] = argv;
  if (first === "help") return { ok: true, cmd: { command: "help" } };
  if (first !== "check" && first !== "profiles") {
    if (first.startsWith("-"))
      return fail(`未知选项：${first}。请先写命令，例如 ziping check <文件或文件夹>`);
    return fail(`未知命令：${first}。可用命令：check（检查自评表）、profiles（列出内置评分规则）`);
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
  let onlyPaths = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (onlyPaths || !arg.startsWith("-") || arg === "-") {
      opts.paths.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPaths = true;
      continue;
    }
    // --format=json as well as --format json
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const key = VALUE_OPTIONS[name];
    if (!key)
      return fail(
        `未知选项：${arg}。可用选项：--format、--profile、--sheet、--out、--jobs（见 ziping --help）`,
      );
    let value: string | undefined;
    if (name !== arg) value = arg.slice(eq + 1);
    else {
      value = rest[i + 1];
      i++;
    }
    if (value === undefined || value === "") return fail(`选项 ${name} 缺少取值（见 ziping --help）`);
    if (seen.has(key)) return fail(`选项 ${name} 只能给一次`);
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
    if (opts.paths.length || opts.profile || opts.sheet || opts.out || opts.jobs)
      return fail("profiles 命令只接受 --format 选项");
    return { ok: true, cmd: { command: "profiles", format: opts.format } };
  }
  if (opts.out !== null && !/\.xlsx$/i.test(opts.out))
    return fail(`--out 的文件名“${opts.out}”应以 .xlsx 结尾（问题清单工作簿）`);
  return { ok: true, cmd: opts };
}
