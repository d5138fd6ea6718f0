/**
 * What a rule is: one finding code with its meta (default severity, what it is about, whether it
 * offers a fix), its words as a function of the finding's data, and its check over the shared context
 * (scoring/context.ts), which rules/run.ts runs. A rule raised outside a table (the 自评报告, the 申报表)
 * names where instead (`raisedBy`). Nothing outside the words reads a message's text.
 */
import type { Finding, Severity } from "../types";
import type { Words } from "../messages";
import type {
  FundsComputation,
  IndicatorComputation,
  RuleContext,
  TotalsComputation,
} from "../scoring/context";

/** A finding of this rule about `cell`: the words made from `data`, the fix kept when the rule is fixable. */
export type Raise<D> = (cell: string, data: D, options?: RaiseOptions) => Finding;

/**
 * A rule's check, by the part of the table it looks at. rules/run.ts runs the parts in reading order:
 * the funds block, then each indicator row, the categories, the 总分 row, the table as a whole.
 */
export interface Check<D> {
  funds?: (f: FundsComputation, raise: Raise<D>, ctx: RuleContext) => Finding[];
  row?: (r: IndicatorComputation, raise: Raise<D>, ctx: RuleContext) => Finding[];
  categories?: (ctx: RuleContext, raise: Raise<D>) => Finding[];
  total?: (t: TotalsComputation, raise: Raise<D>, ctx: RuleContext) => Finding[];
  table?: (ctx: RuleContext, raise: Raise<D>) => Finding[];
}

export type Scope = keyof Check<unknown>;

export interface Rule<C extends string = string, D = unknown> {
  code: C;
  /** The usual severity; a check may raise it at another one (a profile's strict variant). */
  severity: Severity;
  /** What the rule is about, zh and en (for the docs' code table and the pane's groups). */
  about: Words;
  /** Whether its findings carry `fix: { cell, value }`. */
  fixable: boolean;
  /** The message, zh and en, from the finding's data. */
  words: (data: D) => Words;
  /** Data that makes the words speak, for the registry test (every variant once). */
  examples: NoInfer<D>[];
  /** Its check over a checked table's context. */
  check?: Check<NoInfer<D>>;
  /** Where it is raised instead, for a rule that is not about a table alone ("engine/report/compare.ts"). */
  raisedBy?: string;
}

/** Keeps the code a literal type, so the code list can be derived from the rules. */
export function rule<const C extends string, D>(r: Rule<C, D>): Rule<C, D> {
  return r;
}

/** Options of raise(): the indicator row, a fix, or a severity other than the rule's own. */
export interface RaiseOptions {
  row?: number;
  fix?: Finding["fix"];
  severity?: Severity;
}
