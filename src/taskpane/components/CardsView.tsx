/**
 * The findings as a list of cards (role list / listitem), one open at a time; a card whose problem was
 * just fixed leaves its confirmation where it was (until 撤销 takes the fix back); identical
 * DIRECTION_INFERRED notes are one line; cards set aside (忽略) wait in a collapsed group to come back.
 */
import * as React from "react";
import { useEffect, useRef, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Regular } from "@fluentui/react-icons";
import type { Correction, SheetReport } from "../../engine";
import type { Language, T } from "../i18n";
import type { CardList } from "../model/cards";
import { cardTitle } from "../model/labels";
import type { CardNav } from "../useCardNav";
import { FindingCard } from "./FindingCard";
import type { CardResult } from "./FindingCard";
import { IgnoredCards } from "./IgnoredCards";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0 },
  done: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    padding: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalXS,
    color: tokens.colorPaletteGreenForeground1,
    scrollMarginTop: "calc(var(--zp-header, 96px) + 4px)",
  },
  note: { color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalS} 0` },
  rows: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Props {
  list: CardList;
  report: SheetReport;
  nav: CardNav;
  lang: Language;
  t: T;
  busy: boolean;
  notesKept: boolean;
  /** Nothing can be written back (a Word document's table): the cards offer no write action. */
  readOnly: boolean;
  undoDepth: number;
  onWrite: (row: number, text: string) => Promise<CardResult>;
  onCorrect: (fixes: Correction[]) => Promise<CardResult>;
  onMark: (key: string, on: boolean) => void;
  onIgnore: (key: string, on: boolean) => void;
}

export function CardsView({
  list,
  report,
  nav,
  lang,
  t,
  busy,
  notesKept,
  readOnly,
  undoDepth,
  onWrite,
  onCorrect,
  onMark,
  onIgnore,
}: Props) {
  const s = useStyles();
  const [done, setDone] = useState<{ key: string; index: number; text: string } | null>(null);
  const [showRows, setShowRows] = useState(false);
  const doneRef = useRef<HTMLLIElement>(null);
  const { cards, direction } = list;
  const doneShown = done !== null && !cards.some((c) => c.key === done.key);
  // The card went away with its problem: keep the keyboard user where they were.
  useEffect(() => {
    if (doneShown && doneRef.current?.contains(document.activeElement) === false) doneRef.current.focus();
  }, [doneShown]);
  useEffect(() => {
    if (nav.openKey && done && nav.openKey !== done.key) setDone(null);
  }, [nav.openKey, done]);
  // 撤销 brought the card back: its "已更正" line no longer holds.
  const depth = useRef(undoDepth);
  useEffect(() => {
    if (undoDepth < depth.current) setDone(null);
    depth.current = undoDepth;
  }, [undoDepth]);

  const items: React.ReactNode[] = cards.map((c, i) => (
    <FindingCard
      key={c.key}
      card={c}
      report={report}
      open={nav.openKey === c.key}
      editing={nav.editingKey === c.key}
      lang={lang}
      t={t}
      busy={busy}
      notesKept={notesKept}
      readOnly={readOnly}
      undoDepth={undoDepth}
      onToggle={() => nav.toggle(c.key)}
      onExplain={() => nav.explain(c.key)}
      onCloseEditor={nav.closeEditor}
      onLocate={() => nav.locate(c)}
      onWrite={async (text) => {
        const r = await onWrite(c.indicator!.row, text);
        if (r.ok)
          setDone({ key: c.key, index: i, text: t("labelled", { label: cardTitle(c, lang), text: r.text }) });
        return r;
      }}
      onCorrect={async (fixes) => {
        const r = await onCorrect(fixes);
        if (r.ok)
          setDone({ key: c.key, index: i, text: t("labelled", { label: cardTitle(c, lang), text: r.text }) });
        return r;
      }}
      onMark={(on) => onMark(c.reportNote!.key, on)}
      onIgnore={() => {
        onIgnore(c.ignoreKey, true);
        setDone({ key: c.key, index: i, text: t("ignored", { name: cardTitle(c, lang) }) });
      }}
    />
  ));
  if (doneShown)
    items.splice(
      Math.min(done.index, items.length),
      0,
      <li key="done" ref={doneRef} tabIndex={-1} role="listitem" className={s.done} data-testid="card-done">
        <CheckmarkCircle16Regular />
        <span role="status">{done.text}</span>
      </li>,
    );

  return (
    <section aria-labelledby="zp-findings">
      <h2 id="zp-findings">{t("findingsTitle")}</h2>
      {cards.length === 0 && !doneShown && <p>{t("noFindings")}</p>}
      {items.length > 0 && (
        <ul className={s.list} role="list" data-testid="cards">
          {items}
        </ul>
      )}
      {list.ignored.length > 0 && (
        <IgnoredCards cards={list.ignored} lang={lang} t={t} onRestore={(key) => onIgnore(key, false)} />
      )}
      {direction && (
        <div className={s.note} data-testid="direction-notes" data-codes="DIRECTION_INFERRED">
          <strong>{t("noteLabel")}</strong>
          {t("labelled", {
            label: "",
            text: t("sentence", { text: t("directionTitle", { n: direction.findings.length }) }),
          })}
          {t("directionQuestion")}{" "}
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={showRows}
            onClick={() => setShowRows((v) => !v)}
          >
            {showRows ? t("cancelEdit") : t("directionShow", { n: direction.findings.length })}
          </Button>
          {showRows && (
            <ul className={s.rows}>
              {direction.findings.map((f) => (
                <li key={f.cell} data-code={f.code}>
                  {t("labelled", {
                    label: t("cellAt", { cell: f.cell }),
                    text: lang === "en" ? f.messageEn : f.message,
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
