/**
 * One card per indicator row (or subject). Collapsed: one line with the name, the numbers and what is
 * wrong, plus 填写偏差说明 where a text is missing. Open: the full messages and the actions 填写偏差说明,
 * 更正为 X (confirmed inside the card; Escape cancels, Enter never applies an unconfirmed change), 定位,
 * and for the budget-execution warning "已在自评报告中说明".
 */
import * as React from "react";
import { useEffect, useRef, useState } from "react";
import { Badge, Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import type { Correction, Severity, SheetReport } from "../../engine";
import type { Language, T } from "../i18n";
import type { Card } from "../model/cards";
import { cardNumbers, cardProblems, cardTitle, paragraphLabel } from "../model/labels";
import { causeOf, factSentence, fundsFacts } from "../model/explain";
import { ExplanationEditor } from "./ExplanationEditor";

const useStyles = makeStyles({
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    marginBottom: tokens.spacingVerticalXS,
    // Cards scrolled to stop just under the sticky header (App measures it into --zp-header).
    scrollMarginTop: "calc(var(--zp-header, 96px) + 4px)",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  open: { border: `2px solid ${tokens.colorBrandStroke1}` },
  line: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  toggle: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "flex-start",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    background: "none",
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  text: { minWidth: 0, display: "flex", flexDirection: "column" },
  name: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  nowrap: { whiteSpace: "nowrap", flexShrink: 0 },
  // Two lines, numbers first: at 320 px the numbers must never be what the ellipsis cuts.
  sub: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflow: "hidden",
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflowWrap: "anywhere",
  },
  body: { padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
  msgs: { margin: `0 0 ${tokens.spacingVerticalXS}`, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", alignItems: "center" },
  confirm: {
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  status: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    scrollMarginTop: "calc(var(--zp-header, 96px) + 4px)",
  },
  rows: { margin: `0 0 ${tokens.spacingVerticalXS}`, paddingLeft: tokens.spacingHorizontalL },
});

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export interface CardResult {
  ok: boolean;
  text: string;
}

interface Props {
  card: Card;
  report: SheetReport;
  open: boolean;
  editing: boolean;
  lang: Language;
  t: T;
  busy: boolean;
  /** Notes are kept with the workbook (else this session only). */
  notesKept: boolean;
  /** Nothing can be written back (a table read out of a Word document): no 填写偏差说明, no 更正. */
  readOnly: boolean;
  /** The write history's depth: when it shrinks (撤销), a "已更正" line no longer holds. */
  undoDepth: number;
  onToggle: () => void;
  onExplain: () => void;
  onCloseEditor: () => void;
  onLocate: () => void;
  onWrite: (text: string) => Promise<CardResult>;
  onCorrect: (fixes: Correction[]) => Promise<CardResult>;
  onMark: (on: boolean) => void;
  /** Sets the card aside as reviewed (忽略). */
  onIgnore: () => void;
}

export function FindingCard(p: Props) {
  const { card, report, open, editing, lang, t, busy } = p;
  const s = useStyles();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<CardResult | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const title = cardTitle(card, lang);
  const bodyId = `zp-card-${card.key}`;
  useEffect(() => {
    if (!open) setConfirming(false);
  }, [open]);
  // Focus lands on the question, not on 确定写入 (Enter must never apply what was not confirmed); the
  // buttons under it are scrolled into view.
  useEffect(() => {
    if (!confirming) return;
    confirmRef.current?.focus({ preventScroll: true });
    confirmRef.current?.parentElement?.scrollIntoView?.({ block: "nearest" });
  }, [confirming]);
  // 撤销 took the write back: the line saying it was done goes.
  const depth = useRef(p.undoDepth);
  useEffect(() => {
    if (p.undoDepth < depth.current) setResult(null);
    depth.current = p.undoDepth;
  }, [p.undoDepth]);
  /** Shows a write's outcome and moves focus to it, so focus never falls to the page. */
  const show = (r: CardResult) => {
    setResult(r);
    setTimeout(() => {
      const el = resultRef.current ?? toggleRef.current;
      el?.focus({ preventScroll: true });
      el?.scrollIntoView?.({ block: "nearest" });
    }, 0);
  };
  const ind = card.indicator;
  const cause = ind ? causeOf(ind, card.findings) : "lowExecution";
  const facts = ind
    ? ind.target || ind.actual
      ? factSentence(ind, cause, lang === "en" ? "en" : "zh")
      : null
    : null;
  const zhFacts = ind && (ind.target || ind.actual) ? factSentence(ind, cause, "zh") : null;
  // Read only: the actions that write are not offered at all; the open card says where to change it.
  const fix = p.readOnly ? [] : card.corrections;
  const explainable = card.needsText && !p.readOnly;
  const writesWanted = p.readOnly && (card.needsText || card.corrections.length > 0);
  const summary = [cardNumbers(card, report, lang), cardProblems(card, lang)].filter(Boolean).join(" · ");

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== "Escape" || (!confirming && !editing)) return;
    e.stopPropagation();
    if (confirming) setConfirming(false);
    else p.onCloseEditor();
    toggleRef.current?.focus();
  };

  return (
    <li
      role="listitem"
      className={open ? `${s.item} ${s.open}` : s.item}
      data-card-key={card.key}
      data-row={ind?.row}
      data-codes={[...new Set(card.findings.map((f) => f.code))].join(" ")}
      data-cells={card.findings.map((f) => f.cell).join(" ")}
      onKeyDown={onKeyDown}
    >
      <div className={s.line}>
        <button
          ref={toggleRef}
          type="button"
          className={s.toggle}
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={p.onToggle}
        >
          {open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          <span className={s.text}>
            <span className={s.name} title={title}>
              <Badge
                size="tiny"
                appearance="filled"
                color={BADGE[card.severity]}
                aria-label={t(`severity_${card.severity}`)}
              />{" "}
              {title}
            </span>
            <span className={s.sub} title={summary}>
              {summary}
            </span>
          </span>
        </button>
        {explainable && !open && (
          <Button
            size="small"
            appearance="subtle"
            className={s.nowrap}
            aria-label={t("actionExplainFor", { name: title })}
            onClick={p.onExplain}
          >
            {t("actionExplain")}
          </Button>
        )}
      </div>
      {open && (
        <div className={s.body} id={bodyId}>
          <ul className={s.msgs}>
            {card.findings.map((f, i) => (
              <li key={`${f.code}-${f.cell}-${i}`} data-code={f.code} data-cell={f.cell}>
                {/* The report's findings stand in its prose: the paragraph, not the cell compared with. */}
                {f.paragraph && f.code.startsWith("REPORT_")
                  ? t("labelled", {
                      label: paragraphLabel(f.paragraph.index, lang),
                      text: lang === "en" ? f.messageEn : f.message,
                    })
                  : f.cell
                    ? t("labelled", {
                        label: t("cellAt", { cell: f.cell }),
                        text: lang === "en" ? f.messageEn : f.message,
                      })
                    : lang === "en"
                      ? f.messageEn
                      : f.message}
              </li>
            ))}
          </ul>
          {card.rows && (
            <ul className={s.rows} data-testid="group-rows">
              {card.rows.map((r) => (
                <li key={r.row}>{t("groupRow", { row: r.row, name: r.name || r.level2 })}</li>
              ))}
            </ul>
          )}
          {card.kind === "funds" && report.funds && (
            <p className={s.status}>{fundsFacts(report.funds, lang)}</p>
          )}
          <div className={s.actions}>
            {ind?.explanationCell && explainable && !editing && (
              <Button size="small" appearance="primary" onClick={p.onExplain}>
                {t("actionExplain")}
              </Button>
            )}
            {fix.length > 0 && !confirming && (
              <Button size="small" disabledFocusable={busy} onClick={() => setConfirming(true)}>
                {t("actionCorrect", { value: fix.map((c) => c.newText).join(" / ") })}
              </Button>
            )}
            {card.cell && (
              <Button size="small" appearance="subtle" onClick={p.onLocate}>
                {t("actionLocate")}
              </Button>
            )}
            <Button
              size="small"
              appearance="subtle"
              title={t(p.notesKept ? "ignoreHint" : "ignoreHintSession")}
              disabledFocusable={busy}
              onClick={p.onIgnore}
            >
              {t("actionIgnore")}
            </Button>
          </div>
          {card.reportNote && (
            <Checkbox
              label={t("markReport")}
              checked={card.reportNote.marked}
              onChange={(_, d) => p.onMark(d.checked === true)}
            />
          )}
          {card.reportNote && !p.notesKept && <p className={s.status}>{t("markSession")}</p>}
          {writesWanted && (
            <p className={s.status} data-testid="read-only-card">
              {t("readOnlyCard")}
            </p>
          )}
          {confirming && (
            <div className={s.confirm} role="group" aria-label={t("confirmTitle")}>
              <div ref={confirmRef} tabIndex={-1}>
                {t("confirmCorrect", {
                  cells: fix.map((c) => c.cell).join("、"),
                  values: fix.map((c) => `${c.oldText || "—"} → ${c.newText}`).join("、"),
                })}
              </div>
              <div className={s.actions}>
                <Button
                  size="small"
                  appearance="primary"
                  disabledFocusable={busy}
                  data-testid="confirm-write"
                  onClick={async () => {
                    setConfirming(false);
                    show(await p.onCorrect(fix));
                  }}
                >
                  {t("confirm")}
                </Button>
                <Button size="small" onClick={() => setConfirming(false)}>
                  {t("cancel")}
                </Button>
              </div>
            </div>
          )}
          {editing && ind && !p.readOnly && (
            <ExplanationEditor
              name={title}
              existing={ind.explanation}
              cause={cause}
              facts={lang === "en" ? zhFacts : facts}
              lang={lang}
              t={t}
              busy={busy}
              onWrite={async (text) => {
                const r = await p.onWrite(text);
                show(r);
                return r.ok;
              }}
              onClose={p.onCloseEditor}
            />
          )}
          {result && (
            <p ref={resultRef} tabIndex={-1} role={result.ok ? "status" : "alert"} className={s.status}>
              {result.text}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
