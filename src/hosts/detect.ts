/**
 * Picks the host once, at start-up: WPS first (WPS pages may load office.js too, which would then
 * wait for an Office that never answers), then Office, else a workbook in memory (the demo, or a
 * browser opened on the pane by mistake). Returns a Host; `host.kind` tells the pane which.
 */
import type { Host } from "./host";
import { ExcelHost, officeExcelApi } from "./excel";
import { MemoryHost } from "./memory";

export interface DetectOptions {
  /** How long to wait for Office.onReady before giving up on Office (ms). */
  timeoutMs?: number;
  /** The host to use outside WPS and Excel (default: an empty in-memory sheet). */
  fallback?: () => Host | Promise<Host>;
  /** The window to look at (tests). */
  win?: unknown;
}

type OfficeLike = {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
};

function emptyMemoryHost(): Host {
  return new MemoryHost([{ name: "Sheet1", values: [], merges: [] }]);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | "timeout"> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => resolve("timeout"), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

export async function detectHost(options: DetectOptions = {}): Promise<Host> {
  const win = (options.win ?? (typeof window !== "undefined" ? window : undefined)) as
    Record<string, unknown> | undefined;
  const fallback = options.fallback ?? emptyMemoryHost;

  // --- WPS branch (src/hosts/wps.ts, owned by the WPS host): loaded only when WPS's Application is there.
  if (win && win.Application !== undefined) {
    const { detectWpsHost } = await import(/* webpackChunkName: "wps" */ "./wps");
    const wps = detectWpsHost(win);
    if (wps) return wps;
  }

  // --- Office branch: office.js absent (blocked network, plain browser) or no host → fallback.
  const office = win?.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== "function") return fallback();
  let info: Awaited<ReturnType<OfficeLike["onReady"]>> | "timeout";
  const waitMs = options.timeoutMs ?? 20000;
  try {
    info = await withTimeout(office.onReady(), waitMs);
  } catch {
    return fallback();
  }
  // Outside Office, onReady answers at once with no host. Silence means Office is there but slow: an
  // empty demo workbook in its place would look like a working pane that checks nothing.
  if (info === "timeout") throw new Error(`Excel 在 ${Math.round(waitMs / 1000)} 秒内没有就绪`);
  if (!info || info.host !== "Excel") return fallback();
  const supported = office.context?.requirements?.isSetSupported("ExcelApi", "1.1") ?? false;
  if (!supported || win?.Excel === undefined) {
    throw new Error(
      "此版本 Excel 不支持本加载项（需要 Excel 2016 或更高版本、Microsoft 365 或 Excel 网页版）",
    );
  }
  return new ExcelHost(officeExcelApi());
}
