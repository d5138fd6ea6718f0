/**
 * Phrase toggles, one toolbar per group with a single tab stop (roving tabindex: the arrow keys move
 * inside a group, Tab leaves it). A pressed phrase is in the text (shown by a check mark and a fill);
 * pressing it again takes it out.
 */
import * as React from "react";
import { useRef, useState } from "react";
import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { Checkmark16Regular } from "@fluentui/react-icons";
import type { CausePhraseGroup, Phrase } from "../../engine";
import type { Language } from "../i18n";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
    marginBottom: tokens.spacingVerticalXS,
  },
  label: { width: "100%", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // Pressed must not rest on a light border alone (WCAG 1.4.11): a check mark and a tinted fill.
  on: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    color: tokens.colorNeutralForeground1,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
});

interface Props {
  groups: CausePhraseGroup[];
  lang: Language;
  isOn: (p: Phrase) => boolean;
  onToggle: (p: Phrase, part: "reason" | "measure") => void;
}

function Group({ group, lang, isOn, onToggle }: { group: CausePhraseGroup } & Omit<Props, "groups">) {
  const s = useStyles();
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const title = lang === "en" ? group.titleEn : group.title;
  const move = (e: React.KeyboardEvent, i: number) => {
    const n = group.phrases.length;
    const to =
      e.key === "ArrowRight" || e.key === "ArrowDown"
        ? (i + 1) % n
        : e.key === "ArrowLeft" || e.key === "ArrowUp"
          ? (i - 1 + n) % n
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    setActive(to);
    refs.current[to]?.focus();
  };
  return (
    <div role="toolbar" aria-label={title} className={s.group}>
      <span className={s.label} aria-hidden="true">
        {title}
      </span>
      {group.phrases.map((p, i) => (
        <ToggleButton
          key={p.label}
          ref={(el: HTMLButtonElement | HTMLAnchorElement | null) => {
            refs.current[i] = el as HTMLButtonElement | null;
          }}
          size="small"
          appearance="outline"
          checked={isOn(p)}
          className={isOn(p) ? s.on : undefined}
          icon={isOn(p) ? <Checkmark16Regular /> : undefined}
          title={p.text}
          tabIndex={i === active ? 0 : -1}
          onFocus={() => setActive(i)}
          onKeyDown={(e) => move(e, i)}
          onClick={() => onToggle(p, group.part)}
        >
          {lang === "en" ? p.labelEn : p.label}
        </ToggleButton>
      ))}
    </div>
  );
}

export function PhraseGroups({ groups, ...rest }: Props) {
  return (
    <>
      {groups.map((g) => (
        <Group key={g.title} group={g} {...rest} />
      ))}
    </>
  );
}
