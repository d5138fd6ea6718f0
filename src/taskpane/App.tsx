/**
 * The task pane: one screen that answers "can I submit this?". Renders around any Host (Excel, WPS,
 * the in-memory demo); its working state lives in PaneStore, everything it writes goes through it.
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import type { Root } from "react-dom/client";
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import { corrections } from "../engine";
import type { Correction } from "../engine";
import type { Host } from "../hosts/host";
import { translator } from "./i18n";
import type { Language, T } from "./i18n";
import { defaultStorage, loadSettings, saveSettings } from "./settings";
import type { Settings } from "./settings";
import { usePane } from "./usePane";
import type { Notice, PaneControl } from "./usePane";
import { usePaneActions } from "./usePaneActions";
import { useProfiles } from "./useProfiles";
import { useCardNav } from "./useCardNav";
import { buildCards, countBySeverity, needsExplaining, verdictOf } from "./model/cards";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Header } from "./components/Header";
import { SheetBar } from "./components/SheetBar";
import { StatusBars } from "./components/StatusBars";
import { FirstRun } from "./components/FirstRun";
import { Summary } from "./components/Summary";
import { CardsView } from "./components/CardsView";
import { Corrections } from "./components/Corrections";
import { Tools } from "./components/Tools";
import { ReportPoints } from "./components/ReportPoints";
import { SettingsPanel, profileName } from "./components/SettingsPanel";
import { errorMessage } from "../engine/error-message";
import { DEFAULT_PROFILE_ID } from "../engine";

export { CUSTOM_PROFILE_ID } from "./useProfiles";
export { EXPORT_SHEET } from "./usePaneActions";

/** webLightTheme falls back to the system font for CJK: name the Chinese UI fonts before the generic family. */
export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase:
    webLightTheme.fontFamilyBase.replace(/,\s*sans-serif\s*$/, "") +
    ", 'Microsoft YaHei', 'PingFang SC', sans-serif",
};

export interface AppProps {
  host: Host;
  initialLanguage?: Language;
  /** Where settings are remembered; defaults to localStorage, null for nowhere. */
  storage?: Storage | null;
  /** Filled with the pane's controls while it is mounted (the demo keeps highlights out of downloads). */
  control?: { current: PaneControl | null };
  /** The help page the first-run note links to (the add-in's help.html); null for none. */
  helpUrl?: string | null;
}

const useStyles = makeStyles({
  root: {
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeBase300,
    "& h2": {
      fontSize: tokens.fontSizeBase400,
      margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}`,
    },
  },
  notice: { marginBottom: tokens.spacingVerticalS },
});

export function App({ host, initialLanguage, storage, control, helpUrl = "help.html" }: AppProps) {
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
          helpUrl={helpUrl}
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
  helpUrl: string | null;
}

function Pane({ host, settings, update, storageOk, t, control, helpUrl }: PaneProps) {
  const s = useStyles();
  const lang = settings.language;
  const { profiles, profile, profileId, loadProfile } = useProfiles(settings, update, t);
  const [notice, setNotice] = useState<Notice | null>(null);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);
  const backgroundError = useCallback(
    (e: unknown) =>
      setNotice({ intent: "error", text: tRef.current("recheckFailed", { error: errorMessage(e) }) }),
    [],
  );
  const pane = usePane(host, profile, backgroundError);
  const { state, busy } = pane;
  const report = state.report;
  // Writes are built from the report: while the user's edit is being re-checked it may be out of date.
  const locked = busy || pane.stale;
  const paneControl = pane.store.control;
  useEffect(() => {
    if (!control) return;
    control.current = paneControl;
    return () => {
      if (control.current === paneControl) control.current = null;
    };
  }, [control, paneControl]);

  const fixes: Correction[] = useMemo(() => {
    if (!report) return [];
    try {
      return corrections(report, state.grid ?? undefined);
    } catch {
      return [];
    }
  }, [report, state.grid]);
  const list = useMemo(
    () => (report ? buildCards(report, fixes, pane.notes) : null),
    [report, fixes, pane.notes],
  );
  const cards = useMemo(() => list?.cards ?? [], [list]);
  const findings = useMemo(() => report?.findings ?? [], [report]);
  const nav = useCardNav(cards, host, state.sheet);
  const act = usePaneActions(host, pane.store, report, findings, pane.notes, t, lang, setNotice);
  const verdict = list ? verdictOf(cards) : null;
  const notesKept = pane.notesKept;

  return (
    <main className={s.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <Header
        t={t}
        verdict={verdict}
        counts={report ? countBySeverity(report.findings) : null}
        explain={cards.filter(needsExplaining).length}
        step={report ? { n: nav.position, total: cards.length } : null}
        checking={state.status === "checking"}
        busy={busy}
        checkedAt={pane.checkedAt}
        undoDisabled={busy || pane.undoDepth === 0}
        onPrev={nav.prev}
        onNext={nav.next}
        onCheck={() => void act.recheck()}
        onUndo={() => void act.undo()}
      />
      {!settings.firstRunDone && (
        <FirstRun
          t={t}
          className={s.notice}
          profile={profileName(profile, lang)}
          helpUrl={helpUrl}
          onDismiss={() => update({ firstRunDone: true })}
        />
      )}
      <StatusBars
        state={state}
        stale={pane.stale}
        notice={notice}
        lang={lang}
        t={t}
        className={s.notice}
        verdict={verdict}
        sheetBar={
          <SheetBar
            state={state}
            busy={busy}
            t={t}
            onSheet={(sheet) => void act.chooseSheet(sheet)}
            onTable={(i) => void pane.store.chooseTable(i)}
          />
        }
      />
      {report && list && (
        <>
          <Summary report={report} profileName={profileName(profile, lang)} t={t} />
          <CardsView
            list={list}
            report={report}
            nav={nav}
            lang={lang}
            t={t}
            busy={locked}
            notesKept={notesKept}
            onWrite={act.writeExplanation}
            onCorrect={act.applyCorrections}
            onMark={(key, on) => void pane.store.markExplained(key, on)}
          />
          <Corrections list={fixes} t={t} busy={locked} onApply={act.applyCorrections} />
          <Tools
            t={t}
            locked={locked}
            highlightsOn={pane.highlightsOn}
            restoreFills={host.capabilities.restoreFills}
            canExport={typeof host.addSheet === "function"}
            onHighlights={(on) => void act.toggleHighlights(on)}
            onExport={() => void act.exportFindings()}
          />
          <ReportPoints
            report={report}
            table={state.layout}
            grid={state.grid}
            profile={profile}
            lang={lang}
          />
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
