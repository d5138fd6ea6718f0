/** Highlights on the sheet, and the export of the findings to a 校验结果 sheet. */
import * as React from "react";
import { Button, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { TableAdd16Regular } from "@fluentui/react-icons";
import type { T } from "../i18n";
import { Bar } from "./Bar";

const useStyles = makeStyles({
  tools: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

interface Props {
  t: T;
  locked: boolean;
  highlightsOn: boolean;
  restoreFills: boolean;
  canExport: boolean;
  onHighlights: (on: boolean) => void;
  onExport: () => void;
}

export function Tools({ t, locked, highlightsOn, restoreFills, canExport, onHighlights, onExport }: Props) {
  const s = useStyles();
  return (
    <section aria-labelledby="zp-tools" className={s.tools}>
      <h2 id="zp-tools">{t("highlightsTitle")}</h2>
      <Switch
        checked={highlightsOn}
        disabled={locked}
        label={t("highlightsTitle")}
        onChange={(_, d) => onHighlights(d.checked)}
      />
      <span>{t("highlightsLegend")}</span>
      {!restoreFills && <Bar intent="warning">{t("noRestoreFills")}</Bar>}
      {canExport && (
        <div>
          <Button icon={<TableAdd16Regular />} disabled={locked} onClick={onExport}>
            {t("exportButton")}
          </Button>
        </div>
      )}
    </section>
  );
}
