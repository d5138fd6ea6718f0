/**
 * The rules by name, for the checks raised outside a table's rules (the layout's, the 自评报告's, the
 * 申报表's), and the data of the variants several places share (a blank cell, a cell that is not a number).
 */
import { RULES } from "./index";

type ByName = { [K in (typeof RULES)[number] as CamelCode<K["code"]>]: K };
type CamelCode<S extends string> = S extends `${infer H}_${infer T}`
  ? `${Lowercase<H>}${Capitalize<CamelCode<Lowercase<T>>>}`
  : Lowercase<S>;

const camel = (code: string) => code.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Every rule by its camel-case name: R.fundsRateMismatch is the FUNDS_RATE_MISMATCH rule. */
export const R = Object.fromEntries(RULES.map((r) => [camel(r.code), r])) as unknown as ByName;

export { missingData } from "./value-missing";
export { notNumeric } from "./value-not-numeric";
