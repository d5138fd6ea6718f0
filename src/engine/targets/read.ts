/**
 * Reads the approved-targets table — 项目支出绩效目标表, 部门整体支出绩效目标表, 绩效目标申报表 — from a Grid
 * (docs/spec/targets.md §1). Layouts seen in published tables: the MOF template (绩效指标 | 一级 | 二级 | 三级 |
 * 指标值), split 指标性质 / 指标值 / 度量单位 columns, an optional 分值 / 权重 column, and budget-disclosure
 * sheets that list many projects with a 项目名称 column. Never throws; a grid that is not such a table gets
 * a reason in Chinese.
 */
import type { Grid } from "../grid";
import { errorMessage } from "../error-message";
import { parseNumber } from "../values";
import { Sheet } from "../layout/sheet";
import { groupLevel, isPlaceholderName } from "../layout/rows";
import { headerKey, indicatorRole, stripWeight } from "../layout/text";
import { isNote, isTotalLabel } from "../layout/vocabulary";
import type { ApprovedIndicator, ApprovedRead, ApprovedTable } from "./model";

type Role = "level1" | "level2" | "name" | "target" | "weight" | "nature" | "unit" | "project";

/** Target headers of 申报表 that the 自评表 vocabulary does not have. */
const EXTRA_HEADERS: Record<string, Role> = {
  当年预期实现值: "target",
  预期实现值: "target",
  年度预期实现值: "target",
  预期目标值: "target",
  指标目标: "target",
  // 定量 / 定性 beside the 指标值 (部门整体支出绩效目标表 of Hunan): 定性 makes the target words.
  指标值类型: "nature",
  项目名称: "project",
};

const ROLE_OF_LAYOUT: Partial<Record<string, Role>> = {
  level1: "level1",
  level2: "level2",
  name: "name",
  target: "target",
  weight: "weight",
  nature: "nature",
  unit: "unit",
};

/** The role of a header cell; "*指标值" (a required-field star) reads as 指标值. */
function roleOf(text: string): Role | "self" | null {
  const t = text.replace(/[*＊]/g, "");
  const extra = EXTRA_HEADERS[headerKey(t)];
  if (extra) return extra;
  const r = indicatorRole(t);
  // A 实际完成值 or 得分 column makes it a 自评表, which the 自评表 checker reads instead.
  if (r === "actual" || r === "score") return "self";
  return r ? (ROLE_OF_LAYOUT[r] ?? null) : null;
}

interface Header {
  row: number;
  cols: Partial<Record<Role, number>> & { name: number; target: number };
}

/** A header row: a 三级指标 column and a 指标值 column, and no 实际完成值 / 得分 column. */
function headerAt(sh: Sheet, r: number): Header | "self" | null {
  const cols: Partial<Record<Role, number>> = {};
  let self = false;
  const width = sh.scanWidth(r);
  for (let c = 0; c < width; c++) {
    const text = sh.rowText(r, c).trim() || sh.mtext(r, c).trim();
    if (!text || text.length > 40) continue;
    // 长期 / 中期 columns beside the 年度 ones (二级指标（长期）| … | 指标值（年度）): the year's are the targets.
    if (/长期|中期/.test(text) && !/年度/.test(text)) continue;
    const role = roleOf(text);
    if (role === "self") self = true;
    else if (role && cols[role] === undefined) cols[role] = sh.masterPos(r, c).col;
  }
  // Two levels only (一级 | 二级 | 指标值, Hubei): the 二级 column names the indicator, the 一级 its category.
  if (cols.name === undefined && cols.level2 !== undefined && cols.target !== undefined) {
    cols.name = cols.level2;
    cols.level2 = cols.level1;
    delete cols.level1;
  }
  const { name, target } = cols;
  if (name === undefined || target === undefined) return null;
  return self ? "self" : { row: r, cols: { ...cols, name, target } };
}

/** Labels above the header whose right-hand value names the project or its unit. */
const PROJECT_LABELS = /^(项目名称|部门名称|单位名称|部门单位名称)$/;
const UNIT_LABELS = /^(主管部门|主管部门及代码|主管部门及编码|实施单位|预算单位|主管单位)$/;

function labelValue(sh: Sheet, r: number, c: number): string | null {
  const m = sh.merge(r, c);
  const start = m ? m.right + 1 : c + 1;
  for (let k = start; k < Math.min(sh.scanWidth(r), start + 12); k++) {
    const t = sh.mtext(r, k).trim();
    if (t && roleOf(t) === null && !UNIT_LABELS.test(headerKey(t))) return t;
    if (t) return null;
  }
  return null;
}

function readHead(sh: Sheet, from: number, to: number) {
  let title = "";
  let project: string | null = null;
  const units: string[] = [];
  for (let r = from; r < to; r++) {
    for (let c = 0; c < sh.scanWidth(r); c++) {
      const t = sh.rowText(r, c).trim();
      if (!t) continue;
      const k = headerKey(t.replace(/[*＊]/g, ""));
      if (!title && /绩效目标(申报)?表/.test(k)) title = t;
      if (PROJECT_LABELS.test(k) && project === null) project = labelValue(sh, r, c);
      else if (UNIT_LABELS.test(k)) {
        const v = labelValue(sh, r, c);
        if (v) units.push(v);
      }
    }
  }
  return { title, project, units };
}

