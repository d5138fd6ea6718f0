/**
 * The fake ET object classes (Application, Workbook, Sheets, Worksheet, Range, Interior, ApiEvent,
 * CustomTaskpane, PluginStorage). Synchronous and COM-like, as WPS's ET JS API is:
 * - Range.Value2 is a scalar for one cell (undefined when empty) and a 2-D array otherwise;
 * - Range.Text and Range.NumberFormat of several cells are null unless every cell agrees;
 * - Range.MergeCells is true / false / null (mixed); MergeArea is the merged area of the first cell;
 * - Address() is a method; Cells.Item(r, c) is 1-based and relative to the range;
 * - Interior.Color is a BGR integer (0xBBGGRR); "no fill" reads Color 16777215 and ColorIndex -4142;
 * - writing a locked cell of a protected sheet, or formatting one without AllowFormattingCells, throws;
 * - a string written through Value2 is parsed as the user's typing would be: "=…" (and "+x", "-x",
 *   "@x") becomes a formula, "12" a number, "12%" a percentage, "'text" text;
 * - a 2-D array written through Value2 fills the range row by row; cells the array does not reach get
 *   #N/A (as in Excel), and a 1-D array is one row;
 * - Worksheets.Add(Before, After, Count, Type) inserts a "SheetN" before the active sheet (or at
 *   Before / after After), activates it and returns it; Worksheet.Name refuses names ET refuses
 *   (empty, over 31 characters, : \ / ? * [ ], or another sheet's name ignoring case).
 * Every access from outside crosses the Bridge and is counted.
 */
import type { CellValue, MergedArea } from "../../../src/engine/grid";
import { colToLetters, parseRange } from "../../../src/engine/grid";
import type { Bridge } from "./bridge";
import { MAX_COLS, MAX_ROWS, NO_FILL_COLOR, SheetData, XL_NONE, fakeText, type FakeCell } from "./sheet";

/** xlWorksheet: the Type of Worksheets.Add. */
const XL_WORKSHEET = -4167;

export type EventDelivery = "sync" | "async" | "none";

/** State shared by every object of one fake application. */
export interface FakeWorld {
  bridge: Bridge;
  sheets: FakeWorksheet[];
  active: FakeWorksheet;
  selection: { sheet: string; area: MergedArea } | null;
  events: EventDelivery;
  listeners: Map<string, ((...args: unknown[]) => void)[]>;
  /** Every write the fake saw, for tests: "Sheet!B4 Value2". */
  writes: string[];
  /** Workbook structure protected (Review → Protect Workbook): sheets cannot be added or renamed. */
  protectStructure?: boolean;
  /** The workbook these sheets belong to (Worksheet.Parent). */
  book?: FakeWorkbook;
  /** Shapes a real WPS bridge is reported to return (see FakeQuirks). */
  quirks: FakeQuirks;
  /** SheetChange deliveries scheduled ("async" events) and not yet made. */
  pending?: number;
}

/** Value shapes reported for real WPS, off by default so the plain fake stays the object model. */
export interface FakeQuirks {
  /** Booleans (Locked, MergeCells, ProtectContents, AllowFormattingCells) cross as COM's -1 / 0. */
  comBooleans?: boolean;
  /** NumberFormat of cells with differing formats is "" instead of null. */
  emptyMixedFormat?: boolean;
  /** General is spelled as Chinese WPS shows it: "G/通用格式". */
  chineseGeneral?: boolean;
  /** Columns too narrow for their numbers ("E"): Range.Text shows "####" there. */
  narrowColumns?: string[];
}

/** A boolean as the bridge hands it over. */
function comBool(world: FakeWorld, v: boolean | null): boolean | number | null {
  if (v === null || !world.quirks.comBooleans) return v;
  return v ? -1 : 0;
}

