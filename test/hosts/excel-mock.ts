/**
 * A small Excel workbook behind office-addin-mock objects, faithful where the Excel host could cheat:
 * - properties read before `load` + `sync` are office-addin-mock's error strings;
 * - queued operations run in order at `context.sync()`: a load queued before a write sees the old
 *   state, a load queued after it the new one; a batch that fails half way keeps what ran before the
 *   failure, as Excel does (it is not a transaction);
 * - writes to locked cells of a protected sheet fail with AccessDenied; APIs newer than the
 *   simulated ExcelApi version fail the whole sync with ApiNotFound;
 * - strings written through `values` are parsed as Excel parses typed input ("=…" → formula,
 *   "100%" → 1, a leading apostrophe → text);
 * - every `context.sync()` is counted.
 * Change events (which office-addin-mock lacks) are simulated as Excel raises them: value writes
 * (ours and `userEdit`) raise onChanged; fill and format writes raise onFormatChanged only (logged in
 * `formatEvents`); from ExcelApi 1.14 every event carries `triggerSource` ("ThisLocalAddin" for the
 * add-in's own writes). Merged areas come back as Excel returns them (office-js#3611: only areas
 * whose top-left cell is inside the range). `platform: "web"` fails a sync whose response would
 * exceed Excel on the web's 5 MB. `insertRows` / `deleteRows` move cells, fills and merged areas.
 * Office.context.document.settings are per session and kept only once saveAsync succeeds.
 * workbook.properties.custom (ExcelApi 1.7) belongs to the workbook, so every session sees it; as
 * documented, keys ignore case, add() sets an existing key, and outside the web a value is trimmed to
 * 255 characters (a key over 255 is refused here, as Excel refuses it for worksheet properties).
 * Cell edit mode (`startEdit` / `endEdit`): as documented for Excel.RunOptions.delayForCellEdit,
 * every sync of a batch run without that option fails whole (nothing in it runs), one run with it
 * waits until the user leaves edit mode and then goes ahead.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue, Grid, MergedArea } from "../../src/engine/grid";
import { parseA1, parseRange, rangeToA1, toA1 } from "../../src/engine/grid";
import type { DocumentSettings } from "../../src/hosts/excel/state";

export interface MockSheetInit {
  grid: Grid;
  /** Existing fills: { H12: "#FFFF00" }. */
  fills?: Record<string, string>;
  protected?: boolean;
  /** Cells left unlocked on a protected sheet (everything else is locked, as in Excel). */
  unlocked?: string[];
  /** Protection option "Format cells". */
  allowFormatCells?: boolean;
}

export interface MockOptions {
  /** Highest ExcelApi version the simulated Excel supports ("1.14", "1.13", "1.9", "1.8", "1.1"). */
  api?: string;
  active?: string;
  /** "web": a sync whose loaded data exceeds `payloadLimit` fails, as Excel on the web does. */
  platform?: "desktop" | "web";
  /** Bytes a web response may hold (default 5 MB). */
  payloadLimit?: number;
  /**
   * Loading `areas` of a null RangeAreas fails the sync with GeneralException, as a strict client
   * does (a client stricter than the host assumes).
   */
  strictNullObjects?: boolean;
  /** true: a client that predates Excel.RunOptions.delayForCellEdit and ignores it. */
  ignoresDelayForCellEdit?: boolean;
  /** false: an Office without Office.context.document.settings. */
  documentSettings?: boolean;
}

interface Cell {
  value: CellValue;
  formula: string | null;
  format: string | null;
  text: string | null;
  fill: string | null;
  locked: boolean;
}

interface SheetState {
  id: string;
  name: string;
  cells: Map<string, Cell>;
  merges: MergedArea[];
  protected: boolean;
  allowFormatCells: boolean;
  /** Formula → value as first read, so restoring a formula restores its value too. */
  formulaValues: Map<string, CellValue>;
}

type Op = { kind: "load"; obj: LiveObject; paths: string[] } | { kind: "run"; run: () => void };

interface LiveObject {
  mock: OfficeMockObject;
  provide(path: string): unknown;
  /** Called when a load of this object runs (e.g. to set isNullObject). */
  onLoad?(): void;
  loaded: Set<string>;
}

export interface ChangeEvent {
  worksheetId: string;
  address: string;
  source: "Local" | "Remote";
  changeType: string;
  type: "WorksheetChanged";
  /** ExcelApi 1.14: "ThisLocalAddin" for the add-in's own writes, "Unknown" otherwise. */
  triggerSource?: string;
}

const NOT_LOADED = "Error, property was not loaded";

