/**
 * The sticky header, kept to two short rows at 320 px: the verdict in one sentence, then 上一个 /
 * 下一个 with the step (always in view, however far down the list the user is), 重新校验 and 撤销 as
 * named icon buttons. The pane's name is for screen readers only: the host already shows it above.
 */
import * as React from "react";
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowClockwise16Regular,
  ArrowDown16Regular,
  ArrowUndo16Regular,
  ArrowUp16Regular,
} from "@fluentui/react-icons";
import type { T } from "../i18n";
import type { Verdict } from "../model/cards";

const useStyles = makeStyles({
  header: {
    position: "sticky",
    top: 0,
    zIndex: 5,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} 0`,
    marginBottom: tokens.spacingVerticalXS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "nowrap" },
  verdict: { fontWeight: tokens.fontWeightSemibold, margin: 0, lineHeight: tokens.lineHeightBase300 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  step: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    minWidth: 0,
  },
  grow: { flexGrow: 1 },
});

interface Props {
  t: T;
  verdict: Verdict | null;
  /** Where 上一个 / 下一个 stand; wrapped: the last step went from the end back to the start. */
  step: { n: number; total: number; wrapped: boolean } | null;
  checking: boolean;
  busy: boolean;
  checkedAt: Date | null;
  undoDisabled: boolean;
  /** Nothing can be written back (a Word document's table): there is nothing to undo, no 撤销. */
  readOnly?: boolean;
  onPrev: () => void;
  onNext: () => void;
  onCheck: () => void;
  onUndo: () => void;
}

export function timeText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The verdict in one sentence, counted in one unit (cards). */
export function verdictText(verdict: Verdict, t: T): string {
  if (verdict.kind === "errors")
    return verdict.explain > 0
      ? t("verdictErrorsExplain", { n: verdict.n, m: verdict.explain })
      : t("verdictErrors", { n: verdict.n });
  if (verdict.kind === "explain") return t("verdictExplain", { n: verdict.n });
  return verdict.ignoredErrors ? t("verdictOkIgnored", { n: verdict.ignoredErrors }) : t("verdictOk");
}

export function Header(props: Props) {
  const { t, verdict, step, checking, busy, checkedAt } = props;
  const s = useStyles();
  const total = step?.total ?? 0;
  const tone = verdict?.kind === "errors" ? s.bad : verdict?.kind === "explain" ? s.warn : s.good;
  const stepText =
    step && step.n > 0
      ? step.wrapped
        ? t("stepWrapped", { n: step.n, total })
        : t("stepOf", { n: step.n, total })
      : "";
  const checkLabel = checkedAt
    ? `${t("checkButton")}（${t("checkedAt", { time: timeText(checkedAt) })}）`
    : "";
  return (
    <header className={s.header} data-testid="pane-header">
      <h1 className={s.hidden}>{t("appTitle")}</h1>
      {verdict && (
        <p className={`${s.verdict} ${tone}`} role="status" data-testid="verdict">
          {verdictText(verdict, t)}
        </p>
      )}
      <div className={s.row}>
        <Button
          size="small"
          icon={<ArrowUp16Regular />}
          aria-label={t("prev")}
          title={t("prev")}
          disabledFocusable={total === 0}
          onClick={props.onPrev}
        />
        <Button
          size="small"
          appearance="primary"
          icon={<ArrowDown16Regular />}
          disabledFocusable={total === 0}
          onClick={props.onNext}
          data-testid="next-problem"
        >
          {t("next")}
        </Button>
        {checking ? (
          <Spinner size="extra-tiny" label={t("checking")} className={s.step} />
        ) : (
          <span aria-live="polite" className={s.step} data-testid="step">
            {stepText}
          </span>
        )}
        <span className={s.grow} />
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowClockwise16Regular />}
          aria-label={t("checkButton")}
          title={checkLabel || t("checkButton")}
          disabled={busy}
          onClick={props.onCheck}
        />
        {/* Present (disabled when there is nothing to undo, so focus is never dropped with it) unless
            the pane cannot write at all. */}
        {!props.readOnly && (
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowUndo16Regular />}
            aria-label={t("undo")}
            title={t("undo")}
            disabledFocusable={props.undoDisabled}
            onClick={props.onUndo}
          />
        )}
      </div>
    </header>
  );
}
