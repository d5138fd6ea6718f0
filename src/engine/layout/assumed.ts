/**
 * LAYOUT_ASSUMED (info): which reading the layout chose where the table did not say, once per table and
 * kind of guess. The words are functions of the typed assumption, so the finding is easy to move into a
 * rule module; errors are never raised on such readings, only this note.
 */
import type { Finding, LayoutAssumption } from "../types";
import { finding } from "../finding";

type Words = [zh: string, en: string];

export function assumedWords(a: LayoutAssumption): Words {
  switch (a.kind) {
    case "funds-header-joined":
      return [
        `资金表头分两行书写，已按上下两格合读为“${a.columns.join("、")}”；如不对请把每列表头写在同一行`,
        `The funds header is split over two rows; read each column's two cells joined as "${a.columns.join(", ")}". Write each header in one row if this is wrong`,
      ];
    case "category-named":
      return a.from === "level2"
        ? [
            `一级指标“${a.label}”未写类别名称，已按其二级指标归为“${a.name}”`,
            `The 一级 label "${a.label}" names no category; taken as "${a.name}" from its 二级 indicators`,
          ]
        : [
            `一级指标“${a.label}”未写类别名称，已按位置称为“${a.name}”`,
            `The 一级 label "${a.label}" names no category; called "${a.name}" by its position`,
          ];
  }
}

/** One LAYOUT_ASSUMED info per kind of assumption (the first place it was made). */
export function assumedFindings(assumptions: LayoutAssumption[] | undefined): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const a of assumptions ?? []) {
    if (seen.has(a.kind)) continue;
    seen.add(a.kind);
    out.push(finding("LAYOUT_ASSUMED", "info", a.cell, assumedWords(a)));
  }
  return out;
}
