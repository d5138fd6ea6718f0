/**
 * Applying edits to an ET worksheet under the write rules: check everything first (addresses, text
 * a spreadsheet would read as a formula, sheet protection and locked cells, parts of merged areas),
 * then record each cell's old Value2 / Formula / fill, then write. A failure half-way restores what
 * was already written. Bridge calls per edited cell: about 8 (Range, MergeCells, Value2, Formula,
 * Interior, ColorIndex, Color, the write), + 1 (Locked) on a protected sheet.
 */
import type { CellValue } from "../../engine/grid";
import { parseA1, parseRange } from "../../engine/grid";
import type { Edit, UndoEntry, UndoRecord } from "../../engine/types";
import type { ApplyResult } from "../host";
import { bgrToRgbHex, rgbHexToBgr } from "./color";
import { XL_NONE, type EtRange, type EtWorksheet } from "./et";
import { toCellValue } from "./values";
import { FORMULA_LEAD, typedText } from "../text-safety";
import { errorMessage } from "../../engine/error-message";

/**
 * The value each apply wrote per cell (what it ended with when a batch wrote a cell twice), so undo
 * can tell a cell the user has typed into since from one still holding our text, and leave the
 * user's alone. Kept beside the record rather than in it: the UndoRecord contract is shared.
 */
const writtenValues = new WeakMap<UndoRecord, Map<string, CellValue>>();

function writtenBy(edits: Edit[], cells: Iterable<string>): Map<string, CellValue> {
  const keep = new Set(cells);
  const out = new Map<string, CellValue>();
  for (const e of edits) if (e.kind === "value" && keep.has(upper(e.cell))) out.set(upper(e.cell), e.value);
  return out;
}

/** Called before each content write, so the host can recognise the SheetChange it causes. */
export type WriteNotice = (cell: string) => void;

function upper(cell: string): string {
  return cell.trim().replace(/\$/g, "").toUpperCase();
}

/** Reads the fill of one cell: "#RRGGBB", or null for none (ColorIndex/Pattern xlNone). */
function readFill(r: EtRange): { fill: string | null; known: boolean } {
  const interior = r.Interior;
  const index: unknown = interior.ColorIndex;
  if (index === XL_NONE) return { fill: null, known: true };
  const hex = bgrToRgbHex(interior.Color);
  return hex ? { fill: hex, known: true } : { fill: null, known: false };
}

