/**
 * What a row under the indicator header is (scoring-rules.md §1, "Rows"), as one named, ordered table of
 * decisions (ROW_RULES): total, note, repeated header, next table, blank, placeholder, group, funds line,
 * breakdown, continuation, indicator — each with its reason and the kind of table it was seen in. The
 * indicator reader (indicators.ts) is a loop over it. General rules, never one table's strings.
 */
import { isPlaceholder } from "../values";
import { isDashPlaceholder } from "../values/normalize";
import { headerKey, norm, stripWeight } from "./text";

/**
 * A template's unfilled slot: "……", "指标1：", "指标2：/", "指标3" — a numbered label with nothing after it,
 * only dots and dashes, or a word for nothing (无, 略). "指标1：工程质量合格" is not: it names an indicator.
 */
export function isPlaceholderName(name: string): boolean {
  const k = norm(name).replace(/^(三级)?指标\d*[:.、]?/, "");
  // "无", "暂无", "略": a row that says there is nothing (其他需要说明事项 | 无) names no indicator.
  return isDashPlaceholder(k) || isPlaceholder(k);
}

/** A cell that says nothing: blank, or only dashes, slashes and dots. */
export function isEmptyText(text: string): boolean {
  return text.trim() === "" || isDashPlaceholder(text);
}

/** "其中：桃树种植面积", "含…", "包括…": a part of the indicator above. */
export function isBreakdownName(name: string): boolean {
  return /^(其中|含|包括|包含)/.test(norm(name));
}

const LEVEL1_WORDS = /^(产出|效益|效果|满意度|成本|影响)(指标)?$/;
const LEVEL2_WORDS =
  /^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)(指标)?$/;

/**
 * The 一级 or 二级 category a group row names, in a table without 一级/二级 columns: "产出指标",
 * "一级指标：效益指标（30分）", "数量指标". Null for anything else.
 */
export function groupLevel(name: string): "level1" | "level2" | null {
  const k = norm(stripWeight(name))
    .replace(/^(一级|二级)指标[:]?/, "")
    .replace(/[:]$/, "");
  if (!k) return null;
  if (LEVEL1_WORDS.test(k)) return "level1";
  if (LEVEL2_WORDS.test(k)) return "level2";
  return null;
}

/**
 * The name of a 一级 whose cell shows only its weight ("(50分)"), from its 二级 labels: 数量/质量/时效/成本
 * are 产出, 经济/社会/生态效益 and 可持续影响 are 效益, 满意度 is 满意度. Null when the 二级 says nothing.
 */
export function categoryFromLevel2(level2: string): string | null {
  const k = norm(level2);
  if (/满意/.test(k)) return "满意度指标";
  if (/效益|可持续|影响/.test(k)) return "效益指标";
  if (/数量|质量|时效|成本/.test(k)) return "产出指标";
  return null;
}

/**
 * What the indicator reader knows about one row when it decides what the row is. Costly facts (a scan of
 * the whole row) are functions, asked only when an earlier rule did not already decide.
 */
export interface BoundaryFacts {
  /** Not the first row under the header. */
  notFirst: boolean;
  /** "total" when 总分 is written left of the numbers, "note" for 备注/注： in the label columns. */
  endLabel(): "total" | "note" | null;
  /** Rows of a repeat of the indicator header starting here (0: none). */
  repeatedHeader(): number;
  /** A cell of the row starts another table (its title, 项目名称, 一级指标). */
  startsTable(): boolean;
  /** The row starts a funds or goal block of another table. */
  startsTopBlock(): boolean;
}

