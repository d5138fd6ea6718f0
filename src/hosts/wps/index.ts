/**
 * The WPS Spreadsheets (ET) host: reads sheets in bulk over the ET JS API and applies edits under the
 * same rules as Excel. ET is synchronous and every property access crosses into WPS, so reads go
 * through UsedRange.Value2 / Formula once and probe formats and merged areas only where needed
 * (see wps/read.ts for the call count). Colours cross as BGR integers (wps/color.ts).
 *
 * Verified only against the fake ET object model in test/fakes/et: there is no WPS here.
 */
import type { CellValue, Grid } from "../../engine/grid";
import { parseRange, toA1 } from "../../engine/grid";
import type { Edit, UndoRecord } from "../../engine/types";
import type { ApplyResult, Host, HostCapabilities, SheetRead } from "../host";
import type { EtApplication, EtSheets, EtWorkbook, EtWorksheet, SheetChangeHandler } from "./et";
import { addSheetWithRows, SheetAddedError } from "./add-sheet";
import { HostError } from "../host";
import { OwnWrites } from "../own-writes";
import { readSetting, writeSetting } from "./properties";
import { readSheetGrid } from "./read";
import { applyEdits, restoreEntries } from "./write";
import { errorMessage } from "../../engine/error-message";
import { findWpsApplication } from "./find-app";

export { rgbHexToBgr, bgrToRgbHex } from "./color";
export { findWpsApplication } from "./find-app";
export type { EtApplication } from "./et";

/** How long a write of ours waits for its SheetChange before it is forgotten (WPS may deliver it late). */
const OWN_WRITE_MS = 2000;

type Book = EtWorkbook & { FullName?: string; Name?: string };

/** A workbook's identity: FullName (path and name), else Name (an unsaved book). */
function bookId(wb: Book | null | undefined): string | null {
  if (!wb) return null;
  try {
    const id = wb.FullName ?? wb.Name;
    return id === undefined || id === null || id === "" ? null : String(id);
  } catch {
    return null;
  }
}

export class WpsHost implements Host {
  readonly kind = "wps" as const;
  readonly capabilities: HostCapabilities;
  private readonly own: OwnWrites;
  /** The workbook the last read came from (FullName): every write, undo and event is bound to it. */
  private book: string | null = null;
  /** The workbook each undo record was written to. */
  private readonly recordBooks = new WeakMap<UndoRecord, string>();
  /** The last read of each sheet of the bound workbook (row anchors for undo). */
  private readonly lastGrid = new Map<string, Grid>();
  /** FullName before → after a Save As, so the binding and older undo records follow the file. */
  private readonly renamed = new Map<string, string>();

  constructor(
    private readonly app: EtApplication,
    now: () => number = () => Date.now(),
  ) {
    this.capabilities = { restoreFills: true, mergedAreas: true, changeEvents: Boolean(app.ApiEvent) };
    this.own = new OwnWrites(OWN_WRITE_MS, now);
    this.followSaves();
  }

  /**
   * Save As, and the first save of a new workbook, change FullName, which the host is bound to:
   * writes would then be refused as 工作簿已关闭 and undo records orphaned. WorkbookBeforeSave
   * (Wb, SaveAsUI, Cancel) names the workbook about to be saved while it still has its old FullName;
   * WorkbookAfterSave (Wb, Success) gives the new one. Only when the bound workbook was the one
   * saved, and its old FullName is no longer open, does the binding move. Function callbacks, the
   * form WPS's ApiEvent documentation shows (docs/wps-addin.md); registered once per host.
   */
  private followSaves(): void {
    const events = this.app.ApiEvent as unknown as
      { AddApiEventListener(name: string, cb: (...args: unknown[]) => void): void } | undefined;
    if (!events) return;
    let saving: string | null = null;
    const workbookOf = (wb: unknown) =>
      // Some builds may pass fewer arguments: the workbook saved is then the one in front.
      bookId(typeof wb === "object" && wb !== null ? (wb as Book) : this.activeBook());
    const beforeSave = (wb: unknown) => {
      saving = workbookOf(wb);
    };
    const afterSave = (wb: unknown, success?: unknown) => {
      const old = saving;
      saving = null;
      if (old === null || old !== this.book || success === false) return;
      const now = workbookOf(wb);
      if (!now || now === old || this.findBook(old)) return;
      this.renamed.set(old, now);
      this.book = now;
    };
    try {
      events.AddApiEventListener("WorkbookBeforeSave", beforeSave);
      events.AddApiEventListener("WorkbookAfterSave", afterSave);
    } catch {
      // Older WPS without these events: after a Save As, writes are refused as before (no guess).
    }
  }

