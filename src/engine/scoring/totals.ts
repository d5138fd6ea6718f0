/**
 * Weights, totals and grade (scoring-rules.md §5): per-category and overall weight sums, the profile's
 * split, the declared 总分 against Σ 得分, and the grade before and after recomputation.
 */
import type { Category, CategoryReport, IndicatorReport, Profile, SheetReport, Table } from "../types";
import { round2, sum, within } from "../decimal";
import { gradeOf } from "../profiles";
import type { ParsedTable, ReadNumber } from "../table/parse";
import { sheetRow } from "../finding";

export const FUNDS_CATEGORY = "预算执行率";

/** One 一级 category against its label. */
export interface CategoryComputation {
  category: Category;
  weightSum: number;
  /** Every row under it has a weight (a missing one has its own finding; a sum without it proves nothing). */
  complete: boolean;
}

/** The categories worked out once: their reports, their sums, and whether the profile's split applies. */
export interface CategoriesComputation {
  categories: CategoryReport[];
  each: CategoryComputation[];
  /**
   * Σ of every indicator's weight (or, with no 分值 column, of the 一级 labels' points) against "绩效指标(90分)",
   * when the table labels its block and all are known.
   */
  blockSum: number | null;
  /** blockSum is of the 一级 labels' points. */
  blockByLabels: boolean;
  /** Whether the table is held to the profile's split (see computeCategories). */
  splitApplies: boolean;
  /** The funds line's weight and cell, which joins the split as 预算执行率. */
  funds: { weight: number | null; cell: string } | null;
}

export function computeCategories(
  table: Table,
  indicators: IndicatorReport[],
  profile: Profile,
  funds: { weight: number | null; cell: string } | null,
): CategoriesComputation {
  // Report rows are 1-based sheet rows; a category lists the layout's 0-based rows.
  const byRow = new Map(indicators.map((i) => [i.row - 1, i]));
  const each: CategoryComputation[] = [];
  const categories = table.categories.map((c: Category): CategoryReport => {
    const rows = c.rows.map((r) => byRow.get(r)).filter((i): i is IndicatorReport => !!i);
    const weightSum = sum(rows.map((i) => i.weight));
    each.push({ category: c, weightSum, complete: rows.every((i) => i.weight !== null) });
    return {
      name: c.name,
      cell: c.cell,
      declaredWeight: c.declaredWeight,
      weightSum,
      scoreDeclared: sum(rows.map((i) => i.scoreDeclared)),
      scoreComputed: sum(rows.map((i) => i.scoreComputed)),
    };
  });

  // "绩效指标(90分)" / "年度绩效目标(80分)": the indicator block as a whole, against every row's 分值 or,
  // where no row has one, against the 一级 labels' points.
  const labels = table.indicatorBlockWeight !== null ? labelWeights(table, indicators) : null;
  const blockSum =
    table.indicatorBlockWeight === null || !categories.length
      ? null
      : indicators.every((i) => i.weight !== null)
        ? sum(indicators.map((i) => i.weight))
        : labels
          ? sum(labels.weights)
          : null;

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
  const splitApplies =
    categories.length > 0 &&
    weightsKnown &&
    (table.mode !== "evaluation" || categories.every((c) => knownCategory(c.name, profile)));
  const blockByLabels = blockSum !== null && !indicators.every((i) => i.weight !== null);
  return { categories, each, blockSum, blockByLabels, splitApplies, funds };
}

/** A 一级 named in one of the profile's splits (成本指标 counts: it is carved out of 产出). */
function knownCategory(name: string, profile: Profile): boolean {
  const names = [profile.defaultSplit, ...(profile.acceptedSplits ?? [])].flatMap((s) => Object.keys(s));
  return [...names, "成本指标"].some((n) => sameCategory(n, name));
}

