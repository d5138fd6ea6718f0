import * as React from "react";
import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDown16Regular } from "@fluentui/react-icons";
import type { Finding, IndicatorReport, Severity } from "../../engine";
import type { Language, T } from "../i18n";

const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/** Errors first, then warnings, then notes; the engine's order within each. */
export function orderFindings(findings: Finding[]): Finding[] {
  return SEVERITY_ORDER.flatMap((sev) => findings.filter((f) => f.severity === sev));
}

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0 },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    font: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  current: { border: `2px solid ${tokens.colorBrandStroke1}` },
  meta: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    marginBottom: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  // The badge and the address never wrap; a long indicator name takes what is left.
  fixed: { flexShrink: 0, whiteSpace: "nowrap" },
  name: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

interface Props {
  findings: Finding[];
  indicators: IndicatorReport[];
  current: number;
  lang: Language;
  t: T;
  onSelect: (index: number) => void;
  onNext: () => void;
}

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export function Findings({ findings, indicators, current, lang, t, onSelect, onNext }: Props) {
  const s = useStyles();
  const byRow = new Map(indicators.map((i) => [i.row, i]));
  let index = 0;
  return (
    <section aria-labelledby="zp-findings">
      <div className={s.header}>
        <h2 id="zp-findings">{t("findingsTitle")}</h2>
        <Button icon={<ArrowDown16Regular />} onClick={onNext} disabled={findings.length === 0}>
          {t("nextIssue")}
        </Button>
      </div>
      {findings.length === 0 && <p>{t("noFindings")}</p>}
      {current >= 0 && current < findings.length && (
        <p aria-live="polite">{t("issueOf", { n: current + 1, total: findings.length })}</p>
      )}
      {SEVERITY_ORDER.map((sev) => {
        const group = findings.filter((f) => f.severity === sev);
        if (group.length === 0) return null;
        const headingId = `zp-findings-${sev}`;
        return (
          <div key={sev} role="group" aria-labelledby={headingId}>
            <h3 id={headingId}>
              {t(`severity_${sev}`)}（{group.length}）
            </h3>
            <ul className={s.list}>
              {group.map((f) => {
                const i = index++;
                const ind = f.row !== undefined ? byRow.get(f.row) : undefined;
                return (
                  <li key={`${f.code}-${f.cell}-${i}`}>
                    <button
                      type="button"
                      className={i === current ? `${s.item} ${s.current}` : s.item}
                      aria-current={i === current ? "true" : undefined}
                      data-finding-index={i}
                      data-code={f.code}
                      onClick={() => onSelect(i)}
                    >
                      <span className={s.meta}>
                        <Badge className={s.fixed} appearance="tint" color={BADGE[f.severity]}>
                          {t(`severity_${f.severity}`)}
                        </Badge>
                        <span className={s.fixed}>{t("cellAt", { cell: f.cell })}</span>
                        {ind && (
                          <span className={s.name} title={ind.name}>
                            {ind.name}
                          </span>
                        )}
                      </span>
                      <span>{lang === "en" ? f.messageEn : f.message}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
