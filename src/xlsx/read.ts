/**
 * Reads a workbook — .xlsx, or an old .xls (BIFF8) — into one Grid per worksheet, in Node and the
 * browser (no fs here; see read-file.ts). SheetJS (@e965/xlsx) parses the cells, shared strings,
 * number formats and merges; JSZip checks the container first (its directory only), so a truncated
 * file or a zip bomb is refused before anything is inflated. Everything is bounded by ReadLimits. A large
 * workbook with several sheets can be read in two passes (ReadOptions.tablesOnlyFromBytes), so that a data
 * sheet beside the 自评表 is never parsed beyond its first rows.
 * Bad input rejects with an XlsxReadError carrying a Chinese message.
 *
 * Chosen by measurement (2 shared CPUs, whole processes, the bench's 5,000-indicator workbook): SheetJS'
 * core build parses it in 0.40–0.44 s at 88 MB peak; JSZip + fast-xml-parser (the parse alone, no Grid)
 * 0.77–0.96 s at 113–116 MB and 45 s / 3.2 GB on the row bomb; exceljs' load 0.85–0.99 s at 116–119 MB
 * and out of memory on the far column and the giant merge. SheetJS also reads .xls.
 */
import JSZip from "jszip/dist/jszip.min.js";
import type { WorkBook } from "@e965/xlsx";
import type { Grid } from "../engine/grid";
import { errorMessage } from "../engine/error-message";
import { UNREADABLE_PREFIX, XlsxReadError } from "./errors";
import { DEFAULT_LIMITS, limitMessages, ReadLimits } from "./limits";
import { sheetProtections } from "./protection";
import { couldBeTable, sheetToGrid } from "./sheet-grid";

export { UNREADABLE_PREFIX, XlsxReadError } from "./errors";
export type XlsxInput = ArrayBuffer | Uint8Array;

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  /** The file's name, when known: an old format is named by its extension in messages. */
  fileName?: string;
  /**
   * From this many bytes on, an .xlsx with several worksheets is read in two passes: first every sheet's
   * first PREVIEW_ROWS rows, then in full only the sheets that could be a 自评表 (couldBeTable); the others
   * keep their preview, enough for the engine to say they are not one. Unset: one pass (the demo, which
   * shows every sheet whole). The file reader of the CLI sets it.
   */
  tablesOnlyFromBytes?: number;
}

/** Rows of every sheet the first of two passes reads: where couldBeTable looks for header words. */
const PREVIEW_ROWS = 200;

/** Bytes a container may inflate to in all; a 自评表 inflates to well under 10 MB. */
const MAX_INFLATED = 128 * 1024 * 1024;

function fail(message: string): never {
  throw new XlsxReadError(`${UNREADABLE_PREFIX}${message}`);
}

function bytesOf(data: XlsxInput): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  // Buffers from another realm (jsdom, workers) fail instanceof but still look like views.
  const view = data as unknown as { buffer?: ArrayBuffer; byteOffset?: number; byteLength?: number };
  if (view && view.buffer && typeof view.byteLength === "number") {
    return new Uint8Array(view.buffer, view.byteOffset ?? 0, view.byteLength);
  }
  return fail("传入的不是文件内容（需要 ArrayBuffer 或 Uint8Array）");
}

type Kind = "zip" | "ole";

function kindOf(b: Uint8Array): Kind {
  if (b.length === 0) fail("文件是空的（0 字节），请确认文件已完整保存或下载");
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return "ole";
  const zip =
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    (b[2] === 0x03 || b[2] === 0x05) &&
    (b[3] === 0x04 || b[3] === 0x06);
  if (!zip) fail("不是有效的 .xlsx 工作簿（文件内容不是 Excel 的 zip 格式），请用 Excel/WPS 另存为 .xlsx");
  return "zip";
}

/**
 * The zip's directory only: a broken container, a zip that is not a workbook, or a zip bomb. Returns how
 * many worksheets the directory lists.
 */
async function checkZip(bytes: Uint8Array): Promise<number> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return fail(`不是有效的 .xlsx 工作簿（${errorMessage(e)}）`);
  }
  if (
    !zip.file("xl/workbook.xml") &&
    !zip.file("xl/workbook.bin") &&
    !zip.file(/^xl\/[^/]*workbook[^/]*\.xml$/i).length
  )
    fail(
      "这是一个 zip 压缩包，但不是 .xlsx 工作簿（里面没有 xl/workbook.xml）。请用 Excel/WPS 打开表格后另存为 .xlsx",
    );
  let inflated = 0;
  for (const f of Object.values(zip.files)) {
    // JSZip keeps each entry's declared size from the central directory; nothing is inflated here.
    const size = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof size === "number") inflated += size;
  }
  if (inflated > MAX_INFLATED)
    fail(
      `文件解压后有 ${Math.round(inflated / 1048576)} MB，超过上限 ${MAX_INFLATED / 1048576} MB（自评表解压后通常不到 10 MB）`,
    );
  return zip.file(/^xl\/worksheets\/[^/]+\.xml$/i).length;
}

