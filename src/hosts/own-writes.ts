/**
 * Remembers the cells a host itself just wrote, so that the change events Excel (onChanged) and WPS
 * (SheetChange) raise for them do not trigger a re-check (the pane re-checks after every write
 * anyway). An event is ours only when every cell it names was written by us within the window and
 * not yet matched by an earlier event; anything else is the user's. `sheet` is whatever key the host
 * uses for a sheet (WPS: the workbook and the sheet). The clock is injected, so tests never sleep.
 */
import { parseRange, toA1 } from "../engine/grid";

interface Batch {
  sheet: string;
  cells: Set<string>;
  until: number;
}

/** Events for ranges larger than this are never treated as ours (we write single cells). */
const MAX_EVENT_CELLS = 10000;

export class OwnWrites {
  private batches: Batch[] = [];

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call just before the sync that writes `cells`; `done()` after it, to start the window from then. */
  begin(sheet: string, cells: string[]): { done(): void } {
    const batch: Batch = { sheet, cells: new Set(cells.map((c) => c.toUpperCase())), until: Infinity };
    this.batches.push(batch);
    return {
      done: () => {
        batch.until = this.now() + this.windowMs;
      },
    };
  }

  /** True when an event on `sheet` at `address` ("B5", "B5:C7", "Sheet1!B5") is one of our writes. */
  isOwn(sheet: string, address: string): boolean {
    const t = this.now();
    this.batches = this.batches.filter((b) => b.until >= t);
    const area = parseRange(address);
    if (!area) return false;
    const n = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (n > MAX_EVENT_CELLS) return false;
    const mine = this.batches.filter((b) => b.sheet === sheet);
    if (mine.length === 0) return false;
    const cells: string[] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const a1 = toA1(r, c);
        if (!mine.some((b) => b.cells.has(a1))) return false;
        cells.push(a1);
      }
    }
    // Each write raises its event once: consume it, so a user's edit of the same cell right after still counts.
    for (const a1 of cells) mine.find((b) => b.cells.has(a1))!.cells.delete(a1);
    return true;
  }
}
