/**
 * Issue 10's output and argument safety, in-process through main(argv, io): no control byte from a
 * file reaches the terminal, no CSV field starts a formula, --out never overwrites an input, reserved
 * profile keys get exit 2 naming the key, unreadable sub-folders are reported.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import type { Report } from "../../src/engine/types";
import { csvField } from "../../src/cli/format-csv";
import { CUT_MARK, MAX_CELL_TEXT, writeFindingsWorkbook } from "../../src/cli/findings-workbook";
import { escapeControls } from "../../src/cli/terminal-text";
import { runMain, tmp, SAMPLE } from "./helpers";

let dir: string;
const ESC_NAME = "\u001b[2J\u001b[1A伪造.xlsx";

/**
 * The sample with its unit name replaced, in the shared strings as Excel stores control characters
 * (_x001B_): text that would clear a line and print a fake summary.
 */
async function writeSampleWithUnit(file: string, unit: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  expect(sst).toContain("株洲市芦淞区自然资源局");
  zip.file("xl/sharedStrings.xml", sst.replace("株洲市芦淞区自然资源局", unit));
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

beforeAll(async () => {
  dir = tmp("ziping-safety-");
  fs.copyFileSync(SAMPLE, path.join(dir, "a.xlsx"));
  fs.copyFileSync(SAMPLE, path.join(dir, "b.xlsx"));
  fs.copyFileSync(SAMPLE, path.join(dir, "--out=a.xlsx"));
  fs.copyFileSync(SAMPLE, path.join(dir, "=HYPERLINK(1).xlsx"));
  await writeSampleWithUnit(
    path.join(dir, ESC_NAME),
    "株洲_x001B_[2K_x000D_共 1 个文件：1 个无错误，0 个有错误",
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = (f: string) => fs.readFileSync(path.join(dir, f));

describe("--out never overwrites an input", () => {
  test("a submitted file named --out=a.xlsx, brought in by *.xlsx: exit 2, a.xlsx untouched", async () => {
    const before = bytes("a.xlsx");
    // What the shell makes of `ziping check *.xlsx` in this folder (sorted, "--out=a.xlsx" first).
    const r = await runMain(["check", "--out=a.xlsx", "a.xlsx", "b.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("是要检查的文件之一，不能覆盖它");
    expect(bytes("a.xlsx").equals(before)).toBe(true);
  });

  test("an existing file that ziping did not write: exit 2, untouched", async () => {
    const before = bytes("b.xlsx");
    const r = await runMain(["check", "a.xlsx", "--out", "b.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("已存在，且不是 ziping 写的问题清单");
    expect(bytes("b.xlsx").equals(before)).toBe(true);
  });

  test("a link to an input is an input", async () => {
    if (process.platform === "win32") return;
    fs.symlinkSync(path.join(dir, "a.xlsx"), path.join(dir, "link.xlsx"));
    const before = bytes("a.xlsx");
    const r = await runMain(["check", "a.xlsx", "--out", "link.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(bytes("a.xlsx").equals(before)).toBe(true);
    fs.unlinkSync(path.join(dir, "link.xlsx"));
  });

  test("ziping's own findings workbook is replaced", async () => {
    const out = path.join(dir, "意见.xlsx");
    expect((await runMain(["check", "a.xlsx", "--out", out], { cwd: dir })).code).not.toBe(2);
    const again = await runMain(["check", "a.xlsx", "--out", out], { cwd: dir });
    expect(again.code).not.toBe(2);
    expect(again.stderr).toContain("问题清单已写入");
    fs.unlinkSync(out);
  });

  test("-- ends the options: --out=a.xlsx after it is a file to check", async () => {
    const r = await runMain(["check", "--format", "json", "--", "--out=a.xlsx"], { cwd: dir });
    expect(r.code).not.toBe(2);
    expect((JSON.parse(r.stdout) as Report).files.map((f) => f.file)).toEqual(["--out=a.xlsx"]);
  });
});

describe("terminal output holds no control bytes from the input", () => {
  test("table format: file name and cell text shown escaped", async () => {
    const r = await runMain(["check", ESC_NAME], { cwd: dir });
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain("\\x1b[2J\\x1b[1A伪造.xlsx");
    expect(r.stdout).toContain("株洲\\x1b[2K\\x0d共 1 个文件");
  });

  test("the progress bar shows file names escaped", async () => {
    const r = await runMain(["check", "a.xlsx", ESC_NAME, "--format", "json"], { cwd: dir, tty: true });
    expect(r.stderr).toContain("伪造");
    expect(r.stderr).not.toContain("\u001b[2J");
    expect(r.stderr).not.toContain("\u001b[1A");
  });

  test("escapeControls: C0, DEL, C1 and bidi overrides", () => {
    expect(escapeControls("a\u001bb\u0007\u007f\u009b\u202e")).toBe("a\\x1bb\\x07\\x7f\\x9b\\u202e");
    expect(escapeControls("普通文字 97.83%")).toBe("普通文字 97.83%");
  });
});

describe("CSV fields never start a formula", () => {
  test.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1"])("%j is neutralised", (v) => {
    expect(csvField(v).replace(/^"/, "").startsWith("'")).toBe(true);
  });

  test("file names too", async () => {
    const r = await runMain(["check", "=HYPERLINK(1).xlsx", "--format", "csv"], { cwd: dir });
    const rows = r.stdout
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.startsWith("'=HYPERLINK(1).xlsx,")).toBe(true);
  });
});

test("findings-workbook cells are cut at 32,767 characters with a mark", async () => {
  const long = "长".repeat(40000);
  const report = {
    version: 1,
    profile: "mof-2020",
    files: [{ file: "x.xlsx", error: { code: "FILE_UNREADABLE", message: long }, sheets: [] }],
  } as unknown as Report;
  const out = path.join(dir, "long.xlsx");
  await writeFindingsWorkbook(report, () => null, out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  let longest = "";
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string" && c.value.length > longest.length) longest = c.value;
      }),
    ),
  );
  expect(longest.length).toBe(MAX_CELL_TEXT);
  expect(longest.endsWith(CUT_MARK)).toBe(true);
});

describe("profile keys", () => {
  test.each(["__proto__", "constructor", "hasOwnProperty"])("%s: exit 2 naming the key", async (key) => {
    const file = path.join(dir, `p-${key}.json`);
    fs.writeFileSync(file, `{"id": "x", "name": "自定义", "${key}": 1}`);
    const r = await runMain(["check", "a.xlsx", "--profile", file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`“${key}”是保留名称`);
    expect(r.stderr).not.toContain("内部错误");
  });

  test("--profile /dev/zero is refused at once", async () => {
    if (process.platform === "win32") return;
    const r = await runMain(["check", "a.xlsx", "--profile", "/dev/zero"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不是普通文件");
  });
});

test("an unreadable sub-folder is reported, not skipped", async () => {
  // root reads any folder whatever its mode: nothing to prove there.
  if (process.platform === "win32" || process.getuid?.() === 0) return;
  const top = path.join(dir, "批次");
  fs.mkdirSync(path.join(top, "锁住"), { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(top, "a.xlsx"));
  fs.chmodSync(path.join(top, "锁住"), 0o000);
  try {
    const r = await runMain(["check", "批次", "--format", "json"], { cwd: dir });
    const f = (JSON.parse(r.stdout) as Report).files.find((x) => x.file.endsWith("锁住"));
    expect(f?.error?.code).toBe("FILE_UNREADABLE");
    expect(f?.error?.message).toContain("无法打开文件夹");
  } finally {
    fs.chmodSync(path.join(top, "锁住"), 0o755);
  }
});
