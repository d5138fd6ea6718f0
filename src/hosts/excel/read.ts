/**
 * Reading a worksheet in one sync: sheet names, active sheet, the used range's values, text, formats
 * and formulas, merged areas (ExcelApi 1.13) and protection, all queued before one `context.sync()`.
 */
import type { SheetRead } from "../host";
import { HostError } from "../host";
import { errorMessage } from "../../engine/error-message";
import { gridFromUsedRange, parseAreaList, type UsedRangeData } from "./cells";
import { errorCode, type ExcelState } from "./state";

export async function readSheet(state: ExcelState, sheet?: string): Promise<SheetRead> {
  const { api, has, capabilities } = state;
  try {
    return await api.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const activeSheet = sheets.getActiveWorksheet();
      activeSheet.load("name");
      const ws = sheet === undefined ? activeSheet : sheets.getItem(sheet);
      ws.load("name");
      // valuesOnly: a column formatted to the bottom of the sheet must not make us read a million rows.
      const used = has("1.4")
        ? ws.getUsedRangeOrNullObject(true)
        : has("1.2")
          ? ws.getUsedRange(true)
          : ws.getUsedRange();
      used.load("rowIndex, columnIndex, values, text, numberFormat, formulas");
      const merged = capabilities.mergedAreas ? used.getMergedAreasOrNullObject() : null;
      merged?.load("address");
      const protection = has("1.2") ? ws.protection : null;
      protection?.load("protected");

      await context.sync(); // the one round trip of a read

      const data: UsedRangeData | null = used.isNullObject
        ? null
        : {
            rowIndex: used.rowIndex,
            columnIndex: used.columnIndex,
            values: used.values,
            text: used.text,
            numberFormat: used.numberFormat,
            formulas: used.formulas,
          };
      const merges = merged && !merged.isNullObject ? parseAreaList(merged.address) : [];
      const isProtected = protection ? protection.protected : undefined;
      const grid = gridFromUsedRange(ws.name, data, merges, isProtected);
      state.known.set(ws.name, {
        protected: isProtected ?? null,
        merges,
        mergesKnown: capabilities.mergedAreas,
        grid,
        since: new Map(),
      });
      return { grid, sheets: sheets.items.map((s) => s.name), active: activeSheet.name };
    });
  } catch (e) {
    if (sheet !== undefined && errorCode(e) === "ItemNotFound")
      throw new HostError("read", { reason: "no-sheet", sheet, cells: [] });
    throw new HostError("read", {
      reason: "read-failed",
      sheet: sheet ?? "",
      cells: [],
      detail: errorMessage(e),
    });
  }
}
