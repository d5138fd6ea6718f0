/**
 * The host the demo gives the pane: the memory host, plus what a spreadsheet does by itself —
 * - formulas recalculate after a write (a corrected score changes the =SUM total), and undo puts
 *   their previous values back exactly;
 * - the sheet the pane reads becomes the one on screen, so the sheet view follows the pane's own
 *   sheet picker too.
 * The sheet view reads through it (grid, fill, selection, subscribe).
 */
import { parseA1, toA1 } from "../engine";
import type { CellValue, Edit, Grid, UndoRecord } from "../engine";
import type { ApplyResult, Host, SheetRead } from "../hosts/host";
import { displayText } from "../hosts/memory";
import type { MemoryEvent, MemoryHost } from "../hosts/memory";
import { recalculate } from "./recalc";

/** Formula cells' values and texts before a write. */
type Snapshot = { cell: string; value: CellValue; text: string | null }[];

/** What the sheet view needs from a host. */
export interface ViewSource {
  grid(sheet: string): Grid;
  fill(sheet: string, cell: string): string | null;
  selection(): { sheet: string; cell: string } | null;
  select(sheet: string, cell: string): Promise<void>;
  subscribe(listener: (e: MemoryEvent) => void): () => void;
}

function put<T>(m: T[][], row: number, col: number, v: T, pad: T): void {
  while (m.length <= row) m.push([]);
  const r = m[row];
  while (r.length < col) r.push(pad);
  r[col] = v;
}

export class DemoHost implements Host, ViewSource {
  readonly kind = "memory" as const;
  private readonly snapshots = new WeakMap<UndoRecord, Snapshot>();
  private readonly listeners = new Set<(e: MemoryEvent) => void>();

  constructor(readonly memory: MemoryHost) {}

  get capabilities() {
    return this.memory.capabilities;
  }

  async read(sheet?: string): Promise<SheetRead> {
    if (sheet && sheet !== this.memory.activeSheet() && this.memory.sheetNames().includes(sheet))
      this.memory.setActive(sheet);
    return this.memory.read(sheet);
  }

  async apply(sheet: string, edits: Edit[]): Promise<ApplyResult> {
    const writesValues = edits.some((e) => e.kind === "value");
    const before = writesValues ? this.snapshot(sheet) : null;
    const res = await this.memory.apply(sheet, edits);
    if (res.ok && before) {
      this.snapshots.set(res.undo, before);
      this.recalc(sheet);
    }
    return res;
  }

  async undo(record: UndoRecord): Promise<void> {
    await this.memory.undo(record);
    const before = this.snapshots.get(record);
    if (!before) return;
    // Exactly what the formulas showed before the write, not a fresh recalculation.
    const g = this.memory.grid(record.sheet);
    for (const { cell, value, text } of before) {
      const p = parseA1(cell)!;
      put(g.values, p.row, p.col, value, null);
      if (!g.text) g.text = [];
      put(g.text, p.row, p.col, text, null);
    }
    this.emit({ type: "undo", sheet: record.sheet, cells: before.map((b) => b.cell) });
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.memory.select(sheet, cell);
  }

  onChange(callback: (sheet: string) => void): () => void {
    return this.memory.onChange(callback);
  }

  /** The pane's "导出校验结果" adds a sheet; the download writes it too. */
  addSheet(name: string, rows: CellValue[][]): Promise<string> {
    return this.memory.addSheet(name, rows);
  }

  getSetting(key: string): Promise<string | null> {
    return this.memory.getSetting(key);
  }

  setSetting(key: string, value: string | null): Promise<void> {
    return this.memory.setSetting(key, value);
  }

  // --- for the sheet view ----------------------------------------------------------------------

  grid(sheet: string): Grid {
    return this.memory.grid(sheet);
  }

  fill(sheet: string, cell: string): string | null {
    return this.memory.fill(sheet, cell);
  }

  selection() {
    return this.memory.selection();
  }

  subscribe(listener: (e: MemoryEvent) => void): () => void {
    const off = this.memory.subscribe(listener);
    this.listeners.add(listener);
    return () => {
      off();
      this.listeners.delete(listener);
    };
  }

  // --- internals -------------------------------------------------------------------------------

  private snapshot(sheet: string): Snapshot {
    const g = this.memory.grid(sheet);
    const out: Snapshot = [];
    g.formulas?.forEach((r, row) =>
      r?.forEach((f, col) => {
        if (f)
          out.push({
            cell: toA1(row, col),
            value: g.values[row]?.[col] ?? null,
            text: g.text?.[row]?.[col] ?? null,
          });
      }),
    );
    return out;
  }

  /** Formula results are the host's own bookkeeping, like Excel's recalculation: not an apply, not undoable alone. */
  private recalc(sheet: string): void {
    const g = this.memory.grid(sheet);
    const changed = recalculate(g, (row, col, value) => {
      put(g.values, row, col, value, null);
      if (!g.text) g.text = [];
      put(g.text, row, col, displayText(value, g.formats?.[row]?.[col] ?? null), null);
    });
    if (changed.length > 0) this.emit({ type: "apply", sheet, cells: changed });
  }

  private emit(e: MemoryEvent): void {
    for (const l of [...this.listeners]) l(e);
  }
}
