/**
 * The task pane: one screen that answers "can I submit this?". Renders around any Host (Excel, WPS,
 * the in-memory demo); everything it writes goes through usePane's write rules.
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import type { Root } from "react-dom/client";
import {
  Button,
  FluentProvider,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Switch,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import { ArrowUndo16Regular, CheckmarkStarburst20Regular, TableAdd16Regular } from "@fluentui/react-icons";
import {
  DEFAULT_PROFILE_ID,
  builtinProfiles,
  correctionEdits,
  corrections,
  explanationEdit,
  getProfile,
  validateProfile,
} from "../engine";
import type { CellValue, Correction, Profile, SheetReport } from "../engine";
import type { Host } from "../hosts/host";
import { translator } from "./i18n";
import type { Language, T } from "./i18n";
import { defaultStorage, loadSettings, saveSettings } from "./settings";
import type { Settings } from "./settings";
import { usePane } from "./usePane";
import type { Notice, PaneControl, TableChoice, WriteOutcome } from "./usePane";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Summary } from "./components/Summary";
import { Findings, orderFindings } from "./components/Findings";
import { Explanations } from "./components/Explanations";
import { Corrections } from "./components/Corrections";
import { SettingsPanel, profileName } from "./components/SettingsPanel";
import type { ProfileOption } from "./components/SettingsPanel";
import { errorMessage } from "../engine/error-message";

/** webLightTheme falls back to the system font for CJK: name the Chinese UI fonts before the generic family. */
export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase:
    webLightTheme.fontFamilyBase.replace(/,\s*sans-serif\s*$/, "") +
    ", 'Microsoft YaHei', 'PingFang SC', sans-serif",
};

/** Settings id of the profile the user loaded from a JSON file. */
export const CUSTOM_PROFILE_ID = "custom";
export const EXPORT_SHEET = "校验结果";

/** The optional Host method proposed for exporting findings (implemented by MemoryHost). */
export interface SheetAdder {
  addSheet(name: string, rows: CellValue[][]): Promise<string>;
}

function canAddSheet(host: Host): host is Host & SheetAdder {
  return typeof (host as Partial<SheetAdder>).addSheet === "function";
}

