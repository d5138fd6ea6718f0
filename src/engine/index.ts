/**
 * The engine's public face: Grid → Report, and Report → Edits. Pure: no Office, WPS, DOM or Node.
 */
export * from "./grid";
export * from "./types";
export { detectLayout } from "./layout";
export {
  parseTarget,
  parseActual,
  parseNumber,
  classifyQualitative,
  isPlaceholder,
  inferReverse,
  formatParsed,
} from "./values";
export { builtinProfiles, getProfile, validateProfile, DEFAULT_PROFILE_ID } from "./profiles";
export {
  checkGrid,
  checkGridTables,
  checkWorkbook,
  checkWorkbookTables,
  makeReport,
  ENGINE_VERSION,
} from "./check";
export type { SheetCheck, SheetTablesCheck, TableCheck, CheckedTable, CheckedWorkbook } from "./check";
export { MAX_TABLES_PER_SHEET } from "./layout/tables";
export { detectTables } from "./layout/every-table";
export type { SheetTable, SheetTables } from "./layout/every-table";
export {
  safeText,
  explanationEdit,
  corrections,
  correctionEdits,
  highlightEdits,
  HIGHLIGHT_COLORS,
} from "./edits";
export { explanationPhrases, phrasesFor, phrasesForCause } from "./phrases";
export type { PhraseGroup, Phrase, ExplanationCause, CausePhraseGroup } from "./phrases";
export { gradeOf, defaultProfile } from "./profiles";
export type { ProfileValidation } from "./profiles";
export { looksLikeFormula } from "./edits";
export { round2, fmt, pct } from "./decimal";
export { scoreTable } from "./check";
export { errorMessage } from "./error-message";
export { wordsFor, dataOf } from "./finding";
export { RULES, ruleOf } from "./rules";
export type { DataOf } from "./rules";
export { parseTable } from "./table/parse";
export type { ParsedTable, Read } from "./table/parse";
