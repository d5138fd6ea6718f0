/** Runs the CLI in-process with captured streams, and builds the workbooks the CLI tests need. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main, CliIO } from "../../src/cli/main";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLE = path.join(ROOT, "assets", "samples", "2021年度部门整体支出绩效自评表.xlsx");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(
  argv: string[],
  opts: { cwd: string; tty?: boolean; env?: Record<string, string> },
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: opts.tty ?? false, columns: 100 },
    env: opts.env ?? {},
    cwd: opts.cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export function tmp(prefix = "ziping-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A well-formed workbook that is not a 自评表 (an ordinary list). */
export async function writeNonTable(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("通讯录");
  ws.addRow(["姓名", "电话", "部门"]);
  ws.addRow(["张三", "13800000000", "办公室"]);
  ws.addRow(["李四", "13900000000", "财务科"]);
  await wb.xlsx.writeFile(file);
}

/** Bytes that are not a zip at all. */
export function writeJunk(file: string): void {
  fs.writeFileSync(file, "这不是一个工作簿 — just some text pretending to be xlsx\n".repeat(20));
}

/**
 * The sample with one declared score changed: finds the 得分 cell of the total row (the number 97.83)
 * and writes `total` there, which must give at least one error finding (TOTAL_MISMATCH).
 */
export async function writeSampleWithTotal(file: string, total: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  let where = "";
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        const n =
          typeof v === "number"
            ? v
            : v && typeof v === "object" && "result" in (v as object)
              ? (v as { result: unknown }).result
              : null;
        if (!where && n === 97.83) {
          cell.value = total;
          where = `${ws.name}!${cell.address}`;
        }
      }),
    ),
  );
  if (!where) throw new Error("no 97.83 cell in the sample");
  await wb.xlsx.writeFile(file);
  return where;
}