export class MockError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = want.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** What Excel stores when a value is written as if typed. */
function typed(v: unknown): { value: CellValue; formula: string | null } {
  if (typeof v === "number" || typeof v === "boolean") return { value: v, formula: null };
  if (v === null || v === undefined || v === "") return { value: null, formula: null };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1), formula: null };
  const num = /^\s*([+-]?\d[\d,]*(?:\.\d+)?)\s*(%?)\s*$/.exec(s);
  if (num) return { value: Number(num[1].replace(/,/g, "")) / (num[2] ? 100 : 1), formula: null };
  if (/^(true|false)$/i.test(s)) return { value: s.toUpperCase() === "TRUE", formula: null };
  if (/^[=+\-@]/.test(s)) return { value: "#NAME?", formula: s.startsWith("=") ? s : "=" + s };
  return { value: s, formula: null };
}

function display(c: Cell | undefined): string {
  if (!c || c.value === null) return "";
  if (c.text !== null) return c.text;
  if (typeof c.value === "boolean") return c.value ? "TRUE" : "FALSE";
  if (typeof c.value === "number" && c.format && c.format.includes("%")) {
    const d = /0\.(0+)/.exec(c.format)?.[1].length ?? 0;
    return (c.value * 100).toFixed(d) + "%";
  }
  return String(c.value);
}

export class MockWorkbook {
  syncs = 0;
  readonly api: string;
  readonly platform: "desktop" | "web";
  readonly payloadLimit: number;
  private readonly strictNullObjects: boolean;
  /** onFormatChanged events Excel would raise (fills, number formats): never onChanged. */
  readonly formatEvents: { sheet: string; address: string }[] = [];
  /** Every sync that failed, with its error code. */
  readonly failures: string[] = [];
  /** Cells written per sync (for assertions on what a failed batch left behind). */
  readonly writeLog: { sheet: string; cell: string }[] = [];
  selection: { sheet: string; address: string } | null = null;
  /**
   * Office.context.document.settings as saved in the document. Each excelApi() is a new pane session:
   * it loads these, `set` / `remove` change only its own copy, and only `saveAsync` writes them back.
   */
  readonly savedSettings = new Map<string, string>();
  /** saveAsync answers "failed" (a read-only document). */
  settingsSaveFails = false;
  private readonly hasDocumentSettings: boolean;
  /** workbook.properties.custom by lower-case key: saved with the workbook, shared by every session. */
  readonly customProperties = new Map<string, { key: string; value: unknown }>();
  /** Every Excel.run, with whether it asked to wait out cell edit mode. */
  readonly runs: { delayForCellEdit: boolean }[] = [];
  /** The error code a sync fails with while the user edits a cell (null: not editing). */
  private editCode: string | null = null;
  private editWaiters: (() => void)[] = [];
  private readonly honoursDelay: boolean;
  /** Syncs that waited for the user to leave cell edit mode. */
  delayedSyncs = 0;

  /**
   * The user starts typing in a cell. Excel desktop answers InvalidOperationInCellEditMode; some
   * clients answer the plain InvalidOperation (pass it to simulate them).
   */
  startEdit(code: "InvalidOperationInCellEditMode" | "InvalidOperation" = "InvalidOperationInCellEditMode") {
    this.editCode = code;
  }

  /** The user presses Enter or Esc: waiting batches go ahead. */
  endEdit(): void {
    this.editCode = null;
    const waiters = this.editWaiters;
    this.editWaiters = [];
    for (const w of waiters) w();
  }

  private readonly sheets: SheetState[] = [];
  private active: string;
  private ops: Op[] = [];
  private internal = false;
  private readonly handlers = new Set<(e: ChangeEvent) => unknown>();
  private pendingEvents: ChangeEvent[] = [];

  constructor(inits: MockSheetInit[], options: MockOptions = {}) {
    this.api = options.api ?? "1.13";
    this.platform = options.platform ?? "desktop";
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.strictNullObjects = !!options.strictNullObjects;
    this.hasDocumentSettings = options.documentSettings !== false;
    this.honoursDelay = !options.ignoresDelayForCellEdit;
    inits.forEach((init, i) => {
      const s: SheetState = {
        id: `{0000000${i}-SHEET}`,
        name: init.grid.name,
        cells: new Map(),
        merges: init.grid.merges.map((m) => ({ ...m })),
        protected: !!init.protected,
        allowFormatCells: !!init.allowFormatCells,
        formulaValues: new Map(),
      };
      init.grid.values.forEach((row, r) =>
        (row ?? []).forEach((value, c) => {
          if (value === null || value === undefined) return;
          const formula = init.grid.formulas?.[r]?.[c] ?? null;
          const cell: Cell = {
            value,
            formula,
            format: init.grid.formats?.[r]?.[c] ?? null,
            text: init.grid.text?.[r]?.[c] ?? null,
            fill: null,
            locked: true,
          };
          s.cells.set(toA1(r, c), cell);
          if (formula) s.formulaValues.set(`${toA1(r, c)}|${formula}`, value);
        }),
      );
      for (const [a1, color] of Object.entries(init.fills ?? {}))
        this.cell(s, a1.toUpperCase(), true).fill = color.toUpperCase();
      for (const a1 of init.unlocked ?? []) this.cell(s, a1.toUpperCase(), true).locked = false;
      this.sheets.push(s);
    });
    this.active = options.active ?? this.sheets[0].name;
  }

