/**
 * Reader + engine over every generated fixture: each faulty workbook raises the finding it was built for
 * (and nothing outside its manifest's allow list), clean layouts raise nothing, junk is refused.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { checkWorkbook, getProfile } from "../../src/engine";

const GEN = path.join(__dirname, "..", "fixtures", "generated");
interface Entry {
  file: string;
  group: string;
  expect: string[];
  allow: string[];
  error?: string;
}
const fixtures: Entry[] = JSON.parse(fs.readFileSync(path.join(GEN, "manifest.json"), "utf8")).fixtures;

describe.each(fixtures.filter((f) => f.error !== "FILE_UNREADABLE").map((f) => [f.file, f] as const))(
  "%s",
  (file, f) => {
    it(f.error ? `is refused as ${f.error}` : `raises ${f.expect.join(", ") || "no finding"}`, async () => {
      const report = checkWorkbook(file, await readXlsxFile(path.join(GEN, file)));
      if (f.error) {
        expect(report.error?.code).toBe(f.error);
        expect(report.error?.message).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      expect(report.error).toBeNull();
      const codes = new Set(report.sheets.flatMap((s) => s.findings.map((x) => x.code)));
      for (const c of f.expect) expect(codes).toContain(c);
      for (const c of codes) expect([...f.expect, ...f.allow]).toContain(c);
    });
  },
);

it("the 10+90 layout raises nothing under the Sichuan profile (10 + 90 points)", async () => {
  const sichuan = getProfile("sichuan");
  expect(sichuan).not.toBeNull();
  const report = checkWorkbook("p.xlsx", await readXlsxFile(path.join(GEN, "layout-provincial-10-90.xlsx")), {
    profile: sichuan!,
  });
  expect(report.sheets[0].findings.filter((x) => x.severity !== "info")).toEqual([]);
});

it("junk files are exactly the ones the reader refuses", async () => {
  for (const f of fixtures.filter((x) => x.error === "FILE_UNREADABLE")) {
    await expect(readXlsxFile(path.join(GEN, f.file))).rejects.toThrow(/^无法读取文件：/);
  }
});
