/**
 * What the pane's buttons do, in words: each action runs through the store and turns its outcome into a
 * message. Writes started from a card report back to the card (the confirmation appears where the
 * user works); the rest set the pane's notice.
 */
import { useCallback } from "react";
import { correctionEdits, explanationEdit } from "../engine";
import type { CellValue, Correction, Finding, SheetReport } from "../engine";
import type { Host } from "../hosts/host";
import { errorMessage } from "../engine/error-message";
import { hostErrorText } from "./host-error-text";
import type { Language, T } from "./i18n";
import type { PaneStore } from "./store/pane-store";
import type { Notice, WriteOutcome } from "./store/types";
import { shortLabel } from "./model/labels";
import type { CardResult } from "./components/FindingCard";
import { timeText } from "./components/Header";

export const EXPORT_SHEET = "校验结果";

export function usePaneActions(
  host: Host,
  store: PaneStore,
  report: SheetReport | null,
  findings: Finding[],
  /** What the user did about a finding, for the export's 处理情况 column ("" for nothing). */
  statusOf: (f: Finding) => string,
  t: T,
  lang: Language,
  setNotice: (n: Notice | null) => void,
) {
  /** The words for a write's outcome. */
  const outcome = useCallback(
    (out: WriteOutcome, success: string): CardResult => {
      if (out.result?.ok) return { ok: true, text: success };
      if (out.result && !out.result.ok)
        return { ok: false, text: t("writeRefused", { message: hostErrorText(out.result, lang) }) };
      if (out.noSheet) return { ok: false, text: t("noSheet") };
      return {
        ok: false,
        text: t("writeFailed", {
          error: out.cause !== undefined ? hostErrorText(out.cause, lang) : (out.error ?? "?"),
        }),
      };
    },
    [lang, t],
  );

  const writeExplanation = useCallback(
    async (row: number, text: string): Promise<CardResult> => {
      if (!report) return { ok: false, text: t("noSheet") };
      let edit;
      try {
        edit = explanationEdit(report, row, text);
      } catch (e) {
        return { ok: false, text: t("engineFailed", { error: errorMessage(e) }) };
      }
      if (!edit) return { ok: false, text: t("noExplanationCell") };
      try {
        const res = outcome(await store.write([edit]), t("written", { cell: edit.cell }));
        // The written cell is where the user looks next.
        if (res.ok && report.sheet) void host.select(report.sheet, edit.cell).catch(() => undefined);
        return res;
      } catch (e) {
        // Taking highlights off before the write failed: nothing was written.
        return { ok: false, text: t("highlightFailed", { error: hostErrorText(e, lang) }) };
      }
    },
    [host, lang, outcome, report, store, t],
  );

  const applyCorrections = useCallback(
    async (chosen: Correction[]): Promise<CardResult> => {
      try {
        const res = outcome(await store.write(correctionEdits(chosen)), t("applied", { n: chosen.length }));
        if (res.ok && report?.sheet && chosen.length === 1)
          void host.select(report.sheet, chosen[0].cell).catch(() => undefined);
        return res;
      } catch (e) {
        return { ok: false, text: t("highlightFailed", { error: hostErrorText(e, lang) }) };
      }
    },
    [host, lang, outcome, report, store, t],
  );

  const undo = useCallback(async () => {
    try {
      if (await store.undoLast()) setNotice({ intent: "success", text: t("undone") });
    } catch (e) {
      setNotice({ intent: "error", text: t("undoFailed", { error: hostErrorText(e, lang) }) });
    }
  }, [lang, setNotice, store, t]);

  const toggleHighlights = useCallback(
    async (on: boolean) => {
      try {
        const res = await store.setHighlights(on);
        if (res && !res.ok)
          setNotice({ intent: "error", text: t("writeRefused", { message: hostErrorText(res, lang) }) });
      } catch (e) {
        setNotice({ intent: "error", text: t("highlightFailed", { error: hostErrorText(e, lang) }) });
      }
    },
    [lang, setNotice, store, t],
  );

  const chooseSheet = useCallback(
    async (sheet: string) => {
      try {
        await store.chooseSheet(sheet);
      } catch (e) {
        setNotice({ intent: "error", text: t("sheetSwitchFailed", { error: hostErrorText(e, lang) }) });
      }
    },
    [lang, setNotice, store, t],
  );

  const recheck = useCallback(async () => {
    setNotice(null);
    try {
      await store.recheck();
      // A re-run that changes nothing still says it ran.
      setNotice({ intent: "info", text: t("recheckDone", { time: timeText(new Date()) }) });
    } catch (e) {
      setNotice({ intent: "error", text: t("recheckFailed", { error: hostErrorText(e, lang) }) });
    }
  }, [lang, setNotice, store, t]);

  const exportFindings = useCallback(async () => {
    if (!report || !host.addSheet) return;
    const byRow = new Map(report.indicators.map((i) => [i.row, i.name]));
    // Chinese-first columns: the rule's name in words before its code (kept for reviewers).
    const rows: CellValue[][] = [
      t("exportHeader").split("|"),
      ...findings.map((f, i) => [
        i + 1,
        t(`severity_${f.severity}`),
        f.cell,
        f.row !== undefined ? (byRow.get(f.row) ?? "") : "",
        lang === "en" ? f.messageEn : f.message,
        shortLabel(f.code, lang) ?? "",
        f.code,
        statusOf(f),
      ]),
    ];
    try {
      const name = await host.addSheet(EXPORT_SHEET, rows);
      setNotice({ intent: "success", text: t("exported", { sheet: name }) });
    } catch (e) {
      setNotice({ intent: "error", text: t("exportFailed", { error: hostErrorText(e, lang) }) });
    }
  }, [findings, host, lang, report, setNotice, statusOf, t]);

  return {
    writeExplanation,
    applyCorrections,
    undo,
    toggleHighlights,
    chooseSheet,
    recheck,
    exportFindings,
  };
}
