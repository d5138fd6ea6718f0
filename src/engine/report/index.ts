/** The 自评报告 beside the table: reading its figures and claims, checking them, drafting its sections. */
export * from "./document";
export { figuresOf, reportFigures, normalizeGrade, normalizeProse } from "./figures";
export type { ReportFigure, FigureKind, MoneyUnit } from "./figures";
export { tableFigures, compareFigures } from "./compare";
export { compareSums } from "./sums";
export type { TableFigures } from "./compare";
export { checkClaims, missedIndicators, lowExecutionReason } from "./claims";
export { OUTLINES, SECTION_IDS, checkOutline, foundSections, requiredSections } from "./outline";
export type { OutlineSection, SectionId } from "./outline";
export { applyReport, checkDocument, reportFindings, withReport, isReportProse } from "./check";
export type { DocxContent } from "./check";
export { draftReport, draftLines } from "./draft";
export type { ReportDraft, DraftSection, DraftParagraph } from "./draft";
