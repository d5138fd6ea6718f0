/**
 * A faithful fake of the WPS Spreadsheets (ET) object model, built from Grids, for host tests and
 * the bench. `fake.app` is what `window.Application` is inside WPS (the parts ziping uses);
 * `fake.calls` counts bridge crossings. Test helpers (not on the bridge) inspect and change cells
 * as a user would.
 */
import type { CellValue, Grid } from "../../../src/engine/grid";
import { parseA1 } from "../../../src/engine/grid";
import { Bridge } from "./bridge";
import {
  FakeApiEvent,
  FakeDocumentProperties,
  FakePluginStorage,
  FakeRange,
  FakeSheets,
  FakeTaskPane,
  FakeWorkbook,
  FakeWorksheet,
  type EventDelivery,
  type FakeQuirks,
  type FakeWorld,
} from "./objects";
import { SheetData, fakeText } from "./sheet";

export { Bridge } from "./bridge";
export { XL_NONE, NO_FILL_COLOR } from "./sheet";
export type { EventDelivery, FakeQuirks } from "./objects";

export interface FakeSheetInit {
  grid: Grid;
  /** Existing fills, "#RRGGBB" by A1 address. */
  fills?: Record<string, string>;
  /** Protect the sheet (contents). */
  protected?: boolean;
  /** Cells unlocked before protecting (writable on a protected sheet). */
  unlocked?: string[];
  /** Protection that still allows formatting cells. */
  allowFormattingCells?: boolean;
  /** Borders (formatting only) down to this 1-based row and across to this column letter's index (1-based). */
  formattedTo?: { rows: number; cols: number };
}

export interface FakeEtOptions {
  /** Active sheet name (default: the first). */
  active?: string;
  /** How SheetChange reaches listeners: synchronously inside the write (default), after it, or never. */
  events?: EventDelivery;
  workbookName?: string;
  /** A new workbook never saved ("工作簿1"): FullName is just its Name until the first save. */
  unsaved?: boolean;
  /**
   * Opens this fake's workbook in another fake's WPS instead of a new one: one application, one
   * bridge, one set of application-wide event listeners, two workbooks (often from one template).
   */
  joins?: FakeEt;
  /** Value shapes a real WPS bridge is reported to return: -1 booleans, "" formats, "####" text. */
  quirks?: FakeQuirks;
}

