/**
 * Reading a worksheet: one sync for sheet names, active sheet, the used range's values, text,
 * formats and formulas, merged areas (ExcelApi 1.13) and protection. Excel on the web limits one
 * response to about 5 MB; when a large used range exceeds it, the read starts again in row chunks
 * (one sync for the shape, then one per chunk), so normal tables still take one sync.
 */
import type { MergedArea } from "../../engine/grid";
import { toA1 } from "../../engine/grid";
import type { SheetRead } from "../host";
import { HostError } from "../host";
import { errorMessage } from "../../engine/error-message";
import { gridFromUsedRange, type UsedRangeData } from "./cells";
import { BACKGROUND, editModeCode, errorCode, type ExcelState } from "./state";

/** Cells per chunk: four properties of 20,000 cells stay well under 5 MB unless cells hold long text. */
const CHUNK_CELLS = 20000;

const USED_PROPS = "rowIndex, columnIndex, values, text, numberFormat, formulas";

function tooLarge(e: unknown): boolean {
  const code = errorCode(e);
  return (
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RequestPayloadSizeLimitExceeded" ||
    /payload size/i.test(errorMessage(e))
  );
}

/**
 * A client that refuses to load the `areas` of the null RangeAreas a sheet without merged cells
 * gives: GeneralException (InvalidArgument seen too). Retried once with the areas after the sync.
 */
function nullAreasRefused(e: unknown): boolean {
  const code = errorCode(e);
  return code === "GeneralException" || code === "InvalidArgument";
}

type AreaItems = {
  items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[];
};

/**
 * Merged areas from their indexes and counts (no address parsing: sheet names may hold anything),
 * clipped to the used range: Excel returns each area whole, even past the used range's edge.
 */
function mergesFrom(
  areas: AreaItems | null,
  data: UsedRangeData | null,
  rows: number,
  cols: number,
): MergedArea[] {
  if (!areas || !data) return [];
  const bottom = data.rowIndex + rows - 1;
  const right = data.columnIndex + cols - 1;
  const out: MergedArea[] = [];
  for (const a of areas.items) {
    const m = {
      top: Math.max(a.rowIndex, data.rowIndex),
      left: Math.max(a.columnIndex, data.columnIndex),
      bottom: Math.min(a.rowIndex + a.rowCount - 1, bottom),
      right: Math.min(a.columnIndex + a.columnCount - 1, right),
    };
    if (m.top <= m.bottom && m.left <= m.right && (m.bottom > m.top || m.right > m.left)) out.push(m);
  }
  return out.sort((x, y) => x.top - y.top || x.left - y.left);
}

/** How a read goes: all in one sync (the normal case), or the fallbacks below. */
interface ReadMode {
  /** The used range in row chunks (Excel on the web refused one response over 5 MB). */
  chunked: boolean;
  /**
   * The merged areas' indexes in a sync of their own, only when there are areas: for a client that
   * refuses loading `areas` of the null object a sheet without merged cells returns (not seen in the
   * documentation either way; the normal path loads them in the one sync).
   */
  mergesAfter: boolean;
}

export async function readSheet(state: ExcelState, sheet?: string): Promise<SheetRead> {
  let mode: ReadMode = { chunked: false, mergesAfter: false };
  try {
    for (;;) {
      try {
        return await readOnce(state, sheet, mode);
      } catch (e) {
        if (tooLarge(e) && !mode.chunked) mode = { ...mode, chunked: true };
        else if (nullAreasRefused(e) && state.capabilities.mergedAreas && !mode.mergesAfter)
          mode = { ...mode, mergesAfter: true };
        else throw e;
      }
    }
  } catch (e) {
    // Typing in a cell on a client that ignores delayForCellEdit: not a failure of the sheet. The
    // pane keeps its report and reads again later (a re-check 400 ms after onChanged meets this).
    if (editModeCode(e)) throw new HostError("read", { reason: "edit-mode", sheet: sheet ?? "", cells: [] });
    if (sheet !== undefined && errorCode(e) === "ItemNotFound")
      throw new HostError("read", { reason: "no-sheet", sheet, cells: [] });
    throw new HostError("read", {
      reason: "read-failed",
      sheet: sheet ?? "",
      cells: [],
      detail: errorMessage(e),
    });
  }
}

