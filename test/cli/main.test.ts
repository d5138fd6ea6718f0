/**
 * The command line in-process through main(argv, io): real sample, real xlsx files written with exceljs,
 * real engine. Exit codes, output formats, batches with bad files, profiles, --sheet and --out.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Report } from "../../src/engine/types";
import { runMain, tmp, writeJunk, writeNonTable, writeSampleWithTotal, SAMPLE, ROOT } from "./helpers";

const STACK = /\n\s+at .+:\d+:\d+/;
let dir: string;

beforeAll(async () => {
  dir = tmp();
  fs.copyFileSync(SAMPLE, path.join(dir, "甲单位 自评表.xlsx"));
  fs.mkdirSync(path.join(dir, "批次", "下级"), { recursive: true });
  fs.copyFileSync(SAMPLE, path.join(dir, "批次", "a-正常.xlsx"));
  writeJunk(path.join(dir, "批次", "b-损坏.xlsx"));
  await writeNonTable(path.join(dir, "批次", "c-通讯录.xlsx"));
  fs.copyFileSync(SAMPLE, path.join(dir, "批次", "下级", "d-正常.xlsx"));
  writeJunk(path.join(dir, "批次", "~$a-正常.xlsx")); // Excel's lock file: skipped
  fs.writeFileSync(path.join(dir, "批次", "说明.txt"), "not a workbook");
  await writeSampleWithTotal(path.join(dir, "总分有误.xlsx"), 99);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (s: string) => JSON.parse(s) as Report;

describe("usage", () => {
  test("--help is Chinese and English, and documents the bundled default", async () => {
    const r = await runMain(["--help"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("绩效自评表校验助手");
    expect(r.stdout).toContain("English");
    expect(r.stdout).toContain("assets/samples/");
    expect(r.stdout).toMatch(/退出码/);
  });

  test("--version prints the package version", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const r = await runMain(["--version"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: `ziping ${pkg.version}\n`, stderr: "" });
  });

  test.each([
    [["check", "没有这个文件.xlsx"], "找不到文件或文件夹：没有这个文件.xlsx"],
    [["check", "--bogus"], "未知选项：--bogus"],
    [["frobnicate"], "未知命令"],
    [["check", "--profile", "no-such-profile"], "没有名为“no-such-profile”的内置评分规则"],
    [["check", "--out", "不存在的目录/x.xlsx"], "--out 的目标文件夹不存在"],
  ])("%j → exit 2 with a Chinese message on stderr, nothing on stdout", async (argv, msg) => {
    const r = await runMain(argv, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(msg);
    expect(r.stderr).toContain("用法");
  });

  test("profiles lists the built-in ids (table and json)", async () => {
    const t = await runMain(["profiles"], { cwd: dir });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("mof-2020");
    const j = await runMain(["profiles", "--format", "json"], { cwd: dir });
    const list = JSON.parse(j.stdout) as { id: string }[];
    expect(list.map((p) => p.id)).toContain("mof-2020");
    expect(list.length).toBeGreaterThan(1);
  });
});

describe("the bundled sample (check with no path)", () => {
  let report: Report;
  let code: number;
  beforeAll(async () => {
    const r = await runMain(["check", "--format", "json"], { cwd: dir }); // cwd has no samples: resolved from the package
    code = r.code;
    report = json(r.stdout);
  });

  test("checks the seed's 2021 department table and finds what the seed says", () => {
    expect(code).toBe(0);
    const f = report.files.find((x) => x.file.endsWith("2021年度部门整体支出绩效自评表.xlsx"))!;
    expect(f.error).toBeNull();
    expect(f.sheets).toHaveLength(1);
    const s = f.sheets[0];
    expect(s.kind).toBe("department");
    expect(s.funds!.rate.computed).toBe(0.7825);
    expect(s.funds!.score.computed).toBe(7.83);
    expect(s.total.computed).toBe(97.83);
    expect(s.total.declared).toBe(97.83);
    expect(s.grade.computed).toBe("优");
    expect(s.findings.filter((x) => x.severity === "error")).toEqual([]);
    const over = s.findings.filter((x) => x.code === "OVER_TARGET");
    const names = over.map((x) => s.indicators.find((i) => i.row === x.row)?.name ?? "");
    expect(names.some((n) => n.includes("受众人数"))).toBe(true);
    expect(names.some((n) => n.includes("植树造林面积"))).toBe(true);
    expect(over.map((x) => x.message).join()).toMatch(/150%[\s\S]*160%|160%[\s\S]*150%/);
  });

  test("every field report-format.md documents is present", () => {
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["tool", "version", "profile", "files"]));
    expect(report.tool).toBe("ziping");
    expect(report.profile).toBe("mof-2020");
    const f = report.files[0];
    expect(Object.keys(f)).toEqual(expect.arrayContaining(["file", "error", "sheets"]));
    const s = f.sheets[0];
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining([
        "sheet",
        "kind",
        "title",
        "funds",
        "categories",
        "indicators",
        "total",
        "grade",
        "findings",
      ]),
    );
    expect(Object.keys(s.funds!)).toEqual(
      expect.arrayContaining(["cell", "budget", "spent", "weight", "rate", "score"]),
    );
    for (const d of [s.funds!.rate, s.funds!.score, s.grade])
      expect(Object.keys(d)).toEqual(expect.arrayContaining(["declared", "computed", "cell"]));
    expect(Object.keys(s.total)).toEqual(expect.arrayContaining(["weight", "declared", "computed", "cell"]));
    expect(s.categories.length).toBeGreaterThan(0);
    for (const c of s.categories)
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining([
          "name",
          "cell",
          "declaredWeight",
          "weightSum",
          "scoreDeclared",
          "scoreComputed",
        ]),
      );
    expect(s.indicators.length).toBeGreaterThan(10);
    for (const i of s.indicators)
      expect(Object.keys(i)).toEqual(
        expect.arrayContaining([
          "row",
          "cell",
          "level1",
          "level2",
          "name",
          "target",
          "actual",
          "kind",
          "direction",
          "directionInferred",
          "weight",
          "scoreDeclared",
          "scoreComputed",
          "needsExplanation",
          "explanation",
          "explanationCell",
        ]),
      );
    for (const x of s.findings) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(["code", "severity", "cell", "message"]));
      expect(x.cell).toMatch(/^[A-Z]+\d+$/);
      expect(x.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("table: the Chinese summary, no colour off a terminal", async () => {
    const r = await runMain(["check"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("执行率 78.25%");
    expect(r.stdout).toContain("资金得分 7.83");
    expect(r.stdout).toContain("总分 97.83");
    expect(r.stdout).toContain("等级 优");
    expect(r.stdout).toContain("OVER_TARGET");
    expect(r.stdout).not.toContain("\u001b[");
  });

  test("colour on a terminal unless NO_COLOR is set", async () => {
    expect((await runMain(["check"], { cwd: dir, tty: true })).stdout).toContain("\u001b[");
    expect((await runMain(["check"], { cwd: dir, tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(
      "\u001b[",
    );
  });
});

describe("batches", () => {
  test("a folder: recursive, lock files skipped, a broken and a non-table file do not stop the others", async () => {
    const r = await runMain(["check", "批次", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const rep = json(r.stdout);
    expect(rep.files.map((f) => f.file)).toEqual([
      path.join("批次", "a-正常.xlsx"),
      path.join("批次", "b-损坏.xlsx"),
      path.join("批次", "c-通讯录.xlsx"),
      path.join("批次", "下级", "d-正常.xlsx"),
    ]);
    const [a, b, c, d] = rep.files;
    expect(a.error).toBeNull();
    expect(a.sheets[0].total.computed).toBe(97.83);
    expect(b.error?.code).toBe("FILE_UNREADABLE");
    expect(b.error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(c.error?.code).toBe("NOT_A_SELF_EVALUATION_TABLE");
    expect(d.error).toBeNull();
    expect(r.stderr).not.toMatch(STACK);
  });

  test("an old .xls in a folder is reported, not dropped: it needs saving as .xlsx", async () => {
    const folder = path.join(dir, "旧格式");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, "2021年自评表.xls"),
      Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]),
    );
    const r = await runMain(["check", "旧格式", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const [f] = json(r.stdout).files;
    expect(f.error?.code).toBe("FILE_UNREADABLE");
    expect(f.error?.message).toContain("另存为 .xlsx");
    expect(f.error?.message).toContain(".xls");
  });

  test("a junk file alone: exit 1, a Chinese reason, no stack trace", async () => {
    const r = await runMain(["check", path.join("批次", "b-损坏.xlsx")], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("FILE_UNREADABLE");
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  test("an error finding gives exit 1 and is listed first", async () => {
    const r = await runMain(["check", "总分有误.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("TOTAL_MISMATCH");
    const firstFinding = r.stdout.split("\n").find((l) => /^\s+\[(错误|警告|提示)\]/.test(l));
    expect(firstFinding).toContain("[错误]");
  });

  test("a progress bar on stderr only for several files on a terminal; stdout unchanged", async () => {
    const plain = await runMain(["check", "批次", "--format", "json"], { cwd: dir });
    const tty = await runMain(["check", "批次", "--format", "json"], { cwd: dir, tty: true });
    expect(plain.stderr).toBe("");
    expect(tty.stderr).toContain("检查中 [");
    expect(tty.stderr).toContain("4/4 100%");
    expect(tty.stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(tty.stdout).toBe(plain.stdout);
    const single = await runMain(["check", "甲单位 自评表.xlsx"], { cwd: dir, tty: true });
    expect(single.stderr).toBe("");
  });

  test("files and folders together keep the order given; Chinese names survive", async () => {
    const r = await runMain(["check", "甲单位 自评表.xlsx", path.join("批次", "下级"), "--format", "json"], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(json(r.stdout).files.map((f) => f.file)).toEqual([
      "甲单位 自评表.xlsx",
      path.join("批次", "下级", "d-正常.xlsx"),
    ]);
  });
});

describe("options", () => {
  test("--profile by id", async () => {
    const r = await runMain(["check", "甲单位 自评表.xlsx", "--profile", "sichuan", "--format", "json"], {
      cwd: dir,
    });
    expect(json(r.stdout).profile).toBe("sichuan");
  });

  test("--profile from a file", async () => {
    fs.writeFileSync(
      path.join(dir, "my.json"),
      JSON.stringify({ id: "my-city", name: "本市规则", extends: "mof-2020", overshootReviewRatio: 2 }),
    );
    const r = await runMain(["check", "甲单位 自评表.xlsx", "--profile", "my.json", "--format", "json"], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const rep = json(r.stdout);
    expect(rep.profile).toBe("my-city");
    // 150 % and 160 % are below the 200 % review ratio of this profile
    expect(rep.files[0].sheets[0].findings.filter((f) => f.code === "OVER_TARGET")).toEqual([]);
  });

  test("a bad profile file → exit 2 naming the bad key", async () => {
    fs.writeFileSync(
      path.join(dir, "bad.json"),
      JSON.stringify({ id: "x", name: "x", overshotReviewRatio: 1.5, scoreTolerance: 5 }),
    );
    const r = await runMain(["check", "甲单位 自评表.xlsx", "--profile", "bad.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("overshotReviewRatio");
    expect(r.stderr).toContain("scoreTolerance");
    fs.writeFileSync(path.join(dir, "broken.json"), "{ id: ");
    const b = await runMain(["check", "甲单位 自评表.xlsx", "--profile", "broken.json"], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("不是有效的 JSON");
  });

  test("--sheet picks the sheet by name; an absent name is reported on the file", async () => {
    const all = json(
      (await runMain(["check", "甲单位 自评表.xlsx", "--format", "json"], { cwd: dir })).stdout,
    );
    const name = all.files[0].sheets[0].sheet;
    const one = json(
      (await runMain(["check", "甲单位 自评表.xlsx", "--sheet", name, "--format", "json"], { cwd: dir }))
        .stdout,
    );
    expect(one.files[0].sheets.map((s) => s.sheet)).toEqual([name]);
    const none = await runMain(["check", "甲单位 自评表.xlsx", "--sheet", "没有这张表", "--format", "json"], {
      cwd: dir,
    });
    expect(none.code).toBe(1);
    expect(json(none.stdout).files[0].error).not.toBeNull();
    expect(json(none.stdout).files[0].sheets).toEqual([]);
  });

  test("csv: BOM, header, one line per finding", async () => {
    const r = await runMain(["check", "甲单位 自评表.xlsx", "--format", "csv"], { cwd: dir });
    const rep = json(
      (await runMain(["check", "甲单位 自评表.xlsx", "--format", "json"], { cwd: dir })).stdout,
    );
    expect(r.stdout.startsWith("\uFEFFfile,sheet,cell,code,severity,message\r\n")).toBe(true);
    const lines = r.stdout.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + rep.files[0].sheets[0].findings.length);
    expect(lines[1].startsWith("甲单位 自评表.xlsx,")).toBe(true);
  });

  test("--out writes the findings workbook; its content reads back", async () => {
    const r = await runMain(
      ["check", "甲单位 自评表.xlsx", "批次", "--out", "审核意见.xlsx", "--format", "json"],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    const rep = json(r.stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "审核意见.xlsx"));
    const sum = wb.getWorksheet("汇总")!;
    const list = wb.getWorksheet("问题清单")!;
    expect(sum.rowCount).toBe(1 + rep.files.length);
    const first = sum.getRow(2);
    const s = rep.files[0].sheets[0];
    expect(first.getCell(1).text).toBe("甲单位 自评表.xlsx");
    expect(first.getCell(3).value).toBe(s.unit);
    expect(first.getCell(4).value).toBe("部门整体支出");
    expect([
      first.getCell(5).value,
      first.getCell(6).value,
      first.getCell(7).value,
      first.getCell(8).value,
    ]).toEqual([97.83, 97.83, "优", "优"]);
    expect(first.getCell(10).value).toBe(0);
    const nFindings = rep.files.reduce(
      (n, f) => n + (f.error ? 1 : f.sheets.reduce((m, x) => m + x.findings.length, 0)),
      0,
    );
    expect(list.rowCount).toBe(1 + nFindings);
    const link = list.getRow(2).getCell(3).value as ExcelJS.CellFormulaValue;
    expect(link.formula).toContain(`[${path.join(dir, "甲单位 自评表.xlsx")}]'${s.sheet}'!`);
    const codes: unknown[] = [];
    list.eachRow((row, i) => i > 1 && codes.push(row.getCell(5).value));
    expect(codes).toEqual(
      expect.arrayContaining(["OVER_TARGET", "FILE_UNREADABLE", "NOT_A_SELF_EVALUATION_TABLE"]),
    );
  });

  test("--out inside a checked folder: a second run does not check the previous findings workbook", async () => {
    const sub = path.join(dir, "复查");
    fs.mkdirSync(sub);
    fs.copyFileSync(SAMPLE, path.join(sub, "甲.xlsx"));
    const first = await runMain(
      ["check", "复查", "--out", path.join("复查", "意见.xlsx"), "--format", "json"],
      { cwd: dir },
    );
    const second = await runMain(
      ["check", "复查", "--out", path.join("复查", "意见.xlsx"), "--format", "json"],
      { cwd: dir },
    );
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(json(second.stdout).files.map((f) => f.file)).toEqual([path.join("复查", "甲.xlsx")]);
  });

  test("--out that cannot be written: the report is still printed, exit 1, a Chinese reason", async () => {
    fs.mkdirSync(path.join(dir, "占用.xlsx"));
    const r = await runMain(["check", "甲单位 自评表.xlsx", "--out", "占用.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("总分 97.83");
    expect(r.stderr).toContain("无法写入问题清单 占用.xlsx：同名的文件夹已存在");
    expect(r.stderr).not.toMatch(STACK);
  });
});
