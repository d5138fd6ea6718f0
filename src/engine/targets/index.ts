/**
 * Targets that moved (issue 20, docs/spec/targets.md): the 自评表 against its approved 绩效目标表 and
 * against last year's 自评表. Pure engine: Grids and Tables in, findings with typed data out.
 */
import { sortFindings } from "../finding";
import type { FileReport, Profile, Table } from "../types";
import { compareWithApproved } from "./compare";
import type { ApprovedTable } from "./model";
import { pickCounterpart } from "./pair";
import { compareWithPrevious } from "./previous";

export { readApprovedTargets } from "./read";
export { compareWithApproved } from "./compare";
export { compareWithPrevious } from "./previous";
export { targetChange } from "./equal";
export { matchIndicators } from "./match";
export { nameKey, categoryKey, similarity } from "./names";
export { identityKey, pickCounterpart } from "./pair";
export type { ApprovedTable, ApprovedIndicator, ApprovedRead } from "./model";
export type { TargetFinding, TargetCode, TargetDataByCode } from "./findings";

export interface TargetSources {
  /** Approved tables read from --targets (every sheet of every file given); undefined when not asked. */
  approved?: ApprovedTable[];
  /** Last year's 自评表 tables from --previous; undefined when not asked. */
  previous?: Table[];
}

const approvedNames = (a: ApprovedTable) => [a.project ?? "", a.title, ...a.units];
const tableNames = (t: Table) => [t.unit ?? "", t.title];

function label(t: Table): string {
  return t.unit || t.title || t.sheet;
}

/**
 * Adds the comparison findings to a checked file. `tables[i]` is the Table that `file.sheets[i]` was
 * scored from. Returns a new FileReport; the input is not changed.
 */
export function withTargetFindings(
  file: FileReport,
  tables: Table[],
  sources: TargetSources,
  profile: Profile,
): FileReport {
  if (file.error || tables.length !== file.sheets.length) return file;
  const notes = [...(file.notes ?? [])];
  const sheets = file.sheets.map((s, i) => {
    const table = tables[i];
    const extra = [];
    if (sources.approved) {
      const a = pickCounterpart(table, sources.approved, approvedNames);
      if (a) {
        const c = compareWithApproved(table, a);
        extra.push(...c.findings);
        notes.push(...c.notes);
      } else
        notes.push(
          sources.approved.length
            ? `未找到与“${label(table)}”对应的绩效目标表（按项目名称、单位匹配，${sources.approved.length} 张候选），未对照申报表`
            : `--targets 中没有可读的绩效目标表，未对照申报表`,
        );
    }
    if (sources.previous) {
      const p = pickCounterpart(table, sources.previous, tableNames);
      if (p) {
        const c = compareWithPrevious(table, p, profile);
        extra.push(...c.findings);
        notes.push(...c.notes);
      } else notes.push(`未找到与“${label(table)}”对应的上年自评表，未对照上年`);
    }
    return extra.length ? { ...s, findings: sortFindings([...s.findings, ...extra]) } : s;
  });
  const out: FileReport = { ...file, sheets };
  if (notes.length) out.notes = notes;
  return out;
}