/** Categories are matched to the profile's split by their leading words: 产出 ~ 产出指标. */
export function sameCategory(a: string, b: string): boolean {
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
export function foldCost(
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

/** The funds block as the total sees it. */
export interface FundsForTotal {
  weight: number | null;
  declared: number | null;
  computed: number | null;
  /** A blank funds 得分: the value it should hold; null when it is filled in or cannot be known. */
  blankShouldBe?: number | null;
  /** The funds 分值 cell, when the weight is written in one. */
  weightCell: string | null;
}

/** The 总分 row and the grade worked out once (scoring-rules.md §5). */
export interface TotalsComputation {
  /** The 总分 row as a sheet row, when the table has one. */
  sheetRow: number | undefined;
  funds: FundsForTotal | null;
  /** Σ 分值, the funds line's included (the 一级 labels' points where no row has a 分值). */
  weightSum: number;
  /** The first 一级 label, where the weights are only in the labels (产出指标(60分)) and no row has a 分值. */
  labelCell: string | null;
  totalWeightCell: ReadNumber | null;
  declaredWeight: number | null;
  /** No funds block is there unread (its points nobody can count). */
  fundsKnown: boolean;
  /** Every weight is known, so their sum proves something. */
  complete: boolean;
  /** The weights are complete and do not add up to the profile's points. */
  weightsWrong: boolean;
  /** Σ 得分 as declared (a blank funds 得分 at the value it should hold), and as recomputed. */
  declaredSum: number;
  computed: number;
  scoreCell: ReadNumber | null;
  declaredTotal: number | null;
  /** No 得分 anywhere: the table is not filled in yet. */
  unfilled: boolean;
  /** Every indicator's 得分 is a number. */
  scoresComplete: boolean;
  /** What the declared grade is held to: Σ 得分, or the declared 总分 where a 得分 is missing. */
  declaredBase: number;
  gradeDeclaredSum: string;
  gradeComputed: string;
  declaredGrade: string | null;
  total: SheetReport["total"];
  grade: SheetReport["grade"];
}

export function computeTotals(
  parsed: ParsedTable,
  indicators: IndicatorReport[],
  funds: FundsForTotal | null,
  profile: Profile,
): TotalsComputation {
  const { table } = parsed;
  const labels = labelWeights(table, indicators);
  const weightSum = sum([
    funds?.weight ?? null,
    ...(labels ? labels.weights : indicators.map((i) => i.weight)),
  ]);
  const totalWeightCell = parsed.total?.weight ?? null;
  const declaredWeight = totalWeightCell?.value ?? null;
  // A funds block that is there but unread holds points nobody can count: no sum is complete without it.
  const fundsKnown = !table.fundsUnread;
  const complete =
    fundsKnown &&
    (labels !== null || indicators.every((i) => i.weight !== null)) &&
    (!funds || funds.weight !== null);
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
  // A 得分 that is blank or not a number has its own finding; a sum without it proves nothing, so the
  // declared 总分 then stands for Σ 得分 in the grade checks too.
  const scoresComplete = indicators.every((i) => i.scoreDeclared !== null);
  const declaredBase = scoresComplete || declaredTotal === null ? declaredSum : declaredTotal;
  const gradeDeclaredSum = gradeOf(declaredBase, profile);
  const gradeComputed = gradeOf(computed, profile);
  const declaredGrade = table.grade?.declared ? normaliseGrade(table.grade.declared, profile) : null;
  const base = {
    sheetRow: table.total ? sheetRow(table.total.row) : undefined,
    funds,
    weightSum,
    labelCell: labels?.cell ?? null,
    totalWeightCell,
    declaredWeight,
    fundsKnown,
    complete,
    weightsWrong,
    declaredSum,
    computed,
    scoreCell,
    declaredTotal,
    unfilled,
    scoresComplete,
    declaredBase,
    gradeDeclaredSum,
    gradeComputed,
    declaredGrade,
  };
  if (unfilled)
    return {
      ...base,
      total: { weight: declaredWeight, declared: null, computed: 0, cell: scoreCell?.cell ?? null },
      grade: { declared: null, computed: null, cell: table.grade?.cell ?? null },
    };
  return {
    ...base,
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

/**
 * A table with no 分值 column carries its weights only in the 一级 labels (产出指标(60分)): those are then
 * the weights the total is held to — when every indicator sits under a labelled category and none has a
 * 分值 of its own. Null otherwise.
 */
function labelWeights(
  table: Table,
  indicators: IndicatorReport[],
): { weights: number[]; cell: string } | null {
  const cats = table.categories;
  if (!cats.length || !indicators.length || indicators.some((i) => i.weight !== null)) return null;
  if (cats.some((c) => c.declaredWeight === null)) return null;
  const covered = new Set(cats.flatMap((c) => c.rows));
  if (!indicators.every((i) => covered.has(i.row - 1))) return null;
  return { weights: cats.map((c) => c.declaredWeight as number), cell: cats[0].cell };
}
