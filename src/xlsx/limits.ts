/**
 * What the reader will take from one file, and the Chinese message for each limit. A 自评表 has a few
 * hundred cells; the caps sit far above any real table (the 5,000-indicator bench workbook has ~50,000
 * cells) and far below what exhausts memory. Anything beyond a cap makes the file FILE_UNREADABLE with
 * the limit named, never an out-of-memory crash.
 */

export interface ReadLimits {
  /** Bytes of the file itself. */
  fileBytes: number;
  /** Rows read per sheet; rows below this are not parsed at all. */
  rows: number;
  /** Columns of one table, counting from A. */
  columns: number;
  /** Non-empty cells per sheet inside the table's bounds. */
  cells: number;
  /** Characters in one cell (Excel's own cap is 32,767). */
  textLength: number;
  /** Merged areas per sheet. */
  merges: number;
  /** Empty rows / columns after which further cells are strays, not part of the table. */
  rowGap: number;
  columnGap: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  fileBytes: 50 * 1024 * 1024,
  rows: 100_000,
  columns: 1_000,
  cells: 500_000,
  textLength: 32_767,
  merges: 10_000,
  rowGap: 1_000,
  columnGap: 50,
};

const n = (x: number): string => String(x);

export const limitMessages = {
  fileBytes: (bytes: number, cap: number): string =>
    `文件有 ${(bytes / 1048576).toFixed(1)} MB，超过上限 ${n(cap / 1048576)} MB（自评表通常不到 1 MB）。请确认是否选错了文件`,
  rows: (sheet: string, cap: number): string =>
    `工作表“${sheet}”的表格超过 ${n(cap)} 行，超过上限 ${n(cap)} 行。请删去多余的行后再检查`,
  columns: (sheet: string, cap: number): string =>
    `工作表“${sheet}”的表格超过 ${n(cap)} 列，超过上限 ${n(cap)} 列。请删去多余的列后再检查`,
  cells: (sheet: string, cap: number): string =>
    `工作表“${sheet}”的非空单元格超过上限 ${n(cap)} 个。请把自评表单独保存为一个工作簿后再检查`,
  textLength: (sheet: string, cell: string, length: number, cap: number): string =>
    `工作表“${sheet}”的单元格 ${cell} 有 ${n(length)} 个字符，超过上限 ${n(cap)} 个（Excel 单元格的上限）`,
  merges: (sheet: string, count: number, cap: number): string =>
    `工作表“${sheet}”有 ${n(count)} 个合并区域，超过上限 ${n(cap)} 个。请取消多余的合并后再检查`,
};
