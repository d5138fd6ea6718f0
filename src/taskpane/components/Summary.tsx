import * as React from "react";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetReport } from "../../engine";
import type { T } from "../i18n";
import { fmtRate, fmtScore, fmtText } from "./format";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", marginBottom: tokens.spacingVerticalS },
  cell: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  diff: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

interface Props {
  report: SheetReport;
  profileName: string;
  t: T;
}

function differs(a: string, b: string): boolean {
  return a !== "—" && b !== "—" && a !== b;
}

export function Summary({ report, profileName, t }: Props) {
  const s = useStyles();
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const rows: [string, string, string][] = [
    [t("total"), fmtScore(report.total.declared), fmtScore(report.total.computed)],
    [t("grade"), fmtText(report.grade.declared), fmtText(report.grade.computed)],
  ];
  if (report.funds)
    rows.push([t("rate"), fmtRate(report.funds.rate.declared), fmtRate(report.funds.rate.computed)]);
  return (
    <section aria-labelledby="zp-summary">
      <h2 id="zp-summary">{t("summaryTitle")}</h2>
      <table className={s.table} aria-labelledby="zp-summary">
        <thead>
          <tr>
            <th className={s.cell} scope="col">
              {t("item")}
            </th>
            <th className={s.cell} scope="col">
              {t("declared")}
            </th>
            <th className={s.cell} scope="col">
              {t("computed")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, declared, computed]) => (
            <tr key={label} data-testid={`summary-${label}`}>
              <th className={s.cell} scope="row">
                {label}
              </th>
              <td className={s.cell}>{declared}</td>
              <td className={differs(declared, computed) ? `${s.cell} ${s.diff}` : s.cell}>{computed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={s.counts}>
        <Badge appearance="filled" color={errors > 0 ? "danger" : "success"}>
          {t("errors")} {errors}
        </Badge>
        <Badge appearance="filled" color={warnings > 0 ? "warning" : "informative"}>
          {t("warnings")} {warnings}
        </Badge>
        <span>{t("profileUsed", { profile: profileName })}</span>
      </div>
      <p role="status">{errors > 0 ? t("hasErrors", { errors }) : t("allClear")}</p>
    </section>
  );
}
