/** WEIGHT_SPLIT: 一级指标分值不合规则的原则分配. Category weights outside the profile's split. */
import { q, type Words } from "../messages";
import { fmt } from "../decimal";
import type { CategoryReport, Finding, Profile } from "../types";
import { within } from "../decimal";
import { FUNDS_CATEGORY, foldCost, sameCategory } from "../scoring/totals";
import { rule, type Raise } from "./rule";

export type WeightSplitData = {
  name: string;
  actual: number;
  expected: number | null;
  profile: string;
  /** Further categories outside the split, said in the same note (one note per table, not one each). */
  also?: { name: string; actual: number }[];
};

/** One note for every category the profile's split does not name. */
function outsideWords(d: WeightSplitData): Words {
  const all = [{ name: d.name, actual: d.actual }, ...(d.also ?? [])];
  const zh = all.map((c) => `“${c.name}”（${fmt(c.actual)}分）`).join("、");
  const en = all.map((c) => `${c.name} (${fmt(c.actual)} points)`).join(", ");
  return [
    `一级指标${zh}不在“${d.profile}”的原则分配之中；如确需调整，请在自评报告中说明`,
    `First-level categories ${en} are not in the split of "${d.profile}"; explain the change in the report if it is intended.`,
  ];
}

const weightSplit = (name: string, actual: number, expected: number | null, profile: string): Words =>
  expected === null
    ? [
        `一级指标${q(name)}（${fmt(actual)}分）不在“${profile}”的原则分配之中；如确需调整，请在自评报告中说明`,
        `First-level category ${name} (${fmt(actual)} points) is not in the split of "${profile}"; explain the change in the report if it is intended.`,
      ]
    : [
        `${q(name)}分值为${fmt(actual)}分，“${profile}”原则上为${fmt(expected)}分；如确需调整，请在自评报告中说明`,
        `${name} has ${fmt(actual)} points; "${profile}" sets ${fmt(expected)} as the rule; explain the change in the report if it is intended.`,
      ];

export default rule({
  code: "WEIGHT_SPLIT",
  severity: "warning",
  about: ["一级指标分值不合规则的原则分配", "Category weights outside the profile's split"],
  fixable: false,
  words: (d: WeightSplitData) =>
    d.also?.length ? outsideWords(d) : weightSplit(d.name, d.actual, d.expected, d.profile),
  check: {
    categories: ({ categories: c, profile }, raise) =>
      c.splitApplies ? splitFindings(c.categories, profile, c.funds, raise) : [],
  },
  examples: [
    { name: "产出指标", actual: 45, expected: 50, profile: "财政部" },
    { name: "成本指标", actual: 5, expected: null, profile: "财政部" },
    {
      name: "投入指标",
      actual: 20,
      expected: null,
      profile: "财政部",
      also: [{ name: "过程指标", actual: 20 }],
    },
  ],
});

function splitFindings(
  categories: CategoryReport[],
  profile: Profile,
  funds: { weight: number | null; cell: string } | null,
  raise: Raise<WeightSplitData>,
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
    out.push(raise(a.cell, { name: a.name, actual: a.weight, expected: entry[1], profile: profile.name }));
  }
  if (outside.length) {
    const [first, ...rest] = outside;
    const data = { name: first.name, actual: first.weight, expected: null, profile: profile.name };
    const also = rest.map((a) => ({ name: a.name, actual: a.weight }));
    out.push(raise(first.cell, also.length ? { ...data, also } : data));
  }
  return out;
}
