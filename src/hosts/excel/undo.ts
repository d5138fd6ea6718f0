/**
 * Undo in Excel. One sync reads the sheet's used range (values, formulas) and the fills of the
 * highlighted cells, so that undo-rules can check each cell is still the one written (rows inserted
 * or deleted since are followed or refused), leave a value the user typed and a fill the user chose;
 * one more sync when a cell moved and its fill must be read at the new place; then one sync writes.
 * A record this host did not make (no memo) is restored as recorded, in one sync.
 */
import type { UndoRecord } from "../../engine/types";
import { HostError } from "../host";
import { errorMessage } from "../../engine/error-message";
import { fillStillOurs, movedToReport, planUndo, type SheetNow, type UndoStep } from "../undo-rules";
import { excelValue, formulaOf } from "./cells";
import { errorCode, type ExcelState } from "./state";

type FillProps = OfficeExtension.ClientResult<Excel.CellProperties[][]>;

function fillOf(p: FillProps | undefined): string | null | undefined {
  const f = p?.value[0][0].format?.fill;
  if (!f) return undefined;
  return f.pattern !== "None" && f.color ? f.color.toUpperCase() : null;
}

export async function undoRecord(state: ExcelState, record: UndoRecord): Promise<void> {
  if (record.entries.length === 0) return;
  const memo = state.written.get(record);
  const sheet = record.sheet;
  try {
    await state.api.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const readFills = (cells: string[]) => {
        const out = new Map<string, FillProps>();
        if (!state.capabilities.restoreFills || !memo) return out;
        for (const c of cells)
          out.set(c, ws.getRange(c).getCellProperties({ format: { fill: { color: true, pattern: true } } }));
        return out;
      };
      let now: SheetNow | null = null;
      let fills = new Map<string, FillProps>();
      if (memo) {
        const used = state.has("1.4")
          ? ws.getUsedRangeOrNullObject(true)
          : state.has("1.2")
            ? ws.getUsedRange(true)
            : ws.getUsedRange();
        used.load("rowIndex, columnIndex, values, formulas");
        fills = readFills(record.entries.filter((e) => (e.wrote ?? { fill: true }).fill).map((e) => e.cell));
        await context.sync(); // the check: is each cell still the one written, and still ours?
        if (!used.isNullObject) {
          const top = used.rowIndex;
          const left = used.columnIndex;
          const values = used.values;
          const formulas = used.formulas;
          now = {
            rows: top + values.length,
            value: (r, c) => {
              const v = values[r - top]?.[c - left];
              return v === undefined || v === "" ? null : (v as string | number | boolean);
            },
            formula: (r, c) => formulaOf(formulas[r - top]?.[c - left], values[r - top]?.[c - left]),
          };
        } else now = { rows: 0, value: () => null, formula: () => null };
      }
      const { steps, moved } = planUndo(record, memo, now);
      const followed = steps.filter((s) => s.fill && s.target !== s.entry.cell).map((s) => s.target);
      if (followed.length > 0) {
        const more = readFills(followed);
        if (more.size > 0) {
          await context.sync(); // the fills where moved cells are now
          for (const [c, p] of more) fills.set(`→${c}`, p);
        }
      }
      const fillNow = (s: UndoStep) =>
        fillOf(fills.get(s.target !== s.entry.cell ? `→${s.target}` : s.target));
      const touched: string[] = [];
      const valueCells: string[] = [];
      for (const s of steps) {
        const range = ws.getRange(s.target);
        const e = s.entry;
        if (s.value) {
          if (e.formula) range.formulas = [[e.formula]];
          else range.values = [[excelValue(e.value)]];
          valueCells.push(s.target);
        }
        if (s.fill && fillStillOurs(memo, e.cell, fillNow(s))) {
          if (e.fillKnown && e.fill) range.format.fill.color = e.fill;
          else range.format.fill.clear(); // no fill before, or older Excel that could not tell us
        }
        touched.push(s.target);
      }
      if (touched.length > 0) {
        const mark = state.own.begin(sheet, valueCells);
        try {
          await context.sync();
        } finally {
          mark.done();
        }
        const k = state.known.get(sheet);
        for (const s of steps)
          if (s.value) k?.since?.set(s.target, { value: s.entry.value, formula: s.entry.formula });
      }
      const report = movedToReport(memo, moved);
      if (report) throw new HostError("undo", { reason: "moved", sheet, cells: report });
    });
  } catch (e) {
    if (e instanceof HostError) throw e;
    if (errorCode(e) === "ItemNotFound")
      throw new HostError("undo", { reason: "no-sheet", sheet, cells: [] });
    if (errorCode(e) === "AccessDenied")
      throw new HostError("undo", { reason: "protected", sheet, cells: record.entries.map((x) => x.cell) });
    throw new HostError("undo", { reason: "failed", sheet, cells: [], detail: errorMessage(e) });
  }
}
