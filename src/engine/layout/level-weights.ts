/**
 * Headers with several weight columns, one per level (scoring-rules.md §9): 一级指标 | 分值 | 二级指标 | 分值 |
 * 三级指标 | 分值 | 得分. Each 分值 belongs to the level column left of it; only the one after the 三级 name
 * is the indicator's weight. The 一级 one is that category's weight (a label weight written in its own
 * column); the 二级 one is not read (there is no 二级 weight check).
 *
 * A weight column left of every level column, with no 一级 column at all (项目权重 | 评价内容 | 分值 | 自评分),
 * is the 一级 column itself: its cells are the labels that carry the weights (项目决策 2分).
 */
import type { IndicatorRole } from "./text";

export interface LevelWeightColumns {
  /** The 一级's own 分值 column, read at the first row of each 一级 block. */
  level1?: number;
  /** The 二级's 分值 column: recognised so it is not read as the indicator's, not checked. */
  level2?: number;
}

type Cols = Partial<Record<IndicatorRole, number>>;

/**
 * `roles`: the role of each header column (the lower row's where the header has two). Returns the columns
 * with `weight` moved to the indicator's, and the level weight columns, or null when the header has fewer
 * than two weight columns or none after the name (nothing to split).
 */
export function splitLevelWeights(
  roles: readonly (IndicatorRole | null | undefined)[],
  cols: Cols,
): { cols: Cols; levelWeights: LevelWeightColumns } | null {
  const weights: number[] = [];
  roles.forEach((role, c) => {
    if (role === "weight") weights.push(c);
  });
  const name = cols.name;
  if (weights.length < 2 || name === undefined) return null;
  const own = weights.find((c) => c > name);
  if (own === undefined) return null;

  const out: Cols = { ...cols, weight: own };
  const levelWeights: LevelWeightColumns = {};
  for (const w of weights) {
    if (w === own) continue;
    const levels = (["level1", "level2", "name"] as const)
      .map((role) => ({ role, col: cols[role] }))
      .filter(
        (x): x is { role: "level1" | "level2" | "name"; col: number } => x.col !== undefined && x.col < w,
      );
    if (levels.length === 0) {
      if (cols.level1 === undefined && out.level1 === undefined) out.level1 = w;
      continue;
    }
    const nearest = levels.reduce((a, b) => (b.col > a.col ? b : a));
    if (nearest.role === "level1" && levelWeights.level1 === undefined) levelWeights.level1 = w;
    else if (nearest.role === "level2" && levelWeights.level2 === undefined) levelWeights.level2 = w;
  }
  return { cols: out, levelWeights };
}
