import { parseArgs } from "../../src/cli/args";

describe("parseArgs", () => {
  test("check with options in any order, = form too", () => {
    const r = parseArgs([
      "check",
      "a.xlsx",
      "--format",
      "json",
      "dir",
      "--jobs=3",
      "-p",
      "sichuan",
      "--sheet",
      "表1",
      "-o",
      "out.xlsx",
    ]);
    expect(r).toEqual({
      ok: true,
      cmd: {
        command: "check",
        paths: ["a.xlsx", "dir"],
        format: "json",
        profile: "sichuan",
        sheet: "表1",
        out: "out.xlsx",
        jobs: 3,
      },
    });
  });

  test("no path is allowed (bundled samples)", () => {
    expect(parseArgs(["check"])).toMatchObject({ ok: true, cmd: { command: "check", paths: [] } });
  });

  test("help, version, profiles", () => {
    expect(parseArgs([])).toEqual({ ok: true, cmd: { command: "help" } });
    expect(parseArgs(["check", "--help"])).toEqual({ ok: true, cmd: { command: "help" } });
    expect(parseArgs(["--version"])).toEqual({ ok: true, cmd: { command: "version" } });
    expect(parseArgs(["profiles", "--format", "json"])).toEqual({
      ok: true,
      cmd: { command: "profiles", format: "json" },
    });
  });

  test.each([
    [["check", "--colour"], "未知选项：--colour"],
    [["lint", "a.xlsx"], "未知命令：lint"],
    [["check", "--format", "xml"], "--format 的取值“xml”无效"],
    [["check", "--jobs", "0"], "--jobs 的取值“0”无效"],
    [["check", "--jobs", "two"], "--jobs 的取值“two”无效"],
    [["check", "a.xlsx", "--profile"], "选项 --profile 缺少取值"],
    [["check", "--out", "report.csv"], "应以 .xlsx 结尾"],
    [["check", "-f", "json", "--format", "csv"], "只能给一次"],
    [["profiles", "a.xlsx"], "profiles 命令只接受 --format"],
  ])("%j is a usage error", (argv, msg) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(msg);
  });

  test("-- ends options", () => {
    expect(parseArgs(["check", "--", "--odd-name.xlsx"])).toMatchObject({
      ok: true,
      cmd: { paths: ["--odd-name.xlsx"] },
    });
  });
});
