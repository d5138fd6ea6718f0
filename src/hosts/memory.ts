/**
 * A workbook held in memory: the browser demo's host and the task pane tests' host. It follows the
 * same write rules as the real hosts (refuse protected sheets and locked cells before writing,
 * record old values and fills first, undo restores them exactly) so that tests against it mean
 * something for Excel and WPS.
 */
import type { CellValue, Grid } from "../engine/grid";
import { parseA1, toA1 } from "../engine/grid";
import type { Edit, UndoEntry, UndoRecord } from "../engine/types";
import type { ApplyResult, Host, HostCapabilities, SheetRead } from "./host";
import { HostError } from "./host";
// Memory cells hold values, not typed input, so text already stays text here; the refusals are the
// ones the real hosts share.
import { cellKey, normalizeColor, planBatch, refuseBeforeWrite } from "./write-rules";
import { anchorsFor, fillStillOurs, gridNow, movedToReport, planUndo, type WriteMemo } from "./undo-rules";
import { formatNumber } from "../engine/number-format";

export interface MemoryHostOptions {
  /** Active sheet at start (default: the first). */
  active?: string;
  /** Existing fills by sheet, then by cell: { 自评表: { H12: "#FFFF00" } }. */
  fills?: Record<string, Record<string, string>>;
  /** Sheets that refuse every write. */
  protectedSheets?: string[];
  /** Cells that refuse writes (locked cells on a partly protected sheet), by sheet. */
  lockedCells?: Record<string, string[]>;
  /** Override capabilities, e.g. restoreFills: false to behave like Excel before ExcelApi 1.9. */
  capabilities?: Partial<HostCapabilities>;
  /** Document settings the workbook carries (the demo reads them from the file's custom properties). */
  settings?: Record<string, string>;
}

export type MemoryEventType = "apply" | "undo" | "select" | "active" | "edit" | "add";

export interface MemoryEvent {
  type: MemoryEventType;
  sheet: string;
  cells?: string[];
}

function cloneGrid(g: Grid): Grid {
  return {
    name: g.name,
    values: g.values.map((r) => (r ? r.slice() : [])),
    text: g.text?.map((r) => (r ? r.slice() : [])),
    formats: g.formats?.map((r) => (r ? r.slice() : [])),
    formulas: g.formulas?.map((r) => (r ? r.slice() : [])),
    ...(g.uncalculated ? { uncalculated: g.uncalculated.map((r) => (r ? r.slice() : [])) } : {}),
    merges: g.merges.map((m) => ({ ...m })),
    ...(g.protected !== undefined ? { protected: g.protected } : {}),
  };
}

/** Sets m[row][col], growing the rows as needed. */
function put<T>(m: T[][], row: number, col: number, v: T, pad: T): void {
  while (m.length <= row) m.push([]);
  const r = m[row];
  while (r.length < col) r.push(pad);
  r[col] = v;
}

/**
 * The display text a spreadsheet would show after writing `value` into a cell with `format`, by the
 * one number-format interpreter (src/engine/number-format): half-up on decimal digits, as Excel shows.
 */
export function displayText(value: CellValue, format: string | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return formatNumber(value, format);
  return String(value);
}

export class MemoryHost implements Host {
  readonly kind = "memory" as const;
  capabilities: HostCapabilities;

  private readonly grids = new Map<string, Grid>();
  private readonly order: string[] = [];
  private readonly fills = new Map<string, Map<string, string>>();
  private readonly settings = new Map<string, string>();
  private readonly protectedSheets: Set<string>;
  private readonly locked = new Map<string, Set<string>>();
  private active: string;
  private selected: { sheet: string; cell: string } | null = null;
  private readonly changeListeners = new Set<(sheet: string) => void>();
  private readonly viewListeners = new Set<(e: MemoryEvent) => void>();
  /** Display text before each apply, so that undo restores the text exactly too. */
  private readonly oldTexts = new WeakMap<UndoRecord, Map<string, string | null>>();
  /** The value each apply wrote per cell, so undo leaves alone a cell the user has typed into since. */
  private readonly written = new WeakMap<UndoRecord, WriteMemo>();

  constructor(grids: Grid[], options: MemoryHostOptions = {}) {
    if (grids.length === 0) throw new Error("MemoryHost: at least one sheet is required");
    for (const g of grids) {
      this.grids.set(g.name, cloneGrid(g));
      this.order.push(g.name);
    }
    for (const [sheet, cells] of Object.entries(options.fills ?? {})) {
      this.fills.set(sheet, new Map(Object.entries(cells).map(([c, f]) => [c.toUpperCase(), f])));
    }
    for (const [sheet, cells] of Object.entries(options.lockedCells ?? {})) {
      this.locked.set(sheet, new Set(cells.map((c) => c.toUpperCase())));
    }
    this.protectedSheets = new Set(options.protectedSheets ?? []);
    for (const [k, v] of Object.entries(options.settings ?? {})) this.settings.set(k, v);
    this.active = options.active && this.grids.has(options.active) ? options.active : this.order[0];
    this.capabilities = {
      restoreFills: true,
      mergedAreas: true,
      changeEvents: true,
      ...options.capabilities,
    };
  }

