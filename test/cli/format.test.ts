import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formatCsv, csvField, BOM } from "../../src/cli/format-csv";
import { formatTable, sortFindings, ANSI, PLAIN } from "../../src/cli/format-table";
import { buildFindingsWorkbook, cellLink } from "../../src/cli/findings-workbook";
import { report, finding } from "./sample-report";

/** Minimal RFC 4180 reader, to check that what we write parses back to the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    field = "",
    q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') q = false;
      else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("table format", () => {
  test("summary per file, errors listed before warnings, totals line", () => {
    const out = formatTable(report(), PLAIN);
    expect(out).toContain("■ 甲单位.xlsx");
    expect(out).toContain("单位：株洲市芦淞区自然资源局");
    expect(out).toContain("执行率 78.25%");
    expect(out).toContain("资金得分 7.83");
    expect(out).toContain("总分 97.83");
    expect(out).toContain("等级 优");
    // declared ≠ computed shows both
    expect(out).toContain("总分 95 → 88.5");
    expect(out).toContain("等级 优 → 良");
    const b = out.slice(out.indexOf("■ 乙单位.xlsx"));
    expect(b.indexOf("H27")).toBeLessThan(b.indexOf("H30"));
    expect(b.indexOf("H30")).toBeLessThan(b.indexOf("I20"));
    expect(out).toContain("[错误] 无法读取该文件");
    expect(out).toMatch(/共 3 个文件：1 个无错误，1 个有错误，1 个无法检查；错误 2 项，警告 2 项/);
    expect(out).not.toContain("\u001b[");
  });

  test("colour codes only with the ANSI palette", () => {
    expect(formatTable(report(), ANSI)).toContain("\u001b[31m");
  });

  test("sortFindings: severity, then row, then column", () => {
    const s = sortFindings([
      finding({ severity: "info", cell: "A1" }),
      finding({ severity: "warning", cell: "B10" }),
      finding({ severity: "error", cell: "H9" }),
      finding({ severity: "warning", cell: "B2" }),
      finding({ severity: "error", cell: "AA3" }),
    ]);
    expect(s.map((f) => f.cell)).toEqual(["AA3", "H9", "B2", "B10", "A1"]);
  });
});

describe("csv format", () => {
  test("BOM, header, one line per finding, file errors as a line, quoting round-trips", () => {
    const text = formatCsv(report());
    expect(text.startsWith(BOM)).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(["file", "sheet", "cell", "code", "severity", "message"]);
    expect(rows).toHaveLength(1 + 1 + 3 + 1);
    expect(rows[2]).toEqual([
      "乙单位.xlsx",
      "自评表",
      "H27",
      "TOTAL_MISMATCH",
      "error",
      '总分95与各项得分之和88.5不符，"请"核对, 然后修改',
    ]);
    expect(rows[5]).toEqual(["坏文件.xlsx", "", "", "FILE_UNREADABLE", "error", "无法读取该文件"]);
    for (const r of rows) expect(r).toHaveLength(6);
  });

  test("fields are quoted only when needed; formula-like text is defused", () => {
    expect(csvField("abc")).toBe("abc");
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("-1,2")).toBe('"\'-1,2"');
  });
});

describe("findings workbook", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-wb-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("summary and findings sheets read back with exceljs", async () => {
    const out = path.join(dir, "问题清单.xlsx");
    const paths: Record<string, string> = {
      "甲单位.xlsx": "/data/甲单位.xlsx",
      "乙单位.xlsx": "/data/乙单位.xlsx",
      "坏文件.xlsx": "/data/坏文件.xlsx",
    };
    await buildFindingsWorkbook(report(), (f) => paths[f.file]).xlsx.writeFile(out);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单"]);

    const sum = wb.getWorksheet("汇总")!;
    expect(sum.rowCount).toBe(4);
    expect(sum.getRow(1).getCell(1).value).toBe("文件");
    expect(sum.getRow(1).font?.bold).toBe(true);
    expect(sum.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sum.autoFilter).toBeTruthy();
    const b = sum.getRow(3);
    expect(b.getCell(1).text).toBe("乙单位.xlsx");
    expect([
      b.getCell(3).value,
      b.getCell(5).value,
      b.getCell(6).value,
      b.getCell(7).value,
      b.getCell(8).value,
    ]).toEqual(["乙单位", 95, 88.5, "优", "良"]);
    expect([b.getCell(9).value, b.getCell(10).value, b.getCell(11).value]).toEqual([0.7825, 2, 1]);
    expect(String(sum.getRow(4).getCell(12).value)).toContain("FILE_UNREADABLE");

    const list = wb.getWorksheet("问题清单")!;
    expect(list.rowCount).toBe(1 + 1 + 3 + 1);
    const first = list.getRow(3); // 乙单位: errors first
    expect(first.getCell(5).value).toBe("TOTAL_MISMATCH");
    expect(first.getCell(6).value).toBe("错误");
    const link = first.getCell(3).value as ExcelJS.CellFormulaValue;
    expect(link.formula).toBe(`HYPERLINK("[/data/乙单位.xlsx]'自评表'!H27","H27")`);
    expect(link.result).toBe("H27");
    expect(list.getRow(2).getCell(4).value).toBe("地质灾害防治知识宣传受众人数(人)");
    expect(list.getRow(2).getCell(6).value).toBe("警告");
    expect(list.getRow(6).getCell(5).value).toBe("FILE_UNREADABLE");
  });

  test("links escape quotes and fall back to text past Excel's 255-character limit", () => {
    expect((cellLink("/a/b.xlsx", "It's", "A1", "A1") as ExcelJS.CellFormulaValue).formula).toBe(
      `HYPERLINK("[/a/b.xlsx]'It''s'!A1","A1")`,
    );
    expect(cellLink("/" + "x".repeat(300) + ".xlsx", "S", "A1", "A1")).toBe("A1");
  });
});
