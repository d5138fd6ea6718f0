/** The profiles the pane offers (built-in plus one the user loaded) and the one in use. */
import { useCallback, useMemo } from "react";
import { DEFAULT_PROFILE_ID, builtinProfiles, getProfile, validateProfile } from "../engine";
import type { Profile } from "../engine";
import { errorMessage } from "../engine/error-message";
import type { T } from "./i18n";
import type { Settings } from "./settings";
import type { ProfileOption } from "./components/SettingsPanel";

/** Settings id of the profile the user loaded from a JSON file. */
export const CUSTOM_PROFILE_ID = "custom";

function parseCustom(json: string | null): Profile | null {
  if (!json) return null;
  try {
    const res = validateProfile(JSON.parse(json));
    return res.ok ? res.profile : null;
  } catch {
    return null;
  }
}

export function useProfiles(settings: Settings, update: (patch: Partial<Settings>) => void, t: T) {
  const custom = useMemo(() => parseCustom(settings.customProfile), [settings.customProfile]);
  const profiles: ProfileOption[] = useMemo(() => {
    const list: ProfileOption[] = builtinProfiles.map((p) => ({ id: p.id, profile: p, custom: false }));
    if (custom) list.push({ id: CUSTOM_PROFILE_ID, profile: custom, custom: true });
    return list;
  }, [custom]);
  // One object per choice: the store re-checks whenever the profile's identity changes.
  const profile: Profile = useMemo(
    () =>
      (settings.profileId === CUSTOM_PROFILE_ID ? custom : getProfile(settings.profileId)) ??
      getProfile(DEFAULT_PROFILE_ID)!,
    [settings.profileId, custom],
  );
  const profileId =
    settings.profileId === CUSTOM_PROFILE_ID && !custom
      ? DEFAULT_PROFILE_ID
      : profile === custom
        ? CUSTOM_PROFILE_ID
        : profile.id;

  const loadProfile = useCallback(
    (json: string): string[] => {
      let data: unknown;
      try {
        data = JSON.parse(json);
      } catch (e) {
        return [t("profileNotJson", { error: errorMessage(e) })];
      }
      const res = validateProfile(data);
      if (!res.ok) return res.errors;
      update({ customProfile: json, profileId: CUSTOM_PROFILE_ID });
      return [];
    },
    [t, update],
  );
  return { profiles, profile, profileId, loadProfile };
}