  // --- what tests use ----------------------------------------------------------------------------

  isSetSupported = (version: string): boolean => versionAtLeast(this.api, version);

  /** An ExcelApi for ExcelHost: a fresh request context per run, as Excel.run gives. */
  excelApi() {
    const settings = this.officeSettings();
    return {
      run: <T>(
        batch: (context: Excel.RequestContext) => Promise<T>,
        options?: { delayForCellEdit?: boolean },
      ): Promise<T> => {
        this.runs.push({ delayForCellEdit: !!options?.delayForCellEdit });
        const delay = !!options?.delayForCellEdit && this.honoursDelay;
        return batch(this.context(delay) as unknown as Excel.RequestContext);
      },
      runIn: <T>(
        context: Excel.RequestContext,
        batch: (context: Excel.RequestContext) => Promise<T>,
      ): Promise<T> => batch(context),
      isSetSupported: this.isSetSupported,
      documentSettings: () => settings,
    };
  }

  /**
   * Office.context.document.settings of one session, through office-addin-mock as the Office common
   * API is mocked: values are stored as JSON (as Office serialises them), get of a missing name is
   * null, saveAsync answers through its callback after the call returns.
   */
  private officeSettings(): DocumentSettings | null {
    if (!this.hasDocumentSettings) return null;
    const live = new Map(this.savedSettings);
    const office = new OfficeMockObject({
      context: {
        document: {
          settings: {
            get: (name: string) => (live.has(name) ? (JSON.parse(live.get(name)!) as unknown) : null),
            set: (name: string, value: unknown) => {
              if (typeof value === "function" || value === undefined)
                throw new MockError("InvalidArgument", "settings.set: not serialisable");
              live.set(name, JSON.stringify(value));
            },
            remove: (name: string) => {
              live.delete(name);
            },
            saveAsync: (callback?: (r: { status: string; error?: { message: string } }) => void) => {
              setTimeout(() => {
                if (this.settingsSaveFails) {
                  callback?.({ status: "failed", error: { message: "The document is read-only." } });
                  return;
                }
                this.savedSettings.clear();
                for (const [k, v] of live) this.savedSettings.set(k, v);
                callback?.({ status: "succeeded" });
              }, 0);
            },
          },
        },
      },
    }) as unknown as { context: { document: { settings: DocumentSettings } } };
    return office.context.document.settings;
  }

  value(sheet: string, a1: string): CellValue {
    return this.sheet(sheet).cells.get(a1.toUpperCase())?.value ?? null;
  }

