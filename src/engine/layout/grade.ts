/**
 * The grade cell of a 自评表: "等级：优" in one cell, a 等级 label with the grade on its right, or a bare
 * grade word right of the 得分 column on the 总分 row; else on one of the few rows under it.
 */
import { toA1 } from "../grid";
import type { Sheet } from "./sheet";
import { norm } from "./text";
import { GRADE_WORDS, gradeAfterLabel, isNote } from "./vocabulary";

function gradeIn(
  sh: Sheet,
  r: number,
  minCol: number,
  allowBare: boolean,
): { cell: string; declared: string | null } | null {
  const width = sh.scanWidth(r);
  for (let c = 0; c < width; c++) {
    const t = sh.rowText(r, c);
    if (!t || t.length > 30) continue;
    const k = norm(t);
    const rest = gradeAfterLabel(k);
    if (rest !== null) {
      if (rest) return { cell: toA1(r, c), declared: rest };
      // A label cell: the grade is in the next cell on the right.
      const mg = sh.merge(r, c);
      const next = mg ? mg.right + 1 : c + 1;
      for (let cc = next; cc < width; cc++) {
        const v = sh.rowText(r, cc).trim();
        if (v) return { cell: toA1(r, cc), declared: v };
      }
      return { cell: toA1(r, next), declared: null };
    }
    if (allowBare && c > minCol && GRADE_WORDS.has(k)) return { cell: toA1(r, c), declared: k };
  }
  return null;
}

export function findGrade(
  sh: Sheet,
  totalRow: number,
  scoreCol: number,
): { cell: string; declared: string | null } | null {
  const inTotal = gradeIn(sh, totalRow, scoreCol, true);
  if (inTotal) return inTotal;
  for (let r = totalRow + 1; r < Math.min(sh.nRows, totalRow + 4); r++) {
    const width = sh.scanWidth(r);
    let note = false;
    for (let c = 0; c < width && !note; c++) if (isNote(sh.rowText(r, c))) note = true;
    if (note) continue;
    const g = gradeIn(sh, r, -1, false);
    if (g) return g;
  }
  return null;
}
