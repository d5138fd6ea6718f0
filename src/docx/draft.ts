/** Grids → the drafted 自评报告 as .docx bytes (Node and browser): what `ziping draft` and the demo call. */
import type { Grid } from "../engine/grid";
import type { Profile, SheetReport } from "../engine/types";
import { checkGridTables } from "../engine/check";
import { defaultProfile } from "../engine/profiles";
import { draftReport } from "../engine/report";
import { writeDraftDocx } from "./write";

export type DraftResult =
  { ok: true; bytes: Uint8Array; report: SheetReport } | { ok: false; message: string };

/** Drafts from the first 自评表 of the workbook (or of `sheet`), its table attached as 附件 1. */
export async function draftDocx(
  grids: Grid[],
  options: { profile?: Profile; sheet?: string; year?: string | null } = {},
): Promise<DraftResult> {
  const profile = options.profile ?? defaultProfile();
  const reasons: string[] = [];
  for (const grid of grids) {
    if (options.sheet !== undefined && grid.name !== options.sheet) continue;
    const r = checkGridTables(grid, profile);
    if (!r.ok) {
      reasons.push(`${grid.name}：${r.reason}`);
      continue;
    }
    const t = r.tables[0];
    const draft = draftReport(t.report, t.table, grid, { profile, year: options.year });
    const range = r.tables.length > 1 ? t.range : null;
    const bytes = await writeDraftDocx(draft, { grid, range, titleCell: t.table.titleCell });
    return { ok: true, bytes, report: t.report };
  }
  if (options.sheet !== undefined && !grids.some((g) => g.name === options.sheet))
    return {
      ok: false,
      message: `找不到工作表“${options.sheet}”（本文件的工作表：${grids.map((g) => g.name).join("、") || "无"}）`,
    };
  return {
    ok: false,
    message: `未找到绩效自评表，无法生成报告草稿${reasons.length ? `（${reasons.join("；")}）` : ""}`,
  };
}
