/**
 * The cards set aside as reviewed (忽略), collapsed under "已忽略 N 项": out of the counts and the
 * verdict, never out of sight; each can be brought back (恢复), which undoes the 忽略.
 */
import * as React from "react";
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Language, T } from "../i18n";
import type { Card } from "../model/cards";
import { cardTitle } from "../model/labels";

const useStyles = makeStyles({
  box: { margin: `${tokens.spacingVerticalS} 0`, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", padding: 0, margin: 0 },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
});

interface Props {
  cards: Card[];
  lang: Language;
  t: T;
  onRestore: (key: string) => void;
}

export function IgnoredCards({ cards, lang, t, onRestore }: Props) {
  const s = useStyles();
  const [shown, setShown] = useState(false);
  return (
    <div className={s.box} data-testid="ignored">
      <Button size="small" appearance="subtle" aria-expanded={shown} onClick={() => setShown((v) => !v)}>
        {t("ignoredTitle", { n: cards.length })}
      </Button>
      {shown && (
        <ul className={s.list}>
          {cards.map((c) => (
            <li key={c.ignoreKey} className={s.item} data-card-ignored={c.key}>
              <span className={s.name}>{cardTitle(c, lang)}</span>
              <Button
                size="small"
                appearance="subtle"
                aria-label={t("restoreFor", { name: cardTitle(c, lang) })}
                onClick={() => onRestore(c.ignoreKey)}
              >
                {t("restore")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
