/**
 * What a rule is: one finding code with its meta (default severity, what it is about, whether it
 * offers a fix) and its words as a function of the finding's data. The checks that raise it use
 * raise(); nothing outside the words reads a message's text.
 */
import type { Finding, Severity } from "../types";
import type { Words } from "../messages";

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
}

/** Keeps the code a literal type, so the code list can be derived from the rules. */
export function rule<const C extends string, D>(r: Rule<C, D>): Rule<C, D> {
  return r;
}

/** Words a report-side check prepared itself (REPORT_ codes): carried as they are. */
export interface PreparedWords {
  zh: string;
  en: string;
}

/** Options of raise(): the indicator row, a fix, or a severity other than the rule's own. */
export interface RaiseOptions {
  row?: number;
  fix?: Finding["fix"];
  severity?: Severity;
}