function addr(area: MergedArea, rowAbs: boolean, colAbs: boolean): string {
  const one = (r: number, c: number) => `${colAbs ? "$" : ""}${colToLetters(c)}${rowAbs ? "$" : ""}${r + 1}`;
  const a = one(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? a : `${a}:${one(area.bottom, area.right)}`;
}

function comError(message: string): Error {
  const e = new Error(message);
  e.name = "ComError";
  return e;
}

/** What typing `s` into a cell produces. */
function parseTyped(s: string): { value: CellValue; formula: string | null; percent: boolean } {
  if (s === "") return { value: null, formula: null, percent: false };
  if (s.startsWith("'")) return { value: s.slice(1), formula: null, percent: false };
  if (/^[+-]?\d+(\.\d+)?$/.test(s.trim())) return { value: Number(s), formula: null, percent: false };
  if (/^[+-]?\d+(\.\d+)?%$/.test(s.trim()))
    return { value: Number(s.trim().slice(0, -1)) / 100, formula: null, percent: true };
  if (/^[=+\-@]/.test(s)) return { value: null, formula: s.startsWith("=") ? s : "=" + s, percent: false };
  return { value: s, formula: null, percent: false };
}

export class FakeInterior {
  constructor(private readonly _range: FakeRange) {}

  private _cells(): FakeCell[] {
    return this._range._allCells(true);
  }

  private _uniform<T>(f: (c: FakeCell) => T): T | null {
    const vals = this._cells().map(f);
    return vals.every((v) => v === vals[0]) ? vals[0] : null;
  }

  get Color(): number | null {
    return this._uniform((c) => (c.fill === null ? NO_FILL_COLOR : c.fill));
  }
  set Color(bgr: number) {
    if (typeof bgr !== "number" || !Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff)
      throw comError("Invalid Color");
    this._range._format(() => this._cells().forEach((c) => (c.fill = bgr)));
  }

  get ColorIndex(): number | null {
    // A real palette index for filled cells is not modelled; any positive index means "has a fill".
    return this._uniform((c) => (c.fill === null ? XL_NONE : 1));
  }
  set ColorIndex(i: number) {
    if (i !== XL_NONE) throw comError("The fake models ColorIndex = xlColorIndexNone (-4142) only");
    this._range._format(() => this._cells().forEach((c) => (c.fill = null)));
  }

  get Pattern(): number | null {
    return this._uniform((c) => (c.fill === null ? XL_NONE : 1 /* xlSolid */));
  }
  set Pattern(p: number) {
    if (p !== XL_NONE) throw comError("The fake models Pattern = xlNone (-4142) only");
    this._range._format(() => this._cells().forEach((c) => (c.fill = null)));
  }
}

/** Range.Font, modelled for Bold only. */
export class FakeFont {
  constructor(private readonly _range: FakeRange) {}

  get Bold(): boolean | null {
    const vals = this._range._allCells().map((c) => c.bold);
    return vals.every((v) => v === vals[0]) ? vals[0] : null;
  }
  set Bold(on: boolean) {
    this._range._format(() => this._range._allCells(true).forEach((c) => (c.bold = on === true)), "Font");
  }
}

export type RangeMode = "cells" | "rows" | "cols";

export class FakeRange {
  constructor(
    readonly _world: FakeWorld,
    readonly _ws: FakeWorksheet,
    readonly _area: MergedArea,
    readonly _mode: RangeMode = "cells",
    /** Further areas of a multi-area range ("F5,F9:F12"); most members act on the first area only. */
    readonly _more: MergedArea[] = [],
  ) {}

  private _wrap(r: FakeRange | FakeInterior | FakeWorksheet): any {
    return this._world.bridge.wrap(r);
  }

  private get _data(): SheetData {
    return this._ws._data;
  }

  private get _nRows(): number {
    return this._area.bottom - this._area.top + 1;
  }

  private get _nCols(): number {
    return this._area.right - this._area.left + 1;
  }

  /** Cells of the area, row-major; `create` materialises empty ones (for writes). */
  _allCells(create = false): FakeCell[] {
    const out: FakeCell[] = [];
    for (let r = this._area.top; r <= this._area.bottom; r++)
      for (let c = this._area.left; c <= this._area.right; c++) {
        out.push(create ? this._data.cell(r, c) : (this._data.peek(r, c) ?? this._data.cell(r, c)));
      }
    return out;
  }

  private _isSingle(): boolean {
    return this._nRows === 1 && this._nCols === 1;
  }

  private _matrix<T>(f: (cell: FakeCell | undefined) => T): T | T[][] {
    if (this._isSingle()) return f(this._data.peek(this._area.top, this._area.left));
    const rows: T[][] = [];
    for (let r = this._area.top; r <= this._area.bottom; r++) {
      const row: T[] = [];
      for (let c = this._area.left; c <= this._area.right; c++) row.push(f(this._data.peek(r, c)));
      rows.push(row);
    }
    return rows;
  }

  /** One answer when every cell (of every area) agrees, else null: Text, NumberFormat, Locked … */
  private _uniform<T>(f: (cell: FakeCell | undefined) => T): T | null {
    let first: T | undefined;
    let n = 0;
    for (const a of [this._area, ...this._more])
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          const v = f(this._data.peek(r, c));
          if (n++ === 0) first = v;
          else if (v !== first) return null;
        }
    return first as T;
  }

  /** Checks a content write against protection and merged areas before touching any cell. */
  private _guardWrite(): void {
    if (this._more.length > 0) throw comError("The fake does not model writes to multi-area ranges");
    const d = this._data;
    for (let r = this._area.top; r <= this._area.bottom; r++)
      for (let c = this._area.left; c <= this._area.right; c++) {
        if (d.failCells.has(`${r},${c}`)) throw comError("Automation error (simulated)");
        if (d.protect && (d.peek(r, c)?.locked ?? true))
          throw comError("The cell or chart you are trying to change is on a protected sheet.");
        const m = d.mergeAt(r, c);
        if (
          m &&
          (m.top !== r || m.left !== c) &&
          !(
            m.top >= this._area.top &&
            m.left >= this._area.left &&
            m.bottom <= this._area.bottom &&
            m.right <= this._area.right
          )
        )
          throw comError("Cannot change part of a merged cell.");
      }
  }

  _format(apply: () => void, kind = "Interior"): void {
    if (this._data.protect && !this._data.allowFormattingCells)
      throw comError("Formatting cells is not allowed on this protected sheet.");
    apply();
    this._world.writes.push(`${this._ws._data.name}!${addr(this._area, false, false)} ${kind}`);
  }

  private _writeEach(kind: string, input: unknown, asFormula: boolean): void {
    this._guardWrite();
    // A 1-D array is one row; a cell the array does not reach reads #N/A, as in Excel.
    const values = Array.isArray(input)
      ? input.length > 0 && !Array.isArray(input[0])
        ? [input]
        : (input as unknown[][])
      : null;
    const at = (r: number, c: number): unknown => {
      if (!values) return input;
      const row = values[r];
      return Array.isArray(row) && c < row.length ? row[c] : "#N/A";
    };
    let i = 0;
    for (let r = this._area.top; r <= this._area.bottom; r++)
      for (let c = this._area.left; c <= this._area.right; c++, i++) {
        const v = at(r - this._area.top, c - this._area.left);
        const cell = this._data.cell(r, c);
        cell.shown = null;
        if (v === null || v === undefined) {
          cell.value = null;
          cell.formula = null;
        } else if (typeof v === "number" || typeof v === "boolean") {
          cell.value = v;
          cell.formula = null;
        } else if (typeof v === "string") {
          const t = parseTyped(v);
          cell.formula = t.formula;
          cell.value =
            t.formula !== null
              ? cell.original?.formula === t.formula
                ? cell.original.value
                : null
              : t.value;
          if (t.percent && cell.format === "General") cell.format = "0%";
        } else {
          throw comError(`Type mismatch writing ${kind}`);
        }
        void asFormula;
      }
    this._world.writes.push(`${this._ws._data.name}!${addr(this._area, false, false)} ${kind}`);
    this._ws._changed(this);
  }

  // --- values -----------------------------------------------------------------------------------

  get Value2(): unknown {
    return this._matrix((cell) => (cell && cell.value !== null ? cell.value : undefined));
  }
  set Value2(v: unknown) {
    this._writeEach("Value2", v, false);
  }

  get Formula(): unknown {
    return this._matrix((cell) => {
      if (!cell) return "";
      if (cell.formula !== null) return cell.formula;
      if (cell.value === null) return "";
      if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
      return String(cell.value);
    });
  }
  set Formula(v: unknown) {
    this._writeEach("Formula", v, true);
  }

  get Text(): string | null {
    const narrow = this._world.quirks.narrowColumns ?? [];
    return this._uniform((cell) => {
      const t = fakeText(cell);
      if (narrow.length === 0 || typeof cell?.value !== "number") return t;
      const col = colToLetters(this._area.left);
      return narrow.includes(col) ? "#".repeat(Math.max(4, Math.min(t.length, 8))) : t;
    });
  }

  get NumberFormat(): string | null {
    const q = this._world.quirks;
    const f = this._uniform((cell) => cell?.format ?? "General");
    if (f === null) return q.emptyMixedFormat ? "" : null;
    return f === "General" && q.chineseGeneral ? "G/通用格式" : f;
  }
  set NumberFormat(f: string) {
    this._format(() => this._allCells(true).forEach((c) => (c.format = f)));
  }

  get HasFormula(): boolean | null {
    return this._uniform((cell) => cell?.formula != null);
  }

  ClearContents(): boolean {
    this._writeEach("ClearContents", null, false);
    return true;
  }

  get Locked(): boolean | number | null {
    return comBool(
      this._world,
      this._uniform((cell) => cell?.locked ?? true),
    );
  }
  set Locked(v: boolean) {
    if (this._data.protect) throw comError("Unable to set the Locked property on a protected sheet.");
    this._allCells(true).forEach((c) => (c.locked = v));
  }

  // --- merged areas -----------------------------------------------------------------------------

  get MergeCells(): boolean | number | null {
    let any = false,
      all = true;
    for (let r = this._area.top; r <= this._area.bottom; r++)
      for (let c = this._area.left; c <= this._area.right; c++) {
        if (this._data.mergeAt(r, c)) any = true;
        else all = false;
        if (any && !all) return null;
      }
    return comBool(this._world, all);
  }

  get MergeArea(): FakeRange {
    const m = this._data.mergeAt(this._area.top, this._area.left);
    return this._wrap(
      new FakeRange(
        this._world,
        this._ws,
        m ? { ...m } : { ...this._area, bottom: this._area.top, right: this._area.left },
      ),
    );
  }

  // --- fill ------------------------------------------------------------------------------------

  get Interior(): FakeInterior {
    return this._wrap(new FakeInterior(this));
  }

  get Font(): FakeFont {
    return this._world.bridge.wrap(new FakeFont(this));
  }

  // --- geometry ----------------------------------------------------------------------------------

  Address(RowAbsolute = true, ColumnAbsolute = true): string {
    return [this._area, ...this._more]
      .map((a) => addr(a, RowAbsolute !== false, ColumnAbsolute !== false))
      .join(",");
  }

  get Row(): number {
    return this._area.top + 1;
  }

  get Column(): number {
    return this._area.left + 1;
  }

  get Count(): number {
    if (this._mode === "rows") return this._nRows;
    if (this._mode === "cols") return this._nCols;
    return [this._area, ...this._more].reduce(
      (n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1),
      0,
    );
  }

  /**
   * Range.Find, modelled only as ziping uses it: What "*" (any content), LookIn xlFormulas (-4123),
   * SearchDirection xlPrevious (2), by rows (SearchOrder 1) or by columns (2): the last cell holding
   * a value or formula, or null when there is none. Anything else is refused, not guessed.
   */
  Find(
    What: unknown,
    _After?: unknown,
    LookIn?: unknown,
    _LookAt?: unknown,
    SearchOrder?: unknown,
    SearchDirection?: unknown,
  ): FakeRange | null {
    if (What !== "*" || Number(LookIn) !== -4123 || Number(SearchDirection) !== 2)
      throw comError('The fake models Find("*", , xlFormulas, , order, xlPrevious) only');
    const byRows = Number(SearchOrder) !== 2;
    let best: { r: number; c: number } | null = null;
    for (const [key, cell] of this._data.cells) {
      if (cell.value === null && cell.formula === null) continue;
      const [r, c] = key.split(",").map(Number);
      if (r < this._area.top || r > this._area.bottom || c < this._area.left || c > this._area.right)
        continue;
      const later =
        !best ||
        (byRows ? r > best.r || (r === best.r && c > best.c) : c > best.c || (c === best.c && r > best.r));
      if (later) best = { r, c };
    }
    if (!best) return null;
    return this._wrap(
      new FakeRange(this._world, this._ws, { top: best.r, left: best.c, bottom: best.r, right: best.c }),
    );
  }

  get Rows(): FakeRange {
    return this._wrap(new FakeRange(this._world, this._ws, this._area, "rows"));
  }

  get Columns(): FakeRange {
    return this._wrap(new FakeRange(this._world, this._ws, this._area, "cols"));
  }

  get Cells(): FakeRange {
    return this._wrap(new FakeRange(this._world, this._ws, this._area, "cells"));
  }

  get Worksheet(): FakeWorksheet {
    return this._wrap(this._ws);
  }

  Item(RowIndex: number, ColumnIndex?: number): FakeRange {
    const a = this._area;
    const bad = () => comError(`Item(${RowIndex}, ${ColumnIndex}) is out of range`);
    if (!Number.isInteger(RowIndex) || RowIndex < 1) throw bad();
    let area: MergedArea;
    if (this._mode === "rows") {
      if (ColumnIndex !== undefined || RowIndex > this._nRows) throw bad();
      area = { top: a.top + RowIndex - 1, bottom: a.top + RowIndex - 1, left: a.left, right: a.right };
    } else if (this._mode === "cols") {
      if (ColumnIndex !== undefined || RowIndex > this._nCols) throw bad();
      area = { top: a.top, bottom: a.bottom, left: a.left + RowIndex - 1, right: a.left + RowIndex - 1 };
    } else if (ColumnIndex === undefined) {
      const i = RowIndex - 1;
      const r = a.top + Math.floor(i / this._nCols),
        c = a.left + (i % this._nCols);
      area = { top: r, bottom: r, left: c, right: c };
    } else {
      if (!Number.isInteger(ColumnIndex) || ColumnIndex < 1) throw bad();
      const r = a.top + RowIndex - 1,
        c = a.left + ColumnIndex - 1;
      if (r >= MAX_ROWS || c >= MAX_COLS) throw bad();
      area = { top: r, bottom: r, left: c, right: c };
    }
    return this._wrap(new FakeRange(this._world, this._ws, area));
  }

  Select(): boolean {
    if (this._world.active !== this._ws) throw comError("Select method of Range class failed");
    this._world.selection = { sheet: this._ws._data.name, area: { ...this._area } };
    return true;
  }

  Activate(): boolean {
    return this.Select();
  }
}

