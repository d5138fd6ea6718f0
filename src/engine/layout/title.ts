/**
 * The top of a 自评表: its title (…绩效自评表), the header block (项目名称 / 部门名称 / 主管部门) and, from
 * both, the kind of table (scoring-rules.md §1).
 */
import { toA1 } from "../grid";
import type { TableKind } from "../types";
import type { Sheet } from "./sheet";
import { headerKey, norm } from "./text";

export function findTitle(sh: Sheet, limit: number): { text: string; cell: string } | null {
  for (let r = 0; r < limit; r++) {
    const width = sh.scanWidth(r);
    for (let c = 0; c < width; c++) {
      const t = sh.rowText(r, c);
      if (!t) continue;
      const k = norm(t);
      if (k.length > 80) continue;
      if (/自评表|绩效自评|整体支出绩效|支出绩效自评/.test(k)) {
        const p = sh.masterPos(r, c);
        return { text: t.replace(/\s*[\r\n]+\s*/g, "").trim(), cell: toA1(p.row, p.col) };
      }
    }
  }
  return null;
}

export interface HeaderBlock {
  project: string | null;
  department: string | null;
  /** 项目名称 / 主管部门 / 实施单位 rows. */
  projectHint: boolean;
  /** 部门名称 / 单位名称 / 预算单位 rows. */
  departmentHint: boolean;
  /** A 项目名称 row: the table is about one project, whoever fills it in (单位名称 beside it or not). */
  projectRow: boolean;
  /** A section only a 部门整体 table has (按收入性质分 / 按支出性质分, 基本支出, 年度主要任务, 部门职责). */
  departmentSection: boolean;
}

const DEPARTMENT_SECTION =
  /^(按收入性质分|按支出性质分|基本支出|年度主要任务|部门职责|部门职能|部门总体资金)/;

/** The header rows above `limit`; department-only sections are looked for down to `sectionLimit`. */
export function findHeaderBlock(sh: Sheet, limit: number, sectionLimit = limit): HeaderBlock {
  const out: HeaderBlock = {
    project: null,
    department: null,
    projectHint: false,
    departmentHint: false,
    projectRow: false,
    departmentSection: false,
  };
  for (let r = 0; r < Math.max(limit, sectionLimit); r++) {
    const width = sh.scanWidth(r);
    for (let c = 0; c < width; c++) {
      const t = sh.rowText(r, c);
      if (!t || t.length > 60) continue;
      const k = headerKey(t.split(/[:：]/)[0]);
      if (DEPARTMENT_SECTION.test(k)) out.departmentSection = true;
      if (r >= limit) continue;
      const isProject = k === "项目名称";
      const isDept = k === "部门名称" || k === "单位名称" || k === "部门单位名称" || k === "预算单位";
      if (k === "主管部门" || k === "实施单位") out.projectHint = true;
      if (!isProject && !isDept) continue;
      if (isProject) out.projectHint = out.projectRow = true;
      else out.departmentHint = true;
      const value = labelValue(sh, r, c, t);
      if (isProject && out.project === null) out.project = value;
      if (isDept && out.department === null) out.department = value;
    }
  }
  return out;
}

/** "部门名称：X" in one cell, or the next non-empty cell right of the label. */
function labelValue(sh: Sheet, r: number, c: number, t: string): string | null {
  const colon = t.search(/[:：]/);
  if (colon >= 0) {
    const rest = t.slice(colon + 1).trim();
    if (rest) return rest;
  }
  const m = sh.merge(r, c);
  const start = m ? m.right + 1 : c + 1;
  const width = sh.scanWidth(r);
  for (let cc = start; cc < width; cc++) {
    const v = sh.rowText(r, cc).trim();
    if (v) return v;
  }
  return null;
}

/**
 * project or department, from the evidence, strongest first: the title's 项目支出 / 整体支出 (部门整体); a
 * section only a department table has; a 项目名称 row (a project table names its 实施单位 too, so a
 * 单位名称 beside it does not make it a department's); a title naming a 项目 (…项目绩效自评表); then the
 * header rows (部门名称 / 单位名称 before 主管部门 / 实施单位) and the funds label (项目资金).
 */
export function decideKind(title: string, block: HeaderBlock, fundsLabel: string): TableKind {
  const k = norm(title);
  if (/项目支出/.test(k)) return "project";
  if (/整体支出|部门整体/.test(k)) return "department";
  if (block.departmentSection) return "department";
  if (block.projectRow) return "project";
  if (/项目/.test(k)) return "project";
  if (block.departmentHint) return "department";
  if (block.projectHint) return "project";
  if (/^项目资金/.test(norm(fundsLabel))) return "project";
  return "department";
}