  formula(sheet: string, a1: string): string | null {
    return this.sheet(sheet).cells.get(a1.toUpperCase())?.formula ?? null;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  fill(sheet: string, a1: string): string | null {
    return this.sheet(sheet).cells.get(a1.toUpperCase())?.fill ?? null;
  }

  setProtected(sheet: string, on: boolean): void {
    this.sheet(sheet).protected = on;
  }

  /** The user typing into a cell: changes it and raises a change event. */
  userEdit(sheet: string, a1: string, value: CellValue): void {
    const s = this.sheet(sheet);
    const c = this.cell(s, a1.toUpperCase(), true);
    Object.assign(c, typed(value), { text: null });
    this.pendingEvents.push({
      worksheetId: s.id,
      address: a1.toUpperCase(),
      source: "Local",
      changeType: "RangeEdited",
      type: "WorksheetChanged",
      ...(this.isSetSupported("1.14") ? { triggerSource: "Unknown" } : {}),
    });
    this.flushEvents();
  }

  /** The user inserts `count` rows before row `at` (0-based): cells, fills and merged areas below move down. */
  insertRows(sheet: string, at: number, count = 1): void {
    this.shiftRows(this.sheet(sheet), at, count);
  }

  /** The user deletes `count` rows from row `at` (0-based): cells there are gone, those below move up. */
  deleteRows(sheet: string, at: number, count = 1): void {
    this.shiftRows(this.sheet(sheet), at, -count);
  }

  /** The user picks a fill for a cell (raises onFormatChanged, not onChanged). */
  userFill(sheet: string, a1: string, color: string | null): void {
    this.cell(this.sheet(sheet), a1.toUpperCase(), true).fill = color ? color.toUpperCase() : null;
    this.formatEvents.push({ sheet, address: a1.toUpperCase() });
  }

  private shiftRows(s: SheetState, at: number, delta: number): void {
    const moved = new Map<string, Cell>();
    for (const [a1, c] of s.cells) {
      const p = parseA1(a1)!;
      if (p.row < at) moved.set(a1, c);
      else if (delta < 0 && p.row < at - delta)
        continue; // deleted
      else moved.set(toA1(p.row + delta, p.col), c);
    }
    s.cells = moved;
    const merges: MergedArea[] = [];
    for (const m of s.merges) {
      if (m.bottom < at) merges.push(m);
      else if (delta > 0 && m.top >= at) merges.push({ ...m, top: m.top + delta, bottom: m.bottom + delta });
      else if (delta < 0 && m.top >= at - delta)
        merges.push({ ...m, top: m.top + delta, bottom: m.bottom + delta });
      // Areas the insert or delete cuts through are dropped (Excel would resize them; not needed here).
    }
    s.merges = merges;
    this.pendingEvents.push({
      worksheetId: s.id,
      address: `${at + 1}:${at + Math.abs(delta)}`,
      source: "Local",
      changeType: delta > 0 ? "RowInserted" : "RowDeleted",
      type: "WorksheetChanged",
      ...(this.isSetSupported("1.14") ? { triggerSource: "Unknown" } : {}),
    });
    this.flushEvents();
  }

  handlerCount(): number {
    return this.handlers.size;
  }

  // --- state helpers -------------------------------------------------------------------------------

  private sheet(nameOrId: string): SheetState {
    const s = this.sheets.find((x) => x.name === nameOrId || x.id === nameOrId);
    if (!s) throw new Error(`no sheet ${nameOrId}`);
    return s;
  }

  private cell(s: SheetState, a1: string, create: boolean): Cell {
    let c = s.cells.get(a1);
    if (!c && create) {
      c = { value: null, formula: null, format: null, text: null, fill: null, locked: true };
      s.cells.set(a1, c);
    }
    return c!;
  }

  private cellsOf(area: MergedArea): string[][] {
    const out: string[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: string[] = [];
      for (let c = area.left; c <= area.right; c++) row.push(toA1(r, c));
      out.push(row);
    }
    return out;
  }

  private usedArea(s: SheetState): MergedArea | null {
    let area: MergedArea | null = null;
    for (const [a1, c] of s.cells) {
      if (c.value === null && !c.formula) continue;
      const p = parseA1(a1)!;
      if (!area) area = { top: p.row, left: p.col, bottom: p.row, right: p.col };
      else {
        area.top = Math.min(area.top, p.row);
        area.left = Math.min(area.left, p.col);
        area.bottom = Math.max(area.bottom, p.row);
        area.right = Math.max(area.right, p.col);
      }
    }
    return area;
  }

  // --- the batch machinery -------------------------------------------------------------------------

  /** Queues a check that the simulated Excel has an API; the sync fails if not. */
  private need(version: string, what: string): void {
    if (this.isSetSupported(version)) return;
    this.ops.push({
      kind: "run",
      run: () => {
        throw new MockError("ApiNotFound", `${what} needs ExcelApi ${version}`);
      },
    });
  }

  private queue(run: () => void): void {
    this.ops.push({ kind: "run", run });
  }

  /** An office-addin-mock object whose loads are recorded as operations and answered from the workbook. */
  private liveObject(
    data: Record<string, unknown>,
    provide: (path: string) => unknown,
    loadNeeds?: Record<string, string>,
  ): LiveObject {
    const mock = new OfficeMockObject(data, "excel" as never);
    const obj: LiveObject = { mock, provide, loaded: new Set() };
    const wrap = (m: OfficeMockObject, prefix: string) => {
      const own = m as unknown as Record<string, unknown> & { load: (a?: unknown) => unknown };
      const original = OfficeMockObject.prototype.load;
      own.load = (arg?: unknown) => {
        const list = typeof arg === "string" ? arg.split(",") : Array.isArray(arg) ? (arg as string[]) : null;
        if (!list) throw new Error("mock: load takes a string or an array of property paths");
        const paths = list.map((p) => p.trim()).filter(Boolean);
        for (const [prefixNeed, version] of Object.entries(loadNeeds ?? {})) {
          if ((prefix + paths.join(",")).includes(prefixNeed)) this.need(version, prefixNeed);
        }
        this.ops.push({ kind: "load", obj, paths: paths.map((p) => prefix + p) });
        this.internal = true;
        try {
          original.call(m, paths);
        } finally {
          this.internal = false;
        }
        return m;
      };
      const props = (m as unknown as { _properties: Map<string, { _isObject?: boolean }> })._properties;
      for (const [key, child] of props)
        if (child._isObject) wrap(child as unknown as OfficeMockObject, prefix + key + "/");
    };
    wrap(mock, "");
    return obj;
  }

  /** Makes `obj[key]` record a write when the code under test assigns it. */
  private writable(target: object, key: string, onWrite: (v: unknown) => void): void {
    let current: unknown = (target as Record<string, unknown>)[key];
    Object.defineProperty(target, key, {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (v: unknown) => {
        if (!this.internal) onWrite(v);
        current = v;
      },
    });
  }

  /** Syncs running and event deliveries not yet handled (see settled()). */
  private busy = 0;

  private async sync(delayForCellEdit = false): Promise<void> {
    this.busy++;
    try {
      if (this.editCode !== null && delayForCellEdit) {
        this.delayedSyncs++;
        await new Promise<void>((resolve) => this.editWaiters.push(resolve));
      }
      if (this.editCode !== null) {
        // The whole batch is refused: none of its queued operations run.
        this.syncs++;
        this.ops = [];
        this.failures.push(this.editCode);
        throw new MockError(this.editCode, "The operation isn't available while Excel is in Edit cell mode.");
      }
      await this.runSync();
    } finally {
      this.busy--;
    }
  }

  private async runSync(): Promise<void> {
    this.syncs++;
    const ops = this.ops;
    this.ops = [];
    const loadedNow: LiveObject[] = [];
    let payload = 0;
    try {
      for (const op of ops) {
        if (op.kind === "run") op.run();
        else {
          payload += this.deposit(op.obj, op.paths);
          op.obj.onLoad?.();
          if (!loadedNow.includes(op.obj)) loadedNow.push(op.obj);
        }
      }
      // Excel on the web: the response (what was loaded) is limited; desktop Excel has no such limit.
      if (this.platform === "web" && payload > this.payloadLimit)
        throw new MockError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit. Please refer to the documentation.",
        );
    } catch (e) {
      this.failures.push(e instanceof MockError ? e.code : "Error");
      this.flushEvents();
      throw e;
    }
    this.internal = true;
    try {
      for (const obj of loadedNow) await OfficeMockObject.prototype.sync.call(obj.mock);
      await new Promise((r) => setTimeout(r, 0)); // office-addin-mock syncs children in detached promises
      for (const obj of loadedNow) this.reveal(obj);
    } finally {
      this.internal = false;
    }
    this.flushEvents();
  }