function oleMessage(fileName: string | undefined, why: string): string {
  if (fileName && /\.et$/i.test(fileName))
    return "这是 WPS 的 .et 格式，ziping 无法直接读取。请在 WPS 中打开，另存为 .xlsx 后再检查";
  if (/password|encrypt/i.test(why))
    return "文件设置了打开密码（已加密），或是旧版 .xls 格式。请在 Excel/WPS 中取消密码或另存为 .xlsx 后再检查";
  return `文件设置了打开密码（已加密），或是旧版 .xls 格式。请在 Excel/WPS 中取消密码或另存为 .xlsx 后再检查`;
}

type SheetJS = typeof import("@e965/xlsx");

/**
 * SheetJS' core build reads .xlsx and weighs ~30 MB less than the full one, whose code-page tables
 * only old binary .xls files need; each is loaded the first time it is needed.
 */
async function sheetJs(kind: Kind): Promise<SheetJS> {
  const m = (
    kind === "zip" ? await import("@e965/xlsx/dist/xlsx.core.min.js") : await import("@e965/xlsx")
  ) as SheetJS & { default?: SheetJS };
  return typeof m.read === "function" ? m : (m.default as SheetJS);
}

/** Loads the .xlsx parser ahead of the first file (a worker waiting for its first job calls this). */
export function preloadReader(): void {
  void sheetJs("zip").catch(() => undefined);
}

function parse(
  X: SheetJS,
  bytes: Uint8Array,
  kind: Kind,
  limits: ReadLimits,
  fileName?: string,
  only?: { rows?: number; sheets?: string[] },
): WorkBook {
  try {
    return X.read(bytes, {
      type: "array",
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellDates: false,
      // Formulas without a cached result come as stubs; other stubs (styled empty cells) are skipped.
      sheetStubs: true,
      // Rows beyond the cap are never parsed; one more tells "at the cap" from "over it".
      sheetRows: only?.rows ?? limits.rows + 1,
      ...(only?.sheets ? { sheets: only.sheets } : {}),
      bookFiles: kind === "zip",
      WTF: false,
    });
  } catch (e) {
    const why = errorMessage(e);
    if (kind === "ole") return fail(oleMessage(fileName, why));
    return fail(`不是有效的 .xlsx 工作簿（${why.split("\n")[0]}）`);
  }
}

/** Every worksheet of a workbook as a Grid, in workbook order; chart and macro sheets are left out. */
export async function readWorkbook(data: XlsxInput, options: ReadOptions = {}): Promise<Grid[]> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const bytes = bytesOf(data);
  if (bytes.length > limits.fileBytes) fail(limitMessages.fileBytes(bytes.length, limits.fileBytes));
  const kind = kindOf(bytes);
  const sheetCount = kind === "zip" ? await checkZip(bytes) : 0;
  const X = await sheetJs(kind);
  // Two passes only where they pay: a large file with several sheets (measured in the header of this file).
  const twoPass =
    options.tablesOnlyFromBytes !== undefined &&
    bytes.length >= options.tablesOnlyFromBytes &&
    sheetCount > 1;
  const preview = twoPass ? parse(X, bytes, kind, limits, options.fileName, { rows: PREVIEW_ROWS }) : null;
  const candidates = preview?.SheetNames.filter((n) => preview.Sheets[n] && couldBeTable(preview.Sheets[n]));
  const wb =
    preview && candidates!.length === 0
      ? preview
      : parse(X, bytes, kind, limits, options.fileName, {
          sheets: preview && candidates!.length < preview.SheetNames.length ? candidates : undefined,
        });
  const meta = wb.Workbook?.Sheets ?? [];
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const protections =
    kind === "zip"
      ? sheetProtections(
          (wb as unknown as { files?: Record<string, { content?: Uint8Array }> }).files,
          meta.map((s, i) => ({ name: wb.SheetNames[i], id: (s as { id?: string }).id })),
        )
      : new Map<string, boolean>();
  const grids: Grid[] = [];
  for (const name of wb.SheetNames) {
    // A sheet left out of the full pass keeps its preview.
    const ws = wb.Sheets[name] ?? preview?.Sheets[name];
    if (!ws) continue;
    const type = (ws as { "!type"?: string })["!type"];
    if (type === "chart" || type === "dialog" || type === "macro") continue;
    const isProtected = protections.get(name) ?? !!(ws["!protect"] as unknown);
    try {
      grids.push(sheetToGrid(name, ws, { date1904, limits, protected: isProtected }));
    } catch (e) {
      // A sheet over a limit that cannot be a 自评表 (a data sheet, an attachment) is left out rather
      // than making the whole workbook unreadable; one that could be is an error naming the limit.
      if (e instanceof XlsxReadError) {
        if (couldBeTable(ws)) throw e;
        continue;
      }
      fail(`工作簿内容无法解析（${errorMessage(e)}）`);
    }
  }
  return grids;
}
