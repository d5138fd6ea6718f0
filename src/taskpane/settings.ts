/**
 * Settings remembered between uses (profile, language, a loaded profile). localStorage works in
 * Office's partitioned storage too, but may be missing or throw (private mode, blocked storage):
 * every access is guarded and the pane keeps working with defaults.
 */
import type { Language } from "./i18n";

export const SETTINGS_KEY = "ziping.settings.v1";

export interface Settings {
  language: Language;
  /** A built-in profile id, or the id of the custom profile. */
  profileId: string;
  /** The JSON text of a profile the user loaded, kept so it survives a restart. */
  customProfile: string | null;
  /** The first-run note was dismissed. */
  firstRunDone?: boolean;
}

/** The browser's localStorage, or null where touching it throws. */
export function defaultStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

export function loadSettings(storage: Storage | null, defaults: Settings): Settings {
  if (!storage) return defaults;
  try {
    const raw = storage.getItem(SETTINGS_KEY);
    if (!raw) return defaults;
    const v = JSON.parse(raw) as Partial<Settings>;
    return {
      language: v.language === "en" || v.language === "zh" ? v.language : defaults.language,
      profileId: typeof v.profileId === "string" ? v.profileId : defaults.profileId,
      customProfile: typeof v.customProfile === "string" ? v.customProfile : null,
      firstRunDone: v.firstRunDone === true,
    };
  } catch {
    return defaults;
  }
}

/** Saves; false when storage is unavailable or full. */
export function saveSettings(storage: Storage | null, s: Settings): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SETTINGS_KEY, JSON.stringify(s));
    return true;
  } catch {
    return false;
  }
}
