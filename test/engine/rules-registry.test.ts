/**
 * The one list of rules is complete: every code has a check over the context (or names the module that
 * raises it, for codes raised outside a table), words in both languages, a row in
 * docs/spec/report-format.md with its severity, and cases of its own (test/engine/rules/cases.ts, or the
 * report tests for REPORT_ codes, which need a .docx).
 */
import * as fs from "fs";
import * as path from "path";
import { RULES, RULE_CODES } from "../../src/engine/rules";
import { FINDING_CODES } from "../../src/engine/types";
import { wordsFor } from "../../src/engine/finding";
import { CASES } from "./rules/cases";

const ROOT = path.resolve(__dirname, "..", "..");
const spec = fs.readFileSync(path.join(ROOT, "docs/spec/report-format.md"), "utf8");
const reportTests = fs
  .readdirSync(path.join(ROOT, "test/report"))
  .filter((f) => /\.test\.tsx?$/.test(f))
  .map((f) => fs.readFileSync(path.join(ROOT, "test/report", f), "utf8"))
  .join("\n");
const kebab = (code: string) => code.toLowerCase().replace(/_/g, "-");

test("FINDING_CODES is the rules' list, each code once", () => {
  expect([...FINDING_CODES]).toEqual(RULE_CODES);
  expect(new Set(RULE_CODES).size).toBe(RULE_CODES.length);
});

describe.each(RULES.map((r) => [r.code, r] as const))("%s", (code, rule) => {
  test("lives in rules/<code-in-kebab>.ts", () => {
    expect(fs.existsSync(path.join(ROOT, "src/engine/rules", `${kebab(code)}.ts`))).toBe(true);
  });

  test("has a check over the context, or names the module that raises it", () => {
    const check = rule.check ? Object.values(rule.check).filter((f) => typeof f === "function") : [];
    if (check.length === 0) {
      expect(rule.raisedBy).toMatch(/^engine\/[\w/-]+\.ts\b/);
      const file = rule.raisedBy!.match(/^engine\/[\w/-]+\.ts/)![0];
      const source = fs.readFileSync(path.join(ROOT, "src", file), "utf8");
      // The raiser names the rule by its code or by R.<camelCase>.
      const camel = code.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      expect(source.includes(code) || source.includes(`R.${camel}`)).toBe(true);
    } else expect(rule.raisedBy).toBeUndefined();
  });

  test("has words in Chinese and English for every example", () => {
    expect(rule.examples.length).toBeGreaterThan(0);
    expect(/[\u4e00-\u9fff]/.test(rule.about[0]) && rule.about[1].length > 0).toBe(true);
    for (const d of rule.examples) {
      const [zh, en] = rule.words(d as never);
      expect(/[\u4e00-\u9fff]/.test(zh)).toBe(true);
      expect(en.trim().length).toBeGreaterThan(0);
    }
  });

  test("has its row in docs/spec/report-format.md, with its severity", () => {
    const line = spec.split("\n").find((l) => l.startsWith(`| \`${code}\` |`));
    expect(line).toBeDefined();
    expect(line!.split("|")[2]).toContain(rule.severity);
  });

  test("has cases of its own", () => {
    if (code.startsWith("REPORT_")) expect(reportTests).toContain(code);
    else expect(CASES[code]).toBeDefined();
  });

  test("its findings' words, made again from their data, are their messages", () => {
    if (!CASES[code]) return;
    const raised = CASES[code].invalid().filter((f) => f.code === code);
    for (const f of raised) {
      expect(f.data).toBeDefined();
      expect(wordsFor(f, "zh")).toBe(f.message);
      expect(wordsFor(f, "en")).toBe(f.messageEn);
      if (f.fix) expect(rule.fixable).toBe(true);
    }
  });
});
