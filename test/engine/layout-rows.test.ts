/** The row decisions of the indicator reader as a named, ordered table (layout/rows.ts). */
import { ROW_RULES, once, rowBoundary, rowContent, type ContentFacts } from "../../src/engine/layout/rows";

function content(over: Partial<ContentFacts>): ContentFacts {
  return {
    evaluation: false,
    name: "培训人次",
    hasWeight: true,
    hasScore: true,
    filledWeight: true,
    filledScore: true,
    valuesEmpty: false,
    headerEcho: () => false,
    textAcross: () => false,
    group: null,
    hasLevel1Column: true,
    hasLevel2Column: true,
    hasWeightColumn: true,
    level1Name: "产出指标",
    newLevel1Here: false,
    ownLevel2: "",
    underScored: false,
    inGroup: false,
    fundsLineFound: false,
    fundsScored: false,
    ...over,
  };
}

describe("ROW_RULES", () => {
  it("names every kind once, each with a reason and where it was seen, boundaries first", () => {
    const kinds = ROW_RULES.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const r of ROW_RULES) {
      expect(r.reason.length).toBeGreaterThan(10);
      expect(r.seen.length).toBeGreaterThan(3);
    }
    const firstContent = ROW_RULES.findIndex((r) => r.phase === "content");
    expect(ROW_RULES.slice(firstContent).every((r) => r.phase === "content")).toBe(true);
    expect(kinds[kinds.length - 1]).toBe("indicator");
  });

  it("asks the costly boundary facts only when earlier rules did not decide", () => {
    const asked: string[] = [];
    const kind = rowBoundary({
      notFirst: true,
      endLabel: once(() => (asked.push("end"), "total" as const)),
      repeatedHeader: () => (asked.push("repeat"), 0),
      startsTable: () => (asked.push("table"), false),
      startsTopBlock: () => (asked.push("block"), false),
    });
    expect(kind).toBe("total");
    expect(asked).toEqual(["end"]);
  });

  it("never ends the block on its first row for a repeated header or next table", () => {
    const f = {
      notFirst: false,
      endLabel: () => null,
      repeatedHeader: () => 2,
      startsTable: () => true,
      startsTopBlock: () => true,
    };
    expect(rowBoundary(f)).toBeNull();
  });

  it("decides content rows in order", () => {
    expect(rowContent(content({}))).toBe("indicator");
    expect(rowContent(content({ name: "", hasWeight: false, hasScore: false }))).toBe("blank");
    expect(
      rowContent(content({ name: "指标2：", filledWeight: false, filledScore: false, valuesEmpty: true })),
    ).toBe("placeholder");
    expect(rowContent(content({ group: "level1", hasLevel1Column: false }))).toBe("group-level1");
    expect(rowContent(content({ group: "level2", hasLevel2Column: false }))).toBe("group-level2");
    expect(rowContent(content({ name: "预算执行率", level1Name: "" }))).toBe("funds-line");
    // The money block scores itself: a 预算执行率 row under a 一级 is an ordinary indicator.
    expect(rowContent(content({ name: "预算执行率", fundsScored: true }))).toBe("indicator");
    const unscored = { filledWeight: false, filledScore: false, hasWeight: false, hasScore: false };
    expect(rowContent(content({ ...unscored, name: "其中：新建", underScored: true }))).toBe("breakdown");
    expect(rowContent(content({ ...unscored, name: "（续）", valuesEmpty: true, inGroup: true }))).toBe(
      "continuation",
    );
    // An evaluation table has no values: its unscored rows are still indicators, never parts.
    expect(
      rowContent(content({ ...unscored, evaluation: true, underScored: true, name: "其中：新建" })),
    ).toBe("indicator");
  });
});
