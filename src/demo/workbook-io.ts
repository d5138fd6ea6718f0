/**
 * exceljs side of the demo: read the fills of an opened workbook, and write the user's changes into
 * the ORIGINAL workbook (so formats, merges, column widths and other sheets are kept). Type-only
 * import of exceljs here: the library itself is loaded by xlsx-chunk.ts, on demand.
 */
import type { Cell, Workbook, Worksheet } from "exceljs";
import type { SheetFills, WorkbookChanges } from "./changes";

/** "FFFFC7CE" (ARGB) → "#FFC7CE"; null for theme/indexed colours we cannot show exactly. */
function argbToHex(argb: unknown): string | null {
  if (typeof argb !== "string" || !/^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(argb)) return null;
  return "#" + argb.slice(-6).toUpperCase();
}

/** Solid fills with an explicit colour, by sheet and cell. */
export function fillsOf(wb: Workbook): SheetFills {
  const out: SheetFills = {};
  wb.eachSheet((ws: Worksheet) => {
    const sheet: Record<string, string> = {};
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell: Cell) => {
        const f = cell.fill;
        if (f && f.type === "pattern" && f.pattern === "solid") {
          const hex = argbToHex(f.fgColor?.argb);
          if (hex) sheet[cell.address] = hex;
        }
      });
    });
    out[ws.name] = sheet;
  });
  return out;
}

/**
 * Writes the changes into a workbook loaded from the original bytes. A cell's style object may be
 * shared with other cells in exceljs, so a fill gets a copied style, never a mutated one.
 */
export function applyChanges(wb: Workbook, changes: WorkbookChanges): void {
  let recalculated = false;
  for (const s of changes.sheets) {
    const ws = wb.getWorksheet(s.sheet);
    if (!ws) throw new Error(`工作表“${s.sheet}”在原文件中不存在`);
    for (const { cell, value, keepsFormula } of s.values) {
      const c = ws.getCell(cell);
      const old = c.value as unknown;
      if (keepsFormula && old && typeof old === "object" && ("formula" in old || "sharedFormula" in old)) {
        // The formula stays; its cached result follows the demo's recalculation, and Excel/WPS
        // recalculate on open anyway.
        c.value = { ...(old as object), result: value ?? undefined } as typeof c.value;
        recalculated = true;
      } else {
        c.value = value;
      }
    }
    for (const { cell, color } of s.fills) {
      const c = ws.getCell(cell);
      const fill =
        color === null
          ? ({ type: "pattern", pattern: "none" } as const)
          : ({
              type: "pattern",
              pattern: "solid",
              fgColor: { argb: "FF" + color.replace("#", "").toUpperCase() },
            } as const);
      c.style = { ...c.style, fill };
    }
  }
  for (const a of changes.added) {
    const ws = wb.addWorksheet(a.name);
    for (const row of a.rows) ws.addRow(row);
  }
  if (recalculated) wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
}
