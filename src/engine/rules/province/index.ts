/**
 * Province rules: named changes to the national rules that a profile turns on by listing their ids
 * (`"rules": ["strict-explanation-on-miss"]`). Each is a module here with its own test; a profile names
 * them, it never carries code.
 */
import type { Direction, FindingCode, Profile, Severity } from "../../types";
import type { Words } from "../../messages";
import strictExplanationOnMiss from "./strict-explanation-on-miss";

/** What a province rule may decide about an indicator row. */
export interface RowFacts {
  direction: Direction | null;
  /** The row fell short of its target (it needs an explanation for that). */
  missed: boolean;
}

export interface ProvinceRule {
  id: string;
  /** What it changes, zh and en (profile lists, docs). */
  about: Words;
  /** The severity of a finding of `code` on a row, where the rule changes it; undefined leaves it. */
  rowSeverity?: (code: FindingCode, row: RowFacts) => Severity | undefined;
}

export const PROVINCE_RULES: ProvinceRule[] = [strictExplanationOnMiss];

export const PROVINCE_RULE_IDS = PROVINCE_RULES.map((r) => r.id);

/** The province rules a profile names (the old `flagReverseEqualMiss: true` names the strict one). */
export function provinceRules(profile: Profile): ProvinceRule[] {
  const ids = new Set(profile.rules ?? []);
  if (profile.flagReverseEqualMiss) ids.add(strictExplanationOnMiss.id);
  return PROVINCE_RULES.filter((r) => ids.has(r.id));
}

/** A finding's severity on a row after the profile's province rules: the last one that decides wins. */
export function rowSeverity(
  profile: Profile,
  code: FindingCode,
  row: RowFacts,
  severity: Severity,
): Severity {
  let out = severity;
  for (const r of provinceRules(profile)) out = r.rowSeverity?.(code, row) ?? out;
  return out;
}
