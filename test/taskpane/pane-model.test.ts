/**
 * The pane's pure model: cards per row, the three-state verdict, the fact sentence, phrase toggles and
 * the two-part check. No DOM.
 */
import { checkGrid, corrections, phrasesForCause } from "../../src/engine";
import type { SheetReport } from "../../src/engine";
import { buildCards, needsExplaining, verdictOf } from "../../src/taskpane/model/cards";
import {
  causeOf,
  checkExplanation,
  factSentence,
  hasPhrase,
  template,
  togglePhrase,
} from "../../src/taskpane/model/explain";
import { cardNumbers, cardProblems } from "../../src/taskpane/model/labels";
import { verdictText } from "../../src/taskpane/components/Header";
import { translator } from "../../src/taskpane/i18n";
import { sampleGrid, setCell } from "./sample-grid";

function report(g = sampleGrid()): SheetReport {
  const res = checkGrid(g);
  if (!res.ok) throw new Error(res.reason);
  return res.report;
}

describe("cards and verdict", () => {
  test("the sample: no errors, 3 to explain; DIRECTION_INFERRED gathered; marking 执行率 leaves 2", () => {
    const r = report();
    const { cards, direction } = buildCards(r, corrections(r));
    expect(cards.map((c) => c.kind)).toEqual(["funds", "indicator", "indicator"]);
    expect(cards.map((c) => c.indicator?.cell ?? null)).toEqual([null, "D12", "D23"]);
    expect(direction?.findings).toHaveLength(4);
    expect(verdictOf(cards)).toEqual({ kind: "explain", n: 3 });
    const marked = buildCards(r, [], new Set(["自评表!FUNDS_LOW_EXECUTION@G4"]));
    const funds = marked.cards.find((c) => c.kind === "funds")!;
    expect(funds.reportNote).toEqual({ key: "自评表!FUNDS_LOW_EXECUTION@G4", marked: true });
    expect(needsExplaining(funds)).toBe(false);
    // Explained, it goes after what still needs handling.
    expect(marked.cards.map((c) => c.kind)).toEqual(["indicator", "indicator", "funds"]);
    expect(verdictOf(marked.cards)).toEqual({ kind: "explain", n: 2 });
  });

  test("a row's findings are one card with its correction; errors first; verdict counts rows", () => {
    const g = sampleGrid();
    setCell(g, "F11", 1);
    const r = report(g);
    const { cards } = buildCards(r, corrections(r));
    const row = cards[0];
    expect(row.indicator?.cell).toBe("D11");
    expect(row.findings.map((f) => f.code)).toEqual(["SCORE_TOO_HIGH", "EXPLANATION_MISSING"]);
    expect(row.corrections.map((c) => [c.cell, c.newText])).toEqual([["H11", "3"]]);
    expect(row.needsText).toBe(true);
    expect(cardProblems(row, "zh")).toBe("得分偏高；缺偏差说明");
    expect(cardProblems(row, "en")).toBe("score too high; explanation missing");
    // One unit: every card to handle (the error row and the three to explain), three still unexplained
    // (the error row's explanation is one of them).
    const handle = cards.filter((c) => c.severity === "error" || needsExplaining(c));
    expect(verdictOf(cards)).toEqual({
      kind: "errors",
      n: handle.length,
      explain: handle.filter((c) => c.needsText || (c.reportNote && !c.reportNote.marked)).length,
    });
    expect(handle.length).toBe(4);
    // With a second row marked too high the grade changes: 总分 and 等级 are one card with both fixes.
    setCell(g, "F23", 20);
    const r2 = report(g);
    const total = buildCards(r2, corrections(r2)).cards.find((c) => c.key === "total")!;
    expect(total.findings.map((f) => f.code)).toEqual(["GRADE_CHANGES_ON_RECALC"]);
    expect(total.corrections.map((c) => c.purpose).sort()).toEqual(["grade", "total"]);
  });

  test("everything explained: 可以提交", () => {
    const g = sampleGrid();
    setCell(g, "I12", "偏差原因：宣传进社区；改进措施：提高指标值。");
    setCell(g, "I23", "偏差原因：群众参与踊跃；改进措施：提高指标值。");
    const r = report(g);
    const { cards } = buildCards(r, [], new Set(["自评表!FUNDS_LOW_EXECUTION@G4"]));
    expect(verdictOf(cards)).toEqual({ kind: "ok", warnings: 0 });
  });

  test("errors set aside (忽略) still show in the verdict: 可以提交（已忽略 N 项错误）", () => {
    const g = sampleGrid();
    setCell(g, "I12", "偏差原因：宣传进社区；改进措施：提高指标值。");
    setCell(g, "I23", "偏差原因：群众参与踊跃；改进措施：提高指标值。");
    setCell(g, "F11", 1); // a 分值 changed: the weights and the 总分 no longer add up (error cards)
    const r = report(g);
    const notes = new Set(["自评表!FUNDS_LOW_EXECUTION@G4"]);
    const first = buildCards(r, [], notes);
    const errors = first.cards.filter((c) => c.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(verdictOf(first.cards, first.ignored).kind).toBe("errors");
    const after = buildCards(r, [], notes, new Set(errors.map((c) => c.ignoreKey)));
    const v = verdictOf(after.cards, after.ignored);
    const n = errors.length;
    expect(v).toEqual({ kind: "ok", warnings: 0, ignoredErrors: n });
    expect(verdictText(v, translator("zh"))).toBe(`可以提交（已忽略 ${n} 项错误）`);
    expect(verdictText(v, translator("en"))).toBe(`Ready to submit (errors ignored: ${n})`);
    // Warnings set aside are not errors: the sample's OVER_TARGET cards, ignored, leave a plain 可以提交.
    const clean = report(sampleGrid());
    const warn = buildCards(clean, [], notes).cards.filter((c) => c.severity === "warning");
    const w = buildCards(clean, [], notes, new Set(warn.map((c) => c.ignoreKey)));
    expect(verdictOf(w.cards, w.ignored)).toEqual({ kind: "ok", warnings: 0 });
  });
});

describe("guided explanation", () => {
  const shortRow = () => {
    const g = sampleGrid();
    setCell(g, "F11", 1);
    setCell(g, "H11", 3);
    return report(g).indicators.find((i) => i.cell === "D11")!;
  };

  test("the fact sentence names target, actual, rate and the score change, in both languages", () => {
    const ind = shortRow();
    expect(causeOf(ind, [])).toBe("shortfall");
    expect(factSentence(ind, "shortfall", "zh")).toBe(
      "年度指标值≥2次，实际完成1次，完成率50%，得分由6分调整为3分",
    );
    expect(factSentence(ind, "shortfall", "en")).toBe(
      "Target ≥2次, actual 1次, 50% of target, score lowered from 6 to 3",
    );
    const over = report().indicators.find((i) => i.cell === "D12")!;
    expect(causeOf(over, [])).toBe("overAchieved");
    expect(factSentence(over, "overAchieved", "zh")).toBe("年度指标值≥1000人，实际完成1500人，完成率150%");
  });

  test("before the score is corrected, the sentence claims no score change the sheet does not hold", () => {
    const g = sampleGrid();
    setCell(g, "F11", 1); // declared 6 stays: the correction to 3 is still pending
    const ind = report(g).indicators.find((i) => i.cell === "D11")!;
    expect(ind.scoreDeclared).toBe(6);
    expect(factSentence(ind, "shortfall", "zh")).toBe("年度指标值≥2次，实际完成1次，完成率50%");
  });

  test("a card's summary leads with its score: declared → recomputed when wrong, else score/weight", () => {
    const g = sampleGrid();
    setCell(g, "F11", 1);
    const r = report(g);
    const { cards } = buildCards(r, corrections(r));
    const row11 = cards.find((c) => c.indicator?.cell === "D11")!;
    expect(cardNumbers(row11, r, "zh")).toBe("得分 6→3 · ≥2 → 1 · 50%");
    const row12 = cards.find((c) => c.indicator?.cell === "D12")!;
    expect(cardNumbers(row12, r, "en")).toBe("score 3/3 · ≥1000 → 1500 · 150%");
  });

  test("phrases fit the cause: an over-achieved row is never offered slow execution", () => {
    const labels = (c: Parameters<typeof phrasesForCause>[0]) =>
      phrasesForCause(c).flatMap((g) => g.phrases.map((p) => p.label));
    expect(labels("overAchieved")).not.toContain("执行进度慢");
    expect(labels("overAchieved")).not.toContain("加快执行进度");
    expect(labels("overAchieved")).toContain("指标值设定偏低");
    expect(labels("shortfall")).not.toContain("指标值设定偏低");
    expect(labels("lowExecution")).toContain("跨年度项目");
    expect(phrasesForCause("deduction")[0].title).toBe("扣分原因");
  });

  test("toggles insert into their part once and come out cleanly; both parts are checked", () => {
    const facts = "年度指标值≥2次，实际完成1次，完成率50%";
    const [reasons, , measures] = phrasesForCause("shortfall");
    const p = reasons.phrases[0];
    const m = measures.phrases[0];
    let text = template(facts);
    expect(text).toBe(`偏差原因：${facts}；改进措施：`);
    expect(checkExplanation(text, facts)).toBe("reason");
    text = togglePhrase(text, p, "reason");
    expect(text).toBe(`偏差原因：${facts}。${p.text.replace(/。$/, "")}；改进措施：`);
    expect(hasPhrase(text, p)).toBe(true);
    expect(checkExplanation(text, facts)).toBe("measure");
    text = togglePhrase(text, m, "measure");
    expect(text.endsWith(`改进措施：${m.text}`)).toBe(true);
    expect(checkExplanation(text, facts)).toBeNull();
    // Pressed again: out, back to the template; never twice.
    expect(togglePhrase(togglePhrase(text, m, "measure"), p, "reason")).toBe(template(facts));
    expect(
      togglePhrase(togglePhrase(text, p, "reason"), p, "reason").split(p.text.replace(/。$/, "")).length,
    ).toBe(2);
    expect(checkExplanation("  ", facts)).toBe("empty");
    // Rows without target and actual (evaluation tables) need only some text.
    expect(checkExplanation("资料不全，扣1分", null)).toBeNull();
  });
});

describe("忽略 keys and same-cause groups", () => {
  test("a card's ignore key depends on its data, not on its place in the list", () => {
    const r = report();
    const keys = buildCards(r, []).cards.map((c) => c.ignoreKey);
    const shuffled = { ...r, findings: [...r.findings].reverse() };
    expect(
      buildCards(shuffled, [])
        .cards.map((c) => c.ignoreKey)
        .sort(),
    ).toEqual([...keys].sort());
    const g = sampleGrid();
    setCell(g, "F23", 90);
    const changed = buildCards(report(g), []).cards.find((c) => c.indicator?.cell === "D23")!;
    expect(keys).not.toContain(changed.ignoreKey);
    // Ignored cards leave the list (and so the verdict) but are still there to show.
    const ignored = buildCards(r, [], new Set(), new Set([keys[0]]));
    expect(ignored.cards.map((c) => c.ignoreKey)).not.toContain(keys[0]);
    expect(ignored.ignored.map((c) => c.ignoreKey)).toEqual([keys[0]]);
  });

  test("two alike rows keep their own cards; three become one group", () => {
    const g = sampleGrid();
    for (const a1 of ["E13", "E14"]) setCell(g, a1, null);
    expect(buildCards(report(g), []).cards.some((c) => c.kind === "group")).toBe(false);
    setCell(g, "E15", null);
    const group = buildCards(report(g), []).cards.filter((c) => c.kind === "group");
    expect(group).toHaveLength(1);
    expect(group[0].rows!.map((i) => i.row)).toEqual([13, 14, 15]);
  });
});
