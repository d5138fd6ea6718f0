/**
 * The Excel host (Office.js). Round trips are what make an add-in slow, so they are fixed, never
 * proportional to the sheet:
 *   read   — 1 sync: sheet names, active sheet, the used range's values/text/formats/formulas,
 *            merged areas (ExcelApi 1.13) and protection, all queued before one `context.sync()`.
 *   apply  — 1 sync when the last read found the sheet unprotected: the old values, formulas and
 *            fills are loaded in the same batch, queued *before* the writes, so Excel returns them as
 *            they were. 2 syncs when the sheet is protected (or was never read): the first finds
 *            locked cells and refuses before anything is written, the second writes.
 *            If the sheet was protected since and that one batch fails half way, one sync re-reads
 *            the targets and one more puts back what was written (Excel batches are not transactions).
 *   undo   — 1 sync for highlights; 2 when values are restored: the first finds cells the user has
 *            typed into since our write, which are left alone.  select — 1 sync.
 * Older Excel degrades: no merged areas below 1.13 (the layout infers them), no fill read-back below
 * 1.9 (undo clears a highlight instead of restoring the old fill, and the user is told), change
 * events per existing sheet on 1.7–1.8 (the workbook-wide event is 1.9), none below 1.7.
 */
import type { Grid, MergedArea } from "../../engine/grid";
import { parseA1, toA1 } from "../../engine/grid";
import type { CellValue } from "../../engine/grid";
import type { Edit, UndoEntry, UndoRecord } from "../../engine/types";
import type { ApplyResult, Host, HostCapabilities, SheetRead } from "../host";
import {
  excelText,
  excelValue,
  FORMULA_LEAD,
  formulaOf,
  gridFromUsedRange,
  normalizeColor,
  parseAreaList,
  type UsedRangeData,
} from "./cells";
import { OwnWrites } from "./own-writes";
import { errorMessage } from "../../engine/error-message";

/** What the host needs from Office.js; tests pass office-addin-mock objects instead. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Runs a batch in an existing context (removing an event handler needs the context that added it). */
  runIn<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  isSetSupported(version: string): boolean;
}

export interface ExcelHostOptions {
  /** How long after our own write a change event for the same cells is ignored (ms). */
  ownWriteWindowMs?: number;
}

/** Office.js as loaded in Excel. */
export function officeExcelApi(): ExcelApi {
  return {
    run: (batch) => Excel.run(batch),
    runIn: (context, batch) => Excel.run(context, batch),
    isSetSupported: (version) => {
      try {
        return Office.context.requirements.isSetSupported("ExcelApi", version);
      } catch {
        return false;
      }
    },
  };
}

/** An undo entry that also says what the apply touched, so undo leaves the rest of the cell alone. */
export interface ExcelUndoEntry extends UndoEntry {
  wrote: { value: boolean; fill: boolean };
}

interface SheetKnowledge {
  protected: boolean | null;
  merges: MergedArea[];
  mergesKnown: boolean;
  /**
   * The grid of the last read, and what we wrote or restored since: the state to put back if a
   * one-sync apply is cut short (a failed batch returns none of the old values it loaded).
   */
  grid?: Grid;
  since?: Map<string, { value: CellValue; formula: string | null }>;
}

/** Old state of one target cell, queued for loading before any write in the same batch. */
interface Before {
  cell: string;
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  lockedRange: Excel.Range | null;
}

const NOTE_FILLS_NOT_RESTORED =
  "此版本 Excel 不支持读取单元格原有填充色（需 ExcelApi 1.9）：撤销高亮时将清除填充色，而不是恢复原来的颜色。";

function errorCode(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
}

/** A value Excel returned equals one we wrote (text comes back without its quote prefix). */
function sameValue(raw: unknown, v: CellValue): boolean {
  const now = raw === "" || raw === undefined || raw === null ? null : raw;
  return now === v;
}

function listCells(cells: string[]): string {
  return cells.length > 12
    ? `${cells.slice(0, 12).join("、")} 等 ${cells.length} 个单元格`
    : cells.join("、");
}

export class ExcelHost implements Host {
  readonly kind = "excel" as const;
  readonly capabilities: HostCapabilities;