export class FakeWorksheet {
  constructor(
    readonly _world: FakeWorld,
    readonly _data: SheetData,
  ) {}

  private _range(area: MergedArea): FakeRange {
    return this._world.bridge.wrap(new FakeRange(this._world, this, area));
  }

  get Name(): string {
    return this._data.name;
  }
  set Name(name: string) {
    if (
      typeof name !== "string" ||
      name === "" ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      /^'|'$/.test(name)
    )
      throw comError(`Invalid sheet name ${JSON.stringify(name)}`);
    if (this._world.protectStructure) throw comError("Workbook is protected and cannot be changed.");
    const taken = this._world.sheets.some(
      (s) => s !== this && s._data.name.toLowerCase() === name.toLowerCase(),
    );
    if (taken) throw comError("Cannot rename a sheet to the same name as another sheet.");
    if (this._world.selection?.sheet === this._data.name) this._world.selection.sheet = name;
    this._data.name = name;
  }

  get Index(): number {
    return this._world.sheets.indexOf(this) + 1;
  }

  get UsedRange(): FakeRange {
    return this._range(this._data.used());
  }

  get Cells(): FakeRange {
    return this._range({ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 });
  }

  Range(Cell1: unknown, Cell2?: unknown): FakeRange {
    if (typeof Cell1 === "string" && Cell1.includes(",") && Cell2 === undefined) {
      // A multi-area reference; ET, like Excel, limits the string to 255 characters.
      if (Cell1.length > 255) throw comError("Range: reference longer than 255 characters");
      const areas = Cell1.split(",").map((p) => {
        const a = parseRange(p.trim());
        if (!a) throw comError(`Range("${Cell1}") failed`);
        return a;
      });
      return this._world.bridge.wrap(new FakeRange(this._world, this, areas[0], "cells", areas.slice(1)));
    }
    const area = (x: unknown): MergedArea => {
      if (typeof x === "string") {
        const a = parseRange(x);
        if (!a || x.includes("!")) throw comError(`Range("${x}") failed`);
        return a;
      }
      const target = this._world.bridge.unwrap(x);
      if (target instanceof FakeRange) return target._area;
      throw comError("Range: bad argument");
    };
    const a = area(Cell1);
    if (Cell2 === undefined) return this._range(a);
    const b = area(Cell2);
    return this._range({
      top: Math.min(a.top, b.top),
      left: Math.min(a.left, b.left),
      bottom: Math.max(a.bottom, b.bottom),
      right: Math.max(a.right, b.right),
    });
  }

