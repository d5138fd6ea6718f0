/** The sheet picker and, on a sheet with several tables, the table picker. */
import * as React from "react";
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { T } from "../i18n";
import type { PaneState, TableChoice } from "../store/types";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    marginBottom: tokens.spacingVerticalS,
  },
});

/** How the table picker names a table: its title and 项目/部门 name (stacked tables often share a title). */
function tableName(tb: TableChoice): string {
  const title = tb.title.trim();
  const unit = tb.unit?.trim() ?? "";
  if (title && unit) return `${title}（${unit}）`;
  return title || unit || tb.range;
}

interface Props {
  state: PaneState;
  busy: boolean;
  t: T;
  onSheet: (sheet: string) => void;
  onTable: (index: number) => void;
}

export function SheetBar({ state, busy, t, onSheet, onTable }: Props) {
  const s = useStyles();
  const count = state.tables.length;
  if (state.sheets.length === 0) return null;
  return (
    <div className={s.bar}>
      <Field label={t("sheetLabel")}>
        <Select value={state.sheet ?? ""} disabled={busy} onChange={(_, d) => onSheet(d.value)}>
          {state.sheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      {count > 1 && (
        <Field
          label={t("tableLabel")}
          hint={t("tableHint", { count, n: state.table + 1, range: state.tables[state.table]?.range ?? "" })}
        >
          <Select value={String(state.table)} disabled={busy} onChange={(_, d) => onTable(Number(d.value))}>
            {state.tables.map((tb, i) => (
              <option key={i} value={String(i)}>
                {t("tableOption", { n: i + 1, name: tableName(tb) })}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
