/**
 * After a one-sync apply failed half way (Excel batches are not transactions): one sync re-reads the
 * target cells, and where a cell now holds what we wrote (and did not before), a second sync writes
 * back what the last read saw there. The result says exactly what happened; it never claims nothing
 * was written when something was.
 */
import type { CellValue } from "../../engine/grid";
import type { Edit } from "../../engine/types";
import type { ApplyResult, HostProblem } from "../host";
import { errorMessage } from "../../engine/error-message";
import { cellKey, normalizeColor } from "../write-rules";
import { excelValue } from "./cells";
import { errorCode, lastKnown, sameValue, type ExcelState } from "./state";

export async function recover(
  state: ExcelState,
  sheet: string,
  edits: Edit[],
  order: string[],
  error: unknown,
): Promise<ApplyResult> {
  const code = errorCode(error);
  const reason: HostProblem =
    code === "AccessDenied"
      ? "protected-since"
      : code === "InvalidOperationInCellEditMode"
        ? "edit-mode"
        : "failed";
  const detail = reason === "failed" ? { detail: errorMessage(error) } : {};
  const values = new Map<string, CellValue>();
  const fills = new Map<string, string>();
  for (const e of edits) {
    if (e.kind === "value") values.set(cellKey(e.cell), e.value);
    else fills.set(cellKey(e.cell), normalizeColor(e.color)!);
  }
  const restored: string[] = [];
  const fillsChanged: string[] = [];
  try {
    return await state.api.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const now = order.map((cell) => {
        const range = ws.getRange(cell);
        range.load("values");
        const props =
          fills.has(cell) && state.capabilities.restoreFills
            ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } })
            : null;
        return { cell, range, props };
      });
      await context.sync(); // re-read what the failed batch left behind
      const toRestore: { cell: string; value: CellValue; formula: string | null }[] = [];
      const unknownOld: string[] = [];
      for (const n of now) {
        if (values.has(n.cell) && sameValue(n.range.values[0][0], values.get(n.cell)!)) {
          const old = lastKnown(state, sheet, n.cell);
          if (!old) unknownOld.push(n.cell);
          else if (old.formula !== null || !sameValue(old.value, values.get(n.cell)!))
            toRestore.push({ cell: n.cell, ...old });
        }
        if (fills.has(n.cell)) {
          const f = n.props?.value[0][0].format?.fill;
          // Below ExcelApi 1.9 the fill cannot be read: say it may have changed.
          if (!n.props || (f && f.pattern !== "None" && f.color?.toUpperCase() === fills.get(n.cell)))
            fillsChanged.push(n.cell);
        }
      }
      let restoreFailed = false;
      if (toRestore.length > 0) {
        for (const t of toRestore) {
          const range = ws.getRange(t.cell);
          if (t.formula) range.formulas = [[t.formula]];
          else range.values = [[excelValue(t.value)]];
        }
        const mark = state.own.begin(
          sheet,
          toRestore.map((t) => t.cell),
        );
        try {
          await context.sync();
          restored.push(...toRestore.map((t) => t.cell));
          const k = state.known.get(sheet);
          for (const t of toRestore) k?.since?.set(t.cell, { value: t.value, formula: t.formula });
        } catch {
          restoreFailed = true;
        } finally {
          mark.done();
        }
      }
      const notRestored = [...unknownOld, ...(restoreFailed ? toRestore.map((t) => t.cell) : [])];
      const left = [...notRestored, ...fillsChanged];
      return {
        ok: false,
        reason,
        sheet,
        cells: left.length > 0 ? left : order,
        ...detail,
        partial: { restored, notRestored, fillsChanged, checked: true },
      } as ApplyResult;
    });
  } catch {
    return {
      ok: false,
      reason,
      sheet,
      cells: order,
      ...detail,
      partial: { restored: [], notRestored: [], fillsChanged: [], checked: false },
    };
  }
}
