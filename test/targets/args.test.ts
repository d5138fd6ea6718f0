import { parseArgs } from "../../src/cli/args";

describe("--targets / --previous arguments", () => {
  it("are value options of check", () => {
    expect(parseArgs(["check", "a.xlsx", "--targets", "b.xlsx", "--previous=上年"])).toEqual({
      ok: true,
      cmd: expect.objectContaining({ paths: ["a.xlsx"], targets: "b.xlsx", previous: "上年" }),
    });
  });

  it.each([
    [["check", "a.xlsx", "--targets"], "选项 --targets 缺少取值"],
    [["check", "a.xlsx", "--targets", "--previous", "b"], "选项 --targets 缺少取值"],
    [["check", "a.xlsx", "--targets", "b", "--targets", "c"], "选项 --targets 只能给一次"],
    [["profiles", "--previous", "b"], "profiles 命令只接受 --format 选项"],
    [["draft", "a.xlsx", "--out", "r.docx", "--targets", "b"], "draft 命令只接受"],
  ])("%j → %s", (argv, message) => {
    expect(parseArgs(argv)).toEqual({ ok: false, message: expect.stringContaining(message) });
  });
});