export function applyEdits(ws: EtWorksheet, sheet: string, edits: Edit[], notice: WriteNotice): ApplyResult {
  const cells: string[] = [];
  for (const e of edits) {
    const c = upper(e.cell);
    if (!cells.includes(c)) cells.push(c);
  }
  const invalid = cells.filter((c) => !parseA1(c));
  const badColors = edits
    .filter((e) => e.kind === "fill" && rgbHexToBgr(e.color) === null)
    .map((e) => upper(e.cell));
  if (invalid.length > 0 || badColors.length > 0) {
    const list = [...invalid, ...badColors];
    return {
      ok: false,
      reason: "unwritable",
      cells: list,
      message: `单元格 ${list.join("、")} 的地址或颜色无效，未写入任何内容。`,
    };
  }
  const formulaLike = edits.filter(
    (e) => e.kind === "value" && typeof e.value === "string" && FORMULA_LEAD.test(e.value),
  );
  if (formulaLike.length > 0) {
    const list = formulaLike.map((e) => upper(e.cell));
    return {
      ok: false,
      reason: "failed",
      cells: list,
      message: `要写入 ${list.join("、")} 的文字以 = + - @ 开头，会被当作公式，未写入任何内容。`,
    };
  }

  const ranges = new Map<string, EtRange>();
  for (const c of cells) ranges.set(c, ws.Range(c));

  // Protection first: nothing is written on a protected sheet unless every target cell is unlocked
  // and, for highlights, the protection allows formatting cells.
  if (ws.ProtectContents === true) {
    const locked = cells.filter((c) => ranges.get(c)!.Locked !== false);
    const fillCells = cells.filter((c) => edits.some((e) => e.kind === "fill" && upper(e.cell) === c));
    const formatBlocked = fillCells.length > 0 && ws.Protection.AllowFormattingCells !== true;
    if (locked.length > 0 || formatBlocked) {
      const list = locked.length > 0 ? locked : fillCells;
      return {
        ok: false,
        reason: "protected",
        cells: list,
        message:
          `工作表“${sheet}”受保护，${list.join("、")} 不能${locked.length > 0 ? "修改" : "设置填充色"}，未写入任何内容。` +
          "请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。",
      };
    }
  }

  // A value can only go into the top-left cell of a merged area.
  const inside: string[] = [];
  for (const c of cells) {
    const r = ranges.get(c)!;
    if (r.MergeCells !== true) continue;
    const area = parseRange(String(r.MergeArea.Address(false, false)));
    const p = parseA1(c)!;
    if (area && (area.top !== p.row || area.left !== p.col)) inside.push(c);
  }
  if (inside.length > 0) {
    return {
      ok: false,
      reason: "unwritable",
      cells: inside,
      message: `单元格 ${inside.join("、")} 位于合并单元格中间，无法单独写入，未写入任何内容。`,
    };
  }

  // Record first.
  const wrote = new Map<string, { value: boolean; fill: boolean }>();
  for (const e of edits) {
    const w = wrote.get(upper(e.cell)) ?? { value: false, fill: false };
    if (e.kind === "fill") w.fill = true;
    else w.value = true;
    wrote.set(upper(e.cell), w);
  }
  const entries: UndoEntry[] = cells.map((c) => {
    const r = ranges.get(c)!;
    const value = toCellValue(r.Value2);
    const f: unknown = r.Formula;
    const formula = typeof f === "string" && f.startsWith("=") && f !== value ? f : null;
    const { fill, known } = readFill(r);
    return {
      cell: c,
      value,
      formula,
      fill,
      fillKnown: known,
      wrote: wrote.get(c) ?? { value: true, fill: true },
    };
  });
  const undo: UndoRecord = { sheet, entries };

  // Then write; on a failure, put back what was already written.
  const touched = new Set<string>();
  try {
    for (const e of edits) {
      const c = upper(e.cell);
      const r = ranges.get(c)!;
      touched.add(c);
      if (e.kind === "fill") {
        r.Interior.Color = rgbHexToBgr(e.color)!;
      } else {
        notice(c);
        // Text goes in as text: "100%", "1/2" or "2021-3-1" would otherwise become numbers or dates.
        (r as { Value2: unknown }).Value2 = typeof e.value === "string" ? typedText(e.value) : e.value;
      }
    }
  } catch (err) {
    const partial: UndoRecord = { sheet, entries: entries.filter((x) => touched.has(x.cell)) };
    writtenValues.set(
      partial,
      writtenBy(
        edits.filter((e) => touched.has(upper(e.cell))),
        touched,
      ),
    );
    let restored = true;
    try {
      restoreEntries(ws, partial, notice);
    } catch {
      restored = false;
    }
    return {
      ok: false,
      reason: "failed",
      cells: [...touched],
      message:
        `写入 ${[...touched].pop()} 时 WPS 报错（${errorMessage(err)}）。` +
        (restored
          ? "已恢复已写入的单元格，工作表未改变。"
          : "恢复已写入的单元格时也出错，请用 Ctrl+Z 检查。"),
    };
  }
  writtenValues.set(undo, writtenBy(edits, cells));
  return { ok: true, undo, notes: [] };
}

function sameFill(r: EtRange, fill: string | null, known: boolean): boolean {
  const now = readFill(r);
  return now.known && known && now.fill === fill;
}

/** Writes a recorded old value back, as what it was: formula, text, number or nothing. */
function restoreValue(r: EtRange, value: CellValue, formula: string | null): void {
  if (formula !== null) r.Formula = formula;
  else if (value === null) r.ClearContents();
  // Old text that looks like a formula, number or date was text in the cell: keep it text (the
  // apostrophe is ET's text prefix and is not shown in the cell).
  else if (typeof value === "string") r.Value2 = typedText(value);
  else (r as { Value2: unknown }).Value2 = value;
}

export function restoreEntries(ws: EtWorksheet, record: UndoRecord, notice: WriteNotice): void {
  const written = writtenValues.get(record);
  for (const e of record.entries.slice().reverse()) {
    const r = ws.Range(e.cell);
    const w = e.wrote ?? { value: true, fill: true };
    if (w.value) {
      const v = toCellValue(r.Value2);
      const f: unknown = r.Formula;
      const formula = typeof f === "string" && f.startsWith("=") && f !== v ? f : null;
      // A cell that no longer holds what we wrote was typed into since: the user's text wins.
      const ours = !written?.has(e.cell) || (formula === null && v === written.get(e.cell));
      if (ours && (v !== e.value || formula !== e.formula)) {
        notice(e.cell);
        restoreValue(r, e.value, e.formula);
      }
    }
    // Restore a fill only where it changed, so untouched fills (theme colours, patterns) stay exact.
    if (w.fill && !sameFill(r, e.fill, e.fillKnown)) {
      if (e.fill !== null && e.fillKnown) r.Interior.Color = rgbHexToBgr(e.fill)!;
      else r.Interior.ColorIndex = XL_NONE;
    }
  }
}
