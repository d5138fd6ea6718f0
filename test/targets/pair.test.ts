import { getProfile } from "../../src/engine/profiles";
import { checkGridTables } from "../../src/engine/check";
import {
  identityKey,
  pickCounterpart,
  readApprovedTargets,
  withTargetFindings,
  type ApprovedTable,
} from "../../src/engine/targets";
import type { FileReport } from "../../src/engine/types";
import { approvedGrid, SELF_ROWS, selfGrid, selfTable } from "./builders";

const profile = getProfile("mof-2020")!;
const approvedFor = (project: string): ApprovedTable => {
  const r = readApprovedTargets(approvedGrid(undefined, { project }));
  if (!r.ok) throw new Error(r.reason);
  return r.tables[0];
};
const names = (a: ApprovedTable) => [a.project ?? "", a.title, ...a.units];

describe("pickCounterpart", () => {
  it("identityKey drops years and the titles' generic words", () => {
    expect(identityKey("2024年度 高标准农田建设项目 绩效目标表")).toBe(identityKey("高标准农田建设项目"));
  });

  it("takes a lone candidate as it is, else the one whose 项目名称 matches", () => {
    const t = selfTable(SELF_ROWS, "高标准农田建设项目");
    const only = approvedFor("别的项目");
    expect(pickCounterpart(t, [only], names)).toBe(only);
    const right = approvedFor("2024年高标准农田建设项目");
    expect(pickCounterpart(t, [only, right], names)).toBe(right);
  });

  it("never guesses: a tie or no match pairs nothing", () => {
    const t = selfTable(SELF_ROWS, "高标准农田建设项目");
    expect(pickCounterpart(t, [approvedFor("甲项目"), approvedFor("乙项目")], names)).toBeNull();
    expect(
      pickCounterpart(t, [approvedFor("高标准农田建设项目"), approvedFor("高标准农田建设项目")], names),
    ).toBeNull();
  });
});

describe("withTargetFindings", () => {
  const grid = selfGrid(
    SELF_ROWS.map((r, i) => (i === 0 ? [r[0], r[1], r[2], "≥900亩", r[4], r[5], r[6]] : r)),
  );
  const checked = checkGridTables(grid, profile);
  if (!checked.ok) throw new Error(checked.reason);
  const file: FileReport = { file: "a.xlsx", error: null, sheets: checked.tables.map((t) => t.report) };
  const tables = checked.tables.map((t) => t.table);

  it("adds the findings to the sheet, sorted with the others, and leaves the input alone", () => {
    const before = JSON.stringify(file);
    const out = withTargetFindings(file, tables, { approved: [approvedFor("高标准农田建设项目")] }, profile);
    expect(JSON.stringify(file)).toBe(before);
    const codes = out.sheets[0].findings.map((f) => f.code);
    expect(codes).toContain("TARGET_CHANGED");
    const rank = { error: 0, warning: 1, info: 2 };
    const ranks = out.sheets[0].findings.map((f) => rank[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("says so in the notes when no counterpart is found, and finds nothing", () => {
    const out = withTargetFindings(file, tables, { approved: [], previous: [] }, profile);
    expect(out.sheets[0].findings).toEqual(file.sheets[0].findings);
    expect(out.notes).toEqual([
      "--targets 中没有可读的绩效目标表，未对照申报表",
      "未找到与“高标准农田建设项目”对应的上年自评表，未对照上年",
    ]);
  });

  it("leaves a file with an error, or tables that do not line up, as it is", () => {
    const bad: FileReport = { file: "x", error: { code: "FILE_UNREADABLE", message: "m" }, sheets: [] };
    expect(withTargetFindings(bad, [], { approved: [] }, profile)).toBe(bad);
    expect(withTargetFindings(file, [], { approved: [] }, profile)).toBe(file);
  });
});