  get ProtectContents(): boolean | number {
    return comBool(this._world, this._data.protect)!;
  }

  get Protection(): FakeProtection {
    return this._world.bridge.wrap(new FakeProtection(this._data, this._world));
  }

  Protect(
    _Password?: string,
    _DrawingObjects?: boolean,
    Contents = true,
    _Scenarios?: boolean,
    _UserInterfaceOnly?: boolean,
    AllowFormattingCells = false,
  ): void {
    this._data.protect = Contents !== false;
    this._data.allowFormattingCells = AllowFormattingCells === true;
  }

  Unprotect(_Password?: string): void {
    this._data.protect = false;
  }

  Activate(): void {
    this._world.active = this;
  }

  Select(_Replace?: boolean): void {
    this._world.active = this;
  }

  /** The workbook of this sheet (what an application-wide SheetChange handler tells workbooks apart by). */
  get Parent(): FakeWorkbook {
    return this._world.bridge.wrap(this._world.book!);
  }

  /** Fires SheetChange for a content change, as ET does for user edits and for macro writes alike. */
  _changed(range: FakeRange): void {
    const handlers = [...(this._world.listeners.get("SheetChange") ?? [])];
    if (handlers.length === 0 || this._world.events === "none") return;
    const b = this._world.bridge;
    const fire = () =>
      handlers.forEach((h) => h(b.wrap(this), b.wrap(new FakeRange(this._world, this, { ...range._area }))));
    if (this._world.events === "sync") fire();
    else {
      this._world.pending = (this._world.pending ?? 0) + 1;
      setTimeout(() => {
        this._world.pending!--;
        fire();
      }, 0);
    }
  }
}

