/**
 * The 自评表 against its approved targets (docs/spec/targets.md §4): targets changed, indicators dropped
 * or added, weights moved. Pure: a Table and an ApprovedTable in, findings and notes out.
 */
import Big from "big.js";
import { sheetRow } from "../finding";
import { toA1 } from "../grid";
import { parseNumber } from "../values";
import type { IndicatorRow, Table } from "../types";
import { targetChange } from "./equal";
import { targetFinding, type MatchNote, type TargetFinding } from "./findings";
import { matchIndicators, type Pair } from "./match";
import type { ApprovedIndicator, ApprovedTable } from "./model";
import { categoryKey, nameKey } from "./names";
import { readTarget } from "./targets-text";

export interface Comparison {
  findings: TargetFinding[];
  /** Sentences for the file's notes: which pairs were matched by position rather than by name. */
  notes: string[];
}

/** 预算执行率 is scored in every 自评表 from the funds block; no 申报表 lists it as an indicator. */
export function isFundsIndicator(name: string): boolean {
  return /^预算执行/.test(nameKey(name));
}

export function matchNote<A extends { name: string }, B>(p: Pair<A, B>): MatchNote {
  return { by: p.by, otherName: p.a.name, similarity: p.similarity };
}

export function fuzzyNote(
  kind: string,
  p: Pair<{ name: string }, { name: string; nameCell: string }>,
): string {
  return `指标“${p.b.name}”（${p.b.nameCell}）与${kind}的“${p.a.name}”名称不同，按位置和相似度（${Math.round(p.similarity * 100)}%）视为同一指标`;
}

function categoryOf(x: { level1: string; level2: string }): string {
  return x.level2 || x.level1;
}

/** Where a missing indicator's category is in the 自评表: its 二级 cell, else its 一级 cell. */
function categoryCell(table: Table, a: ApprovedIndicator): string {
  const k2 = categoryKey(a.level2);
  const k1 = categoryKey(a.level1);
  const same2 = k2 ? table.indicators.find((r) => categoryKey(r.level2) === k2) : undefined;
  if (same2) return table.columns.level2 !== null ? toA1(same2.row, table.columns.level2) : same2.level1Cell;
  const same1 = k1 ? table.indicators.find((r) => categoryKey(r.level1) === k1) : undefined;
  if (same1) return same1.level1Cell;
  const cat = k1 ? table.categories.find((c) => categoryKey(c.name) === k1) : undefined;
  return cat?.cell ?? table.indicators[0]?.level1Cell ?? table.titleCell ?? "A1";
}

function weightChanged(a: number, b: number): boolean {
  try {
    return !new Big(a).eq(b);
  } catch {
    return false;
  }
}

function comparePair(
  p: Pair<ApprovedIndicator, IndicatorRow>,
  approved: ApprovedTable,
  out: TargetFinding[],
): void {
  const { a, b } = p;
  const at = readTarget(a.target, a.nature, a.unit);
  const bt = readTarget(b.target, b.targetNature, b.targetUnit);
  const change = targetChange(at.parsed, bt.parsed);
  const match = matchNote(p);
  if (change)
    out.push(
      targetFinding(
        "TARGET_CHANGED",
        b.target.cell,
        {
          indicator: b.name,
          approved: at.shown,
          approvedCell: a.target.cell,
          approvedSheet: approved.sheet,
          current: bt.shown,
          change,
          match,
        },
        sheetRow(b.row),
      ),
    );
  const bw = b.weight ? parseNumber(b.weight) : null;
  if (approved.hasWeights && a.weight !== null && bw !== null && b.weight && weightChanged(a.weight, bw))
    out.push(
      targetFinding(
        "WEIGHT_CHANGED",
        b.weight.cell,
        { indicator: b.name, approved: a.weight, current: bw, approvedCell: a.weightCell, match },
        sheetRow(b.row),
      ),
    );
}

export function compareWithApproved(table: Table, approved: ApprovedTable): Comparison {
  // An evaluation-style table has no targets to compare.
  if (table.mode === "evaluation" || table.noIndicators) return { findings: [], notes: [] };
  const own = table.indicators.filter((r) => !r.evaluation && !isFundsIndicator(r.name));
  const approvedRows = approved.indicators.filter((a) => !isFundsIndicator(a.name));
  const m = matchIndicators(approvedRows, own);
  const findings: TargetFinding[] = [];
  for (const p of m.pairs) comparePair(p, approved, findings);
  for (const a of m.onlyA) {
    const t = readTarget(a.target, a.nature, a.unit);
    findings.push(
      targetFinding("INDICATOR_MISSING", categoryCell(table, a), {
        indicator: a.name,
        category: categoryOf(a),
        approvedTarget: t.shown,
        approvedCell: a.nameCell,
        approvedSheet: approved.sheet,
      }),
    );
  }
  for (const b of m.onlyB) {
    const t = readTarget(b.target, b.targetNature, b.targetUnit);
    findings.push(
      targetFinding(
        "INDICATOR_ADDED",
        b.nameCell,
        { indicator: b.name, category: categoryOf(b), target: t.parsed.kind === "empty" ? "" : t.shown },
        sheetRow(b.row),
      ),
    );
  }
  const notes = m.pairs.filter((p) => p.by === "position").map((p) => fuzzyNote("申报表", p));
  return { findings, notes };
}
