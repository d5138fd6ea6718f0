/**
 * Pairs the indicators of two tables (approved and 自评表, or last year's and this year's) by name
 * (docs/spec/targets.md §2): first equal normalised names within one category, then equal names anywhere
 * (an indicator moved to another 二级), then — within a category — names edited slightly, by position
 * first and by likeness second. Matches of the last kind are "fuzzy" and say how alike the names were.
 */
import { categoryKey, nameKey, similarity } from "./names";

export interface Named {
  level1: string;
  level2: string;
  name: string;
}

export interface Pair<A, B> {
  a: A;
  b: B;
  /** "name": equal after normalisation; "position": edited name, paired by place and likeness. */
  by: "name" | "position";
  /** Likeness of the two names (1 for equal ones), for messages about fuzzy matches. */
  similarity: number;
}

export interface Matching<A, B> {
  pairs: Pair<A, B>[];
  onlyA: A[];
  onlyB: B[];
}

/** Below this a pair at the same place is two different indicators, not an edited name. */
export const POSITION_MIN_SIMILARITY = 0.5;
/** Away from its place a pair needs more likeness. */
export const LIKENESS_MIN_SIMILARITY = 0.6;

/** The category an indicator belongs to: its 二级 when it has one, else its 一级. */
function category(x: Named): string {
  return categoryKey(x.level2) || categoryKey(x.level1);
}

interface Slot<T> {
  item: T;
  key: string;
  cat: string;
  /** Place among its category's indicators. */
  place: number;
  taken: boolean;
}

function slots<T extends Named>(list: T[]): Slot<T>[] {
  const seen = new Map<string, number>();
  return list.map((item) => {
    const cat = category(item);
    const place = seen.get(cat) ?? 0;
    seen.set(cat, place + 1);
    return { item, key: nameKey(item.name), cat, place, taken: false };
  });
}

export function matchIndicators<A extends Named, B extends Named>(aList: A[], bList: B[]): Matching<A, B> {
  const as = slots(aList);
  const bs = slots(bList);
  const pairs: Pair<A, B>[] = [];
  const take = (x: Slot<A>, y: Slot<B>, by: Pair<A, B>["by"], s: number) => {
    x.taken = y.taken = true;
    pairs.push({ a: x.item, b: y.item, by, similarity: s });
  };
  // 1. Equal names within the category; 2. equal names anywhere.
  for (const sameCat of [true, false])
    for (const x of as) {
      if (x.taken || !x.key) continue;
      const y = bs.find((v) => !v.taken && v.key === x.key && (!sameCat || v.cat === x.cat));
      if (y) take(x, y, "name", 1);
    }
  // 3. Edited names at the same place in the same category.
  for (const x of as) {
    if (x.taken) continue;
    const y = bs.find((v) => !v.taken && v.cat === x.cat && v.place === x.place);
    if (!y) continue;
    const s = similarity(x.key, y.key);
    if (s >= POSITION_MIN_SIMILARITY) take(x, y, "position", s);
  }
  // 4. The most alike remaining names in the same category, best pairs first.
  const candidates: { x: Slot<A>; y: Slot<B>; s: number }[] = [];
  for (const x of as)
    for (const y of bs) {
      if (x.taken || y.taken || x.cat !== y.cat) continue;
      const s = similarity(x.key, y.key);
      if (s >= LIKENESS_MIN_SIMILARITY) candidates.push({ x, y, s });
    }
  candidates.sort((p, q) => q.s - p.s);
  for (const c of candidates) if (!c.x.taken && !c.y.taken) take(c.x, c.y, "position", c.s);
  return {
    pairs,
    onlyA: as.filter((x) => !x.taken).map((x) => x.item),
    onlyB: bs.filter((y) => !y.taken).map((y) => y.item),
  };
}
