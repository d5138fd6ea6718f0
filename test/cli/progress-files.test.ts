import * as fs from "fs";
import * as path from "path";
import { expandPaths, isWorkbookName, defaultFiles } from "../../src/cli/files";
import { defaultJobs } from "../../src/cli/pool";
import { ProgressBar, displayWidth, fitWidth } from "../../src/cli/progress";
import * as os from "os";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "ziping-files-"));

describe("expandPaths", () => {
  test("recursive, sorted, lock and hidden files skipped, duplicates once, missing path is an error", () => {
    const d = tmp();
    fs.mkdirSync(path.join(d, "子目录"));
    for (const f of ["b.xlsx", "a.XLSX", "~$a.xlsx", ".hidden.xlsx", "c.xls", "子目录/d.xlsx"])
      fs.writeFileSync(path.join(d, f), "x");
    const r = expandPaths([".", "b.xlsx"], d);
    expect(r).toEqual({
      ok: true,
      files: [
        { abs: path.join(d, "a.XLSX"), name: "a.XLSX" },
        { abs: path.join(d, "b.xlsx"), name: "b.xlsx" },
        { abs: path.join(d, "c.xls"), name: "c.xls" }, // listed so that the report says it must be saved as .xlsx
        { abs: path.join(d, "子目录", "d.xlsx"), name: path.join("子目录", "d.xlsx") },
      ],
    });
    // a file named explicitly is checked whatever its extension (it then gets its own error)
    expect(expandPaths(["c.xls"], d)).toMatchObject({ ok: true, files: [{ name: "c.xls" }] });
    expect(expandPaths(["nope"], d)).toEqual({
      ok: false,
      message: "找不到文件或文件夹：nope（请检查路径是否正确）",
    });
    fs.mkdirSync(path.join(d, "空"));
    expect(expandPaths(["空"], d)).toMatchObject({
      ok: false,
      message: expect.stringContaining("没有 .xlsx"),
    });
    fs.rmSync(d, { recursive: true, force: true });
  });

  test("isWorkbookName", () => {
    // .xls and .et are picked up so that the report names them as unreadable instead of dropping them.
    expect(["a.xlsx", "自评表.XLSX", "a.xlsm", "旧表.xls", "b.et"].every(isWorkbookName)).toBe(true);
    expect(["~$a.xlsx", "~$a.xls", "a.xlsx.bak", ".~a.xlsx", "a.csv"].some(isWorkbookName)).toBe(false);
  });

  test("the default is the package's assets/samples, whatever the cwd", () => {
    const r = defaultFiles("/");
    expect(r.ok).toBe(true);
    if (r.ok)
      for (const f of r.files)
        expect(f.abs.startsWith(path.resolve(__dirname, "..", "..", "assets", "samples"))).toBe(true);
  });
});

describe("ProgressBar", () => {
  test("draws count and name in place, fits the terminal width, clears at the end", () => {
    let out = "";
    const bar = new ProgressBar({ write: (s: string) => (out += s), isTTY: true, columns: 60 }, 2);
    bar.tick("第一个文件.xlsx");
    expect(out).toContain("1/2 50%");
    bar.tick("一个非常非常非常非常非常非常非常非常非常非常长的文件名.xlsx");
    const last = out.slice(out.lastIndexOf("\r\u001b[K") + 4);
    expect(last).toContain("2/2 100%");
    expect(displayWidth(last)).toBeLessThanOrEqual(59);
    expect(last.endsWith(".xlsx")).toBe(true);
    bar.clear();
    expect(out.endsWith("\r\u001b[K")).toBe(true);
  });

  test("fitWidth keeps the end", () => {
    expect(fitWidth("abcdef", 4)).toBe("…def");
    expect(fitWidth("自评表", 6)).toBe("自评表");
    expect(fitWidth("甲乙丙丁", 5)).toBe("…丙丁");
  });
});

describe("defaultJobs", () => {
  test("one worker for small batches, else one per CPU capped at 4", () => {
    expect(defaultJobs(1, 16)).toBe(1);
    expect(defaultJobs(7, 16)).toBe(1);
    expect(defaultJobs(200, 1)).toBe(1);
    expect(defaultJobs(200, 2)).toBe(2);
    expect(defaultJobs(200, 3)).toBe(3);
    expect(defaultJobs(200, 16)).toBe(4);
    expect(defaultJobs(9, 16)).toBe(4);
  });
});