/** What is known once the 一级/二级 labels are carried down onto the row. */
export interface ContentFacts {
  evaluation: boolean;
  name: string;
  hasWeight: boolean;
  hasScore: boolean;
  filledWeight: boolean;
  filledScore: boolean;
  /** Target and actual say nothing (always true in an evaluation table, which has neither). */
  valuesEmpty: boolean;
  /** The 三级 header repeated as a row (print titles). */
  headerEcho(): boolean;
  /** The name cell is merged across the number columns and the row has no 分值 or 得分. */
  textAcross(): boolean;
  /** The category a row with no values names (产出指标, 数量指标), in a table of group rows. */
  group: "level1" | "level2" | null;
  hasLevel1Column: boolean;
  hasLevel2Column: boolean;
  hasWeightColumn: boolean;
  /** The current 一级 label (without weight), "" when none. */
  level1Name: string;
  /** A 一级 label starts on this row. */
  newLevel1Here: boolean;
  /** The row's own 二级 cell (not merged from above). */
  ownLevel2: string;
  /** The row above that was kept is a scored indicator or one of its parts. */
  underScored: boolean;
  /** An indicator was kept since the last 一级/二级 label. */
  inGroup: boolean;
  /** The 预算执行率 row was already found. */
  fundsLineFound: boolean;
  /** The money block above scores the funds itself. */
  fundsScored: boolean;
}

/**
 * What a row is. "end…" rows end the indicator block; the others are skipped, or change what the
 * reader carries down, or are kept as indicators.
 */
export type RowKind =
  | "total"
  | "note"
  | "repeated-header"
  | "next-table"
  | "next-block"
  | "blank"
  | "header-echo"
  | "text-across"
  | "placeholder"
  | "group-level1"
  | "group-level2"
  | "funds-line"
  | "funds-group-row"
  | "category-weight"
  | "breakdown"
  | "continuation"
  | "indicator";

interface RuleText {
  kind: RowKind;
  /** Why a row that passes the test is what it is. */
  reason: string;
  /** Where the shape was seen (kinds of tables, never one table). */
  seen: string;
}

/** "boundary" rules are asked before the 一级/二级 labels are carried down onto the row. */
export type RowRule =
  | (RuleText & { phase: "boundary"; test(f: BoundaryFacts): boolean })
  | (RuleText & { phase: "content"; test(f: ContentFacts): boolean });

/**
 * 一级 categories of the evaluation framework 决策 / 过程（管理）/ 产出 / 效益: 预算执行率 under one of them is
 * an ordinary indicator of that category (its weight counts in the category's sum), not the funds line.
 */
export function isFrameworkCategory(level1: string): boolean {
  // Only the categories that exist in that framework alone: 产出/效益 are in the national template too.
  return /^(决策|过程|管理|项目管理|资金管理)(指标)?$/.test(norm(stripWeight(level1)));
}

const isFundsLineName = (name: string) =>
  name.includes("预算执行") && /^预算(资金)?执行率?$/.test(headerKey(name));
const noPoints = (f: ContentFacts) => !f.evaluation && !f.filledWeight && !f.filledScore;
const sameGroup = (f: ContentFacts) => !f.newLevel1Here && !f.ownLevel2;