/** "#RRGGBB" → BGR integer, the fake's own conversion. */
function rgbToBgr(hex: string): number {
  const n = parseInt(hex.replace("#", ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

function bgrToRgb(bgr: number): string {
  const r = bgr & 0xff,
    g = (bgr >> 8) & 0xff,
    b = (bgr >> 16) & 0xff;
  return (
    "#" +
    [r, g, b]
      .map((x) => x.toString(16).padStart(2, "0"))
      .join("")
      .toUpperCase()
  );
}

/** Application.Workbooks: the open workbooks, 1-based. */
export class FakeWorkbooks {
  constructor(private readonly _app: FakeApplication) {}
  get Count(): number {
    return this._app._books.length;
  }
  Item(index: number): FakeWorkbook {
    const b = this._app._books[Number(index) - 1];
    if (!b) throw new Error("Subscript out of range");
    return this._app._world.bridge.wrap(b);
  }
}

export class FakeApplication {
  readonly Name = "WPS 表格";
  readonly Version = "12.1.0";
  private readonly _panes: FakeTaskPane[] = [];
  private readonly _storage = new FakePluginStorage();
  private readonly _apiEvent: FakeApiEvent;
  /** Open workbooks; the active one (null: a Writer document is in front). */
  readonly _books: FakeWorkbook[] = [];
  _activeBook: FakeWorkbook | null;
  constructor(
    readonly _world: FakeWorld,
    book: FakeWorkbook,
  ) {
    this._apiEvent = new FakeApiEvent(_world);
    this._activeBook = book;
    this._addBook(book);
  }
  _addBook(book: FakeWorkbook): void {
    this._books.push(book);
    book._activate = () => this._setActiveBook(book);
  }
  /** Switches workbooks as the user would, firing WorkbookActivate. */
  _setActiveBook(book: FakeWorkbook | null): void {
    this._activeBook = book;
    if (!book) return;
    const handlers = [...(this._world.listeners.get("WorkbookActivate") ?? [])];
    handlers.forEach((h) => h(this._w(book)));
  }
  private _w<T extends object>(x: T): T {
    return this._world.bridge.wrap(x);
  }
  /** The world of the active workbook (sheets, active sheet). */
  private get _aw(): FakeWorld {
    return (this._activeBook ?? this._books[0])._world;
  }
  get ActiveWorkbook(): FakeWorkbook | null {
    return this._activeBook ? this._w(this._activeBook) : null;
  }
  get Workbooks(): FakeWorkbooks {
    return this._w(new FakeWorkbooks(this));
  }
  get ActiveSheet(): FakeWorksheet | null {
    return this._activeBook ? this._w(this._aw.active) : null;
  }
  get Worksheets(): FakeSheets {
    return this._w(new FakeSheets(this._aw));
  }
  get Sheets(): FakeSheets {
    return this.Worksheets;
  }
  get Selection(): FakeRange | null {
    const s = this._world.selection;
    if (!s) return null;
    const ws = this._world.sheets.find((x) => x._data.name === s.sheet)!;
    return this._w(new FakeRange(this._world, ws, s.area));
  }
  Range(Cell1: string): FakeRange {
    return this._aw.active.Range(Cell1);
  }
  get ApiEvent(): FakeApiEvent {
    return this._w(this._apiEvent);
  }
  get PluginStorage(): FakePluginStorage {
    return this._w(this._storage);
  }
  CreateTaskPane(url: string, title = ""): FakeTaskPane {
    const pane = new FakeTaskPane(this._panes.length + 1, url, title);
    this._panes.push(pane);
    return this._w(pane);
  }
  GetTaskPane(id: number): FakeTaskPane | null {
    const pane = this._panes.find((p) => p.ID === Number(id) && !p._deleted);
    return pane ? this._w(pane) : null;
  }
  /** Test view of the panes created so far (not on the bridge). */
  _allPanes(): FakeTaskPane[] {
    return this._panes;
  }
}

export interface CellState {
  value: CellValue;
  formula: string | null;
  format: string;
  text: string;
  /** "#RRGGBB" or null for no fill. */
  fill: string | null;
  bold: boolean;
}

export class FakeEt {
  readonly bridge: Bridge;
  private readonly world: FakeWorld;
  private readonly application: FakeApplication;
  private readonly book: FakeWorkbook;
  /** The bridged Application object: hand this to the code under test. */
  readonly app: FakeApplication;

  constructor(sheets: (Grid | FakeSheetInit)[], options: FakeEtOptions = {}) {
    if (sheets.length === 0) throw new Error("FakeEt: at least one sheet");
    const host = options.joins;
    this.bridge = host ? host.bridge : new Bridge();
    this.world = {
      bridge: this.bridge,
      sheets: [],
      active: undefined as unknown as FakeWorksheet,
      selection: null,
      events: host ? host.world.events : (options.events ?? "sync"),
      listeners: host ? host.world.listeners : new Map(),
      writes: host ? host.world.writes : [],
      quirks: options.quirks ?? (host ? host.world.quirks : {}),
    };
    for (const s of sheets) {
      const init: FakeSheetInit = "grid" in s ? s : { grid: s };
      const data = new SheetData(init.grid.name, init.grid);
      for (const [a1, hex] of Object.entries(init.fills ?? {})) {
        const p = parseA1(a1)!;
        data.cell(p.row, p.col).fill = rgbToBgr(hex);
      }
      for (const a1 of init.unlocked ?? []) {
        const p = parseA1(a1)!;
        data.cell(p.row, p.col).locked = false;
      }
      if (init.formattedTo)
        data.formattedTo = { bottom: init.formattedTo.rows - 1, right: init.formattedTo.cols - 1 };
      data.protect = init.protected === true;
      data.allowFormattingCells = init.allowFormattingCells === true;
      this.world.sheets.push(new FakeWorksheet(this.world, data));
    }
    this.world.active =
      this.world.sheets.find((s) => s._data.name === options.active) ?? this.world.sheets[0];
    this.book = new FakeWorkbook(this.world, options.workbookName ?? "自评表.xlsx", options.unsaved);
    if (host) {
      this.application = host.application;
      this.application._addBook(this.book);
    } else this.application = new FakeApplication(this.world, this.book);
    this.app = this.bridge.wrap(this.application);
  }

  /** The user switches to this fake's workbook (fires WorkbookActivate). */
  activateWorkbook(): void {
    this.application._setActiveBook(this.book);
  }

  /** A WPS Writer document comes to the front: ActiveWorkbook and ActiveSheet are null. */
  activateWriterDocument(): void {
    this.application._setActiveBook(null);
  }

  /** The user saves this fake's workbook under another name (文件 → 另存为), or saves a new one the first time. */
  saveAs(fullName: string): void {
    this.book.SaveAs(fullName);
  }

  /** The user closes this fake's workbook. */
  closeWorkbook(): void {
    const books = this.application._books;
    books.splice(books.indexOf(this.book), 1);
    if (this.application._activeBook === this.book) this.application._setActiveBook(books[0] ?? null);
  }

  /** A window as older WPS releases give it: no `Application`, only `wps.EtApplication()`. */
  legacyWindow(): {
    wps: { EtApplication(): FakeApplication; CreateTaskPane: FakeApplication["CreateTaskPane"] };
  } {
    const app = this.app;
    return {
      wps: { EtApplication: () => app, CreateTaskPane: (url, title) => app.CreateTaskPane(url, title) },
    };
  }

  /** This workbook's custom document properties by name, read directly (no bridge crossing). */
  documentProperties(): Record<string, unknown> {
    return Object.fromEntries(this.book._props.map((p) => [p.Name, p.Value]));
  }

  /** A user adds a custom document property by hand (文件 → 属性 → 自定义), e.g. a number. */
  addDocumentProperty(name: string, type: number, value: unknown): void {
    new FakeDocumentProperties(this.world, this.book._props).Add(name, false, type, value);
  }

  /** Bridge crossings since construction or the last resetCalls(). */
  get calls(): number {
    return this.bridge.calls;
  }

  resetCalls(): void {
    this.bridge.reset();
  }

  /** Writes the fake saw ("自评表!I12 Value2"), in order. */
  get writes(): string[] {
    return this.world.writes;
  }

  private data(sheet: string): SheetData {
    const ws = this.world.sheets.find((s) => s._data.name === sheet);
    if (!ws) throw new Error(`FakeEt: no sheet ${sheet}`);
    return ws._data;
  }

  /** The state of one cell, read directly (no bridge crossing). */
  cell(sheet: string, a1: string): CellState {
    const p = parseA1(a1)!;
    const c = this.data(sheet).peek(p.row, p.col);
    return {
      value: c?.value ?? null,
      formula: c?.formula ?? null,
      format: c?.format ?? "General",
      text: fakeText(c),
      fill: c && c.fill !== null ? bgrToRgb(c.fill) : null,
      bold: c?.bold ?? false,
    };
  }

  /** The raw BGR fill of a cell (null: no fill). */
  fillBgr(sheet: string, a1: string): number | null {
    const p = parseA1(a1)!;
    return this.data(sheet).peek(p.row, p.col)?.fill ?? null;
  }

  /** Sheet names in workbook order (no bridge crossing). */
  sheetNames(): string[] {
    return this.world.sheets.map((s) => s._data.name);
  }

  activeSheet(): string {
    return this.world.active._data.name;
  }

  selection(): { sheet: string; cell: string } | null {
    const s = this.world.selection;
    if (!s) return null;
    return {
      sheet: s.sheet,
      cell: new FakeRange(this.world, this.world.active, s.area).Address(false, false),
    };
  }

  setProtected(sheet: string, on: boolean, allowFormattingCells = false): void {
    const d = this.data(sheet);
    d.protect = on;
    d.allowFormattingCells = allowFormattingCells;
  }

  /** Protects the workbook structure (sheets cannot be added or renamed). */
  setStructureProtected(on: boolean): void {
    this.world.protectStructure = on;
  }

  /** A user typing into a cell: goes through the same path (and events) as any write, off the count. */
  userEdit(sheet: string, a1: string, value: CellValue): void {
    const ws = this.world.sheets.find((s) => s._data.name === sheet)!;
    const saved = this.bridge.calls;
    const range = new FakeRange(this.world, ws, parseRangeOrThrow(a1));
    range.Value2 = value;
    this.bridge.calls = saved;
  }

  /** The user inserts `count` rows before row `at` (0-based): cells and merged areas below move down. */
  insertRows(sheet: string, at: number, count = 1): void {
    this.data(sheet).shiftRows(at, count);
  }

  /** The user deletes `count` rows from row `at` (0-based): those below move up. */
  deleteRows(sheet: string, at: number, count = 1): void {
    this.data(sheet).shiftRows(at, -count);
  }

  /** The user picks a fill ("#RRGGBB", or null for none). Fills raise no SheetChange in ET. */
  userFill(sheet: string, a1: string, color: string | null): void {
    const p = parseA1(a1)!;
    this.data(sheet).cell(p.row, p.col).fill = color ? rgbToBgr(color) : null;
  }

  /** Makes every later write to this cell throw (simulates a bridge error half-way through a batch). */
  failWritesTo(sheet: string, a1: string): void {
    const p = parseA1(a1)!;
    this.data(sheet).failCells.add(`${p.row},${p.col}`);
  }

  /** Resolves once every SheetChange scheduled so far ("async" events) has been delivered: no sleeping. */
  async settled(): Promise<void> {
    for (let i = 0; (this.world.pending ?? 0) > 0 && i < 1000; i++)
      await new Promise((r) => setTimeout(r, 0));
  }

  listenerCount(event: string): number {
    return this.world.listeners.get(event)?.length ?? 0;
  }

  panes(): FakeTaskPane[] {
    return this.application._allPanes();
  }
}

function parseRangeOrThrow(a1: string) {
  const p = parseA1(a1);
  if (!p) throw new Error(`bad address ${a1}`);
  return { top: p.row, left: p.col, bottom: p.row, right: p.col };
}
