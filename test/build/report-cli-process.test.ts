/**
 * The built command line in a child process (`node bin/ziping.js`, after `tsc -p tsconfig.cli.json`):
 * .docx files read and checked in the pool's worker threads, and `ziping draft` writing a real .docx.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT, SAMPLE, tmp } from "../cli/helpers";
import { readDocx } from "../../src/docx/read";

const BIN = path.join(ROOT, "bin", "ziping.js");
const GEN = path.join(ROOT, "test", "fixtures", "generated");
let dir: string;

const ziping = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  // Another engineer's unfinished file may fail the type check; tsc still emits, and lib is what we run.
  spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
  dir = tmp("ziping-report-bin-");
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the reference report and its altered copies, checked by the built CLI", () => {
  const files = ["report-2021-department.docx", "report-rate-87.25.docx", "report-target-missed.docx"];
  const r = ziping(["check", ...files.map((f) => path.join(GEN, f)), "--format", "json", "--jobs", "2"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe("");
  const report = JSON.parse(r.stdout);
  const codes = report.files.map((f: { sheets: { findings: { code: string }[] }[] }) =>
    f.sheets[0].findings.map((x) => x.code).filter((c) => c.startsWith("REPORT_")),
  );
  expect(codes).toEqual([[], ["REPORT_FIGURE_MISMATCH"], ["REPORT_CLAIM_CONTRADICTED"]]);
  const s = report.files[0].sheets[0];
  expect([s.total.computed, s.grade.computed, s.funds.rate.declared]).toEqual([97.83, "优", 0.7825]);
});

test("ziping draft on the bundled sample writes a .docx with 1839.1, 1439.13, 78.25%, 97.83 and 优", async () => {
  const r = ziping(["draft", SAMPLE, "--out", "自评报告（草稿）.docx"]);
  expect(r.code).toBe(0);
  const text = (await readDocx(fs.readFileSync(path.join(dir, "自评报告（草稿）.docx")))).doc.paragraphs
    .map((p) => p.text)
    .join("\n");
  for (const s of ["1839.1", "1439.13", "78.25%", "97.83", "优"]) expect(text).toContain(s);
});