  /** The FullName a workbook has now, following Save As renames. */
  private current(id: string): string {
    let now = id;
    for (let i = 0; i < 100 && this.renamed.has(now); i++) now = this.renamed.get(now)!;
    return now;
  }

  async read(sheet?: string): Promise<SheetRead> {
    const wb = this.activeBook();
    const id = bookId(wb);
    if (!wb || !id) throw new HostError("read", { reason: "no-workbook", sheet: sheet ?? "", cells: [] });
    if (id !== this.book) this.lastGrid.clear();
    this.book = id;
    const sheets = wb.Worksheets as EtSheets;
    const n = Number(sheets.Count);
    const names: string[] = [];
    for (let i = 1; i <= n; i++) names.push(String((sheets.Item(i) as EtWorksheet).Name));
    const activeSheet = (wb.ActiveSheet ?? this.app.ActiveSheet) as EtWorksheet;
    const active = String(activeSheet.Name);
    const name = sheet ?? active;
    if (!names.includes(name))
      throw new HostError("read", { reason: "no-sheet", sheet: name, cells: [], existing: names });
    const ws = name === active ? activeSheet : (sheets.Item(name) as EtWorksheet);
    try {
      const grid: Grid = readSheetGrid(ws, name);
      this.lastGrid.set(name, grid);
      return { grid, sheets: names, active };
    } catch (err) {
      throw new HostError("read", {
        reason: "read-failed",
        sheet: name,
        cells: [],
        detail: errorMessage(err),
      });
    }
  }

  async apply(sheet: string, edits: Edit[]): Promise<ApplyResult> {
    if (edits.length === 0) return { ok: true, undo: { sheet, entries: [] }, notes: [] };
    const wb = this.boundBook();
    if (!wb)
      return {
        ok: false,
        reason: "no-workbook",
        sheet,
        cells: [],
        ...(this.book ? { workbook: this.book } : {}),
      };
    const ws = findSheet(wb, sheet);
    if (!ws) return { ok: false, reason: "no-sheet", sheet, cells: [] };
    const id = bookId(wb) ?? "";
    this.book ??= id; // a write before any read binds to the workbook in front
    const key = this.key(id, sheet);
    try {
      const res = applyEdits(ws, sheet, edits, (cell) => this.expect(key, cell), this.lastGrid.get(sheet));
      if (res.ok) this.recordBooks.set(res.undo, id);
      return res;
    } catch (err) {
      // A bridge error before any write (reading protection or old values): nothing was changed.
      return {
        ok: false,
        reason: "failed",
        sheet,
        cells: edits.map((e) => e.cell),
        detail: errorMessage(err),
      };
    }
  }

  async undo(record: UndoRecord): Promise<void> {
    const recorded = this.recordBooks.get(record) ?? this.book;
    const id = recorded === null ? null : this.current(recorded);
    const wb = id ? this.findBook(id) : this.activeBook();
    if (!wb)
      throw new HostError("undo", {
        reason: "no-workbook",
        sheet: record.sheet,
        cells: [],
        ...(id ? { workbook: id } : {}),
      });
    const ws = findSheet(wb, record.sheet);
    if (!ws) throw new HostError("undo", { reason: "no-sheet", sheet: record.sheet, cells: [] });
    const key = this.key(bookId(wb) ?? "", record.sheet);
    restoreEntries(ws, record, (cell) => this.expect(key, cell));
  }

