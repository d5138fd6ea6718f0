import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
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
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
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
              <td className={s.cell} title={declared === "—" ? t("dashNote") : undefined}>
                {declared}
              </td>
              <td className={differs(declared, computed) ? `${s.cell} ${s.diff}` : s.cell}>{computed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={s.note}>
        {t("profileUsed", { profile: profileName })}
        {rows.some((r) => r[1] === "—" || r[2] === "—") ? ` · ${t("dashNote")}` : ""}
      </p>
    </section>
  );
}
