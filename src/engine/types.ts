/**
 * The data that flows through the engine: Grid → Table (layout) → Report (scoring) → Edits.
 * Shapes of Report and Finding follow docs/report-format.md; adding fields is fine, renaming is not.
 */
import type { CellValue } from "./grid";
import { RULE_CODES, type RuleCode } from "./rules";

export type TableKind = "project" | "department";
export type Severity = "error" | "warning" | "info";

/** One source cell as the layout found it. */
export interface SourceCell {
  /** A1 address on the sheet. */
  cell: string;
  row: number;
  col: number;
  value: CellValue;
  /** Display text (what the user sees). */
  text: string;
  format: string | null;
  formula: string | null;
  /** Set when the cell is a formula the file never calculated (Grid.uncalculated); blank for the rules. */
  uncalculated?: true;
}

// ---------------------------------------------------------------------------------------------
// Layout output
// ---------------------------------------------------------------------------------------------

export interface FundsRow {
  /** "合计", "其中：当年财政拨款", … */
  label: string;
  /** Where that label is written (B4 in the seed), when the row has one. */
  labelCell?: string;
  row: number;
  initial: SourceCell | null; // 年初预算数
  budget: SourceCell | null; // 全年预算数 (A)
  spent: SourceCell | null; // 全年执行数 (B)
  weight: SourceCell | null; // 分值
  rate: SourceCell | null; // 执行率
  score: SourceCell | null; // 得分
  reason: SourceCell | null; // a reason column when the template has one
}

export interface FundsBlock {
  /** The block label cell ("资金情况（万元）", "预算执行情况(10分)"). */
  labelCell: string;
  /** Weight written in the label ("预算执行情况(10分)"), else null. */
  labelWeight: number | null;
  total: FundsRow;
  subRows: FundsRow[];
  /** The money unit the block is measured in (元, 千元, 万元, 亿元), where its label or header says so. */
  unit?: string | null;
}

/**
 * A reading the layout had to choose rather than find (scoring-rules.md §9, "Uncertainty"): reported once
 * per table and kind as LAYOUT_ASSUMED (info), so the user can see which reading was taken and where.
 */
export type LayoutAssumption =
  /** The funds header was read from two rows joined ("预算数" over "年初 | 全年"). */
  | { kind: "funds-header-joined"; cell: string; columns: string[] }
  /** A 一级 whose label names no category: named from its 二级, or numbered. */
  | { kind: "category-named"; cell: string; label: string; name: string; from: "level2" | "position" }
  /**
   * The indicator header's columns stand in an order no table seen had (实际完成值 before 年度指标值):
   * read by their header words; `pairs` says which stand the other way round, as [left, right] names.
   */
  | { kind: "column-order"; cell: string; pairs: [string, string][] }
  /**
   * Header cells read by a part of a known header word (本年度指标值 as 年度指标值): each cell, its text and
   * the column it was taken for. Errors that depend on these columns are said as warnings.
   */
  | {
      kind: "header-guessed";
      cell: string;
      columns: { cell: string; text: string; reading: string; role: string }[];
    };

export interface IndicatorRow {
  row: number;
  level1: string; // 一级指标 (label with the "(50分)" stripped)
  level1Cell: string;
  level2: string; // 二级指标
  name: string; // 三级指标
  nameCell: string;
  /** The target as one cell, or the 指标值 cell when the target is split. */
  target: SourceCell;
  /** Split target columns (指标性质 / 度量单位) when the template has them. */
  targetNature: SourceCell | null;
  targetUnit: SourceCell | null;
  actual: SourceCell;
  /** The 分值 cell; null when the table has no 分值 column (scores only). */
  weight: SourceCell | null;
  score: SourceCell;
  /** The 偏差原因 cell (may be empty); null only when the template has no such column. */
  explanation: SourceCell | null;
  /**
   * A row of an evaluation-style table (Table.mode "evaluation"): there is no target or actual by design
   * (target and actual are empty cells), so only weights, the declared score and its reason are checked.
   */
  evaluation?: true;
  /** Header text of the explanation column ("扣分原因", "得分说明"), for messages that name it. */
  explanationHeader?: string;
}

export interface Category {
  /** 一级 label without its weight: "产出指标". */
  name: string;
  /** Cell of the 一级 label. */
  cell: string;
  /** Weight from the label ("产出指标(50分)") or from the category's own 分值 cell; null when absent. */
  declaredWeight: number | null;
  /** Sheet rows of the indicators under it. */
  rows: number[];
}