export class FakeProtection {
  constructor(
    private readonly _data: SheetData,
    readonly _world: FakeWorld,
  ) {}
  get AllowFormattingCells(): boolean | number {
    return comBool(this._world, this._data.allowFormattingCells)!;
  }
}

export class FakeSheets {
  constructor(readonly _world: FakeWorld) {}

  get Count(): number {
    return this._world.sheets.length;
  }

  Item(Index: number | string): FakeWorksheet {
    const ws =
      typeof Index === "number"
        ? this._world.sheets[Index - 1]
        : this._world.sheets.find((s) => s._data.name === Index);
    if (!ws) throw comError(`Sheets.Item(${JSON.stringify(Index)}): subscript out of range`);
    return this._world.bridge.wrap(ws);
  }

  /** Inserts one worksheet, activates it and returns it (ET names it "SheetN"). */
  Add(Before?: unknown, After?: unknown, Count?: unknown, Type?: unknown): FakeWorksheet {
    if (Count !== undefined && Count !== 1) throw comError("The fake models Count = 1 only");
    if (Type !== undefined && Type !== XL_WORKSHEET)
      throw comError("The fake models Type = xlWorksheet (-4167) only");
    if (Before !== undefined && After !== undefined) throw comError("Add: give Before or After, not both");
    if (this._world.protectStructure) throw comError("Workbook is protected and cannot be changed.");
    const sheets = this._world.sheets;
    const anchor = (x: unknown): number => {
      const ws = this._world.bridge.unwrap(x);
      const i = ws instanceof FakeWorksheet ? sheets.indexOf(ws) : -1;
      if (i < 0) throw comError("Add: Before/After must be a worksheet of this workbook");
      return i;
    };
    const at =
      Before !== undefined
        ? anchor(Before)
        : After !== undefined
          ? anchor(After) + 1
          : sheets.indexOf(this._world.active);
    const taken = new Set(sheets.map((s) => s._data.name.toLowerCase()));
    let n = sheets.length + 1;
    while (taken.has(`sheet${n}`)) n++;
    const ws = new FakeWorksheet(this._world, new SheetData(`Sheet${n}`));
    sheets.splice(at, 0, ws);
    this._world.active = ws;
    return this._world.bridge.wrap(ws);
  }
}

