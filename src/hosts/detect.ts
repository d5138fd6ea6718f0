/**
 * Picks the host once, at start-up: WPS first (WPS pages may load office.js too, which would then
 * wait for an Office that never answers), then Office, else a workbook in memory (the demo, or a
 * browser opened on the pane by mistake). Returns a Host; `host.kind` tells the pane which.
 * Never an empty in-memory sheet where a real host was meant: the WPS pane page without WPS, and a
 * pane that Office opened (its address carries `_host_Info=Excel…`) without office.js, are errors.
 */
import type { Host } from "./host";
import { HostError } from "./host";
import { ExcelHost, officeExcelApi } from "./excel";

export interface DetectOptions {
  /** How long to wait for Office.onReady before giving up on Office (ms). */
  timeoutMs?: number;
  /** Starts the give-up timer (tests pass one they fire themselves instead of waiting). */
  timer?: (ms: number, fire: () => void) => () => void;
  /** The host to use outside WPS and Excel (default: an empty in-memory sheet). */
  fallback?: () => Host | Promise<Host>;
  /** The window to look at (tests). */
  win?: unknown;
  /** This is the WPS pane page (taskpane-wps.html): only WPS will do. */
  wpsPage?: boolean;
}

/** Office adds `_host_Info=Excel$Win32$16.01$zh-CN$$$$0` to the address of a pane it opens. */
export function openedByExcel(win: unknown): boolean {
  try {
    const w = win as { location?: { search?: string; hash?: string }; name?: string } | undefined;
    const where = `${w?.location?.search ?? ""}${w?.location?.hash ?? ""}`;
    return /[?&#]_host_Info=Excel/i.test(where) || /_host_Info=?Excel/i.test(String(w?.name ?? ""));
  } catch {
    return false;
  }
}

type OfficeLike = {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
};

/** Loaded only when neither WPS nor Excel answers: its own chunk, off the pane's first load. */
async function emptyMemoryHost(): Promise<Host> {
  const { MemoryHost } = await import(/* webpackChunkName: "memory-host" */ "./memory");
  return new MemoryHost([{ name: "Sheet1", values: [], merges: [] }]);
}

function realTimer(ms: number, fire: () => void): () => void {
  const t = setTimeout(fire, ms);
  return () => clearTimeout(t);
}

function withTimeout<T>(p: Promise<T>, ms: number, timer = realTimer): Promise<T | "timeout"> {
  return new Promise((resolve, reject) => {
    const cancel = timer(ms, () => resolve("timeout"));
    p.then(
      (v) => {
        cancel();
        resolve(v);
      },
      (e) => {
        cancel();
        reject(e);
      },
    );
  });
}

export async function detectHost(options: DetectOptions = {}): Promise<Host> {
  const win = (options.win ?? (typeof window !== "undefined" ? window : undefined)) as
    Record<string, unknown> | undefined;
  const fallback = options.fallback ?? emptyMemoryHost;

  // --- WPS branch: loaded only when WPS's Application (or older WPS's wps.EtApplication) is there.
  if (win && (win.Application !== undefined || win.wps !== undefined)) {
    const { detectWpsHost } = await import(/* webpackChunkName: "wps" */ "./wps");
    const wps = detectWpsHost(win);
    if (wps) return wps;
  }
  if (options.wpsPage) throw new HostError("connect", { reason: "no-wps", sheet: "", cells: [] });

  // --- Office branch: office.js absent (blocked network, plain browser) or no host → fallback,
  // except inside Excel, where a missing office.js must not look like an empty working pane.
  const office = win?.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== "function") {
    if (openedByExcel(win)) throw new HostError("connect", { reason: "no-office-js", sheet: "", cells: [] });
    return fallback();
  }
  let info: Awaited<ReturnType<OfficeLike["onReady"]>> | "timeout";
  const waitMs = options.timeoutMs ?? 20000;
  try {
    info = await withTimeout(office.onReady(), waitMs, options.timer);
  } catch {
    return fallback();
  }
  // Outside Office, onReady answers at once with no host. Silence means Office is there but slow: an
  // empty demo workbook in its place would look like a working pane that checks nothing.
  if (info === "timeout")
    throw new HostError("connect", {
      reason: "office-timeout",
      sheet: "",
      cells: [],
      detail: String(Math.round(waitMs / 1000)),
    });
  if (!info || info.host !== "Excel") return fallback();
  const supported = office.context?.requirements?.isSetSupported("ExcelApi", "1.1") ?? false;
  if (!supported || win?.Excel === undefined) {
    throw new HostError("connect", { reason: "unsupported-excel", sheet: "", cells: [] });
  }
  return new ExcelHost(officeExcelApi());
}