export interface Table {
  sheet: string;
  kind: TableKind;
  title: string;
  titleCell: string | null;
  /** 部门名称 / 项目名称 value, when present. */
  unit: string | null;
  funds: FundsBlock | null;
  indicators: IndicatorRow[];
  categories: Category[];
  /** The 总分 row. */
  total: { row: number; weight: SourceCell | null; score: SourceCell | null } | null;
  /** The grade cell ("等级：优" or a separate 等级 cell). */
  grade: { cell: string; declared: string | null } | null;
  /** The block weight in "绩效指标(90分)" / "年度绩效目标(80分)", when present. */
  indicatorBlockWeight: number | null;
  /** That block label's cell and name without its points ("年度绩效目标"). */
  indicatorBlock?: { cell: string; name: string };
  /** A funds block whose label is there but whose columns were not understood: reported, not dropped. */
  fundsUnread?: { cell: string; label: string };
  /** Readings the layout chose where the table did not say (one per kind): LAYOUT_ASSUMED infos. */
  assumptions?: LayoutAssumption[];
  /** The sheet stops before the indicator block (a cut page): only the funds are checked. */
  noIndicators?: true;
  /**
   * The one reason cell of templates without a reason column per row (偏差大或目标未完成原因分析 under 总分):
   * the cell right of that label.
   */
  reasonBlock?: SourceCell;
  /**
   * "evaluation": 指标分值 | 评分标准 | 自评得分 | 扣分原因 with no target or actual columns (部门整体支出绩效评价自评表);
   * columns.target and columns.actual then point at the criteria column. Absent for the standard table.
   */
  mode?: "evaluation";
  /** Column indexes (0-based) of the indicator block, for hosts and highlights. */
  columns: {
    /** null where the table has no such column (group rows instead of 一级/二级; scores only). */
    level1: number | null;
    level2: number | null;
    name: number;
    target: number;
    actual: number;
    weight: number | null;
    score: number;
    explanation: number | null;
  };
}

export type LayoutResult = { ok: true; table: Table } | { ok: false; reason: string };

// ---------------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------------

export type QualBand = "达成" | "部分达成" | "未达成";

export interface Profile {
  id: string;
  name: string;
  /** English name for the English UI. */
  nameEn?: string;
  totalPoints: number;
  defaultSplit: Record<string, number>;
  /** Other splits a province accepts without a warning (e.g. 10 + 90 with 产出 60 / 效益 30). */
  acceptedSplits?: Record<string, number>[];
  reverseFormula: "ratio" | "linear";
  overshootReviewRatio: number;
  overshootReasonRatio: number | null;
  execReasonBelow: number;
  qualBands: Record<QualBand, [number, number]>;
  scoreTolerance: number;
  gradeBands: [number, string][];
  /** Minimum length of an explanation before it is called too short. */
  explanationMinLength: number;
  /**
   * Province rules the profile turns on, by id (src/engine/rules/province): e.g.
   * "strict-explanation-on-miss" (Tianjin). scoring-rules.md §6.
   */
  rules?: string[];
  /** Older spelling of rules: ["strict-explanation-on-miss"]; still read, no longer written. */
  flagReverseEqualMiss?: boolean;
  /**
   * The 自评报告 sections REPORT_SECTION_MISSING asks for, by table kind ("overview", "budget", "goals",
   * "problems", "conclusion"); absent: all but "conclusion" (src/engine/report/outline.ts).
   */
  reportSections?: Partial<Record<TableKind, string[]>>;
}

// ---------------------------------------------------------------------------------------------
// Report (docs/report-format.md)
// ---------------------------------------------------------------------------------------------

/**
 * Every finding code of report-format.md, in its order: derived from the one list of rules
 * (src/engine/rules/index.ts). A new code is a new rule file there, not an edit here.
 */
export const FINDING_CODES: readonly RuleCode[] = RULE_CODES;

export type FindingCode = RuleCode;

/** Where a finding stands in the 自评报告's prose: paragraph number (from 1, body paragraphs) and its first words. */
export interface ReportPlace {
  index: number;
  opening: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** A1 address of the cell to look at or fix. */
  cell: string;
  /** Chinese message naming the numbers and the fix. */
  message: string;
  /** The same in English. */
  messageEn: string;
  /** Sheet row of the indicator the finding is about, when it is about one. */
  row?: number;
  /** REPORT_ findings (and FUNDS_LOW_EXECUTION explained in the report): where it stands in the report. */
  paragraph?: ReportPlace;
  /**
   * What the finding is about, as data of its code (declared, computed, basis, …): the words are made
   * from it (wordsFor). Absent only on a funds finding the 自评报告 explains (report/check.ts).
   */
  data?: FindingData;
  /** The one value that settles a fixable finding, written to `cell`; the message names the same value. */
  fix?: { cell: string; value: number | string };
}