export class FakeWorkbook {
  /** Set by the application: activating a workbook goes through it. */
  _activate: (() => void) | null = null;
  /** Folder and name; an unsaved workbook ("工作簿1") has no folder, and FullName is its Name. */
  private _dir: string | null;
  constructor(
    readonly _world: FakeWorld,
    private _name: string,
    unsaved = false,
  ) {
    _world.book = this;
    this._dir = unsaved ? null : "C:\\Users\\fake\\";
  }

  get Name(): string {
    return this._name;
  }
  /** Path and name: what tells two workbooks from one template apart (their sheet names are the same). */
  get FullName(): string {
    return (this._dir ?? "") + this._name;
  }
  get Path(): string {
    return (this._dir ?? "").replace(/\\$/, "");
  }
  /**
   * Save As (and the first save of an unsaved workbook, which is one): the workbook is now the file
   * at Filename, so Name and FullName change; WorkbookBeforeSave and WorkbookAfterSave fire as the
   * ET API documents them (Wb, SaveAsUI, Cancel) and (Wb, Success).
   */
  SaveAs(Filename: string): void {
    const listeners = this._world.listeners;
    const me = this._world.bridge.wrap(this as FakeWorkbook);
    for (const h of [...(listeners.get("WorkbookBeforeSave") ?? [])]) h(me, true, { Value: false });
    const at = Math.max(Filename.lastIndexOf("\\"), Filename.lastIndexOf("/"));
    this._dir = at >= 0 ? Filename.slice(0, at + 1) : (this._dir ?? "C:\\Users\\fake\\");
    this._name = Filename.slice(at + 1);
    for (const h of [...(listeners.get("WorkbookAfterSave") ?? [])]) h(me, true);
  }
  /** Save: an unsaved workbook asks for a name (Save As); a saved one keeps its FullName. */
  Save(): void {
    if (this._dir === null) throw comError("The fake models the first save only through SaveAs");
    const me = this._world.bridge.wrap(this as FakeWorkbook);
    for (const h of [...(this._world.listeners.get("WorkbookAfterSave") ?? [])]) h(me, true);
  }
  Activate(): void {
    this._activate?.();
  }
  get Worksheets(): FakeSheets {
    return this._world.bridge.wrap(new FakeSheets(this._world));
  }
  get Sheets(): FakeSheets {
    return this.Worksheets;
  }
  get ActiveSheet(): FakeWorksheet {
    return this._world.bridge.wrap(this._world.active);
  }
  get ProtectStructure(): boolean {
    return this._world.protectStructure === true;
  }
  /** Custom document properties: saved with the workbook, so they outlive any add-in session. */
  readonly _props: FakeDocumentProperty[] = [];
  get CustomDocumentProperties(): FakeDocumentProperties {
    return this._world.bridge.wrap(new FakeDocumentProperties(this._world, this._props));
  }
}