  async select(sheet: string, cell: string): Promise<void> {
    const wb = this.boundBook();
    const ws = wb ? findSheet(wb, sheet) : null;
    if (!ws) return;
    try {
      if (wb !== null && bookId(this.activeBook()) !== bookId(wb))
        (wb as { Activate?: () => void }).Activate?.();
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
    const wb = this.boundBook();
    if (!wb)
      throw new HostError("add-sheet", {
        reason: "no-workbook",
        sheet: name,
        cells: [],
        ...(this.book ? { workbook: this.book } : {}),
      });
    const id = bookId(wb) ?? "";
    try {
      return addSheetWithRows(this.app, wb, name, rows, (sheet, range) =>
        this.expect(this.key(id, sheet), range),
      ).name;
    } catch (err) {
      const partial = err instanceof SheetAddedError;
      throw new HostError("add-sheet", {
        reason: "failed",
        sheet: partial ? err.sheet : name,
        cells: [],
        detail: partial ? errorMessage(err.cause) : errorMessage(err),
        // Errors after the sheet exists: it may be incomplete. Earlier ones changed nothing.
        ...(partial ? { partial: { restored: [], notRestored: [], fillsChanged: [], checked: false } } : {}),
      });
    }
  }

  /**
   * A document setting, kept in the custom document properties of the workbook the last read came
   * from (saved with the file; Excel and the demo read the same properties).
   */
  async getSetting(key: string): Promise<string | null> {
    const wb = this.settingsBook("read");
    try {
      return readSetting(wb, key);
    } catch (err) {
      throw new HostError("read", { reason: "read-failed", sheet: "", cells: [], detail: errorMessage(err) });
    }
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    const wb = this.settingsBook("apply");
    try {
      writeSetting(wb, key, value);
    } catch (err) {
      throw new HostError("apply", { reason: "failed", sheet: "", cells: [], detail: errorMessage(err) });
    }
  }

  /**
   * SheetChange is application-wide: only changes in the bound workbook count (workbooks from one
   * template share sheet names), ours are ignored; switching to another workbook (WorkbookActivate /
   * WindowActivate) is a change too, so the pane marks its report stale and re-checks.
   */
  onChange(callback: (sheet: string) => void): () => void {
    const events = this.app.ApiEvent;
    if (!events) return () => undefined;
    const handler: SheetChangeHandler = (sh, target) => {
      let name = "";
      try {
        name = String((sh as EtWorksheet).Name);
        const parent = bookId((sh as { Parent?: Book }).Parent);
        if (this.book && parent && parent !== this.book) return; // another workbook
        const address = (target as { Address?: (r: boolean, c: boolean) => string }).Address?.(false, false);
        if (address && this.own.isOwn(this.key(parent ?? this.book ?? "", name), String(address))) return;
      } catch {
        // Could not inspect the event: treat it as a user change.
      }
      callback(name);
    };
    const switched = () => {
      const id = bookId(this.activeBook());
      if (id === this.book) return;
      let name = "";
      try {
        name = String((this.app.ActiveSheet as EtWorksheet | null)?.Name ?? "");
      } catch {
        // A Writer document in front: no sheet.
      }
      callback(name);
    };
    events.AddApiEventListener("SheetChange", handler);
    const extra = ["WorkbookActivate", "WindowActivate"];
    const untyped = events as unknown as {
      AddApiEventListener(name: string, cb: () => void): void;
      RemoveApiEventListener(name: string, cb: () => void): void;
    };
    for (const e of extra) {
      try {
        untyped.AddApiEventListener(e, switched);
      } catch {
        // Older WPS without this event: the next read re-binds anyway.
      }
    }
    return () => {
      events.RemoveApiEventListener("SheetChange", handler);
      for (const e of extra) {
        try {
          untyped.RemoveApiEventListener(e, switched);
        } catch {
          // Never added.
        }
      }
    };
  }

  // --- internals -------------------------------------------------------------------------------

  /** Notes that we are about to write `ref` ("B4", "A1:F12"), so that its SheetChange is recognised as ours. */
  private expect(key: string, ref: string): void {
    const a = parseRange(ref);
    if (!a) return;
    const cells: string[] = [];
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) cells.push(toA1(r, c));
    // ET writes synchronously: the window starts now.
    this.own.begin(key, cells).done();
  }

  private key(book: string, sheet: string): string {
    return `${book}\u0000${sheet}`;
  }

  /** The bound workbook for a setting; refused (no-workbook) when it was closed. */
  private settingsBook(during: "read" | "apply"): Book {
    const wb = this.boundBook();
    if (!wb)
      throw new HostError(during, {
        reason: "no-workbook",
        sheet: "",
        cells: [],
        ...(this.book ? { workbook: this.book } : {}),
      });
    return wb;
  }

  /** ActiveWorkbook, or null (a Writer document in front, or nothing open). */
  private activeBook(): Book | null {
    try {
      return (this.app.ActiveWorkbook as Book | null) ?? null;
    } catch {
      return null;
    }
  }

  /** The workbook the last read came from, found by FullName; null when it was closed. */
  private boundBook(): Book | null {
    return this.book === null ? this.activeBook() : this.findBook(this.book);
  }

  private findBook(id: string): Book | null {
    const active = this.activeBook();
    if (bookId(active) === id) return active;
    try {
      const books = (this.app as { Workbooks?: { Count: number; Item(i: number): Book } }).Workbooks;
      const n = Number(books?.Count ?? 0);
      for (let i = 1; i <= n; i++) {
        const wb = books!.Item(i);
        if (bookId(wb) === id) return wb;
      }
    } catch {
      // The collection could not be walked: treat the workbook as gone.
    }
    return null;
  }
}

function findSheet(wb: EtWorkbook, name: string): EtWorksheet | null {
  const sheets = wb.Worksheets as EtSheets;
  const n = Number(sheets.Count);
  for (let i = 1; i <= n; i++) {
    const ws = sheets.Item(i) as EtWorksheet;
    if (String(ws.Name) === name) return ws;
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