export interface AppProps {
  host: Host;
  initialLanguage?: Language;
  /** Where settings are remembered; defaults to localStorage, null for nowhere. */
  storage?: Storage | null;
  /** Filled with the pane's controls while it is mounted (the demo keeps highlights out of downloads). */
  control?: { current: PaneControl | null };
}

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase300,
    "& h2": {
      fontSize: tokens.fontSizeBase400,
      margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}`,
    },
    "& h3": { fontSize: tokens.fontSizeBase300 },
  },
  title: { fontSize: tokens.fontSizeBase500, margin: `0 0 ${tokens.spacingVerticalS}` },
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-end",
    flexWrap: "wrap",
    marginBottom: tokens.spacingVerticalS,
  },
  notice: { marginBottom: tokens.spacingVerticalS },
  tools: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** How the table picker names a table: its title and 项目/部门 name (stacked tables often share a title). */
function tableName(tb: TableChoice): string {
  const title = tb.title.trim();
  const unit = tb.unit?.trim() ?? "";
  if (title && unit) return `${title}（${unit}）`;
  return title || unit || tb.range;
}

function parseCustom(json: string | null): Profile | null {
  if (!json) return null;
  try {
    const res = validateProfile(JSON.parse(json));
    return res.ok ? res.profile : null;
  } catch {
    return null;
  }
}

export function App({ host, initialLanguage, storage, control }: AppProps) {
  const store = storage === undefined ? defaultStorage() : storage;
  const [settings, setSettings] = useState<Settings>(() =>
    loadSettings(store, {
      language: initialLanguage ?? "zh",
      profileId: DEFAULT_PROFILE_ID,
      customProfile: null,
    }),
  );
  const [storageOk, setStorageOk] = useState(true);
  const update = useCallback(
    (patch: Partial<Settings>) =>
      setSettings((s) => {
        const next = { ...s, ...patch };
        setStorageOk(saveSettings(store, next));
        return next;
      }),
    [store],
  );
  const t = useMemo(() => translator(settings.language), [settings.language]);

  return (
    <FluentProvider theme={paneTheme} lang={settings.language === "zh" ? "zh-CN" : "en"}>
      <ErrorBoundary t={t}>
        <Pane
          host={host}
          settings={settings}
          update={update}
          storageOk={storageOk && store !== null}
          t={t}
          control={control}
        />
      </ErrorBoundary>
    </FluentProvider>
  );
}

interface PaneProps {
  host: Host;
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
  storageOk: boolean;
  t: T;
  control?: { current: PaneControl | null };
}

function Pane({ host, settings, update, storageOk, t, control }: PaneProps) {
  const s = useStyles();
  const lang = settings.language;
  const custom = useMemo(() => parseCustom(settings.customProfile), [settings.customProfile]);
  const profiles: ProfileOption[] = useMemo(() => {
    const list: ProfileOption[] = builtinProfiles.map((p) => ({ id: p.id, profile: p, custom: false }));
    if (custom) list.push({ id: CUSTOM_PROFILE_ID, profile: custom, custom: true });
    return list;
  }, [custom]);
  // One object per choice: usePane re-checks whenever the profile's identity changes.
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

  const [notice, setNotice] = useState<Notice | null>(null);
  const tRef = React.useRef(t);
  tRef.current = t;
  const backgroundError = useCallback(
    (e: unknown) =>
      setNotice({ intent: "error", text: tRef.current("recheckFailed", { error: errorMessage(e) }) }),
    [],
  );
  const pane = usePane(host, profile, backgroundError);
  const { state, busy } = pane;
  // Writes are built from the report: while the user's edit is being re-checked it may be out of date.
  const locked = busy || pane.stale;
  const report: SheetReport | null = state.report;
  const paneControl = pane.control;
  useEffect(() => {
    if (!control) return;
    control.current = paneControl;
    return () => {
      if (control.current === paneControl) control.current = null;
    };
  }, [control, paneControl]);
  const [current, setCurrent] = useState(-1);

  const findings = useMemo(() => (report ? orderFindings(report.findings) : []), [report]);
  const fixes: Correction[] = useMemo(() => {
    if (!report) return [];
    try {
      return corrections(report, state.grid ?? undefined);
    } catch {
      return [];
    }
  }, [report, state.grid]);

  // The list shrinks as problems are fixed: keep the pointer inside it.
  useEffect(() => {
    setCurrent((c) => (findings.length === 0 ? -1 : Math.min(c, findings.length - 1)));
  }, [findings.length]);

  const goTo = useCallback(
    (i: number) => {
      const f = findings[i];
      if (!f || !state.sheet) return;
      setCurrent(i);
      void host.select(state.sheet, f.cell).catch(() => undefined);
      const el =
        typeof document !== "undefined" ? document.querySelector(`[data-finding-index="${i}"]`) : null;
      if (el && typeof (el as HTMLElement).scrollIntoView === "function")
        (el as HTMLElement).scrollIntoView({ block: "nearest" });
    },
    [findings, host, state.sheet],
  );

  /** Shows the outcome of a write; true when it was written. */
  const report_ = useCallback(
    (out: WriteOutcome, success: string): boolean => {
      if (out.result?.ok) {
        setNotice({ intent: "success", text: success });
        return true;
      }
      if (out.result && !out.result.ok)
        setNotice({ intent: "error", text: t("writeRefused", { message: out.result.message }) });
      else if (out.noSheet) setNotice({ intent: "error", text: t("noSheet") });
      else setNotice({ intent: "error", text: t("writeFailed", { error: out.error ?? "?" }) });
      return false;
    },
    [t],
  );

  const writeExplanation = useCallback(
    async (row: number, text: string): Promise<boolean> => {
      if (!report) return false;
      let edit;
      try {
        edit = explanationEdit(report, row, text);
      } catch (e) {
        setNotice({
          intent: "error",
          text: t("engineFailed", { error: errorMessage(e) }),
        });
        return false;
      }
      if (!edit) {
        setNotice({ intent: "error", text: t("noExplanationCell") });
        return false;
      }
      let out: WriteOutcome;
      try {
        out = await pane.write([edit]);
      } catch (e) {
        // Taking highlights off before the write failed: nothing was written.
        setNotice({ intent: "error", text: t("highlightFailed", { error: errorMessage(e) }) });
        return false;
      }
      return report_(out, t("written", { cell: edit.cell }));
    },
    [pane, report, report_, t],
  );

  const applyCorrections = useCallback(
    async (chosen: Correction[]) => {
      let out: WriteOutcome;
      try {
        out = await pane.write(correctionEdits(chosen));
      } catch (e) {
        setNotice({ intent: "error", text: t("highlightFailed", { error: errorMessage(e) }) });
        return;
      }
      report_(out, t("applied", { n: chosen.length }));
    },
    [pane, report_, t],
  );

  const undo = useCallback(async () => {
    try {
      if (await pane.undoLast()) setNotice({ intent: "success", text: t("undone") });
    } catch (e) {
      setNotice({ intent: "error", text: t("undoFailed", { error: errorMessage(e) }) });
    }
  }, [pane, t]);

  const toggleHighlights = useCallback(
    async (on: boolean) => {
      try {
        const res = await pane.setHighlights(on);
        if (res && !res.ok) setNotice({ intent: "error", text: t("writeRefused", { message: res.message }) });
      } catch (e) {
        setNotice({ intent: "error", text: t("highlightFailed", { error: errorMessage(e) }) });
      }
    },
    [pane, t],
  );

  const chooseSheet = useCallback(
    async (sheet: string) => {
      try {
        await pane.chooseSheet(sheet);
      } catch (e) {
        setNotice({ intent: "error", text: t("sheetSwitchFailed", { error: errorMessage(e) }) });
      }
    },
    [pane, t],
  );

  const exportFindings = useCallback(async () => {
    if (!report || !canAddSheet(host)) return;
    const byRow = new Map(report.indicators.map((i) => [i.row, i.name]));
    const rows: CellValue[][] = [
      t("exportHeader").split("|"),
      ...findings.map((f, i) => [
        i + 1,
        t(`severity_${f.severity}`),
        f.cell,
        f.row !== undefined ? (byRow.get(f.row) ?? "") : "",
        lang === "en" ? f.messageEn : f.message,
        f.code,
      ]),
    ];
    try {
      const name = await host.addSheet(EXPORT_SHEET, rows);
      setNotice({ intent: "success", text: t("exported", { sheet: name }) });
    } catch (e) {
      setNotice({ intent: "error", text: t("exportFailed", { error: errorMessage(e) }) });
    }
  }, [findings, host, lang, report, t]);

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

  const sheetPicker = state.sheets.length > 0 && (
    <Field label={t("sheetLabel")}>
      <Select value={state.sheet ?? ""} disabled={busy} onChange={(_, d) => void chooseSheet(d.value)}>
        {state.sheets.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </Field>
  );

  const tableCount = state.tables.length;
  const tablePicker = tableCount > 1 && (
    <Field
      label={t("tableLabel")}
      hint={t("tableHint", {
        count: tableCount,
        n: state.table + 1,
        range: state.tables[state.table]?.range ?? "",
      })}
    >
      <Select
        value={String(state.table)}
        disabled={busy}
        onChange={(_, d) => {
          setCurrent(-1);
          void pane.chooseTable(Number(d.value));
        }}
      >
        {state.tables.map((tb, i) => (
          <option key={i} value={String(i)}>
            {t("tableOption", { n: i + 1, name: tableName(tb) })}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <main className={s.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <h1 className={s.title}>{t("appTitle")}</h1>
      <div className={s.bar}>
        <Button
          appearance="primary"
          icon={<CheckmarkStarburst20Regular />}
          disabled={busy}
          onClick={() => void pane.check()}
        >
          {t("checkButton")}
        </Button>
        {/* Always present, disabled when there is nothing to undo, so focus is never dropped with it. */}
        <Button
          icon={<ArrowUndo16Regular />}
          disabledFocusable={busy || pane.undoDepth === 0}
          onClick={() => void undo()}
        >
          {t("undo")}
        </Button>
        {sheetPicker}
        {tablePicker}
        {state.status === "checking" && <Spinner size="tiny" label={t("checking")} />}
      </div>
      {pane.stale && (
        <p role="status" className={s.notice} data-testid="rechecking">
          {t("rechecking")}
        </p>
      )}
      {notice && (
        <MessageBar
          intent={notice.intent}
          className={s.notice}
          role={notice.intent === "error" ? "alert" : "status"}
        >
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.protectedSheet && (
        <MessageBar intent="info" className={s.notice}>
          <MessageBarBody>{t("sheetProtected", { sheet: state.sheet ?? "" })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "notTable" && (
        <MessageBar intent="warning" layout="multiline" className={s.notice}>
          <MessageBarBody>
            {t("notATable", { sheet: state.sheet ?? "", reason: state.reason ?? "" })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "failed" && (
        <MessageBar intent="error" layout="multiline" className={s.notice}>
          <MessageBarBody>{t("engineFailed", { error: state.error ?? "" })}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <Summary report={report} profileName={profileName(profile, lang)} t={t} />
          <Findings
            findings={findings}
            indicators={report.indicators}
            current={current}
            lang={lang}
            t={t}
            onSelect={goTo}
            onNext={() => goTo(findings.length ? (current + 1) % findings.length : -1)}
          />
          <Explanations
            indicators={report.indicators}
            findings={report.findings}
            lang={lang}
            t={t}
            busy={locked}
            onWrite={writeExplanation}
          />
          <Corrections list={fixes} t={t} busy={locked} onApply={applyCorrections} />
          <section aria-labelledby="zp-tools" className={s.tools}>
            <h2 id="zp-tools">{t("highlightsTitle")}</h2>
            <Switch
              checked={pane.highlightsOn}
              disabled={locked}
              label={t("highlightsTitle")}
              onChange={(_, d) => void toggleHighlights(d.checked)}
            />
            <span>{t("highlightsLegend")}</span>
            {!host.capabilities.restoreFills && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t("noRestoreFills")}</MessageBarBody>
              </MessageBar>
            )}
            {canAddSheet(host) && (
              <div>
                <Button icon={<TableAdd16Regular />} disabled={locked} onClick={() => void exportFindings()}>
                  {t("exportButton")}
                </Button>
              </div>
            )}
          </section>
        </>
      )}
      <SettingsPanel
        profiles={profiles}
        profileId={profileId}
        language={lang}
        storageOk={storageOk}
        t={t}
        onProfile={(id) => update({ profileId: id })}
        onLanguage={(l) => update({ language: l })}
        onLoadProfile={loadProfile}
      />
    </main>
  );
}

/** Renders the pane around a host into an element (the add-in pages, the demo). */
export function renderPane(rootElement: HTMLElement, host: Host, props: Omit<AppProps, "host"> = {}): Root {
  const root = createRoot(rootElement);
  root.render(<App host={host} {...props} />);
  return root;
}