/** msoPropertyType*: Number 1, Boolean 2, Date 3, String 4, Float 5. */
const MSO_STRING = 4;

/** Office's limit on a text property (and on a name); the fake refuses longer rather than trim silently. */
const PROPERTY_MAX = 255;

function checkPropertyValue(type: number, value: unknown): void {
  if (type === MSO_STRING) {
    if (typeof value !== "string") throw comError("Type mismatch: a text property takes a string");
    if (value.length > PROPERTY_MAX) throw comError("A text property holds at most 255 characters");
  } else if (type === 2) {
    if (typeof value !== "boolean") throw comError("Type mismatch: a yes/no property takes a boolean");
  } else if (type === 1 || type === 5) {
    if (typeof value !== "number") throw comError("Type mismatch: a number property takes a number");
  } else throw comError(`The fake models property types 1, 2, 4, 5 only (got ${type})`);
}

/**
 * Workbook.CustomDocumentProperties, as Office's DocumentProperties: Item takes a name (matched
 * ignoring case) or a 1-based index and throws for a missing one; Add refuses a name in use and
 * LinkToContent (not modelled); Value keeps the property's Type.
 */
export class FakeDocumentProperties {
  constructor(
    readonly _world: FakeWorld,
    readonly _list: FakeDocumentProperty[],
  ) {}
  get Count(): number {
    return this._list.length;
  }
  Item(Index: string | number): FakeDocumentProperty {
    const p =
      typeof Index === "number"
        ? this._list[Index - 1]
        : this._list.find((x) => x._name.toLowerCase() === String(Index).toLowerCase());
    if (!p) throw comError("Invalid procedure call or argument");
    return this._world.bridge.wrap(p);
  }
  Add(Name: string, LinkToContent: boolean, Type?: number, Value?: unknown): FakeDocumentProperty {
    if (LinkToContent) throw comError("The fake does not model properties linked to content");
    if (typeof Name !== "string" || Name === "" || Name.length > PROPERTY_MAX)
      throw comError("Invalid property name");
    if (this._list.some((x) => x._name.toLowerCase() === Name.toLowerCase()))
      throw comError("A property with this name already exists");
    const type = Number(Type);
    checkPropertyValue(type, Value);
    const p = new FakeDocumentProperty(this._list, Name, type, Value);
    this._list.push(p);
    return this._world.bridge.wrap(p);
  }
}

