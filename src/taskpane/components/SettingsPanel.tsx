import * as React from "react";
import { useRef, useState } from "react";
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUp16Regular } from "@fluentui/react-icons";
import { Bar } from "./Bar";
import type { Profile } from "../../engine";
import { LANGUAGE_NAMES } from "../i18n";
import type { Language, T } from "../i18n";

const useStyles = makeStyles({
  row: { marginBottom: tokens.spacingVerticalS },
  file: { display: "none" },
  // Long profile names must not push the pane wider than its 320–360 px.
  select: { width: "100%", maxWidth: "100%", minWidth: 0 },
  selectInner: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

export interface ProfileOption {
  id: string;
  profile: Profile;
  custom: boolean;
}

interface Props {
  profiles: ProfileOption[];
  profileId: string;
  language: Language;
  storageOk: boolean;
  t: T;
  onProfile: (id: string) => void;
  onLanguage: (lang: Language) => void;
  /** Validates and installs a profile from a file's text; returns the errors, empty when it was accepted. */
  onLoadProfile: (json: string) => string[];
}

export function profileName(p: Profile, lang: Language): string {
  return lang === "en" && p.nameEn ? p.nameEn : p.name;
}

function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(file);
  });
}

export function SettingsPanel({
  profiles,
  profileId,
  language,
  storageOk,
  t,
  onProfile,
  onLanguage,
  onLoadProfile,
}: Props) {
  const s = useStyles();
  const fileRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<string | null>(null);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setLoaded(null);
    let text: string;
    try {
      text = await readText(file);
    } catch (err) {
      setErrors([String(err)]);
      return;
    }
    const errs = onLoadProfile(text);
    setErrors(errs);
    if (errs.length === 0) setLoaded(file.name);
  };

  return (
    <section aria-labelledby="zp-settings">
      <h2 id="zp-settings">{t("settingsTitle")}</h2>
      <Field label={t("profile")} className={s.row}>
        <Select
          className={s.select}
          select={{ className: s.selectInner }}
          value={profileId}
          onChange={(_, d) => onProfile(d.value)}
        >
          {profiles.map((o) => (
            <option key={o.id} value={o.id}>
              {profileName(o.profile, language)}
              {o.custom ? t("customProfile") : ""}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.row}>
        {/* The native input stays hidden: a Fluent button opens it, named as what it does. */}
        <input
          ref={fileRef}
          className={s.file}
          type="file"
          accept=".json,application/json"
          aria-label={t("loadProfile")}
          tabIndex={-1}
          onChange={onFile}
          data-testid="profile-file"
        />
        <Button icon={<DocumentArrowUp16Regular />} onClick={() => fileRef.current?.click()}>
          {t("loadProfileButton")}
        </Button>
      </div>
      {errors.length > 0 && (
        <Bar intent="error" className={s.row} title={t("profileInvalid")}>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Bar>
      )}
      {loaded && errors.length === 0 && (
        <Bar intent="success" className={s.row}>
          {t("profileLoaded", {
            name: profileName(
              profiles.find((p) => p.id === profileId)?.profile ?? profiles[0].profile,
              language,
            ),
          })}
        </Bar>
      )}
      <Field label={t("language")} className={s.row}>
        <Select value={language} onChange={(_, d) => onLanguage(d.value === "en" ? "en" : "zh")}>
          {(Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => (
            <option key={l} value={l} lang={l === "zh" ? "zh-CN" : "en"}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </Select>
      </Field>
      {!storageOk && <Bar intent="warning">{t("storageUnavailable")}</Bar>}
    </section>
  );
}
