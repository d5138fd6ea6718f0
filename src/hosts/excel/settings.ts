/**
 * Document settings in Excel: Office.context.document.settings, which Office keeps inside the
 * workbook for this add-in. A set is written into the document by saveAsync; if that fails, the
 * setting is put back as it was, so the pane never believes a mark is kept when it is not.
 */
import { errorMessage } from "../../engine/error-message";
import { HostError } from "../host";
import type { DocumentSettings } from "./state";

export function readSetting(settings: DocumentSettings, key: string): Promise<string | null> {
  try {
    const v = settings.get(key);
    return Promise.resolve(typeof v === "string" ? v : null);
  } catch (e) {
    return Promise.reject(
      new HostError("read", { reason: "read-failed", sheet: "", cells: [], detail: errorMessage(e) }),
    );
  }
}

export async function writeSetting(
  settings: DocumentSettings,
  key: string,
  value: string | null,
): Promise<void> {
  const fail = (detail: string) => new HostError("apply", { reason: "failed", sheet: "", cells: [], detail });
  let before: unknown = null;
  try {
    before = settings.get(key);
    if (value === null) settings.remove(key);
    else settings.set(key, value);
  } catch (e) {
    throw fail(errorMessage(e));
  }
  const saved = await new Promise<string | null>((resolve) => {
    try {
      settings.saveAsync((r) =>
        resolve(r.status === "succeeded" ? null : (r.error?.message ?? "settings.saveAsync failed")),
      );
    } catch (e) {
      resolve(errorMessage(e));
    }
  });
  if (saved === null) return;
  try {
    if (before === null || before === undefined) settings.remove(key);
    else settings.set(key, before);
  } catch {
    // The in-memory copy could not be put back either; the error below still tells the pane.
  }
  throw fail(saved);
}
