/**
 * The sticky header: the verdict, counts, 上一个 / 下一个 (always in view, however far down the list
 * the user is), 重新校验 with the time of the last check, and 撤销.
 */
import * as React from "react";
import { Badge, Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowClockwise16Regular,
  ArrowDown16Regular,
  ArrowUndo16Regular,
  ArrowUp16Regular,
} from "@fluentui/react-icons";
import type { Severity } from "../../engine";
import type { T } from "../i18n";
import type { Verdict } from "../model/cards";

const useStyles = makeStyles({
  header: {
    position: "sticky",
    top: 0,
    zIndex: 5,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} 0`,
    marginBottom: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  title: { fontSize: tokens.fontSizeBase400, margin: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  verdict: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  time: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  grow: { flexGrow: 1 },
});

interface Props {
  t: T;
  verdict: Verdict | null;
  counts: Record<Severity, number> | null;
  explain: number;
  step: { n: number; total: number } | null;
  checking: boolean;
  busy: boolean;
  checkedAt: Date | null;
  undoDisabled: boolean;
  onPrev: () => void;
  onNext: () => void;
  onCheck: () => void;
  onUndo: () => void;
}

export function timeText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function Header(props: Props) {
  const { t, verdict, counts, explain, step, checking, busy, checkedAt } = props;
  const s = useStyles();
  const total = step?.total ?? 0;
  const verdictText =
    verdict === null
      ? ""
      : verdict.kind === "errors"
        ? t("verdictErrors", { n: verdict.n })
        : verdict.kind === "explain"
          ? t("verdictExplain", { n: verdict.n })
          : t("verdictOk");
  const tone = verdict?.kind === "errors" ? s.bad : verdict?.kind === "explain" ? s.warn : s.good;
  return (
    <header className={s.header} data-testid="pane-header">
      <h1 className={s.title}>{t("appTitle")}</h1>
      {verdict && (
        <p className={`${s.verdict} ${tone}`} role="status" data-testid="verdict">
          {verdictText}
        </p>
      )}
      {counts && (
        <div className={s.row}>
          <Badge appearance="tint" color={counts.error > 0 ? "danger" : "success"}>
            {t("countErrors", { n: counts.error })}
          </Badge>
          {explain > 0 && (
            <Badge appearance="tint" color="warning">
              {t("countExplain", { n: explain })}
            </Badge>
          )}
          <Badge appearance="tint" color="informative">
            {t("countWarnings", { n: counts.warning })}
          </Badge>
          <Badge appearance="tint" color="subtle">
            {t("countInfo", { n: counts.info })}
          </Badge>
        </div>
      )}
      <div className={s.row}>
        <Button
          size="small"
          icon={<ArrowUp16Regular />}
          disabledFocusable={total === 0}
          onClick={props.onPrev}
        >
          {t("prev")}
        </Button>
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
        <span aria-live="polite" className={s.time}>
          {step && step.n > 0 ? t("stepOf", { n: step.n, total }) : ""}
        </span>
        <span className={s.grow} />
        {/* Always present, disabled when there is nothing to undo, so focus is never dropped with it. */}
        <Button
          size="small"
          icon={<ArrowUndo16Regular />}
          disabledFocusable={props.undoDisabled}
          onClick={props.onUndo}
        >
          {t("undo")}
        </Button>
      </div>
      <div className={s.row}>
        <Button size="small" icon={<ArrowClockwise16Regular />} disabled={busy} onClick={props.onCheck}>
          {t("checkButton")}
        </Button>
        {checking ? (
          <Spinner size="extra-tiny" label={t("checking")} />
        ) : (
          checkedAt && <span className={s.time}>{t("checkedAt", { time: timeText(checkedAt) })}</span>
        )}
      </div>
    </header>
  );
}
