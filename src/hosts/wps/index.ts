/**
 * The WPS Spreadsheets (ET) host: reads sheets in bulk over the ET JS API and applies edits under the
 * same rules as Excel. ET is synchronous and every property access crosses into WPS, so reads go
 * through UsedRange.Value2 / Formula once and probe formats and merged areas only where needed
 * (see wps/read.ts for the call count). Colours cross as BGR integers (wps/color.ts).
 *
 * Verified only against the fake ET object model in test/fakes/et: there is no WPS here.
 */
import type { CellValue, Grid } from "../../engine/grid";
import type { Edit, UndoRecord } from "../../engine/types";
import type { ApplyResult, Host, HostCapabilities, SheetRead } from "../host";
import type { EtApplication, EtSheets, EtWorksheet, SheetChangeHandler } from "./et";
import { addSheetWithRows } from "./add-sheet";
import { readSheetGrid } from "./read";
import { applyEdits, restoreEntries } from "./write";
import { errorMessage } from "../../engine/error-message";

export { rgbHexToBgr, bgrToRgbHex } from "./color";
export type { EtApplication } from "./et";

/** How long a write of ours waits for its SheetChange before it is forgotten (WPS may deliver it late). */
const OWN_WRITE_MS = 2000;

export class WpsHost implements Host {
  readonly kind = "wps" as const;
  readonly capabilities: HostCapabilities;
  /** Cells we are writing ("Sheet!B4" → expiry), so that the SheetChange they cause is not a user change. */
  private readonly pending = new Map<string, number[]>();

  constructor(
    private readonly app: EtApplication,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.capabilities = { restoreFills: true, mergedAreas: true, changeEvents: Boolean(app.ApiEvent) };
  }

  async read(sheet?: string): Promise<SheetRead> {
    const sheets = this.app.ActiveWorkbook.Worksheets as EtSheets;
    const n = Number(sheets.Count);
    const names: string[] = [];
    for (let i = 1; i <= n; i++) names.push(String((sheets.Item(i) as EtWorksheet).Name));
    const activeSheet = this.app.ActiveSheet as EtWorksheet;
    const active = String(activeSheet.Name);
    const name = sheet ?? active;
    if (!names.includes(name)) throw new Error(`工作表“${name}”不存在（现有：${names.join("、")}）`);
    const ws = name === active ? activeSheet : (sheets.Item(name) as EtWorksheet);
    const grid: Grid = readSheetGrid(ws, name);
    return { grid, sheets: names, active };
  }

  async apply(sheet: string, edits: Edit[]): Promise<ApplyResult> {
    if (edits.length === 0) return { ok: true, undo: { sheet, entries: [] }, notes: [] };
    const ws = this.findSheet(sheet);
    if (!ws)
      return { ok: false, reason: "failed", cells: [], message: `工作表“${sheet}”不存在，未写入任何内容。` };
    try {
      return applyEdits(ws, sheet, edits, (cell) => this.expect(sheet, cell));
    } catch (err) {
      // A bridge error before any write (reading protection or old values): nothing was changed.
      return {
        ok: false,
        reason: "failed",
        cells: edits.map((e) => e.cell),
        message: `WPS 读取单元格时出错（${errorMessage(err)}），未写入任何内容。`,
      };
    }
  }

  async undo(record: UndoRecord): Promise<void> {
    const ws = this.findSheet(record.sheet);
    if (!ws) throw new Error(`工作表“${record.sheet}”已不存在，无法撤销。`);
    restoreEntries(ws, record, (cell) => this.expect(record.sheet, cell));
  }

  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.findSheet(sheet);
    if (!ws) return;
    try {
      ws.Activate();
      ws.Range(cell).Select();
    } catch {
      // WPS refuses to move while the user is editing a cell; the pane keeps working.
    }
  }

  /**
   * Adds a sheet holding `rows` after the last sheet (the findings export); a taken name gets " (2)",
   * " (3)", …; the user stays on the sheet they were on. Returns the name used.
   */
  async addSheet(name: string, rows: CellValue[][]): Promise<string> {
    try {
      return addSheetWithRows(this.app, name, rows, (sheet, range) => this.expect(sheet, range)).name;
    } catch (err) {
      const text = errorMessage(err);
      // Errors after the sheet exists already say so; earlier ones (workbook protected …) changed nothing.
      throw new Error(
        text.startsWith("已新建") ? text : `无法新建工作表“${name}”（${text}），工作簿未改变。`,
      );
    }
  }

  onChange(callback: (sheet: string) => void): () => void {
    const events = this.app.ApiEvent;
    if (!events) return () => undefined;
    const handler: SheetChangeHandler = (sh, target) => {
      let name = "";
      try {
        name = String((sh as EtWorksheet).Name);
        const address = (target as { Address?: (r: boolean, c: boolean) => string }).Address?.(false, false);
        if (address && this.isOwn(name, String(address))) return;
      } catch {
        // Could not inspect the event: treat it as a user change.
      }
      callback(name);
    };
    events.AddApiEventListener("SheetChange", handler);
    return () => events.RemoveApiEventListener("SheetChange", handler);
  }

  // --- internals -------------------------------------------------------------------------------

  private findSheet(name: string): EtWorksheet | null {
    const sheets = this.app.ActiveWorkbook.Worksheets as EtSheets;
    const n = Number(sheets.Count);
    for (let i = 1; i <= n; i++) {
      const ws = sheets.Item(i) as EtWorksheet;
      if (String(ws.Name) === name) return ws;
    }
    return null;
  }

  /** Notes that we are about to write a cell, so that its SheetChange is recognised as ours. */
  private expect(sheet: string, cell: string): void {
    const key = `${sheet}!${cell}`;
    const list = this.pending.get(key) ?? [];
    list.push(this.now() + OWN_WRITE_MS);
    this.pending.set(key, list);
  }

  /** True when the change is one we announced (and consumes that announcement). */
  private isOwn(sheet: string, address: string): boolean {
    const now = this.now();
    for (const [k, list] of this.pending) {
      const live = list.filter((t) => t >= now);
      if (live.length === 0) this.pending.delete(k);
      else this.pending.set(k, live);
    }
    const key = `${sheet}!${address.replace(/\$/g, "").toUpperCase()}`;
    const list = this.pending.get(key);
    if (!list || list.length === 0) return false;
    list.shift();
    if (list.length === 0) this.pending.delete(key);
    return true;
  }
}

/** `window.Application` when this page runs inside WPS Spreadsheets, else null. */
export function findWpsApplication(
  win: unknown = typeof window !== "undefined" ? window : undefined,
): EtApplication | null {
  try {
    const app = (win as { Application?: unknown } | undefined)?.Application as
      Partial<EtApplication> | undefined;
    // ET exposes Worksheets/ActiveWorkbook; WPS Writer (wps) and Presentation (wpp) do not have Worksheets.
    if (app && typeof app === "object" && app.ActiveWorkbook !== undefined && app.Worksheets !== undefined) {
      return app as EtApplication;
    }
  } catch {
    // Touching a foreign object threw: not WPS.
  }
  return null;
}

/** The WPS host when running inside WPS Spreadsheets, else null (detection: WPS first, then Office). */
export function detectWpsHost(win?: unknown): WpsHost | null {
  const app = findWpsApplication(
    win === undefined ? (typeof window !== "undefined" ? window : undefined) : win,
  );
  return app ? new WpsHost(app) : null;
}