  private readonly api: ExcelApi;
  private readonly has: (version: string) => boolean;
  private readonly known = new Map<string, SheetKnowledge>();
  private readonly own: OwnWrites;
  /**
   * The value each apply wrote per cell, so undo can leave alone a cell the user has typed into
   * since. Kept beside the record rather than in it: the UndoRecord contract is shared.
   */
  private readonly written = new WeakMap<UndoRecord, Map<string, CellValue>>();

  constructor(api: ExcelApi = officeExcelApi(), options: ExcelHostOptions = {}) {
    this.api = api;
    const cache = new Map<string, boolean>();
    this.has = (v) => {
      if (!cache.has(v)) cache.set(v, api.isSetSupported(v));
      return cache.get(v)!;
    };
    this.capabilities = {
      restoreFills: this.has("1.9"),
      mergedAreas: this.has("1.13"),
      changeEvents: this.has("1.7"),
    };
    this.own = new OwnWrites(options.ownWriteWindowMs ?? 3000);
  }

  // --- read ------------------------------------------------------------------------------------

  async read(sheet?: string): Promise<SheetRead> {
    try {
      return await this.api.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        const activeSheet = sheets.getActiveWorksheet();
        activeSheet.load("name");
        const ws = sheet === undefined ? activeSheet : sheets.getItem(sheet);
        ws.load("name");
        // valuesOnly: a column formatted to the bottom of the sheet must not make us read a million rows.
        const used = this.has("1.4")
          ? ws.getUsedRangeOrNullObject(true)
          : this.has("1.2")
            ? ws.getUsedRange(true)
            : ws.getUsedRange();
        used.load("rowIndex, columnIndex, values, text, numberFormat, formulas");
        const merged = this.capabilities.mergedAreas ? used.getMergedAreasOrNullObject() : null;
        merged?.load("address");
        const protection = this.has("1.2") ? ws.protection : null;
        protection?.load("protected");

        await context.sync(); // the one round trip of a read

        const data: UsedRangeData | null = used.isNullObject
          ? null
          : {
              rowIndex: used.rowIndex,
              columnIndex: used.columnIndex,
              values: used.values,
              text: used.text,
              numberFormat: used.numberFormat,
              formulas: used.formulas,
            };
        const merges = merged && !merged.isNullObject ? parseAreaList(merged.address) : [];
        const isProtected = protection ? protection.protected : undefined;
        const grid = gridFromUsedRange(ws.name, data, merges, isProtected);
        this.known.set(ws.name, {
          protected: isProtected ?? null,
          merges,
          mergesKnown: this.capabilities.mergedAreas,
          grid,
          since: new Map(),
        });
        return { grid, sheets: sheets.items.map((s) => s.name), active: activeSheet.name };
      });
    } catch (e) {
      if (sheet !== undefined && errorCode(e) === "ItemNotFound") throw new Error(`工作表“${sheet}”不存在。`);
      throw new Error(`读取工作表失败：${errorMessage(e)}`);
    }
  }

  // --- apply -----------------------------------------------------------------------------------

  async apply(sheet: string, edits: Edit[]): Promise<ApplyResult> {
    const refused = this.refuseLocally(sheet, edits);
    if (refused) return refused;

    // One undo entry per cell, in first-touched order, recording what this batch writes there.
    const order: string[] = [];
    const wrote = new Map<string, { value: boolean; fill: boolean }>();
    for (const e of edits) {
      const cell = e.cell.toUpperCase();
      if (!wrote.has(cell)) {
        wrote.set(cell, { value: false, fill: false });
        order.push(cell);
      }
      if (e.kind === "value") wrote.get(cell)!.value = true;
      else wrote.get(cell)!.fill = true;
    }
    const notes: string[] = [];
    if (!this.capabilities.restoreFills && edits.some((e) => e.kind === "fill"))
      notes.push(NOTE_FILLS_NOT_RESTORED);
    if (order.length === 0) return { ok: true, undo: { sheet, entries: [] }, notes };

    // Check first unless the last read of this sheet saw it unprotected (and we hold what it read,
    // to put back if the sheet was protected since and Excel stops half way).
    const k0 = this.known.get(sheet);
    const checkFirst = !(k0?.protected === false && k0.grid);
    let stage = "check" as "check" | "write";
    try {
      return await this.api.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        const before = order.map((cell) => this.queueBefore(ws, cell, checkFirst && this.has("1.2")));
        let protection: Excel.WorksheetProtection | null = null;
        if (checkFirst && this.has("1.2")) {
          protection = ws.protection;
          protection.load("protected, options/allowFormatCells");
        }
        let undo: UndoRecord | null = null;
        if (checkFirst) {
          await context.sync(); // round trip 1 of 2: find locked cells before writing anything
          const blocked = protection ? this.blockedCells(before, wrote, protection) : [];
          this.known.set(sheet, {
            ...(this.known.get(sheet) ?? { merges: [], mergesKnown: false }),
            protected: protection ? protection.protected : null,
          });
          if (blocked.length > 0) {
            return {
              ok: false,
              reason: "protected",
              cells: blocked,
              message: `工作表“${sheet}”受保护，${listCells(blocked)} 不能写入，未写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。`,
            } as ApplyResult;
          }
          undo = this.undoFrom(sheet, before, wrote);
        }
        stage = "write";
        for (const e of edits) this.queueWrite(ws, e);
        const mark = this.own.begin(sheet, order);
        try {
          await context.sync(); // the write (and, on the one-sync path, the old state loaded before it)
        } finally {
          mark.done(); // a failed write must not leave the cells marked ours for ever
        }
        this.remember(sheet, edits);
        const record = undo ?? this.undoFrom(sheet, before, wrote);
        const values = new Map<string, CellValue>();
        for (const e of edits) if (e.kind === "value") values.set(e.cell.toUpperCase(), e.value);
        this.written.set(record, values);
        return { ok: true, undo: record, notes } as ApplyResult;
      });
    } catch (e) {
      const code = errorCode(e);
      // Whatever went wrong, stop trusting what the last read said about protection: check first next time.
      const k = this.known.get(sheet);
      if (k) k.protected = null;
      if (code === "ItemNotFound")
        return {
          ok: false,
          reason: "failed",
          cells: [],
          message: `工作表“${sheet}”不存在，未写入任何内容。`,
        };
      // The one-sync path wrote in the same batch as it loaded the old state, and Excel is not
      // transactional: cells before the failing one may hold our text now. Find out and put them back.
      if (!checkFirst && stage === "write") return this.recover(sheet, edits, order, e);
      if (code === "AccessDenied" || code === "InvalidOperationInCellEditMode") {
        const why =
          code === "AccessDenied"
            ? "工作表在校验后被保护"
            : "Excel 正处于单元格编辑状态（请先按 Enter 或 Esc 结束编辑）";
        return {
          ok: false,
          reason: code === "AccessDenied" ? "protected" : "failed",
          cells: order,
          message:
            stage === "check" || !checkFirst
              ? `${why}，写入被 Excel 拒绝。请重新校验后再写入，并检查 ${listCells(order)} 是否与预期一致。`
              : `${why}，写入被 Excel 拒绝。`,
        };
      }
      return {
        ok: false,
        reason: "failed",
        cells: order,
        message: `写入失败：${errorMessage(e)}。请重新校验后再试。`,
      };
    }
  }

  /** What a cell held at the last read, updated by our own writes and undos since; null when unknown. */
  private lastKnown(sheet: string, cell: string): { value: CellValue; formula: string | null } | null {
    const k = this.known.get(sheet);
    if (!k?.grid) return null;
    const since = k.since?.get(cell);
    if (since) return since;
    const p = parseA1(cell)!;
    return {
      value: k.grid.values[p.row]?.[p.col] ?? null,
      formula: k.grid.formulas?.[p.row]?.[p.col] ?? null,
    };
  }

  private remember(sheet: string, edits: Edit[]): void {
    const k = this.known.get(sheet);
    if (!k?.grid) return;
    k.since ??= new Map();
    for (const e of edits)
      if (e.kind === "value") k.since.set(e.cell.toUpperCase(), { value: e.value, formula: null });
  }

  /**
   * After a one-sync apply failed: one sync re-reads the target cells, and where a cell now holds
   * what we wrote (and did not before), a second sync writes back what the last read saw there.
   * The message says exactly what happened; it never claims nothing was written when something was.
   */
  private async recover(sheet: string, edits: Edit[], order: string[], error: unknown): Promise<ApplyResult> {
    const code = errorCode(error);
    const why =
      code === "AccessDenied"
        ? "工作表在校验后被保护，写入被 Excel 拒绝"
        : code === "InvalidOperationInCellEditMode"
          ? "Excel 正处于单元格编辑状态（请先按 Enter 或 Esc 结束编辑），写入被拒绝"
          : `写入失败（${errorMessage(error)}）`;
    const reason = code === "AccessDenied" ? "protected" : "failed";
    const values = new Map<string, CellValue>();
    const fills = new Map<string, string>();
    for (const e of edits) {
      if (e.kind === "value") values.set(e.cell.toUpperCase(), e.value);
      else fills.set(e.cell.toUpperCase(), normalizeColor(e.color)!);
    }
    const restored: string[] = [];
    const fillsChanged: string[] = [];
    try {
      return await this.api.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        const now = order.map((cell) => {
          const range = ws.getRange(cell);
          range.load("values");
          const props =
            fills.has(cell) && this.capabilities.restoreFills
              ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } })
              : null;
          return { cell, range, props };
        });
        await context.sync(); // re-read what the failed batch left behind
        const toRestore: { cell: string; value: CellValue; formula: string | null }[] = [];
        const unknownOld: string[] = [];
        for (const n of now) {
          if (values.has(n.cell) && sameValue(n.range.values[0][0], values.get(n.cell)!)) {
            const old = this.lastKnown(sheet, n.cell);
            if (!old) unknownOld.push(n.cell);
            else if (old.formula !== null || !sameValue(old.value, values.get(n.cell)!))
              toRestore.push({ cell: n.cell, ...old });
          }
          if (fills.has(n.cell)) {
            const f = n.props?.value[0][0].format?.fill;
            // Below ExcelApi 1.9 the fill cannot be read: say it may have changed.
            if (!n.props || (f && f.pattern !== "None" && f.color?.toUpperCase() === fills.get(n.cell)))
              fillsChanged.push(n.cell);
          }
        }
        let restoreFailed = false;
        if (toRestore.length > 0) {
          for (const t of toRestore) {
            const range = ws.getRange(t.cell);
            if (t.formula) range.formulas = [[t.formula]];
            else range.values = [[excelValue(t.value)]];
          }
          const mark = this.own.begin(
            sheet,
            toRestore.map((t) => t.cell),
          );
          try {
            await context.sync();
            restored.push(...toRestore.map((t) => t.cell));
            const k = this.known.get(sheet);
            for (const t of toRestore) k?.since?.set(t.cell, { value: t.value, formula: t.formula });
          } catch {
            restoreFailed = true;
          } finally {
            mark.done();
          }
        }
        const written = [...unknownOld, ...(restoreFailed ? toRestore.map((t) => t.cell) : [])];
        const parts: string[] = [`${why}。`];
        if (written.length === 0 && fillsChanged.length === 0) {
          parts.push(
            restored.length > 0
              ? `已写入的 ${listCells(restored)} 已恢复为校验时的内容，工作表未改变。`
              : "未写入任何内容。",
          );
        } else {
          if (restored.length > 0) parts.push(`已写入的 ${listCells(restored)} 已恢复为校验时的内容。`);
          if (written.length > 0)
            parts.push(`${listCells(written)} 已被写入新内容且未能恢复，请检查这些单元格。`);
          if (fillsChanged.length > 0)
            parts.push(`${listCells(fillsChanged)} 的填充色可能已被改为高亮色且未能恢复，请检查。`);
        }
        parts.push("请重新校验后再试。");
        const left = [...written, ...fillsChanged];
        return {
          ok: false,
          reason,
          cells: left.length > 0 ? left : order,
          message: parts.join(""),
        } as ApplyResult;
      });
    } catch {
      return {
        ok: false,
        reason,
        cells: order,
        message: `${why}。部分单元格可能已被写入，且无法重新读取确认，请检查 ${listCells(order)} 是否与预期一致，然后重新校验。`,
      };
    }
  }

  /** Everything that can be refused without a round trip: bad addresses, bad colours, formula-like text, inside merges. */
  private refuseLocally(sheet: string, edits: Edit[]): ApplyResult | null {
    const bad: string[] = [];
    const formulaLike: string[] = [];
    const merges = this.known.get(sheet)?.merges ?? [];
    for (const e of edits) {
      const p = parseA1(e.cell);
      if (!p) {
        bad.push(e.cell);
        continue;
      }
      if (e.kind === "fill") {
        if (!normalizeColor(e.color)) bad.push(e.cell);
        continue;
      }
      if (typeof e.value === "string" && FORMULA_LEAD.test(e.value)) formulaLike.push(e.cell);
      if (typeof e.value === "number" && !Number.isFinite(e.value)) bad.push(e.cell);
      // A value written inside a merged area but not at its top-left corner is lost or refused by Excel.
      const m = merges.find(
        (a) => p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right,
      );
      if (m && (p.row !== m.top || p.col !== m.left)) bad.push(e.cell);
    }
    if (formulaLike.length > 0) {
      return {
        ok: false,
        reason: "failed",
        cells: formulaLike,
        message: `要写入 ${listCells(formulaLike)} 的文字以 = + - @ 开头，Excel 会把它当作公式，未写入任何内容。`,
      };
    }
    if (bad.length > 0) {
      return {
        ok: false,
        reason: "unwritable",
        cells: bad,
        message: `${listCells(bad)} 无法写入（地址或颜色无效，或位于合并单元格内而不是其左上角），未写入任何内容。`,
      };
    }
    return null;
  }

  private queueBefore(ws: Excel.Worksheet, cell: string, withLocked: boolean): Before {
    const range = ws.getRange(cell);
    range.load("values, formulas");
    let props: Before["props"] = null;
    if (this.capabilities.restoreFills) {
      const format: Excel.CellPropertiesFormatLoadOptions = { fill: { color: true, pattern: true } };
      if (withLocked) format.protection = true;
      props = range.getCellProperties({ format });
    }
    let lockedRange: Excel.Range | null = null;
    if (withLocked && !props) {
      lockedRange = ws.getRange(cell);
      lockedRange.format.protection.load("locked");
    }
    return { cell, range, props, lockedRange };
  }

  private blockedCells(
    before: Before[],
    wrote: Map<string, { value: boolean; fill: boolean }>,
    protection: Excel.WorksheetProtection,
  ): string[] {
    if (!protection.protected) return [];
    const formatAllowed = !!protection.options?.allowFormatCells;
    const out: string[] = [];
    for (const b of before) {
      const w = wrote.get(b.cell)!;
      const locked = b.props
        ? b.props.value[0][0].format?.protection?.locked
        : b.lockedRange?.format.protection.locked;
      // Unknown (null) counts as locked: refusing is safe, a half-written batch is not.
      if ((w.value && locked !== false) || (w.fill && !formatAllowed)) out.push(b.cell);
    }
    return out;
  }

  private undoFrom(
    sheet: string,
    before: Before[],
    wrote: Map<string, { value: boolean; fill: boolean }>,
  ): UndoRecord {
    const entries: ExcelUndoEntry[] = before.map((b) => {
      const raw = b.range.values[0][0];
      const f = b.range.formulas[0][0];
      const value: CellValue = raw === "" || raw === undefined || raw === null ? null : (raw as CellValue);
      const fmt = b.props?.value[0][0].format;
      const fillKnown = !!fmt?.fill;
      const fill =
        fmt?.fill && fmt.fill.pattern !== "None" && fmt.fill.color ? fmt.fill.color.toUpperCase() : null;
      return {
        cell: b.cell,
        value,
        formula: formulaOf(f, raw),
        fill: fillKnown ? fill : null,
        fillKnown,
        wrote: wrote.get(b.cell)!,
      };
    });
    return { sheet, entries };
  }

  private queueWrite(ws: Excel.Worksheet, e: Edit): void {
    const range = ws.getRange(e.cell);
    if (e.kind === "fill") {
      range.format.fill.color = normalizeColor(e.color)!;
    } else {
      range.values = [[typeof e.value === "string" ? excelText(e.value) : e.value]];
    }
  }

  // --- undo, select ----------------------------------------------------------------------------

  async undo(record: UndoRecord): Promise<void> {
    if (record.entries.length === 0) return;
    try {
      await this.api.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(record.sheet);
        // One read first, only when values are to be restored: a cell that no longer holds what we
        // wrote was typed into since, and the user's text wins over our undo.
        const written = this.written.get(record);
        const checks = written
          ? record.entries
              .filter((e) => (e.wrote ?? { value: true }).value && written.has(e.cell))
              .map((e) => {
                const range = ws.getRange(e.cell);
                range.load("values, formulas");
                return { cell: e.cell, range };
              })
          : [];
        const theirs = new Set<string>();
        if (checks.length > 0) {
          await context.sync();
          for (const c of checks) {
            const raw = c.range.values[0][0];
            if (formulaOf(c.range.formulas[0][0], raw) !== null || !sameValue(raw, written!.get(c.cell)!))
              theirs.add(c.cell);
          }
        }
        const restoredValues: UndoEntry[] = [];
        const touched: string[] = [];
        for (const entry of record.entries) {
          const wrote = (entry as Partial<ExcelUndoEntry>).wrote ?? { value: true, fill: true };
          const range = ws.getRange(entry.cell);
          if (wrote.value && !theirs.has(entry.cell)) {
            restoredValues.push(entry);
            if (entry.formula) range.formulas = [[entry.formula]];
            else range.values = [[excelValue(entry.value)]];
          }
          if (wrote.fill) {
            if (entry.fillKnown && entry.fill) range.format.fill.color = entry.fill;
            else range.format.fill.clear(); // no fill before, or older Excel that could not tell us
          }
          if (wrote.fill || (wrote.value && !theirs.has(entry.cell))) touched.push(entry.cell);
        }
        if (touched.length === 0) return;
        const mark = this.own.begin(record.sheet, touched);
        try {
          await context.sync();
        } finally {
          mark.done();
        }
        const k = this.known.get(record.sheet);
        for (const entry of restoredValues)
          k?.since?.set(entry.cell, { value: entry.value, formula: entry.formula });
      });
    } catch (e) {
      throw new Error(`撤销失败：${errorMessage(e)}`);
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (!parseA1(cell) && !/^[A-Za-z$]+\$?\d+:[A-Za-z$]+\$?\d+$/.test(cell)) return;
    try {
      await this.api.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw new Error(`无法定位到“${sheet}”的 ${cell}：${errorMessage(e)}`);
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
      return await this.api.run(async (context) => {
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
        const mark = this.own.begin(used, cells);
        try {
          await context.sync();
        } finally {
          mark.done();
        }
        return used;
      });
    } catch (e) {
      throw new Error(`无法新建工作表“${base}”：${errorMessage(e)}`);
    }
  }

  // --- change events ---------------------------------------------------------------------------

  onChange(callback: (sheet: string) => void): () => void {
    if (!this.capabilities.changeEvents) return () => undefined;
    // WorksheetCollection.onChanged needs ExcelApi 1.9; on 1.7–1.8 each sheet's own onChanged is
    // used instead (sheets added after subscribing are then not watched until the pane re-subscribes).
    const perSheet = !this.has("1.9");
    let handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
    let stopped = false;
    const names = new Map<string, string>();

    const onChanged = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
      if (stopped) return;
      let name = names.get(event.worksheetId);
      if (name === undefined) {
        // A sheet added or renamed since we subscribed: ask once, then remember.
        name = await this.api.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(event.worksheetId);
          ws.load("name");
          await context.sync();
          return ws.name;
        });
        names.set(event.worksheetId, name);
      }
      if (this.own.isOwn(name, event.address)) return;
      callback(name);
    };

    const ready = this.api
      .run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/id, items/name");
        const added: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
        if (!perSheet) added.push(sheets.onChanged.add(onChanged));
        await context.sync();
        for (const s of sheets.items) names.set(s.id, s.name);
        if (perSheet) {
          for (const s of sheets.items) added.push(sheets.getItem(s.id).onChanged.add(onChanged));
          await context.sync();
        }
        handlers = added;
      })
      .catch(() => {
        handlers = []; // events unavailable in this client: the pane still re-checks after its own writes
      });

    return () => {
      if (stopped) return;
      stopped = true;
      void ready.then(async () => {
        if (handlers.length === 0) return;
        try {
          await this.api.runIn(handlers[0].context as Excel.RequestContext, async (context) => {
            for (const h of handlers) h.remove();
            await context.sync();
          });
        } catch {
          // The pane is closing; nothing to clean up that Excel will not drop itself.
        }
      });
    };
  }
}
