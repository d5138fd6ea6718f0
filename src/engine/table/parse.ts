/**
 * Parse once, at the edge: layout's raw-cell Table → a parsed Table the rules read. Every cell the
 * rules need is read here exactly once into a Read (its parsed value, the cell it came from and the
 * text the user sees), so scoring never goes back to a SourceCell.
 */
import type { FundsBlock, FundsRow, IndicatorRow, SourceCell, Table } from "../types";
import { dec, decimalsOf, pct } from "../decimal";
import {
  appendUnit,
  isPlaceholder,
  parseActual,
  parseNumber,
  parseTarget,
  type CellInput,
  type ParsedValue,
} from "../values";
import { describeFormat } from "../number-format";
import { moneyInUnit, readMoneyText } from "../values/number";

/** One cell read once: the parsed value and where it came from. */
export interface Read<T> {
  value: T;
  /** A1 address. */
  cell: string;
  /** Display text as written, untrimmed; "" for a blank cell. */
  text: string;
  /** "blank": nothing there (or an uncalculated formula); "text": something that is not a value of T. */
  state: "value" | "blank" | "text";
  formula: string | null;
  /** A formula the file never calculated: blank for the rules, but asking to fill it in would be wrong. */
  uncalculated: boolean;
}

export type ReadNumber = Read<number | null>;

/** A declared 执行率 at the precision it is shown. */
export interface DeclaredRate {
  cell: string;
  /** As a fraction. */
  value: number;
  /** Decimals of the percentage as displayed (78.25 % → 2). */
  decimals: number;
  shown: string;
}

export interface ParsedFundsRow {
  label: string;
  labelCell?: string;
  row: number;
  initial: ReadNumber | null;
  budget: ReadNumber | null;
  spent: ReadNumber | null;
  weight: ReadNumber | null;
  /** The rate cell as a number; `declared` is the same cell read as a rate. */
  rate: (ReadNumber & { declared: DeclaredRate | null }) | null;
  score: ReadNumber | null;
  /** The reason cell, trimmed; `value` says whether it holds a real reason (not "—", "无"). */
  reason: Read<boolean> | null;
}

export interface ParsedFunds {
  labelCell: string;
  labelWeight: number | null;
  total: ParsedFundsRow;
  subRows: ParsedFundsRow[];
}

export interface ParsedIndicator {
  /** The layout's row, for names and cells. */
  source: IndicatorRow;
  /** The name findings use: 三级, else 二级, else 一级, else 第n行. */
  name: string;
  weight: ReadNumber | null;
  score: ReadNumber;
  /** Target as parsed (a 预算执行率 row with "—" reads as ≥100 %); text joins nature + value + unit. */
  target: Read<ParsedValue>;
  actual: Read<ParsedValue>;
  /** The 预算执行率 line of the indicator block, whose target is full execution. */
  fundsLine: boolean;
  /** The target as written (nature + value + unit), for the report; target.text is what messages quote. */
  targetWritten: string;
  /** The explanation text, trimmed; `value` is true when it is a real explanation. */
  explanation: Read<boolean> | null;
}

export interface ParsedTable {
  /** Layout's Table, for positions and labels. */
  table: Table;
  funds: ParsedFunds | null;
  indicators: ParsedIndicator[];
  total: { row: number; weight: ReadNumber | null; score: ReadNumber | null } | null;
  reasonBlock: Read<boolean> | null;
}

export function input(c: SourceCell): CellInput {
  return { value: c.value, text: c.text, format: c.format };
}

function isBlank(c: SourceCell): boolean {
  return c.value === null || (typeof c.value === "string" && c.value.trim() === "");
}

function base<T>(c: SourceCell, value: T, state: Read<T>["state"]): Read<T> {
  return {
    value,
    cell: c.cell,
    text: state === "blank" ? "" : c.text || String(c.value),
    state,
    formula: c.formula,
    uncalculated: !!(c.uncalculated && c.formula),
  };
}

/** A number cell: the number, blank, or text that is not a number. */
export function readNumber(c: SourceCell): ReadNumber {
  if (isBlank(c)) return base(c, null, "blank");
  const n = parseNumber(input(c));
  if (n === null || !Number.isFinite(n)) return base(c, null, "text");
  return base(c, n, "value");
}

/**
 * A money cell: a number, or a number with a unit written in. "21.55万" in a block measured in 元 is
 * 215,500 (values/number.ts moneyInUnit); a bare "150万" in a block with no unit named is 150.
 */
export function readMoney(c: SourceCell, unit: string | null): ReadNumber {
  const written = typeof c.value === "string" ? moneyInUnit(c.value, unit) : null;
  if (written !== null) return { ...base(c, written, "value"), text: c.text };
  const r = readNumber(c);
  if (r.state !== "text") return r;
  const n = readMoneyText(r.text);
  return n === null ? r : { ...r, value: n, state: "value" };
}