async function readOnce(state: ExcelState, sheet: string | undefined, mode: ReadMode): Promise<SheetRead> {
  const { chunked, mergesAfter } = mode;
  const { api, has, capabilities } = state;
  // Reads are what the pane runs in the background (re-check after onChanged): wait out cell edit.
  return api.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const activeSheet = sheets.getActiveWorksheet();
    activeSheet.load("name");
    const ws = sheet === undefined ? activeSheet : sheets.getItem(sheet);
    ws.load("name");
    // valuesOnly: a column formatted to the bottom of the sheet must not make us read a million rows.
    const used = has("1.4")
      ? ws.getUsedRangeOrNullObject(true)
      : has("1.2")
        ? ws.getUsedRange(true)
        : ws.getUsedRange();
    used.load(chunked ? "rowIndex, columnIndex, rowCount, columnCount" : USED_PROPS);
    const merged = capabilities.mergedAreas ? used.getMergedAreasOrNullObject() : null;
    const AREA_PROPS = "items/rowIndex, items/columnIndex, items/rowCount, items/columnCount";
    let areas = merged && !mergesAfter ? merged.areas : null;
    areas?.load(AREA_PROPS);
    if (merged && mergesAfter) merged.load("areaCount");
    const protection = has("1.2") ? ws.protection : null;
    protection?.load("protected");

    await context.sync(); // the one round trip of a read (of the shape, when chunked)
    if (merged && mergesAfter && !merged.isNullObject) {
      areas = merged.areas;
      areas.load(AREA_PROPS);
      await context.sync(); // the fallback's extra round trip, only when there are merged areas
    }

    let data: UsedRangeData | null = null;
    if (!used.isNullObject && !chunked) {
      data = {
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        values: used.values,
        text: used.text,
        numberFormat: used.numberFormat,
        formulas: used.formulas,
      };
    } else if (!used.isNullObject) {
      data = await readChunks(context, ws, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
    }
    const rows = data?.values.length ?? 0;
    const cols = data?.values[0]?.length ?? 0;
    const merges = mergesFrom(merged && !merged.isNullObject ? areas : null, data, rows, cols);
    const isProtected = protection ? protection.protected : undefined;
    const grid = gridFromUsedRange(ws.name, data, merges, isProtected);
    state.known.set(ws.name, {
      protected: isProtected ?? null,
      merges,
      mergesKnown: capabilities.mergedAreas,
      grid,
      since: new Map(),
    });
    return { grid, sheets: sheets.items.map((s) => s.name), active: activeSheet.name };
  }, BACKGROUND);
}

/** Reads the used range in row chunks, one sync each; a chunk still too large is halved. */
async function readChunks(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  top: number,
  left: number,
  rowCount: number,
  colCount: number,
): Promise<UsedRangeData> {
  const out: UsedRangeData = {
    rowIndex: top,
    columnIndex: left,
    values: [],
    text: [],
    numberFormat: [],
    formulas: [],
  };
  // The whole range was too large: start at half of it at most.
  let step = Math.max(1, Math.min(Math.floor(CHUNK_CELLS / Math.max(1, colCount)), Math.ceil(rowCount / 2)));
  for (let r = 0; r < rowCount;) {
    const n = Math.min(step, rowCount - r);
    const address = `${toA1(top + r, left)}:${toA1(top + r + n - 1, left + colCount - 1)}`;
    const range = ws.getRange(address);
    range.load("values, text, numberFormat, formulas");
    try {
      // Deliberate: each chunk must be its own response to stay under the web's payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync(); // one chunk
    } catch (e) {
      if (!tooLarge(e) || n === 1) throw e;
      step = Math.max(1, n >> 1);
      continue;
    }
    out.values.push(...range.values);
    out.text.push(...range.text);
    out.numberFormat.push(...range.numberFormat);
    out.formulas.push(...range.formulas);
    r += n;
  }
  return out;
}