  // --- Host ----------------------------------------------------------------------------------

  async read(sheet?: string): Promise<SheetRead> {
    const name = sheet ?? this.active;
    const g = this.grids.get(name);
    if (!g)
      throw new HostError("read", {
        reason: "no-sheet",
        sheet: name,
        cells: [],
        existing: this.order.slice(),
      });
    const grid = cloneGrid(g);
    grid.protected = this.protectedSheets.has(name);
    return { grid, sheets: this.order.slice(), active: this.active };
  }

  async apply(sheet: string, edits: Edit[]): Promise<ApplyResult> {
    const g = this.grids.get(sheet);
    if (!g) return { ok: false, reason: "no-sheet", sheet, cells: [] };
    const plan = planBatch(edits);
    const cells = plan.order;
    const refused = refuseBeforeWrite(sheet, edits, g.merges);
    if (refused) return { ok: false, ...refused };
    if (this.protectedSheets.has(sheet)) return { ok: false, reason: "protected", sheet, cells };
    const locked = this.locked.get(sheet);
    const bad = locked ? cells.filter((c) => locked.has(c)) : [];
    if (bad.length > 0) return { ok: false, reason: "protected", sheet, cells: bad };

    // Record first, write after: one entry per cell, holding the state before this batch.
    const entries: UndoEntry[] = [];
    const texts = new Map<string, string | null>();
    const seen = new Set<string>();
    const fillMap = this.fillMap(sheet);
    const wrote = plan.wrote;
    for (const cell of cells) {
      if (seen.has(cell)) continue;
      seen.add(cell);
      const p = parseA1(cell)!;
      const known = this.capabilities.restoreFills;
      entries.push({
        cell,
        value: g.values[p.row]?.[p.col] ?? null,
        formula: g.formulas?.[p.row]?.[p.col] ?? null,
        fill: known ? (fillMap.get(cell) ?? null) : null,
        fillKnown: known,
        wrote: wrote.get(cell) ?? { value: true, fill: true },
      });
      texts.set(cell, g.text?.[p.row]?.[p.col] ?? null);
    }
    for (const e of edits) {
      const cell = cellKey(e.cell);
      if (e.kind === "fill") fillMap.set(cell, normalizeColor(e.color)!);
      else this.writeValue(g, cell, e.value);
    }
    const undo: UndoRecord = { sheet, entries };
    this.oldTexts.set(undo, texts);
    this.written.set(undo, { ...plan, anchors: anchorsFor(g, plan) });
    this.emit({ type: "apply", sheet, cells: [...seen] });
    return { ok: true, undo, notes: [] };
  }

  async undo(record: UndoRecord): Promise<void> {
    const g = this.grids.get(record.sheet);
    if (!g) throw new HostError("undo", { reason: "no-sheet", sheet: record.sheet, cells: [] });
    const texts = this.oldTexts.get(record);
    const memo = this.written.get(record);
    const fillMap = this.fillMap(record.sheet);
    const { steps, moved } = planUndo(record, memo, memo ? gridNow(g) : null);
    for (const s of steps) {
      const e = s.entry;
      const p = parseA1(s.target)!;
      if (s.value) {
        put(g.values, p.row, p.col, e.value, null);
        if (e.formula !== null || g.formulas) {
          if (!g.formulas) g.formulas = [];
          put(g.formulas, p.row, p.col, e.formula, null);
        }
        const t = texts?.has(e.cell)
          ? texts.get(e.cell)!
          : displayText(e.value, g.formats?.[p.row]?.[p.col] ?? null);
        if (t !== null || g.text) {
          if (!g.text) g.text = [];
          put(g.text, p.row, p.col, t, null);
        }
      }
      if (!s.fill || !fillStillOurs(memo, e.cell, fillMap.get(s.target) ?? null)) continue;
      if (e.fill === null || !e.fillKnown) fillMap.delete(s.target);
      else fillMap.set(s.target, e.fill);
    }
    this.emit({ type: "undo", sheet: record.sheet, cells: steps.map((s) => s.target) });
    const report = movedToReport(memo, moved);
    if (report) throw new HostError("undo", { reason: "moved", sheet: record.sheet, cells: report });
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (!this.grids.has(sheet)) return;
    if (this.active !== sheet) this.setActive(sheet);
    this.selected = { sheet, cell: cell.toUpperCase() };
    this.emit({ type: "select", sheet, cells: [this.selected.cell] });
  }

  onChange(callback: (sheet: string) => void): () => void {
    this.changeListeners.add(callback);
    return () => {
      this.changeListeners.delete(callback);
    };
  }

  // --- Memory-only API (demo, tests) ---------------------------------------------------------

  sheetNames(): string[] {
    return this.order.slice();
  }

  activeSheet(): string {
    return this.active;
  }

  setActive(sheet: string): void {
    if (!this.grids.has(sheet)) throw new HostError("select", { reason: "no-sheet", sheet, cells: [] });
    this.active = sheet;
    this.emit({ type: "active", sheet });
  }