/** A text cell trimmed; the value says whether it holds a real reason (not a placeholder). */
export function readReason(c: SourceCell): Read<boolean> {
  const text = (c.text || (c.value === null ? "" : String(c.value))).trim();
  const r = base(c, !isPlaceholder(text), isBlank(c) ? "blank" : "value");
  return { ...r, text };
}

/** The trimmed text of a cell ("" when absent). */
export function shownText(c: SourceCell | null): string {
  if (!c) return "";
  return (c.text || (c.value === null ? "" : String(c.value))).trim();
}

/** The declared 执行率: "78.25 %" text, 0.7825 with a % format, or 78.25 written as a bare number. */
export function readRate(c: SourceCell | null): DeclaredRate | null {
  if (!c) return null;
  const r = readNumber(c);
  if (r.value === null) return null;
  const n = r.value;
  const shown = shownText(c);
  const pctShown = /%|％/.test(shown);
  // A % code in the format (not a literal "%" in quotes): the number is already a fraction.
  const pctFormat = describeFormat(c.format).percent;
  let value = n;
  // A bare 78.25 in a 执行率 column is a percentage written without its sign.
  if (!pctShown && !pctFormat && n > 1.5) value = dec(n).div(100).toNumber();
  const m = /(\d+)(?:[.．](\d+))?/.exec(shown);
  // The precision the user sees. A General-format quotient (=E4/D4) carries 16 digits of binary noise: cap
  // it at 6 decimals of a percentage, beyond any table's reading.
  const decimals = Math.min(pctShown && m ? (m[2]?.length ?? 0) : Math.max(decimalsOf(value) - 2, 0), 6);
  return {
    cell: c.cell,
    value,
    decimals,
    shown: pctShown ? shown.replace(/\s+/g, "") : pct(value, decimals),
  };
}

const opt = <T>(c: SourceCell | null, read: (c: SourceCell) => T): T | null => (c ? read(c) : null);

function parseFundsRow(r: FundsRow, unit: string | null): ParsedFundsRow {
  const money = (c: SourceCell) => readMoney(c, unit);
  const rate = r.rate ? { ...readNumber(r.rate), declared: readRate(r.rate) } : null;
  return {
    label: r.label,
    labelCell: r.labelCell,
    row: r.row,
    initial: opt(r.initial, money),
    budget: opt(r.budget, money),
    spent: opt(r.spent, money),
    weight: opt(r.weight, readNumber),
    rate,
    score: opt(r.score, readNumber),
    reason: opt(r.reason, readReason),
  };
}

export function parseFunds(f: FundsBlock): ParsedFunds {
  return {
    labelCell: f.labelCell,
    labelWeight: f.labelWeight,
    total: parseFundsRow(f.total, f.unit ?? null),
    subRows: f.subRows.map((r) => parseFundsRow(r, f.unit ?? null)),
  };
}

export function parseIndicator(row: IndicatorRow): ParsedIndicator {
  const name = row.name || row.level2 || row.level1 || `第${row.row + 1}行`;
  // A 计量单位 column is added once: never 2000篇篇 or 100%%.
  const unitText = shownText(row.targetUnit);
  const targetText = appendUnit(
    [shownText(row.targetNature), shownText(row.target)].filter((t) => t && t !== "定性").join(""),
    unitText === "定性" ? "" : unitText,
  );
  const written = row.evaluation
    ? ({ kind: "empty" } as ParsedValue)
    : parseTarget(input(row.target), {
        nature: row.targetNature ? input(row.targetNature) : null,
        unit: row.targetUnit ? input(row.targetUnit) : null,
        actual: input(row.actual),
      });
  // 预算执行率 with its target left as "—": the funds rule's own target, full execution.
  const fundsLine = written.kind === "empty" && /^预算(资金)?执行率/.test(row.name.replace(/\s/g, ""));
  const target: ParsedValue = fundsLine
    ? { kind: "number", op: "ge", value: 100, hi: null, unit: "%" }
    : written;
  const actual: ParsedValue = row.evaluation ? { kind: "empty" } : parseActual(input(row.actual), target);
  const state = (p: ParsedValue): Read<ParsedValue>["state"] =>
    p.kind === "empty" ? "blank" : p.kind === "error" ? "text" : "value";
  return {
    source: row,
    name,
    weight: opt(row.weight, readNumber),
    score: readNumber(row.score),
    target: {
      ...base(row.target, target, state(target)),
      text: fundsLine ? "100%" : targetText,
    },
    actual: { ...base(row.actual, actual, state(actual)), text: shownText(row.actual) },
    fundsLine,
    targetWritten: targetText,
    explanation: opt(row.explanation, readReason),
  };
}

/** Layout's Table → the parsed Table; pure and total (a cell that cannot be read is a Read in state "text"). */
export function parseTable(table: Table): ParsedTable {
  return {
    table,
    funds: table.funds ? parseFunds(table.funds) : null,
    indicators: table.indicators.map(parseIndicator),
    total: table.total
      ? {
          row: table.total.row,
          weight: opt(table.total.weight, readNumber),
          score: opt(table.total.score, readNumber),
        }
      : null,
    reasonBlock: opt(table.reasonBlock ?? null, readReason),
  };
}
