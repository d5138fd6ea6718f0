/**
 * The guided explanation inside a card: the text box first (pre-filled with the facts and the two
 * parts 偏差原因：…；改进措施：…), then 写入 (Escape closes), then the phrase toggles for this row's cause. Both parts are
 * checked before writing; a validation message goes away as soon as the text changes.
 */
import * as React from "react";
import { useState } from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { phrasesForCause } from "../../engine";
import type { ExplanationCause } from "../../engine";
import type { Language, T } from "../i18n";
import { checkExplanation, hasPhrase, template, togglePhrase } from "../model/explain";
import { PhraseGroups } from "./PhraseGroups";

const useStyles = makeStyles({
  editor: {
    marginTop: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

interface Props {
  /** Whose explanation: names the text box. */
  name: string;
  /** What the cell holds now. */
  existing: string;
  cause: ExplanationCause;
  /** The fact sentence, or null for rows without target and actual (evaluation tables): plain text then. */
  facts: string | null;
  lang: Language;
  t: T;
  busy: boolean;
  onWrite: (text: string) => Promise<boolean>;
  onClose: () => void;
}

export function ExplanationEditor({ name, existing, cause, facts, lang, t, busy, onWrite, onClose }: Props) {
  const s = useStyles();
  const [text, setText] = useState(() => (existing.trim() || facts === null ? existing : template(facts)));
  const [problem, setProblem] = useState<string | null>(null);
  const change = (v: string) => {
    setText(v);
    setProblem(null);
  };
  const write = async () => {
    const p = checkExplanation(text, facts);
    if (p) {
      setProblem(t(p === "empty" ? "needsText" : p === "reason" ? "needsReason" : "needsMeasure"));
      return;
    }
    await onWrite(text);
  };
  return (
    <div className={s.editor}>
      <Field
        label={t("explanationLabel", { name })}
        validationState={problem ? "error" : "none"}
        validationMessage={problem ?? undefined}
      >
        <Textarea value={text} resize="vertical" rows={4} onChange={(_, d) => change(d.value)} />
      </Field>
      {/* Right under the text box: at 320 × 768 the phrases below would push 写入 out of view. */}
      <div className={s.buttons} data-scroll-end>
        <Button appearance="primary" disabled={busy} onClick={() => void write()}>
          {t("writeCell")}
        </Button>
        <Button onClick={onClose}>{t("cancelEdit")}</Button>
      </div>

      {facts !== null && (
        <>
          <p className={s.hint}>{t("phrasesTitle")}</p>
          <PhraseGroups
            groups={phrasesForCause(cause)}
            lang={lang}
            isOn={(p) => hasPhrase(text, p)}
            onToggle={(p, part) => change(togglePhrase(text, p, part))}
          />
        </>
      )}
    </div>
  );
}