  /** The current state of a sheet (live object: do not mutate; use setCell). */
  grid(sheet: string): Grid {
    const g = this.grids.get(sheet);
    if (!g) throw new HostError("read", { reason: "no-sheet", sheet, cells: [] });
    return g;
  }

  fill(sheet: string, cell: string): string | null {
    return this.fills.get(sheet)?.get(cell.toUpperCase()) ?? null;
  }

  selection(): { sheet: string; cell: string } | null {
    return this.selected ? { ...this.selected } : null;
  }

  isProtected(sheet: string): boolean {
    return this.protectedSheets.has(sheet);
  }

  setProtected(sheet: string, on: boolean): void {
    if (on) this.protectedSheets.add(sheet);
    else this.protectedSheets.delete(sheet);
  }

  /** A user typing into a cell: updates value and text, fires onChange listeners (not for the host's own apply). */
  setCell(sheet: string, cell: string, value: CellValue): void {
    const g = this.grid(sheet);
    const a1 = cell.toUpperCase();
    if (!parseA1(a1)) throw new HostError("apply", { reason: "invalid", sheet, cells: [cell] });
    this.writeValue(g, a1, value);
    this.emit({ type: "edit", sheet, cells: [a1] });
    for (const cb of [...this.changeListeners]) cb(sheet);
  }

  /** A user choosing a fill ("#RRGGBB", null for none); like Excel, a fill raises no change event. */
  setFill(sheet: string, cell: string, color: string | null): void {
    const m = this.fillMap(sheet);
    if (color) m.set(cellKey(cell), color.toUpperCase());
    else m.delete(cellKey(cell));
  }

  /** A user inserting (count > 0) or deleting (count < 0) rows at row `at` (0-based): cells below move. */
  shiftRows(sheet: string, at: number, count: number): void {
    const g = this.grid(sheet);
    const shift = <T>(rows: T[][] | undefined) => {
      if (!rows) return;
      if (count > 0) rows.splice(at, 0, ...Array.from({ length: count }, () => [] as T[]));
      else rows.splice(at, -count);
    };
    shift(g.values);
    shift(g.text);
    shift(g.formats);
    shift(g.formulas);
    shift(g.uncalculated);
    g.merges = g.merges.flatMap((m) => {
      if (m.bottom < at) return [m];
      if (m.top >= at && (count > 0 || m.top >= at - count))
        return [{ ...m, top: m.top + count, bottom: m.bottom + count }];
      return [];
    });
    const fills = this.fillMap(sheet);
    const moved = new Map<string, string>();
    for (const [a1, f] of fills) {
      const p = parseA1(a1)!;
      if (p.row < at) moved.set(a1, f);
      else if (count < 0 && p.row < at - count) continue;
      else moved.set(toA1(p.row + count, p.col), f);
    }
    fills.clear();
    for (const [a1, f] of moved) fills.set(a1, f);
    this.emit({ type: "edit", sheet });
    for (const cb of [...this.changeListeners]) cb(sheet);
  }

  /** For views (the demo's sheet rendering): notified after apply / undo / select / setActive / setCell / addSheet. */
  subscribe(listener: (e: MemoryEvent) => void): () => void {
    this.viewListeners.add(listener);
    return () => {
      this.viewListeners.delete(listener);
    };
  }

  /**
   * Proposed optional Host method: adds a sheet filled with rows (the pane's "导出校验结果").
   * When the name is taken, appends " (2)", " (3)", …; returns the name used.
   */
  async addSheet(name: string, rows: CellValue[][]): Promise<string> {
    let used = name;
    for (let i = 2; this.grids.has(used); i++) used = `${name} (${i})`;
    this.grids.set(used, { name: used, values: rows.map((r) => r.slice()), merges: [] });
    this.order.push(used);
    this.emit({ type: "add", sheet: used });
    return used;
  }

  /** Document settings: kept with this workbook in memory (the demo's download writes them into the file). */
  async getSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    if (value === null) this.settings.delete(key);
    else this.settings.set(key, value);
  }

  /** Every document setting now, for the demo's download. */
  settingValues(): Record<string, string> {
    return Object.fromEntries(this.settings);
  }

  // --- internals -------------------------------------------------------------------------------

  private fillMap(sheet: string): Map<string, string> {
    let m = this.fills.get(sheet);
    if (!m) {
      m = new Map();
      this.fills.set(sheet, m);
    }
    return m;
  }

  /** Writes a value as a spreadsheet would: the text follows the cell's number format, any formula is gone. */
  private writeValue(g: Grid, cell: string, value: CellValue): void {
    const p = parseA1(cell)!;
    put(g.values, p.row, p.col, value, null);
    if (g.formulas?.[p.row]?.[p.col] != null) g.formulas[p.row][p.col] = null;
    const format = g.formats?.[p.row]?.[p.col] ?? null;
    if (!g.text) g.text = [];
    put(g.text, p.row, p.col, displayText(value, format), null);
  }

  private emit(e: MemoryEvent): void {
    for (const l of [...this.viewListeners]) l(e);
  }
}
