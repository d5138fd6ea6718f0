/**
 * Runs the rules over a checked table's context: every rule of rules/index.ts that has a check, part by
 * part in reading order (the funds block, each indicator row, the categories, the 总分 row, the table).
 * Within a part the rules run in the order below, which is the order the findings have always been
 * raised in (findings on one cell keep it after sortFindings); a rule not listed runs after, in
 * rules/index.ts order.
 */
import type { Finding, Profile } from "../types";
import { raise } from "../finding";
import { assumedFindings } from "../layout/assumed";
import { ruleContext, type RuleContext } from "../scoring/context";
import type { ParsedIndicator } from "../table/parse";
import { computeIndicator } from "../scoring/indicator";
import type { Check, Raise, Rule, Scope } from "./rule";
import { RULES, type RuleCode } from "./index";

const ORDER: Partial<Record<Scope, RuleCode[]>> = {
  funds: [
    "FUNDS_SUBTOTAL_MISMATCH",
    "VALUE_NOT_NUMERIC",
    "VALUE_MISSING",
    "FUNDS_RATE_MISMATCH",
    "FUNDS_OVERSPENT",
    "FUNDS_LOW_EXECUTION",
    "FUNDS_SCORE_MISMATCH",
  ],
  row: [
    "VALUE_MISSING",
    "VALUE_NOT_NUMERIC",
    "TARGET_UNPARSED",
    "QUAL_UNCLASSIFIED",
    "DIRECTION_INFERRED",
    "SCORE_OUT_OF_RANGE",
    "QUAL_SCORE_OUT_OF_BAND",
    "SCORE_TOO_HIGH",
    "SCORE_TOO_LOW",
    "SCORE_DEDUCTION_UNEXPLAINED",
    "OVER_TARGET",
    "EXPLANATION_MISSING",
    "EXPLANATION_TOO_SHORT",
  ],
  total: [
    "WEIGHT_TOTAL",
    "VALUE_NOT_NUMERIC",
    "VALUE_MISSING",
    "TABLE_NOT_FILLED",
    "TOTAL_MISMATCH",
    "GRADE_MISMATCH",
    "GRADE_CHANGES_ON_RECALC",
  ],
  table: ["FUNDS_UNREAD", "EXPLANATION_MISSING"],
};

type AnyChecked = { rule: Rule<RuleCode, unknown>; check: Check<unknown>; raise: Raise<unknown> };

const CHECKED: AnyChecked[] = (RULES as unknown as readonly Rule<RuleCode, unknown>[])
  .filter((r) => r.check)
  .map((rule) => ({
    rule,
    check: rule.check as Check<unknown>,
    raise: (cell, data, options) => raise(rule, cell, data, options),
  }));

/** The rules with a check of `scope`, in the order above, then the rest in index order. */
function inOrder(scope: Scope): AnyChecked[] {
  const listed = ORDER[scope] ?? [];
  const rank = (c: AnyChecked) => {
    const i = listed.indexOf(c.rule.code);
    return i < 0 ? listed.length : i;
  };
  return CHECKED.filter((c) => c.check[scope]).sort((a, b) => rank(a) - rank(b));
}

const BY_SCOPE: Record<Scope, AnyChecked[]> = {
  funds: inOrder("funds"),
  row: inOrder("row"),
  categories: inOrder("categories"),
  total: inOrder("total"),
  table: inOrder("table"),
};

/** Every finding of the table rules over `ctx`, in the order they are raised (not yet sorted). */
export function runRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { funds, totals } = ctx;
  if (funds) for (const c of BY_SCOPE.funds) out.push(...c.check.funds!(funds, c.raise, ctx));
  for (const row of ctx.rows) for (const c of BY_SCOPE.row) out.push(...c.check.row!(row, c.raise, ctx));
  for (const c of BY_SCOPE.categories) out.push(...c.check.categories!(ctx, c.raise));
  if (totals) for (const c of BY_SCOPE.total) out.push(...c.check.total!(totals, c.raise, ctx));
  for (const c of BY_SCOPE.table) out.push(...c.check.table!(ctx, c.raise));
  // LAYOUT_ASSUMED is the layout's to raise (rules/layout-assumed.ts says so).
  out.push(...assumedFindings(ctx.table.assumptions));
  return out;
}

/** The context of a table and the findings of its rules: the one check of scoreTable. */
export function checkTable(
  table: RuleContext["table"],
  profile: Profile,
): { ctx: RuleContext; findings: Finding[] } {
  const ctx = ruleContext(table, profile);
  return { ctx, findings: runRules(ctx) };
}

/** One indicator row computed and checked alone (tests, the unseen-table probes). */
export function scoreIndicator(
  p: ParsedIndicator,
  profile: Profile,
): { report: ReturnType<typeof computeIndicator>["report"]; findings: Finding[] } {
  const row = computeIndicator(p, profile);
  const ctx = { profile } as RuleContext;
  const findings = BY_SCOPE.row.flatMap((c) => c.check.row!(row, c.raise, ctx));
  return { report: row.report, findings };
}
