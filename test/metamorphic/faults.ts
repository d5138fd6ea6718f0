/**
 * Single injected faults: one mistake a clerk could make, and the one finding (code and cell per
 * docs/spec/report-format.md) it must add — nothing else. Each picks the first place in the table where
 * the fault is unambiguous and the original has no finding on that cell; null (n/a) when there is none.
 */
import { parseA1 } from "../../src/engine";
import { cloneSheet, isBlank, type Sheet, type Text } from "./sheet";
import { textOf, type Places } from "./places";
import type { Outcome } from "./outcome";

export interface Injected {
  sheet: Sheet;
  /**
   * The findings the fault must add, one per slot: each slot is met by any one of its (code, cell)
   * pairs. Nearly every fault has one slot.
   */
  expect: { code: string; cell: string }[][];
}

export interface Fault {
  id: string;
  what: string;
  apply(s: Sheet, p: Places | null, o: Outcome): Injected | null;
}

const PLAIN = /^-?\d+(\.\d+)?$/;
const BANDS = [90, 80, 60];
const band = (n: number): number => BANDS.findIndex((b) => n >= b);

function setCell(s: Sheet, a1: string, v: Text): Sheet {
  const p = parseA1(a1)!;
  const out = cloneSheet(s);
  out.rows[p.row][p.col] = v;
  return out;
}

const hasFindingAt = (o: Outcome, cell: string): boolean => o.raw.some((f) => f.cell === cell);

/** A full-marks 得分 raised 1 above its 分值 (and the 总分 with it, so the sum still agrees). */
function scoreRaised(s: Sheet, p: Places | null, o: Outcome): Injected | null {
  if (!p || !o.report) return null;
  const row = o.report.indicators.find(
    (r) =>
      r.weight !== null &&
      r.weight > 0 &&
      r.scoreDeclared === r.weight &&
      PLAIN.test(textOf(cellText(s, r.scoreCell))) &&
      !hasFindingAt(o, r.scoreCell),
  );
  if (!row || row.weight === null) return null;
  let out = setCell(s, row.scoreCell, String(row.weight + 1));
  const total = p.table.total?.score;
  if (total && PLAIN.test(total.text.trim())) {
    const text = total.text.trim();
    const was = Number(text);
    if (band(was) !== band(was + 1)) return null;
    // Written with the total's own decimals ("96.50" → "97.50"), never binary noise.
    out = setCell(out, total.cell, (was + 1).toFixed((text.split(".")[1] || "").length));
  }
  return {
    sheet: out,
    expect: [
      ["SCORE_OUT_OF_RANGE", "SCORE_TOO_HIGH", "QUAL_SCORE_OUT_OF_BAND"].map((code) => ({
        code,
        cell: row.scoreCell,
      })),
    ],
  };
}

const cellText = (s: Sheet, a1: string): Text => {
  const p = parseA1(a1)!;
  return s.rows[p.row]?.[p.col] ?? null;
};

/**
 * The reason of a row that needs one blanked. The finding is EXPLANATION_MISSING at the reason cell, or,
 * where the target was met and only points were taken off, SCORE_DEDUCTION_UNEXPLAINED at 得分.
 */
function explanationBlanked(s: Sheet, p: Places | null, o: Outcome): Injected | null {
  if (!p || !o.report) return null;
  const row = o.report.indicators.find(
    (r) =>
      r.needsExplanation &&
      r.explanationCell !== null &&
      [...r.explanation.trim()].length >= 8 &&
      (r.ratio === null || r.ratio === undefined || r.ratio < 1.2) &&
      !hasFindingAt(o, r.explanationCell) &&
      !o.raw.some((f) => f.cell === r.scoreCell && f.code === "SCORE_DEDUCTION_UNEXPLAINED"),
  );
  if (!row || row.explanationCell === null) return null;
  const a = parseA1(row.explanationCell)!;
  // A reason merged across several rows is shared: blanking it would touch the others too.
  if (s.merges.some((m) => m.top === a.row && m.left === a.col && m.bottom > m.top)) return null;
  return {
    sheet: setCell(s, row.explanationCell, null),
    expect: [
      [
        { code: "EXPLANATION_MISSING", cell: row.explanationCell },
        { code: "SCORE_DEDUCTION_UNEXPLAINED", cell: row.scoreCell },
      ],
    ],
  };
}

