/** The reader's one error type; every message starts with UNREADABLE_PREFIX and is clear Chinese. */

/** Message prefix every reader error starts with; callers map it to FILE_UNREADABLE. */
export const UNREADABLE_PREFIX = "无法读取文件：";

export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}