/** The data of some finding; read it typed with dataOf(finding, code). */
export type FindingData = { readonly [key: string]: unknown } | object;

export interface Declared<T> {
  declared: T | null;
  computed: T | null;
  cell: string | null;
}

export interface FundsReport {
  cell: string;
  budget: number | null;
  spent: number | null;
  weight: number | null;
  rate: Declared<number>;
  score: Declared<number>;
}

export interface CategoryReport {
  name: string;
  cell: string;
  declaredWeight: number | null;
  weightSum: number;
  scoreDeclared: number;
  scoreComputed: number;
}

export type Direction = "positive" | "reverse" | "equal" | "range";

export interface IndicatorReport {
  row: number;
  cell: string;
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  kind: "quantitative" | "qualitative" | "unparsed";
  direction: Direction | null;
  directionInferred: boolean;
  /** Qualitative band of the actual, null when quantitative or unclassified. */
  band?: QualBand | null;
  /** B / A for quantitative rows (1.5 = 150 %), null otherwise. */
  ratio?: number | null;
  weight: number | null;
  scoreDeclared: number | null;
  scoreComputed: number | null;
  /** Cell of the declared score. */
  scoreCell: string;
  needsExplanation: boolean;
  /** Why an explanation is needed (Chinese), empty when not. */
  explanationReason?: string;
  explanation: string;
  explanationCell: string | null;
}

export interface SheetReport {
  sheet: string;
  kind: TableKind;
  title: string;
  unit: string | null;
  funds: FundsReport | null;
  categories: CategoryReport[];
  indicators: IndicatorReport[];
  total: { weight: number | null; declared: number | null; computed: number; cell: string | null };
  /** `computed` is the grade of total.computed, or null when there is none to give (no 得分, no indicator block). */
  grade: { declared: string | null; computed: string | null; cell: string | null };
  findings: Finding[];
  /**
   * Present only when the sheet holds several tables stacked one under another: which one this is
   * (1-based), how many there are, and the A1 range it spans ("A30:I56").
   */
  table?: { index: number; count: number; range: string };
}

export interface FileError {
  code: "NOT_A_SELF_EVALUATION_TABLE" | "FILE_UNREADABLE";
  message: string;
}

export interface FileReport {
  file: string;
  error: FileError | null;
  sheets: SheetReport[];
  /** The 自评报告 (.docx) whose prose was checked against these tables, when one was. */
  report?: string;
  /** Notes about the file as a whole ("文档中有 2 张表格像自评表，均已检查"), when there are any. */
  notes?: string[];
}

export interface Report {
  tool: "ziping";
  version: string;
  profile: string;
  files: FileReport[];
}

// ---------------------------------------------------------------------------------------------
// Edits: what a host applies. Plain data; the engine never touches a workbook.
// ---------------------------------------------------------------------------------------------

export type EditPurpose = "explanation" | "score" | "rate" | "total" | "grade" | "highlight";

export type Edit =
  /** Write a value. Strings are already made safe (never read as a formula). */
  | { kind: "value"; cell: string; value: string | number; purpose: EditPurpose }
  /** Set a fill colour ("#RRGGBB"). Hosts record the old fill first and restore it on undo. */
  | { kind: "fill"; cell: string; color: string; purpose: "highlight" };

/** What a host recorded before writing, so one click restores it. */
export interface UndoEntry {
  cell: string;
  value: CellValue;
  formula: string | null;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  /** False where the host could not read the old fill (older Excel): undo clears instead. */
  fillKnown: boolean;
  /**
   * What the apply wrote to this cell; undo restores only that, so turning highlights off never
   * touches a value the user typed since. Absent means both.
   */
  wrote?: { value: boolean; fill: boolean };
}

export interface UndoRecord {
  sheet: string;
  entries: UndoEntry[];
}

/** A score, rate, total or grade cell whose value would change on recomputation. */
export interface Correction {
  cell: string;
  purpose: "score" | "rate" | "total" | "grade";
  /** What the user sees: indicator name, "执行率", "总分", "等级". */
  label: string;
  row?: number;
  oldValue: CellValue;
  oldText: string;
  newValue: number | string;
  newText: string;
  /** Not a finding's own fix but what follows once the fixes above are applied (总分, 等级 after scores). */
  follows?: true;
}
