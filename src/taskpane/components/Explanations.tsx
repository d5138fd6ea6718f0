import * as React from "react";
import { useEffect, useState } from "react";
import { Badge, Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { phrasesFor } from "../../engine";
import type { Finding, IndicatorReport } from "../../engine";
import type { Language, T } from "../i18n";
import { fmtScore, fmtText } from "./format";

/** Findings that an explanation in the row's 偏差原因 cell settles. */
const EXPLANATION_CODES = new Set([
  "EXPLANATION_MISSING",
  "EXPLANATION_TOO_SHORT",
  "SCORE_DEDUCTION_UNEXPLAINED",
]);

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  title: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", margin: 0 },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  phrases: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    marginBottom: tokens.spacingVerticalXS,
  },
  groupLabel: { width: "100%", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

interface CardProps {
  indicator: IndicatorReport;
  settled: boolean;
  lang: Language;
  t: T;
  busy: boolean;
  onWrite: (row: number, text: string) => Promise<boolean>;
}

/** Appends a phrase to what the user has typed, with a Chinese separator. */
export function appendPhrase(text: string, phrase: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed) return phrase;
  return /[。；;，,！!]$/.test(trimmed) ? trimmed + phrase : trimmed + "；" + phrase;
}

function ExplanationCard({ indicator: ind, settled, lang, t, busy, onWrite }: CardProps) {
  const s = useStyles();
  const [text, setText] = useState(ind.explanation);
  const [error, setError] = useState<string | null>(null);
  // After a re-check the cell may hold something new (written here or typed in the sheet).
  useEffect(() => setText(ind.explanation), [ind.explanation]);
  const headingId = `zp-exp-${ind.row}`;
  const name = ind.name;

  const write = async () => {
    if (!text.trim()) {
      setError(t("needsText"));
      return;
    }
    setError(null);
    await onWrite(ind.row, text);
  };

  return (
    <article className={s.card} aria-labelledby={headingId} data-row={ind.row}>
      <h3 id={headingId} className={s.title}>
        {name}
        {settled && (
          <Badge appearance="tint" color="success">
            {t("explained")}
          </Badge>
        )}
      </h3>
      <dl className={s.facts}>
        {/* Evaluation-style tables have no target or actual: show only what the row has. */}
        {ind.target || ind.actual ? (
          <>
            <dt className={s.dt}>{t("target")}</dt>
            <dd className={s.dd}>{fmtText(ind.target)}</dd>
            <dt className={s.dt}>{t("actual")}</dt>
            <dd className={s.dd}>{fmtText(ind.actual)}</dd>
          </>
        ) : null}
        <dt className={s.dt}>{t("weight")}</dt>
        <dd className={s.dd}>{fmtScore(ind.weight)}</dd>
        <dt className={s.dt}>{t("scoreDeclared")}</dt>
        <dd className={s.dd}>{fmtScore(ind.scoreDeclared)}</dd>
        <dt className={s.dt}>{t("scoreComputed")}</dt>
        <dd className={s.dd}>{fmtScore(ind.scoreComputed)}</dd>
        {ind.explanationReason ? (
          <>
            <dt className={s.dt}>{t("why")}</dt>
            <dd className={s.dd}>{ind.explanationReason}</dd>
          </>
        ) : null}
      </dl>
      {ind.explanationCell ? (
        <>
          <div className={s.phrases} role="group" aria-label={t("suggestions")}>
            {phrasesFor(ind).map((g) => (
              <React.Fragment key={g.cause}>
                <span className={s.groupLabel}>{lang === "en" ? g.causeEn : g.cause}</span>
                {g.phrases.map((p) => (
                  <Button
                    key={p.label}
                    size="small"
                    appearance="outline"
                    title={p.text}
                    onClick={() => setText((cur) => appendPhrase(cur, p.text))}
                  >
                    {lang === "en" ? p.labelEn : p.label}
                  </Button>
                ))}
              </React.Fragment>
            ))}
          </div>
          <Field
            label={t("explanationLabel", { name })}
            validationState={error ? "error" : "none"}
            validationMessage={error ?? undefined}
          >
            <Textarea value={text} resize="vertical" rows={5} onChange={(_, d) => setText(d.value)} />
          </Field>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={write}
            style={{ marginTop: tokens.spacingVerticalXS }}
          >
            {t("writeCell")}
          </Button>
        </>
      ) : (
        <p>{t("noExplanationCell")}</p>
      )}
    </article>
  );
}

interface Props {
  indicators: IndicatorReport[];
  findings: Finding[];
  lang: Language;
  t: T;
  busy: boolean;
  onWrite: (row: number, text: string) => Promise<boolean>;
}

export function Explanations({ indicators, findings, lang, t, busy, onWrite }: Props) {
  const needing = indicators.filter((i) => i.needsExplanation);
  const open = new Set(
    findings.filter((f) => EXPLANATION_CODES.has(f.code) && f.row !== undefined).map((f) => f.row),
  );
  return (
    <section aria-labelledby="zp-explanations">
      <h2 id="zp-explanations">{t("explanationsTitle")}</h2>
      {needing.length === 0 && <p>{t("noExplanations")}</p>}
      {needing.map((ind) => (
        <ExplanationCard
          key={ind.row}
          indicator={ind}
          settled={!open.has(ind.row) && ind.explanation.trim() !== ""}
          lang={lang}
          t={t}
          busy={busy}
          onWrite={onWrite}
        />
      ))}
    </section>
  );
}