  /** Puts the current workbook state behind each loaded path, as of this point in the batch. */
  private deposit(obj: LiveObject, paths: string[]): number {
    let bytes = 0;
    for (const path of paths) {
      const segs = path.split("/");
      let m = obj.mock as unknown as { _properties: Map<string, unknown> };
      for (const s of segs.slice(0, -1)) m = m._properties.get(s) as typeof m;
      const leaf = m._properties.get(segs[segs.length - 1]) as { _valueBeforeLoaded: unknown } | undefined;
      if (!leaf) throw new Error(`mock: no property ${path}`);
      const value = obj.provide(path);
      leaf._valueBeforeLoaded = value;
      obj.loaded.add(path);
      if (this.platform === "web") bytes += new TextEncoder().encode(JSON.stringify(value ?? null)).length;
    }
    return bytes;
  }

  private reveal(obj: LiveObject): void {
    for (const path of obj.loaded) {
      const segs = path.split("/");
      let m = obj.mock as unknown as Record<string, unknown> & { _properties: Map<string, unknown> };
      for (const s of segs.slice(0, -1)) m = m._properties.get(s) as typeof m;
      const key = segs[segs.length - 1];
      const leaf = m._properties.get(key) as { _value: unknown };
      m[key] = leaf._value;
    }
  }