export class FakeDocumentProperty {
  constructor(
    readonly _list: FakeDocumentProperty[],
    readonly _name: string,
    readonly _type: number,
    private _value: unknown,
  ) {}
  get Name(): string {
    return this._name;
  }
  get Type(): number {
    return this._type;
  }
  get Value(): unknown {
    if (!this._list.includes(this)) throw comError("The property was deleted");
    return this._value;
  }
  set Value(v: unknown) {
    if (!this._list.includes(this)) throw comError("The property was deleted");
    checkPropertyValue(this._type, v);
    this._value = v;
  }
  Delete(): void {
    const i = this._list.indexOf(this);
    if (i < 0) throw comError("The property was deleted");
    this._list.splice(i, 1);
  }
}

export class FakeApiEvent {
  Cancel = false;
  RightsInfo = 0;
  constructor(readonly _world: FakeWorld) {}

  AddApiEventListener(EventName: string, callback: (...args: unknown[]) => void): void {
    if (typeof callback !== "function") throw comError("The fake takes function callbacks only");
    const list = this._world.listeners.get(EventName) ?? [];
    list.push(callback);
    this._world.listeners.set(EventName, list);
  }

  RemoveApiEventListener(EventName: string, callback?: (...args: unknown[]) => void): void {
    const list = this._world.listeners.get(EventName) ?? [];
    this._world.listeners.set(EventName, callback ? list.filter((h) => h !== callback) : []);
  }
}

export class FakeTaskPane {
  Visible = false;
  DockPosition = 2; // msoCTPDockPositionRight
  Width = 360;
  _deleted = false;
  constructor(
    readonly ID: number,
    public _url: string,
    readonly _title: string,
  ) {}
  Navigate(url: string): void {
    this._url = url;
  }
  Delete(): void {
    this._deleted = true;
  }
}

export class FakePluginStorage {
  private readonly _items = new Map<string, string>();
  setItem(key: string, value: number | boolean | string): void {
    this._items.set(key, String(value));
  }
  getItem(key: string): string | null {
    return this._items.has(key) ? this._items.get(key)! : null;
  }
  removeItem(key: string): void {
    this._items.delete(key);
  }
}
