/**
 * The rules by name, for the checks that raise them, and the data of the variants several checks
 * share (a blank cell, a cell that is not a number).
 */
import type { BlankCell } from "../messages";
import type { ValueMissingData } from "./value-missing";
import type { ValueNotNumericData } from "./value-not-numeric";
import { RULES } from "./index";

type ByName = { [K in (typeof RULES)[number] as CamelCode<K["code"]>]: K };
type CamelCode<S extends string> = S extends `${infer H}_${infer T}`
  ? `${Lowercase<H>}${Capitalize<CamelCode<Lowercase<T>>>}`
  : Lowercase<S>;

const camel = (code: string) => code.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Every rule by its camel-case name: R.fundsRateMismatch is the FUNDS_RATE_MISMATCH rule. */
export const R = Object.fromEntries(RULES.map((r) => [camel(r.code), r])) as unknown as ByName;

/** VALUE_MISSING's data for a blank cell: "X 为空", or the uncalculated formula where that is why. */
export function missingData(c: BlankCell, name: string, what: string, whatEn: string): ValueMissingData {
  return c.uncalculated && c.formula
    ? { variant: "uncalculated", name, what, whatEn, cell: c.cell, formula: c.formula }
    : { variant: "blank", name, what, whatEn };
}

/** VALUE_NOT_NUMERIC's data for a cell holding text where a number belongs. */
export function notNumeric(name: string, what: string, whatEn: string, text: string): ValueNotNumericData {
  return { variant: "text", name, what, whatEn, text };
}
