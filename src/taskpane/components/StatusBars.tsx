/**
 * What the pane says about the sheet as a whole: the last action's outcome, a protected sheet, a sheet
 * that is not a 自评表 (the picker follows right under it), a failure (no previous result stays on
 * screen), and the single success panel with next steps.
 */
import * as React from "react";
import type { Language, T } from "../i18n";
import { hostErrorText } from "../host-error-text";
import type { Notice, PaneState } from "../store/types";
import type { Verdict } from "../model/cards";
import { Bar } from "./Bar";

/** The engine's reason without its own "…不是绩效自评表" tail: the sentence around it already says so. */
export function reasonText(reason: string | null): string {
  return (reason ?? "").replace(/[，,；;]\s*此?工作表不是绩效自评表[。.]?$/, "");
}

interface Props {
  state: PaneState;
  stale: boolean;
  notice: Notice | null;
  verdict: Verdict | null;
  lang: Language;
  t: T;
  className: string;
  sheetBar: React.ReactNode;
}

export function StatusBars({ state, stale, notice, verdict, lang, t, className, sheetBar }: Props) {
  return (
    <>
      {stale && (
        <p role="status" className={className} data-testid="rechecking">
          {t("rechecking")}
        </p>
      )}
      {notice && (
        <Bar
          intent={notice.intent}
          className={className}
          role={notice.intent === "error" ? "alert" : "status"}
        >
          {notice.text}
        </Bar>
      )}
      {state.protectedSheet && (
        <Bar intent="info" className={className}>
          {t("sheetProtected", { sheet: state.sheet ?? "" })}
        </Bar>
      )}
      {state.status === "notTable" && (
        <Bar intent="warning" className={className}>
          {t(state.sheets.length > 1 ? "notATable" : "notATableOnly", {
            sheet: state.sheet ?? "",
            reason: reasonText(state.reason),
          })}
        </Bar>
      )}
      {sheetBar}
      {state.status === "failed" && (
        <Bar intent="error" className={className} testId="check-failed">
          {state.cause !== undefined
            ? t("readFailed", { error: hostErrorText(state.cause, lang) })
            : t("engineFailed", { error: state.error ?? "" })}
        </Bar>
      )}
      {state.status !== "failed" && verdict?.kind === "ok" && (
        <Bar intent="success" title={t("successTitle")} className={className} testId="success-panel">
          {t("successBody")}
          {verdict.warnings > 0 ? ` ${t("successWarnings", { n: verdict.warnings })}` : ""}
          {verdict.ignoredErrors ? ` ${t("successIgnoredErrors", { n: verdict.ignoredErrors })}` : ""}
        </Bar>
      )}
    </>
  );
}
