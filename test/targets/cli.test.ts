/**
 * `ziping check --targets / --previous` in-process: real xlsx files written with exceljs from the grids
 * of builders.ts, read back by the CLI's own reader.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Grid } from "../../src/engine/grid";
import type { Report } from "../../src/engine/types";
import { runMain, tmp } from "../cli/helpers";
import { approvedGrid, APPROVED_ROWS, SELF_ROWS, selfGrid, type SelfRow } from "./builders";

let dir: string;

async function writeBook(file: string, grids: Grid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

const lowered: SelfRow[] = SELF_ROWS.map((r, i) =>
  i === 1 ? [null, null, "受益农户", "≥600户", "620户", 10, 10] : r,
);

beforeAll(async () => {
  dir = tmp("ziping-targets-");
  await writeBook(path.join(dir, "自评表.xlsx"), [selfGrid(lowered)]);
  await writeBook(path.join(dir, "申报表.xlsx"), [approvedGrid()]);
  await writeBook(path.join(dir, "同一工作簿.xlsx"), [selfGrid(lowered), approvedGrid()]);
  fs.mkdirSync(path.join(dir, "申报表们"));
  await writeBook(path.join(dir, "申报表们", "a.xlsx"), [
    approvedGrid(
      APPROVED_ROWS.map((r) => (r[2] === "受益农户" ? [r[0], r[1], r[2], "≥600户"] : r)),
      { project: "另一个项目" },
    ),
  ]);
  await writeBook(path.join(dir, "申报表们", "b.xlsx"), [approvedGrid()]);
  const lastYear = SELF_ROWS.map((r, i): SelfRow =>
    i === 1 ? [null, null, "受益农户", "≥600户", "900户", 10, 10] : r,
  );
  await writeBook(path.join(dir, "上年自评表.xlsx"), [selfGrid(lastYear)]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OURS = new Set([
  "TARGET_CHANGED",
  "INDICATOR_MISSING",
  "INDICATOR_ADDED",
  "WEIGHT_CHANGED",
  "TARGET_NOT_RAISED",
]);
/** The comparison's findings (the table's own checks find other things in this constructed table). */
const codesOf = (stdout: string) =>
  (JSON.parse(stdout) as Report).files.flatMap((f) =>
    f.sheets.flatMap((s) => s.findings.filter((x) => OURS.has(x.code)).map((x) => `${x.code}@${x.cell}`)),
  );

describe("ziping check --targets", () => {
  test("a 申报表 file: TARGET_CHANGED with its data in the JSON report, exit 1", async () => {
    const r = await runMain(["check", "自评表.xlsx", "--targets", "申报表.xlsx", "--format", "json"], {
      cwd: dir,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(codesOf(r.stdout)).toEqual(["TARGET_CHANGED@E13"]);
    const f = (JSON.parse(r.stdout) as Report).files[0].sheets[0].findings[0] as unknown as { data: object };
    expect(f.data).toMatchObject({ approved: "≥800户", current: "≥600户", change: "value" });
  });

  test("without --targets nothing changes", async () => {
    const r = await runMain(["check", "自评表.xlsx", "--format", "json"], { cwd: dir });
    expect(codesOf(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });

  test("a 申报表 sheet in the same workbook: give the workbook itself", async () => {
    const r = await runMain(
      ["check", "同一工作簿.xlsx", "--targets", "同一工作簿.xlsx", "--format", "json"],
      {
        cwd: dir,
      },
    );
    expect(codesOf(r.stdout)).toEqual(["TARGET_CHANGED@E13"]);
  });

  test("a folder of 申报表 is paired by 项目名称, and not checked as 自评表", async () => {
    const r = await runMain(["check", "自评表.xlsx", "--targets", "申报表们", "--format", "json"], {
      cwd: dir,
    });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.files.map((f) => f.file)).toEqual(["自评表.xlsx"]);
    expect(codesOf(r.stdout)).toEqual(["TARGET_CHANGED@E13"]);
  });

  test("no counterpart: a note, no findings", async () => {
    const other = path.join(dir, "别的.xlsx");
    await writeBook(other, [
      approvedGrid(APPROVED_ROWS, { project: "另一个项目" }),
      approvedGrid(APPROVED_ROWS, { project: "第三个项目", name: "二" }),
    ]);
    const r = await runMain(["check", "自评表.xlsx", "--targets", "别的.xlsx", "--format", "json"], {
      cwd: dir,
    });
    const file = (JSON.parse(r.stdout) as Report).files[0];
    expect(codesOf(r.stdout)).toEqual([]);
    expect(file.notes).toEqual([expect.stringContaining("未找到与“高标准农田建设项目”对应的绩效目标表")]);
  });

  test("a missing --targets path is a usage error", async () => {
    const r = await runMain(["check", "自评表.xlsx", "--targets", "没有.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--targets：找不到文件或文件夹：没有.xlsx");
  });
});

describe("ziping check --previous", () => {
  test("TARGET_NOT_RAISED names last year's target and actual", async () => {
    const r = await runMain(["check", "自评表.xlsx", "--previous", "上年自评表.xlsx", "--format", "json"], {
      cwd: dir,
    });
    expect(codesOf(r.stdout)).toEqual(["TARGET_NOT_RAISED@E13"]);
    expect(r.code).toBe(0);
    const r2 = await runMain(["check", "自评表.xlsx", "--previous", "上年自评表.xlsx"], { cwd: dir });
    expect(r2.stdout).toContain("上年指标值≥600户、实际完成900户");
  });
});

describe("the findings workbook", () => {
  test("gets 对照表中的值 / 本表的值 columns for the comparison findings", async () => {
    const out = path.join(dir, "问题清单.xlsx");
    const r = await runMain(["check", "自评表.xlsx", "--targets", "申报表.xlsx", "--out", out], { cwd: dir });
    expect(r.stderr).toContain("问题清单已写入");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("问题清单")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(["对照表中的值", "本表的值"]);
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
    const changed = rows.find((x) => x[4] === "TARGET_CHANGED")!;
    expect(changed.slice(-2)).toEqual(["≥800户", "≥600户"]);
  });

  test("keeps its columns when nothing was compared", async () => {
    const out = path.join(dir, "问题清单2.xlsx");
    await runMain(["check", "自评表.xlsx", "--out", out], { cwd: dir });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect((wb.getWorksheet("问题清单")!.getRow(1).values as unknown[]).slice(1)).not.toContain("本表的值");
  });
});
