/**
 * The Excel host (Office.js), split by job: read.ts, apply.ts (+ recovery.ts when a one-sync batch
 * fails half way), undo.ts, events.ts; state.ts is what they share. Round trips are what make an
 * add-in slow, so they are fixed, never proportional to the sheet:
 *   read   — 1 sync (used range, merged areas, protection, names).
 *   apply  — 1 sync when the last read found the sheet unprotected, else 2 (check locked cells
 *            first, then write); a half-failed one-sync batch: +1 to re-read, +1 to put back.
 *   undo   — 2 syncs: one checks each cell is still the one written (rows inserted or deleted are
 *            followed or refused), still holds our value and our fill; one writes (+1 when a moved
 *            cell's fill must be read at its new place).  select — 1 sync.  addSheet — 2 syncs.
 * Older Excel degrades: no merged areas below 1.13 (the layout infers them), no fill read-back below
 * 1.9 (undo clears a highlight instead of restoring the old fill; the apply notes it), change events
 * per existing sheet on 1.7–1.8, none below 1.7; own writes by triggerSource from 1.14.
 * Document settings (the pane's marks) live in the workbook's custom properties from ExcelApi 1.7
 * (custom-properties.ts; marks left in the old place are still read), below that in
 * Office.context.document.settings (settings.ts); an Office with neither gets no getSetting /
 * setSetting, and the pane says so.
 */
import type { CellValue } from "../../engine/grid";
import { parseA1, toA1 } from "../../engine/grid";
import type { Edit, UndoRecord } from "../../engine/types";
import type { ApplyResult, Host, HostCapabilities, SheetRead } from "../host";
import { HostError } from "../host";
import { errorMessage } from "../../engine/error-message";
import { OwnWrites } from "../own-writes";
import { applyEdits } from "./apply";
import { excelValue } from "./cells";
import { subscribeChanges } from "./events";
import { readSheet } from "./read";
import { officeExcelApi, type ExcelApi, type ExcelState } from "./state";
import { undoRecord } from "./undo";
import { readSetting, writeSetting } from "./settings";
import { CustomPropertyMarks } from "./custom-properties";

export { officeExcelApi, type ExcelApi } from "./state";
export type { ExcelUndoEntry } from "./apply";

export interface ExcelHostOptions {
  /** How long after our own write a change event for the same cells is ignored (ms). */
  ownWriteWindowMs?: number;
  /** The clock for that window (tests inject one instead of sleeping). */
  now?: () => number;
}

export class ExcelHost implements Host {
  readonly kind = "excel" as const;
  readonly capabilities: HostCapabilities;
  private readonly state: ExcelState;
  /** Document settings (custom properties, or Office.context.document.settings); absent where neither exists. */
  readonly getSetting?: (key: string) => Promise<string | null>;
  readonly setSetting?: (key: string, value: string | null) => Promise<void>;

  constructor(api: ExcelApi = officeExcelApi(), options: ExcelHostOptions = {}) {
    const cache = new Map<string, boolean>();
    const has = (v: string) => {
      if (!cache.has(v)) cache.set(v, api.isSetSupported(v));
      return cache.get(v)!;
    };
    this.capabilities = { restoreFills: has("1.9"), mergedAreas: has("1.13"), changeEvents: has("1.7") };
    this.state = {
      api,
      has,
      capabilities: this.capabilities,
      known: new Map(),
      own: new OwnWrites(options.ownWriteWindowMs ?? 3000, options.now),
      written: new WeakMap(),
    };
    const settings = api.documentSettings?.() ?? null;
    if (has("1.7")) {
      const marks = new CustomPropertyMarks(api, settings);
      this.getSetting = (key) => marks.get(key);
      this.setSetting = (key, value) => marks.set(key, value);
    } else if (settings) {
      this.getSetting = (key) => readSetting(settings, key);
      this.setSetting = (key, value) => writeSetting(settings, key, value);
    }
  }

  read(sheet?: string): Promise<SheetRead> {
    return readSheet(this.state, sheet);
  }

  apply(sheet: string, edits: Edit[]): Promise<ApplyResult> {
    return applyEdits(this.state, sheet, edits);
  }

  undo(record: UndoRecord): Promise<void> {
    return undoRecord(this.state, record);
  }

  onChange(callback: (sheet: string) => void): () => void {
    return subscribeChanges(this.state, callback);
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (!parseA1(cell) && !/^[A-Za-z$]+\$?\d+:[A-Za-z$]+\$?\d+$/.test(cell)) return;
    try {
      await this.state.api.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw new HostError("select", { reason: "failed", sheet, cells: [cell], detail: errorMessage(e) });
    }
  }

  /**
   * Adds a worksheet holding `rows` (the findings export); never overwrites a sheet: a taken name gets
   * " (2)", " (3)", …. Two syncs: the existing names, then the new sheet and its values.
   */
  async addSheet(name: string, rows: CellValue[][]): Promise<string> {
    // Excel: at most 31 characters, none of : \ / ? * [ ].
    const base = name.replace(/[:\\/?*[\]]/g, "_").slice(0, 31) || "Sheet";
    try {
      return await this.state.api.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
        let used = base;
        for (let i = 2; taken.has(used.toLowerCase()); i++)
          used = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
        const ws = sheets.add(used);
        const width = Math.max(1, ...rows.map((r) => r.length));
        const cells: string[] = [];
        if (rows.length > 0) {
          const values = rows.map((r) => Array.from({ length: width }, (_, c) => excelValue(r[c] ?? null)));
          ws.getRange(`A1:${toA1(rows.length - 1, width - 1)}`).values = values;
          rows.forEach((_, r) => values[r].forEach((__, c) => cells.push(toA1(r, c))));
        }
        const mark = this.state.own.begin(used, cells);
        try {
          await context.sync();
        } finally {
          mark.done();
        }
        return used;
      });
    } catch (e) {
      throw new HostError("add-sheet", { reason: "failed", sheet: base, cells: [], detail: errorMessage(e) });
    }
  }
}