/** The 总分 row's 分值 changed from 100 to 90: the weights no longer add up to it. */
function totalWeightChanged(s: Sheet, _p: Places | null, o: Outcome): Injected | null {
  const w = o.table?.total?.weight;
  if (!w || Number(w.text.trim()) !== 100 || !PLAIN.test(w.text.trim()) || hasFindingAt(o, w.cell))
    return null;
  return { sheet: setCell(s, w.cell, "90"), expect: [[{ code: "WEIGHT_TOTAL", cell: w.cell }]] };
}

/** The funds line's 得分 left blank. */
function fundsScoreBlanked(s: Sheet, _p: Places | null, o: Outcome): Injected | null {
  const c = o.table?.funds?.total.score;
  if (!c || !PLAIN.test(c.text.trim()) || hasFindingAt(o, c.cell)) return null;
  if (isBlank(cellText(s, c.cell))) return null;
  // With no indicator 得分 either, the blank funds score leaves a table with no score at all: that is
  // TABLE_NOT_FILLED (an error since issue 17, class 8), another fault than the one this injects.
  if (o.report && o.report.indicators.every((i) => i.scoreDeclared === null)) return null;
  return { sheet: setCell(s, c.cell, null), expect: [[{ code: "VALUE_MISSING", cell: c.cell }]] };
}

/**
 * One point of 分值 moved from a full-marks row of one weighted 一级 category to a full-marks row of another,
 * each 得分 following its 分值: every row, the sum of weights and 总分 still agree, only the two categories
 * no longer match the weights in their labels — WEIGHT_CATEGORY at each label, nothing else.
 */
function weightMoved(s: Sheet, _p: Places | null, o: Outcome): Injected | null {
  if (!o.report) return null;
  const weighted = o.report.categories.filter(
    // Only categories whose rows add up to their label today: a cut one may rightly be left unchecked.
    (c) =>
      c.declaredWeight !== null &&
      Math.abs(c.weightSum - c.declaredWeight) < 0.005 &&
      !o.raw.some((f) => f.cell === c.cell && f.code.startsWith("WEIGHT_")),
  );
  const fullMarks = (min: number) =>
    weighted
      .map((c) => ({
        c,
        r: o.report!.indicators.find(
          (r) =>
            r.level1 === c.name &&
            r.weight !== null &&
            r.weight >= min &&
            r.scoreDeclared === r.weight &&
            weightCellOf(o, r.scoreCell) !== null &&
            PLAIN.test(textOf(cellText(s, r.scoreCell))) &&
            !hasFindingAt(o, r.scoreCell),
        ),
      }))
      .filter((x) => x.r !== undefined);
  const up = fullMarks(1)[0];
  const down = up ? fullMarks(2).find((x) => x.c.name !== up.c.name) : undefined;
  if (!up || !down || !up.r || !down.r) return null;
  let out = s;
  for (const [r, d] of [
    [up.r, 1],
    [down.r, -1],
  ] as const) {
    const w = String(r.weight! + d);
    out = setCell(setCell(out, weightCellOf(o, r.scoreCell)!, w), r.scoreCell, w);
  }
  return {
    sheet: out,
    expect: [
      [{ code: "WEIGHT_CATEGORY", cell: up.c.cell }],
      [{ code: "WEIGHT_CATEGORY", cell: down.c.cell }],
    ],
  };
}

/** The 分值 cell of the row scored at `scoreCell`, when it holds a plain number. */
function weightCellOf(o: Outcome, scoreCell: string): string | null {
  const ind = o.table?.indicators.find((r) => r.score.cell === scoreCell);
  const w = ind?.weight;
  return w && PLAIN.test(w.text.trim()) ? w.cell : null;
}

export const FAULTS: Fault[] = [
  { id: "fault:score-raised", what: "a full-marks 得分 raised above its 分值", apply: scoreRaised },
  { id: "fault:explanation-blanked", what: "a needed reason blanked", apply: explanationBlanked },
  { id: "fault:total-weight-changed", what: "总分 分值 100 → 90", apply: totalWeightChanged },
  { id: "fault:weight-moved", what: "1 point of 分值 moved between two 一级 categories", apply: weightMoved },
  { id: "fault:funds-score-blanked", what: "the funds 得分 blanked", apply: fundsScoreBlanked },
];
