/**
 * Weights, totals and grade (scoring-rules.md §5): per-category and overall weight sums, the profile's
 * split, the declared 总分 against Σ 得分, and the grade before and after recomputation.
 */
import type {
  Category,
  CategoryReport,
  Finding,
  IndicatorReport,
  Profile,
  SheetReport,
  Table,
} from "../types";
import { round2, sum, within } from "../decimal";
import { gradeOf } from "../profiles";
import { missingData, notNumeric, R } from "../rules/raise";
import type { RaiseOptions, Rule } from "../rules/rule";
import type { ParsedTable } from "../table/parse";
import { raise, sheetRow } from "../finding";

export const FUNDS_CATEGORY = "预算执行率";

/** grade.computed of a table with no 得分 at all. */
export const NOT_FILLED = "未填写";

export function scoreCategories(
  table: Table,
  indicators: IndicatorReport[],
  profile: Profile,
  funds: { weight: number | null; cell: string } | null,
): { categories: CategoryReport[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const add = <C extends Finding["code"], D>(r: Rule<C, D>, cell: string, data: D) =>
    findings.push(raise(r, cell, data));
  // Report rows are 1-based sheet rows; a category lists the layout's 0-based rows.
  const byRow = new Map(indicators.map((i) => [i.row - 1, i]));
  const categories = table.categories.map((c: Category): CategoryReport => {
    const rows = c.rows.map((r) => byRow.get(r)).filter((i): i is IndicatorReport => !!i);
    const weightSum = sum(rows.map((i) => i.weight));
    // A weight that is missing or not a number has its own finding; a sum without it proves nothing.
    const complete = rows.every((i) => i.weight !== null);
    if (
      complete &&
      c.declaredWeight !== null &&
      !within(weightSum, c.declaredWeight, profile.scoreTolerance)
    ) {
      add(R.weightCategory, c.cell, {
        variant: "category",
        name: c.name,
        sum: weightSum,
        declared: c.declaredWeight,
      });
    }
    return {
      name: c.name,
      cell: c.cell,
      declaredWeight: c.declaredWeight,
      weightSum,
      scoreDeclared: sum(rows.map((i) => i.scoreDeclared)),
      scoreComputed: sum(rows.map((i) => i.scoreComputed)),
    };
  });

  // "绩效指标(90分)": the indicator block as a whole.
  // A weight that is missing has its own finding; a sum without it proves nothing.
  if (
    table.indicatorBlockWeight !== null &&
    categories.length &&
    indicators.every((i) => i.weight !== null)
  ) {
    const all = sum(indicators.map((i) => i.weight));
    if (!within(all, table.indicatorBlockWeight, profile.scoreTolerance))
      add(R.weightCategory, categories[0].cell, {
        variant: "block",
        sum: all,
        declared: table.indicatorBlockWeight,
      });
  }

  // An evaluation table on another framework (投入 / 过程 / 产出 / 效果) is not the profile's split: only a
  // table whose 一级 are all the profile's own categories is held to it. A table without 一级 (group rows
  // absent), or with a category whose weight is unknown (no 分值 column), has no split to compare.
  const weightsKnown = table.categories.every(
    (c) =>
      c.declaredWeight !== null ||
      c.rows.every((r) => {
        const i = byRow.get(r);
        return !!i && i.weight !== null;
      }),
  );
  if (
    categories.length > 0 &&
    weightsKnown &&
    (table.mode !== "evaluation" || categories.every((c) => knownCategory(c.name, profile)))
  ) {
    findings.push(...splitFindings(categories, profile, funds));
  }
  return { categories, findings };
}

/** A 一级 named in one of the profile's splits (成本指标 counts: it is carved out of 产出). */
function knownCategory(name: string, profile: Profile): boolean {
  const names = [profile.defaultSplit, ...(profile.acceptedSplits ?? [])].flatMap((s) => Object.keys(s));
  return [...names, "成本指标"].some((n) => sameCategory(n, name));
}

/** Categories are matched to the profile's split by their leading words: 产出 ~ 产出指标. */
function sameCategory(a: string, b: string): boolean {
  const k = (s: string) =>
    s
      .replace(/\s/g, "")
      .replace(/(指标|情况|得分)$/, "")
      .slice(0, 2);
  return k(a) === k(b);
}

/**
 * Since 财预〔2021〕101号 成本指标 is a 一级 category of its own, carved out of the 产出 share (产出 40 +
 * 成本 10 = the split's 产出 50). Where the profile's split has no 成本 entry, its weight joins 产出's.
 */
function foldCost(
  actual: { name: string; cell: string; weight: number }[],
  split: Record<string, number>,
): { name: string; cell: string; weight: number }[] {
  const cost = actual.findIndex((a) => sameCategory(a.name, "成本指标"));
  const output = actual.findIndex((a) => sameCategory(a.name, "产出指标"));
  if (cost < 0 || output < 0 || Object.keys(split).some((k) => sameCategory(k, "成本指标"))) return actual;
  return actual
    .map((a, i) =>
      i === output
        ? {
            ...a,
            name: `${a.name}（含${actual[cost].name}）`,
            weight: round2(sum([a.weight, actual[cost].weight])),
          }
        : a,
    )
    .filter((_, i) => i !== cost);
}

function splitFindings(
  categories: CategoryReport[],
  profile: Profile,
  funds: { weight: number | null; cell: string } | null,
): Finding[] {
  const written: { name: string; cell: string; weight: number }[] = categories.map((c) => ({
    name: c.name,
    cell: c.cell,
    weight: c.declaredWeight ?? c.weightSum,
  }));
  const actual = foldCost(written, profile.defaultSplit);
  if (funds && funds.weight !== null && !actual.some((a) => sameCategory(a.name, FUNDS_CATEGORY)))
    actual.unshift({ name: FUNDS_CATEGORY, cell: funds.cell, weight: funds.weight });
  const splits = [profile.defaultSplit, ...(profile.acceptedSplits ?? [])];
  const fits = (split: Record<string, number>) =>
    Object.keys(split).length === actual.length &&
    actual.every((a) =>
      Object.entries(split).some(
        ([name, w]) => sameCategory(name, a.name) && within(w, a.weight, profile.scoreTolerance),
      ),
    );
  if (actual.length === 0 || splits.some(fits)) return [];
  const out: Finding[] = [];
  const outside: { name: string; cell: string; weight: number }[] = [];
  for (const a of actual) {
    // The funds line is never the one to move: when it deviates, a category does too (or WEIGHT_TOTAL fires).
    if (sameCategory(a.name, FUNDS_CATEGORY)) continue;
    const entry = Object.entries(profile.defaultSplit).find(([name]) => sameCategory(name, a.name));
    if (entry && within(entry[1], a.weight, profile.scoreTolerance)) continue;
    // Categories the split does not name at all are one note for the table, at the first of them.
    if (!entry) {
      outside.push(a);
      continue;
    }
    out.push(
      raise(R.weightSplit, a.cell, {
        name: a.name,
        actual: a.weight,
        expected: entry[1],
        profile: profile.name,
      }),
    );
  }
  if (outside.length) {
    const [first, ...rest] = outside;
    const data = { name: first.name, actual: first.weight, expected: null, profile: profile.name };
    const also = rest.map((a) => ({ name: a.name, actual: a.weight }));
    out.push(raise(R.weightSplit, first.cell, also.length ? { ...data, also } : data));
  }
  return out;
}

export function scoreTotal(
  parsed: ParsedTable,
  indicators: IndicatorReport[],
  funds: {
    weight: number | null;
    declared: number | null;
    computed: number | null;
    /** The funds 分值 cell, when the weight is written in one. */
    /** A blank funds 得分: the value it should hold; null when it is filled in or cannot be known. */
    blankShouldBe?: number | null;
    weightCell: string | null;
  } | null,
  profile: Profile,
): { total: SheetReport["total"]; grade: SheetReport["grade"]; findings: Finding[] } {
  const { table } = parsed;
  const findings: Finding[] = [];
  const row = table.total ? sheetRow(table.total.row) : undefined;
  const add = <C extends Finding["code"], D>(r: Rule<C, D>, cell: string, data: D, o: RaiseOptions = {}) =>
    findings.push(raise(r, cell, data, { ...o, row }));

  const weightSum = sum([funds?.weight ?? null, ...indicators.map((i) => i.weight)]);
  const totalWeightCell = parsed.total?.weight ?? null;
  const declaredWeight = totalWeightCell?.value ?? null;
  // A funds block that is there but unread holds points nobody can count: no sum is complete without it.
  const fundsKnown = !table.fundsUnread;
  const complete =
    fundsKnown && indicators.every((i) => i.weight !== null) && (!funds || funds.weight !== null);
  const weightOff =
    complete &&
    ((declaredWeight !== null && !within(weightSum, declaredWeight, profile.scoreTolerance)) ||
      !within(weightSum, profile.totalPoints, profile.scoreTolerance));
  if (weightOff) {
    // The total row's 分值, else the first 分值 of the table (the funds line's, then the first indicator's).
    const firstWeight = table.indicators.find((i) => i.weight !== null)?.weight?.cell;
    const cell = totalWeightCell?.cell ?? funds?.weightCell ?? firstWeight ?? table.titleCell ?? "A1";
    add(R.weightTotal, cell, { sum: weightSum, declared: declaredWeight, points: profile.totalPoints });
  }
  const weightsWrong = complete && !within(weightSum, profile.totalPoints, profile.scoreTolerance);

  // A blank funds 得分 the rules can compute counts at the value it should hold (its own VALUE_MISSING
  // says so), so the 总分 advice is not off by the funds' points.
  const fundsStands = funds?.declared ?? funds?.blankShouldBe ?? null;
  const declaredSum = round2(sum([fundsStands, ...indicators.map((i) => i.scoreDeclared)]));
  const computed = round2(sum([funds?.computed ?? null, ...indicators.map((i) => i.scoreComputed)]));
  const scoreCell = parsed.total?.score ?? null;
  const declaredTotal = scoreCell?.value ?? null;
  // No 得分 anywhere: the table is not filled in yet. Each blank 得分 has its finding; the blank 总分 and a
  // grade of 差 would only repeat that in a misleading way.
  const unfilled =
    indicators.length > 0 &&
    indicators.every((i) => i.scoreDeclared === null) &&
    (!funds || funds.declared === null) &&
    declaredTotal === null;
  if (scoreCell && scoreCell.state === "text")
    add(R.valueNotNumeric, scoreCell.cell, notNumeric("总分", "得分", "the total score", scoreCell.text));
  if (scoreCell && scoreCell.state === "blank" && !unfilled)
    add(R.valueMissing, scoreCell.cell, missingData(scoreCell, "总分", "得分", "the total score"));
  if (unfilled) {
    const first = indicators[0].scoreCell;
    // Scores that are formulas never calculated are not a table left empty: say which it is.
    const uncalculated = parsed.indicators.some((i) => i.score.uncalculated);
    findings.push(raise(R.tableNotFilled, first, uncalculated ? { uncalculated } : {}));
    return {
      findings,
      total: { weight: declaredWeight, declared: null, computed: 0, cell: scoreCell?.cell ?? null },
      grade: { declared: null, computed: NOT_FILLED, cell: table.grade?.cell ?? null },
    };
  }
  // A 得分 that is blank or not a number has its own finding; a sum without it proves nothing, so the
  // declared 总分 then stands for Σ 得分 in the grade checks too.
  const scoresComplete = indicators.every((i) => i.scoreDeclared !== null);
  if (
    fundsKnown &&
    scoresComplete &&
    scoreCell &&
    declaredTotal !== null &&
    !within(declaredTotal, declaredSum, profile.scoreTolerance)
  ) {
    // When the weights themselves add up wrong, "change the total to Σ" would be bad advice.
    // That finding says the weights come first and offers no fix of its own.
    if (weightsWrong)
      add(R.totalMismatch, scoreCell.cell, {
        variant: "weights-first",
        declared: declaredTotal,
        sum: declaredSum,
        weights: weightSum,
        points: profile.totalPoints,
      });
    else
      add(
        R.totalMismatch,
        scoreCell.cell,
        { variant: "sum", declared: declaredTotal, sum: declaredSum },
        { fix: { cell: scoreCell.cell, value: declaredSum } },
      );
  }
  const declaredBase = scoresComplete || declaredTotal === null ? declaredSum : declaredTotal;

  const gradeDeclaredSum = gradeOf(declaredBase, profile);
  const gradeComputed = gradeOf(computed, profile);
  const declaredGrade = table.grade?.declared ? normaliseGrade(table.grade.declared, profile) : null;
  if (fundsKnown && table.grade && table.grade.declared && declaredGrade !== gradeDeclaredSum) {
    add(
      R.gradeMismatch,
      table.grade.cell,
      { declared: table.grade.declared, sum: declaredBase, grade: gradeDeclaredSum },
      { fix: { cell: table.grade.cell, value: gradeDeclaredSum } },
    );
  }
  // Only a table that declares a total or a grade has a grade to change; a cut table without either does not.
  if (gradeDeclaredSum !== gradeComputed && (table.total || table.grade) && fundsKnown) {
    add(R.gradeChangesOnRecalc, scoreCell?.cell ?? table.grade?.cell ?? "A1", {
      sum: declaredBase,
      from: gradeDeclaredSum,
      computed,
      to: gradeComputed,
    });
  }
  return {
    findings,
    total: { weight: declaredWeight, declared: declaredTotal, computed, cell: scoreCell?.cell ?? null },
    grade: { declared: declaredGrade, computed: gradeComputed, cell: table.grade?.cell ?? null },
  };
}

const GRADE_WORDS: Record<string, string> = {
  优秀: "优",
  良好: "良",
  中等: "中",
  合格: "中",
  较差: "差",
  不合格: "差",
};

/** "等级：优秀" → "优" (the profile's band names win over the synonyms). */
export function normaliseGrade(text: string, profile: Profile): string {
  const t = text.replace(/^.*[：:]/, "").replace(/\s/g, "");
  const names = profile.gradeBands.map((b) => b[1]);
  if (names.includes(t)) return t;
  return GRADE_WORDS[t] && names.includes(GRADE_WORDS[t]) ? GRADE_WORDS[t] : t;
}