/** The row decisions in the order they are asked: the first rule whose test passes decides. */
export const ROW_RULES: readonly RowRule[] = [
  {
    kind: "total",
    phase: "boundary",
    reason: "总分/合计 left of the number columns: the indicator block ends here",
    seen: "every national and provincial template",
    test: (f) => f.endLabel() === "total",
  },
  {
    kind: "note",
    phase: "boundary",
    reason: "备注/注：/填表说明 in the label columns: notes follow the block",
    seen: "tables without a 总分 row, notes right under the last indicator",
    test: (f) => f.endLabel() === "note",
  },
  {
    kind: "repeated-header",
    phase: "boundary",
    reason: "the same header again with no title or funds above it continues the table",
    seen: "目标1/目标2 blocks under one 总分; print titles after a page break",
    test: (f) => f.notFirst && f.repeatedHeader() > 0,
  },
  {
    kind: "next-table",
    phase: "boundary",
    reason: "a title, 项目名称 or 一级指标 cell starts the next table",
    seen: "stacked tables without 总分 rows",
    test: (f) => f.notFirst && f.startsTable(),
  },
  {
    kind: "next-block",
    phase: "boundary",
    reason: "a funds or goal block starts the next table",
    seen: "department forms printed one after another",
    test: (f) => f.notFirst && f.startsTopBlock(),
  },
  {
    kind: "blank",
    phase: "content",
    reason: "no 三级 name, no 分值, no 得分",
    seen: "spacer rows, rows of a merged label only",
    test: (f) => !f.name && !f.hasWeight && !f.hasScore,
  },
  {
    kind: "header-echo",
    phase: "content",
    reason: "三级指标 … 得分 written again as a row",
    seen: "print titles exported as rows",
    test: (f) => f.headerEcho(),
  },
  {
    kind: "text-across",
    phase: "content",
    reason: "a text cell running across the number columns, no points",
    seen: "其他需要说明事项 | 无 rows inside the block",
    test: (f) => !f.hasWeight && !f.hasScore && f.textAcross(),
  },
  {
    kind: "placeholder",
    phase: "content",
    reason: "an unfilled template slot (……, 指标2：) with no values or points",
    seen: "templates handed out with numbered slots",
    test: (f) => !f.filledWeight && !f.filledScore && f.valuesEmpty && isPlaceholderName(f.name),
  },
  {
    kind: "group-level1",
    phase: "content",
    reason: "a row naming a 一级 category with no values, in a table without a 一级 column",
    seen: "provincial tables with group rows instead of 一级/二级 columns",
    test: (f) => f.group === "level1" && !f.hasLevel1Column,
  },
  {
    kind: "group-level2",
    phase: "content",
    reason: "a row naming a category with no values, in a table without a 二级 column",
    seen: "provincial tables with group rows instead of 一级/二级 columns",
    test: (f) => f.group !== null && !f.hasLevel2Column,
  },
  {
    kind: "funds-line",
    phase: "content",
    reason:
      "预算执行率 (or a row under 预算执行情况) is the funds line, unless the money block scores itself",
    seen: "10 + 90 templates: 预算执行情况(10分) inside the indicator block",
    test: (f) =>
      !f.evaluation &&
      !f.fundsLineFound &&
      (/预算执行/.test(f.level1Name) ||
        (isFundsLineName(f.name) && (!f.level1Name || !f.fundsScored) && !isFrameworkCategory(f.level1Name))),
  },
  {
    kind: "funds-group-row",
    phase: "content",
    reason: "another row under 预算执行情况 once its funds line is read",
    seen: "10 + 90 templates with 预算执行率 split over rows",
    test: (f) => f.fundsLineFound && /预算执行/.test(f.level1Name),
  },
  {
    kind: "category-weight",
    phase: "content",
    reason: "a 一级 label's own row with its weight in 分值 and no 三级 name",
    seen: "tables that give each 一级 a weight row",
    test: (f) => !f.name && f.newLevel1Here && !f.ownLevel2 && f.hasWeight && f.hasWeightColumn,
  },
  {
    kind: "breakdown",
    phase: "content",
    reason: "no 分值 or 得分 under a scored row of its group: a part of that indicator (其中…)",
    seen: "其中 rows, quantities split by place or kind",
    test: (f) =>
      noPoints(f) && f.underScored && (isBreakdownName(f.name) || (sameGroup(f) && !f.valuesEmpty)),
  },
  {
    kind: "continuation",
    phase: "content",
    reason: "a line of text only, under another row of its group, continues that row",
    seen: "long names wrapped onto a second row",
    test: (f) => noPoints(f) && f.valuesEmpty && sameGroup(f) && f.inGroup,
  },
  {
    kind: "indicator",
    phase: "content",
    reason: "anything else with a name or points is an indicator",
    seen: "every table",
    test: () => true,
  },
];

/** A costly fact computed on first ask and remembered (several rules ask the same one). */
export function once<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v;
  };
}

/** The boundary rule that ends the block (or skips a repeated header) at this row, else null. */
export function rowBoundary(f: BoundaryFacts): RowKind | null {
  for (const rule of ROW_RULES) if (rule.phase === "boundary" && rule.test(f)) return rule.kind;
  return null;
}

/** What a row inside the block is: the first content rule that passes ("indicator" always does). */
export function rowContent(f: ContentFacts): RowKind {
  for (const rule of ROW_RULES) if (rule.phase === "content" && rule.test(f)) return rule.kind;
  return "indicator";
}
