/** Finding WPS Spreadsheets' Application object from the pane page. */
import type { EtApplication } from "./et";

/** `window.Application` when this page runs inside WPS Spreadsheets, else null. */
export function findWpsApplication(
  win: unknown = typeof window !== "undefined" ? window : undefined,
): EtApplication | null {
  const w = win as { Application?: unknown; wps?: { EtApplication?: () => unknown } } | undefined;
  const isEt = (app: unknown): app is EtApplication => {
    const a = app as Partial<EtApplication> | null | undefined;
    // ET exposes Worksheets/ActiveWorkbook; WPS Writer (wps) and Presentation (wpp) do not have Worksheets.
    return !!a && typeof a === "object" && a.ActiveWorkbook !== undefined && a.Worksheets !== undefined;
  };
  try {
    if (isEt(w?.Application)) return w.Application;
  } catch {
    // Touching a foreign object threw: try the older entry point.
  }
  try {
    // Older WPS releases expose ET only as wps.EtApplication().
    const app = typeof w?.wps?.EtApplication === "function" ? w.wps.EtApplication() : undefined;
    if (isEt(app)) return app;
  } catch {
    // Not WPS.
  }
  return null;
}
