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
import type { Correction, Finding } from "../engine";
import { noteKey } from "./store/store-helpers";
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
import { buildCards, verdictOf } from "./model/cards";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Header, timeText } from "./components/Header";
import { SheetBar } from "./components/SheetBar";
import { StatusBars } from "./components/StatusBars";
import { FirstRun } from "./components/FirstRun";
import { Summary } from "./components/Summary";
import { CardsView } from "./components/CardsView";
import { Corrections } from "./components/Corrections";
import { Tools } from "./components/Tools";
import { ReportPoints } from "./components/ReportPoints";
import { ReadOnlyNote } from "./components/ReadOnlyNote";
import { SettingsPanel, profileName } from "./components/SettingsPanel";
import { hostErrorText, plainErrorText } from "./host-error-text";
import { DEFAULT_PROFILE_ID } from "../engine";
import type { Grid } from "../engine";
// issue 20: 对照申报表 / 对照上年
import { useComparison } from "./useComparison";
import { CompareBar } from "./components/CompareBar";
import { withMissingCard } from "./model/comparison-cards";

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
  /** Reads another workbook into sheets (the demo): offers 对照申报表 / 对照上年 from a file. */
  readWorkbook?: (file: File) => Promise<Grid[]>;
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
  time: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
});

/** Keeps --zp-header at the sticky header's height, so cards scrolled to stop just under it. */
function useHeaderHeight(ref: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const main = ref.current;
    const header = main?.querySelector<HTMLElement>("[data-testid='pane-header']");
    if (!main || !header || typeof ResizeObserver === "undefined") return;
    const put = () =>
      main.style.setProperty("--zp-header", `${Math.ceil(header.getBoundingClientRect().height)}px`);
    put();
    const ro = new ResizeObserver(put);
    ro.observe(header);
    return () => ro.disconnect();
  }, [ref]);
}

export function App({
  host,
  initialLanguage,
  storage,
  control,
  helpUrl = "help.html",
  readWorkbook,
}: AppProps) {
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
          readWorkbook={readWorkbook}
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
  readWorkbook?: (file: File) => Promise<Grid[]>;
}

function Pane({ host, settings, update, storageOk, t, control, helpUrl, readWorkbook }: PaneProps) {
  const s = useStyles();
  const lang = settings.language;
  const { profiles, profile, profileId, loadProfile } = useProfiles(settings, update, t);
  const [notice, setNotice] = useState<Notice | null>(null);
  const tRef = useRef({ t, lang });
  useEffect(() => {
    tRef.current = { t, lang };
  }, [t, lang]);
  const backgroundError = useCallback(
    (e: unknown) =>
      // Host data and English library errors in the user's words, like every other failure.
      setNotice({
        intent: "error",
        text: tRef.current.t("recheckFailed", { error: hostErrorText(e, tRef.current.lang) }),
      }),
    [],
  );
  const pane = usePane(host, profile, backgroundError);
  const { state, busy } = pane;
  const compare = useComparison(host, pane.store);
  const report = state.report;
  // Writes are built from the report: while the user's edit is being re-checked it may be out of date.
  const locked = busy || pane.stale;
  // A table read out of a Word document: every write action is left out, and the pane says why.
  const readOnly = host.capabilities.readOnly;
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
    () => (report ? withMissingCard(buildCards(report, fixes, pane.notes, pane.ignored)) : null),
    [report, fixes, pane.notes, pane.ignored],
  );
  const cards = useMemo(() => list?.cards ?? [], [list]);
  const findings = useMemo(() => report?.findings ?? [], [report]);
  const nav = useCardNav(cards, host, state.sheet);
  const statusOf = useMemo(() => {
    const ignored = new Set(list?.ignored.flatMap((c) => c.findings) ?? []);
    return (f: Finding) =>
      ignored.has(f)
        ? t("exportIgnored")
        : report && pane.notes.has(noteKey(report.sheet, f))
          ? t("reportNoteExport")
          : "";
  }, [list, report, pane.notes, t]);
  const act = usePaneActions(host, pane.store, report, findings, statusOf, t, lang, setNotice);
  const verdict = list ? verdictOf(cards, list.ignored) : null;
  const notesKept = pane.notesKept;
  const mainRef = useRef<HTMLElement>(null);
  useHeaderHeight(mainRef);

  return (
    <main className={s.root} lang={lang === "zh" ? "zh-CN" : "en"} ref={mainRef}>
      <Header
        t={t}
        verdict={verdict}
        step={report ? { n: nav.position, total: nav.steps, wrapped: nav.wrapped } : null}
        checking={state.status === "checking"}
        busy={busy}
        checkedAt={pane.checkedAt}
        undoDisabled={busy || pane.undoDepth === 0}
        readOnly={readOnly !== undefined}
        onPrev={nav.prev}
        onNext={nav.next}
        onCheck={() => void act.recheck()}
        onUndo={() => void act.undo()}
      />
      {pane.checkedAt && state.status !== "checking" && (
        <p className={s.time}>{t("checkedAt", { time: timeText(pane.checkedAt) })}</p>
      )}
      {!settings.firstRunDone && (
        <FirstRun
          t={t}
          className={s.notice}
          profile={profileName(profile, lang)}
          helpUrl={helpUrl}
          onDismiss={() => update({ firstRunDone: true })}
        />
      )}
      <ReadOnlyNote readOnly={readOnly} notes={state.fileNotes} t={t} className={s.notice} />
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
          <CompareBar
            t={t}
            compare={compare}
            sheets={state.sheets}
            sheet={state.sheet}
            busy={busy}
            onSheet={(kind, sheet) => void compare.store.useSheet(kind, sheet)}
            onClear={(kind) => void compare.store.clear(kind)}
            onFile={
              readWorkbook &&
              ((kind, file) =>
                void readWorkbook(file)
                  .then((grids) => compare.store.useGrids(kind, grids, file.name))
                  .catch((e) => compare.store.refuse(file.name, plainErrorText(e, lang))))
            }
          />
          <CardsView
            list={list}
            report={report}
            nav={nav}
            lang={lang}
            t={t}
            busy={locked}
            notesKept={notesKept}
            readOnly={readOnly !== undefined}
            undoDepth={pane.undoDepth}
            onIgnore={(key, on) => void pane.store.setIgnored(key, on)}
            onWrite={act.writeExplanation}
            onCorrect={act.applyCorrections}
            onMark={(key, on) => void pane.store.markExplained(key, on)}
          />
          {!readOnly && (
            <>
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
            </>
          )}
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