function cellText(sh: Sheet, r: number, c: number | undefined): string {
  return c === undefined ? "" : sh.mtext(r, c).trim();
}

/** The rows of one table under its header, up to `end` (the next header or the sheet's end). */
function readBody(sh: Sheet, h: Header, end: number): { project: string; row: ApprovedIndicator }[] {
  const out: { project: string; row: ApprovedIndicator }[] = [];
  const { cols } = h;
  let level1 = "";
  let level2 = "";
  let project = "";
  for (let r = h.row + 1; r < end; r++) {
    const first = sh.rowText(r, 0).trim() || sh.rowText(r, cols.name).trim();
    // A note or a 合计 / 总分 row ends the table: neither is an indicator.
    if (first && (isNote(first) || isTotalLabel(first))) break;
    if (isTotalLabel(sh.rowText(r, cols.name).trim())) break;
    if (cols.project !== undefined) {
      const p = cellText(sh, r, cols.project);
      if (p && p !== project) {
        project = p;
        level1 = "";
        level2 = "";
      }
    }
    // A blank 一级 / 二级 cell under a label that is not merged still belongs to the label above.
    const l1 = stripWeight(cellText(sh, r, cols.level1));
    const l2 = stripWeight(cellText(sh, r, cols.level2));
    if (l1 && l1 !== level1) {
      level1 = l1;
      level2 = "";
    }
    if (l2) level2 = l2;
    const name = cellText(sh, r, cols.name);
    if (!name || roleOf(name) !== null) continue;
    const group = cols.level1 === undefined || cols.level2 === undefined ? groupLevel(name) : null;
    if (group === "level1") {
      level1 = stripWeight(name);
      level2 = "";
      continue;
    }
    if (group === "level2") {
      level2 = stripWeight(name);
      continue;
    }
    if (isPlaceholderName(name)) continue;
    const weightCell = cols.weight === undefined ? null : sh.source(r, cols.weight);
    out.push({
      project,
      row: {
        row: r,
        level1,
        level2,
        name,
        nameCell: sh.source(sh.masterPos(r, cols.name).row, cols.name).cell,
        target: sh.source(r, cols.target),
        nature: cols.nature === undefined ? null : sh.source(r, cols.nature),
        unit: cols.unit === undefined ? null : sh.source(r, cols.unit),
        weight: weightCell ? parseNumber(weightCell) : null,
        weightCell: weightCell?.cell ?? null,
      },
    });
  }
  return out;
}

function readTables(grid: Grid): ApprovedRead {
  const sh = new Sheet(grid);
  const sheet = typeof grid?.name === "string" ? grid.name : "";
  const headers: Header[] = [];
  let sawSelf = false;
  for (let r = 0; r < sh.nRows; r++) {
    const h = headerAt(sh, r);
    if (h === "self") sawSelf = true;
    else if (h && !(headers.length && headers[headers.length - 1].row === r - 1)) headers.push(h);
  }
  if (headers.length === 0)
    return {
      ok: false,
      reason: sawSelf
        ? `工作表“${sheet}”有实际完成值或得分列，是自评表而不是绩效目标表`
        : `工作表“${sheet}”未找到“三级指标 / 指标值”表头，不是绩效目标表`,
    };
  const tables: ApprovedTable[] = [];
  headers.forEach((h, i) => {
    const end = i + 1 < headers.length ? headers[i + 1].row : sh.nRows;
    const head = readHead(sh, i === 0 ? 0 : headers[i - 1].row + 1, h.row);
    const hasWeights = h.cols.weight !== undefined;
    const rows = readBody(sh, h, end);
    // A 项目名称 column lists many projects in one sheet: one table per project, in order of appearance.
    const byProject = new Map<string, ApprovedIndicator[]>();
    for (const x of rows) {
      const list = byProject.get(x.project);
      if (list) list.push(x.row);
      else byProject.set(x.project, [x.row]);
    }
    for (const [p, indicators] of byProject)
      tables.push({
        sheet,
        title: head.title,
        project: p || head.project,
        units: head.units,
        hasWeights,
        indicators,
      });
  });
  return { ok: true, tables: tables.filter((t) => t.indicators.length > 0) };
}

/** The approved-targets tables of one sheet (usually one; a disclosure sheet may list many projects). */
export function readApprovedTargets(grid: Grid): ApprovedRead {
  try {
    const r = readTables(grid);
    if (r.ok && r.tables.length === 0)
      return { ok: false, reason: `工作表“${grid?.name ?? ""}”的绩效目标表没有指标行` };
    return r;
  } catch (e) {
    return { ok: false, reason: `无法识别绩效目标表的结构（${errorMessage(e)}）` };
  }
}