  private flushEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    if (events.length === 0) return;
    const handlers = [...this.handlers];
    this.busy++;
    // Excel delivers events after the batch, asynchronously; handlers may themselves run batches.
    setTimeout(() => {
      const running: Promise<unknown>[] = [];
      for (const e of events)
        for (const h of handlers) running.push(Promise.resolve(h(e)).catch(() => undefined));
      void Promise.all(running).finally(() => this.busy--);
    }, 0);
  }

  /**
   * Resolves once no sync is running and every event raised so far has been handled (including the
   * batches handlers run): tests wait for this instead of sleeping.
   */
  async settled(): Promise<void> {
    for (let quiet = 0, i = 0; quiet < 3 && i < 10000; i++) {
      await new Promise((r) => setTimeout(r, 0));
      quiet = this.busy === 0 ? quiet + 1 : 0;
    }
  }

  // --- the object model ----------------------------------------------------------------------------

  private context(delayForCellEdit = false): Record<string, unknown> {
    const ctx = new OfficeMockObject({ workbook: {} }, "excel" as never) as unknown as Record<
      string,
      unknown
    > & { workbook: Record<string, unknown> };
    ctx.sync = () => this.sync(delayForCellEdit);
    ctx.workbook.worksheets = this.worksheets(ctx);
    ctx.workbook.properties = { custom: this.customCollection() };
    return ctx;
  }

  /** workbook.properties.custom: items (loaded), add, getItem(key).delete(). */
  private customCollection(): OfficeMockObject {
    const coll = this.liveObject(
      { items: [] },
      (path) => {
        if (path !== "items") throw new Error(`mock: properties.custom.${path}`);
        return [...this.customProperties.values()].map((p) => ({
          key: p.key,
          value: p.value,
          type: typeof p.value === "number" ? "Number" : "String",
        }));
      },
      { items: "1.7" },
    );
    const m = coll.mock as unknown as Record<string, unknown>;
    const originalLoad = m.load as (a: string) => unknown;
    m.load = (arg: string) => originalLoad(String(arg).includes("items") ? "items" : arg);
    m.add = (key: string, value: unknown) => {
      this.need("1.7", "CustomPropertyCollection.add");
      this.queue(() => {
        if (key.length > 255)
          throw new MockError("InvalidArgument", "custom property key over 255 characters");
        const trimmed = typeof value === "string" && this.platform !== "web" ? value.slice(0, 255) : value;
        this.customProperties.set(key.toLowerCase(), { key, value: trimmed });
      });
    };
    m.getItem = (key: string) => ({
      delete: () =>
        this.queue(() => {
          if (!this.customProperties.delete(key.toLowerCase()))
            throw new MockError("ItemNotFound", `custom property ${key} not found`);
        }),
    });
    return coll.mock;
  }

  private worksheets(ctx: unknown): OfficeMockObject {
    const coll = this.liveObject({ items: [] }, (path) => {
      if (path !== "items") throw new Error(`mock: worksheets.${path}`);
      return this.sheets.map((s) => ({ name: s.name, id: s.id }));
    });
    const m = coll.mock as unknown as Record<string, unknown>;
    const originalLoad = m.load as (a: string) => unknown;
    // "items/name" → the collection's items (office-addin-mock has no collections).
    m.load = (arg: string) =>
      originalLoad(
        String(arg)
          .split(",")
          .some((p) => p.trim().startsWith("items"))
          ? "items"
          : arg,
      );
    m.getItem = (key: string) => {
      const s = this.sheets.find((x) => x.name === key || x.id === key);
      if (!s)
        this.queue(() => {
          throw new MockError("ItemNotFound", `worksheet ${key} not found`);
        });
      return this.worksheet(s ?? this.sheets[0], false, ctx);
    };
    m.getActiveWorksheet = () => this.worksheet(this.sheet(this.active), true, ctx);
    m.add = (name: string) => {
      const s: SheetState = {
        id: `{NEW-${name}}`,
        name,
        cells: new Map(),
        merges: [],
        protected: false,
        allowFormatCells: false,
        formulaValues: new Map(),
      };
      this.queue(() => {
        if (this.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()))
          throw new MockError("ItemAlreadyExists", `sheet ${name} exists`);
        if (name.length > 31 || /[:\\/?*[\]]/.test(name))
          throw new MockError("InvalidArgument", `bad sheet name ${name}`);
        this.sheets.push(s);
      });
      return this.worksheet(s, false, ctx);
    };
    m.onChanged = {
      add: (handler: (e: ChangeEvent) => unknown) => {
        this.need("1.9", "worksheets.onChanged"); // WorksheetCollection.onChanged is ExcelApi 1.9
        this.queue(() => this.handlers.add(handler));
        return {
          context: ctx,
          remove: () => this.queue(() => this.handlers.delete(handler)),
        };
      },
    };
    return coll.mock;
  }

  private worksheet(s: SheetState, activeAtSync: boolean, ctx: unknown): OfficeMockObject {
    // The active sheet is resolved when the batch runs, not when it is queued.
    const target = () => (activeAtSync ? this.sheet(this.active) : s);
    const obj = this.liveObject(
      { name: "", id: "", protection: { protected: false, options: { allowFormatCells: false } } },
      (path) => {
        const t = target();
        if (path === "name") return t.name;
        if (path === "id") return t.id;
        if (path === "protection/protected") return t.protected;
        if (path === "protection/options/allowFormatCells") return t.allowFormatCells;
        throw new Error(`mock: worksheet.${path}`);
      },
      { "protection/": "1.2" },
    );
    const m = obj.mock as unknown as Record<string, unknown>;
    m.getRange = (address: string) => this.range(target, () => parseRange(address));
    m.getUsedRange = (valuesOnly?: boolean) => {
      if (valuesOnly !== undefined) this.need("1.2", "getUsedRange(valuesOnly)");
      return this.range(target, () => this.usedArea(target()) ?? { top: 0, left: 0, bottom: 0, right: 0 });
    };
    m.getUsedRangeOrNullObject = (_valuesOnly?: boolean) => {
      this.need("1.4", "getUsedRangeOrNullObject");
      return this.range(target, () => this.usedArea(target()), true);
    };
    m.activate = () => this.queue(() => (this.active = target().name));
    // Worksheet.onChanged is ExcelApi 1.7: events of this sheet only.
    m.onChanged = {
      add: (handler: (e: ChangeEvent) => unknown) => {
        this.need("1.7", "worksheet.onChanged");
        const own = (e: ChangeEvent) => (e.worksheetId === target().id ? handler(e) : undefined);
        this.queue(() => this.handlers.add(own));
        return { context: ctx, remove: () => this.queue(() => this.handlers.delete(own)) };
      },
    };
    return obj.mock;
  }

  private range(
    sheetOf: () => SheetState,
    areaOf: () => MergedArea | null,
    orNull = false,
  ): OfficeMockObject {
    const cellData = {
      values: [],
      text: [],
      numberFormat: [],
      formulas: [],
      address: "",
      rowIndex: 0,
      columnIndex: 0,
      rowCount: 0,
      columnCount: 0,
    };
    let area: MergedArea | null = null;
    const resolve = () => {
      area = areaOf();
      if (!area && !orNull) throw new MockError("InvalidArgument", "bad address");
      return area;
    };
    const grid = <T>(f: (a1: string, c: Cell | undefined) => T): T[][] =>
      this.cellsOf(resolve()!).map((row) => row.map((a1) => f(a1, sheetOf().cells.get(a1))));
    const same = <T>(vals: T[][]): T | null => {
      const flat = vals.flat();
      return flat.every((v) => v === flat[0]) ? flat[0] : null;
    };
    const obj = this.liveObject(
      { ...cellData, format: { fill: { color: "" }, protection: { locked: true } } },
      (path) => {
        const a = resolve();
        if (!a) return NOT_LOADED;
        switch (path) {
          case "values":
            return grid((_, c) => c?.value ?? "");
          case "text":
            return grid((_, c) => display(c));
          case "numberFormat":
            return grid((_, c) => c?.format ?? "General");
          case "formulas":
            return grid((_, c) => c?.formula ?? c?.value ?? "");
          case "address":
            return `${quoteSheet(sheetOf().name)}!${rangeToA1(a)}`;
          case "rowIndex":
            return a.top;
          case "columnIndex":
            return a.left;
          case "rowCount":
            return a.bottom - a.top + 1;
          case "columnCount":
            return a.right - a.left + 1;
          case "format/fill/color":
            return same(grid((_, c) => c?.fill ?? "#FFFFFF"));
          case "format/protection/locked":
            return same(grid((_, c) => c?.locked ?? true));
          default:
            throw new Error(`mock: range.${path}`);
        }
      },
      { "format/protection": "1.2" },
    );
    const m = obj.mock as unknown as Record<string, unknown> & {
      format: Record<string, Record<string, unknown>>;
    };
    if (orNull) obj.onLoad = () => (m.isNullObject = resolve() === null);
    else m.isNullObject = false;

    const write = (what: (s: SheetState, a1: string, i: number, j: number) => void, needsFormat: boolean) => {
      this.queue(() => {
        const s = sheetOf();
        const a = resolve()!;
        this.cellsOf(a).forEach((row, i) =>
          row.forEach((a1, j) => {
            const c = s.cells.get(a1);
            if (
              s.protected &&
              ((!needsFormat && (c?.locked ?? true)) || (needsFormat && !s.allowFormatCells))
            ) {
              throw new MockError("AccessDenied", `${s.name}!${a1} is protected`);
            }
            what(s, a1, i, j);
            this.writeLog.push({ sheet: s.name, cell: a1 });
          }),
        );
        // Excel raises onChanged for values and formulas; fills and formats raise onFormatChanged.
        if (needsFormat) this.formatEvents.push({ sheet: s.name, address: rangeToA1(a) });
        else
          this.pendingEvents.push({
            worksheetId: s.id,
            address: rangeToA1(a),
            source: "Local",
            changeType: "RangeEdited",
            type: "WorksheetChanged",
            ...(this.isSetSupported("1.14") ? { triggerSource: "ThisLocalAddin" } : {}),
          });
      });
    };
    const cellValues = (v: unknown, i: number, j: number) =>
      Array.isArray(v) ? ((v as unknown[][])[i]?.[j] ?? (v as unknown[][])[0][0]) : v;
    this.writable(m, "values", (v) =>
      write(
        (s, a1, i, j) => Object.assign(this.cell(s, a1, true), typed(cellValues(v, i, j)), { text: null }),
        false,
      ),
    );
    this.writable(m, "formulas", (v) =>
      write((s, a1, i, j) => {
        const f = cellValues(v, i, j);
        const c = this.cell(s, a1, true);
        if (typeof f === "string" && f.startsWith("=")) {
          c.formula = f;
          c.value = s.formulaValues.get(`${a1}|${f}`) ?? "#CALC!";
          c.text = null;
        } else Object.assign(c, typed(f), { text: null });
      }, false),
    );
    this.writable(m, "numberFormat", (v) =>
      write((s, a1, i, j) => {
        this.cell(s, a1, true).format = String(cellValues(v, i, j));
      }, true),
    );
    const fill = m.format.fill;
    this.writable(fill, "color", (v) =>
      write((s, a1) => {
        this.cell(s, a1, true).fill = String(v).toUpperCase();
      }, true),
    );
    fill.clear = () =>
      write((s, a1) => {
        this.cell(s, a1, true).fill = null;
      }, true);
    m.select = () =>
      this.queue(() => (this.selection = { sheet: sheetOf().name, address: rangeToA1(resolve()!) }));
    m.getCellProperties = (spec: {
      format?: { fill?: { color?: boolean; pattern?: boolean }; protection?: boolean };
    }) => {
      this.need("1.9", "getCellProperties");
      let ready = false;
      let value: unknown = null;
      this.queue(() => {
        value = grid((_, c) => {
          const format: Record<string, unknown> = {};
          if (spec.format?.fill) {
            const f: Record<string, unknown> = {};
            if (spec.format.fill.color) f.color = c?.fill ?? "#FFFFFF";
            if (spec.format.fill.pattern) f.pattern = c?.fill ? "Solid" : "None";
            format.fill = f;
          }
          if (spec.format?.protection)
            format.protection = { locked: c?.locked ?? true, formulaHidden: false };
          return { format };
        });
        ready = true;
      });
      return {
        get value() {
          if (!ready) throw new Error("PropertyNotLoaded: call context.sync() first");
          return value;
        },
      };
    };
    m.getMergedAreasOrNullObject = () => {
      this.need("1.13", "getMergedAreasOrNullObject");
      let found: MergedArea[] = [];
      // office-js#3611: Excel returns only the areas whose top-left cell is inside the range (each
      // whole, even where it reaches past the range's edge).
      const find = () => {
        const a = resolve();
        found = a
          ? sheetOf().merges.filter(
              (x) => x.top >= a.top && x.top <= a.bottom && x.left >= a.left && x.left <= a.right,
            )
          : [];
      };
      const areas = this.liveObject({ address: "", areaCount: 0 }, (path) => {
        if (path === "address")
          return found.map((x) => `${quoteSheet(sheetOf().name)}!${rangeToA1(x)}`).join(", ");
        if (path === "areaCount") return found.length;
        throw new Error(`mock: rangeAreas.${path}`);
      });
      const am = areas.mock as unknown as Record<string, unknown>;
      areas.onLoad = () => {
        find();
        am.isNullObject = found.length === 0;
        // provide() ran before onLoad for this op: refresh now that the areas are known.
        this.deposit(areas, [...areas.loaded]);
      };
      // RangeAreas.areas (a RangeCollection): each area's indexes and counts.
      const coll = this.liveObject({ items: [] }, (path) => {
        if (path !== "items") throw new Error(`mock: rangeAreas.areas.${path}`);
        find();
        if (found.length === 0 && this.strictNullObjects)
          throw new MockError(
            "GeneralException",
            "There was an internal error while processing the request.",
          );
        return found.map((x) => ({
          rowIndex: x.top,
          columnIndex: x.left,
          rowCount: x.bottom - x.top + 1,
          columnCount: x.right - x.left + 1,
          address: `${quoteSheet(sheetOf().name)}!${rangeToA1(x)}`,
        }));
      });
      const cm = coll.mock as unknown as Record<string, unknown>;
      const originalLoad = cm.load as (a: string) => unknown;
      // "items/rowIndex, …" → the collection's items (office-addin-mock has no collections).
      cm.load = (arg: string) => originalLoad(String(arg).includes("items") ? "items" : arg);
      am.areas = coll.mock;
      return areas.mock;
    };
    return obj.mock;
  }
}
