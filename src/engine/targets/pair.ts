/**
 * Which approved table (or last year's table) goes with a 自评表 when there are several
 * (docs/spec/targets.md §6): by 项目名称 / unit, compared without years and the tables' generic words.
 * One candidate is taken as it is; several with no unique match give null (the caller says so).
 */
import type { Table } from "../types";
import { nameKey } from "./names";

const GENERIC =
  /(\d{4}年度?|\(?\d{4}\)?|年度|项目支出|部门整体支出|整体支出|绩效目标申报表|绩效目标表|绩效自评表|绩效评价表|自评表|目标表|申报表)/g;

/** A name for pairing: normalised, without years and the words every such table's title has. */
export function identityKey(s: string | null | undefined): string {
  return nameKey(String(s ?? "")).replace(GENERIC, "");
}

/** The names a 自评表 goes by: its 项目名称 / 部门名称, and its title. */
export function namesOfTable(t: Table): string[] {
  return [t.unit ?? "", t.title ?? ""];
}

function strength(mine: string[], theirs: string[]): number {
  let best = 0;
  for (const x of mine.map(identityKey))
    for (const y of theirs.map(identityKey)) {
      if (x.length < 2 || y.length < 2) continue;
      if (x === y) best = Math.max(best, 2);
      else if (x.includes(y) || y.includes(x)) best = Math.max(best, 1);
    }
  return best;
}

export function pickCounterpart<T>(table: Table, candidates: T[], namesOf: (c: T) => string[]): T | null {
  if (candidates.length === 1) return candidates[0];
  const mine = namesOfTable(table);
  let best = 0;
  let hits: T[] = [];
  for (const c of candidates) {
    const s = strength(mine, namesOf(c));
    if (s > best) {
      best = s;
      hits = [c];
    } else if (s === best && s > 0) hits.push(c);
  }
  return hits.length === 1 ? hits[0] : null;
}
