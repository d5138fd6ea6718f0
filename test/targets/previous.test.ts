import { getProfile } from "../../src/engine/profiles";
import { compareWithPrevious } from "../../src/engine/targets";
import { SELF_ROWS, selfTable, type SelfRow } from "./builders";

const profile = getProfile("mof-2020")!;
const withRow = (k: number, row: SelfRow) => SELF_ROWS.map((r, i) => (i === k ? row : r));

describe("compareWithPrevious: TARGET_NOT_RAISED", () => {
  it("flags a target kept after last year's actual went ≥ 120 % past it, naming last year's figures", () => {
    const last = selfTable(withRow(1, [null, null, "受益农户", "≥800户", "1200户", 10, 10]));
    const c = compareWithPrevious(selfTable(), last, profile);
    expect(c.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["TARGET_NOT_RAISED@E13"]);
    const f = c.findings[0];
    expect(f.severity).toBe("warning");
    expect(f.data).toEqual({
      indicator: "受益农户",
      previousTarget: "≥800户",
      previousActual: "1200户",
      ratio: 1.5,
      threshold: 1.2,
      current: "≥800户",
      direction: "positive",
      match: { by: "name", otherName: "受益农户", similarity: 1 },
    });
    expect(f.message).toContain("150%");
  });

  it("is silent when the target was raised, or last year's overshoot was under the threshold", () => {
    const last = selfTable(withRow(1, [null, null, "受益农户", "≥800户", "1200户", 10, 10]));
    const raised = selfTable(withRow(1, [null, null, "受益农户", "≥1000户", "1100户", 10, 10]));
    expect(compareWithPrevious(raised, last, profile).findings).toEqual([]);
    const near = selfTable(withRow(1, [null, null, "受益农户", "≥800户", "950户", 10, 10]));
    expect(compareWithPrevious(selfTable(), near, profile).findings).toEqual([]);
  });

  it("compares across units (万元 last year, 元 this year)", () => {
    const last = selfTable(
      withRow(4, ["效益指标(30分)", "社会效益指标", "带动农户增收", "≥500万元", "800万元", 30, 30]),
    );
    const now = selfTable(
      withRow(4, ["效益指标(30分)", "社会效益指标", "带动农户增收", "≥5000000元", "6000000元", 30, 30]),
    );
    expect(compareWithPrevious(now, last, profile).findings.map((f) => f.code)).toEqual([
      "TARGET_NOT_RAISED",
    ]);
  });

  it("a ≤ indicator: flagged when last year's actual was far under and the target was not lowered", () => {
    const row = (t: string, a: string): SelfRow => [null, "时效指标", "平均办理时长", t, a, 10, 10];
    const last = selfTable(withRow(3, row("≤10天", "5天")));
    const same = selfTable(withRow(3, row("≤10天", "6天")));
    const lowered = selfTable(withRow(3, row("≤8天", "6天")));
    const f = compareWithPrevious(same, last, profile).findings;
    expect(f.map((x) => [x.code, x.data])).toEqual([
      ["TARGET_NOT_RAISED", expect.objectContaining({ direction: "reverse", ratio: 2 })],
    ]);
    expect(compareWithPrevious(lowered, last, profile).findings).toEqual([]);
    // None at all last year under a ≤ target: no ratio to speak of.
    expect(compareWithPrevious(same, selfTable(withRow(3, row("≤10天", "0天"))), profile).findings).toEqual(
      [],
    );
  });

  it("pairs a renamed indicator by place, and says so", () => {
    const last = selfTable(withRow(1, [null, null, "受益农户数", "≥800户", "1200户", 10, 10]));
    const c = compareWithPrevious(selfTable(), last, profile);
    expect(c.findings.map((f) => ("match" in f.data ? f.data.match : undefined))).toEqual([
      { by: "position", otherName: "受益农户数", similarity: expect.any(Number) },
    ]);
    expect(c.notes).toEqual([expect.stringContaining("与上年自评表的“受益农户数”名称不同")]);
  });

  it("is silent on = targets, ranges and words", () => {
    const last = selfTable(withRow(2, [null, "质量指标", "验收合格率", "=100%", "100%", 10, 10]));
    expect(compareWithPrevious(selfTable(), last, profile).findings).toEqual([]);
  });
});
