/**
 * 对照申报表 / 对照上年 (issue 20): pick a sheet of this workbook (or, where the page can read files, another
 * workbook) as the approved-targets table or last year's 自评表; the findings then appear as cards.
 */
import * as React from "react";
import { useRef, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { T } from "../i18n";
import type { CompareKind, ComparisonSnapshot, CompareRefusal } from "../store/comparison";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalM,
  },
  toggle: { alignSelf: "flex-start" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

const KINDS: { kind: CompareKind; label: "compareApproved" | "comparePrevious" }[] = [
  { kind: "approved", label: "compareApproved" },
  { kind: "previous", label: "comparePrevious" },
];

const REFUSAL_KEY = {
  self: "compareRefusedSelf",
  notApproved: "compareRefusedNotApproved",
  notTable: "compareRefusedNotTable",
  readFailed: "compareRefusedReadFailed",
} as const;

export function refusalText(r: CompareRefusal, t: T): string {
  return t(REFUSAL_KEY[r.reason], { name: r.name, detail: r.detail ?? "" });
}

interface Props {
  t: T;
  compare: ComparisonSnapshot;
  /** The workbook's sheets, and the one being checked (never offered). */
  sheets: string[];
  sheet: string | null;
  busy: boolean;
  onSheet: (kind: CompareKind, sheet: string) => void;
  onClear: (kind: CompareKind) => void;
  /** Given where the page can read another workbook (the demo). */
  onFile?: (kind: CompareKind, file: File) => void;
}

export function CompareBar({ t, compare, sheets, sheet, busy, onSheet, onClear, onFile }: Props) {
  const s = useStyles();
  const files = useRef<Partial<Record<CompareKind, HTMLInputElement | null>>>({});
  const [open, setOpen] = useState(false);
  // Folded to one line until used: most checks compare nothing, and at 320 px two pickers cost a screen.
  const active = KINDS.some(({ kind }) => compare[kind]) || compare.error !== null;
  const shown = open || active;
  return (
    <section className={s.bar} aria-label={t("compareTitle")}>
      {!active && (
        <Button
          className={s.toggle}
          appearance="subtle"
          size="small"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {t("compareTitle")}
        </Button>
      )}
      {shown &&
        KINDS.map(({ kind, label }) => {
          const src = compare[kind];
          return (
            <div className={s.row} key={kind}>
              <Field
                label={t(label)}
                hint={
                  src
                    ? t(src.origin === "file" ? "compareUsingFile" : "compareUsing", { name: src.name })
                    : undefined
                }
              >
                <Select
                  value={src?.origin === "sheet" ? src.name : ""}
                  disabled={busy}
                  onChange={(_, d) => (d.value ? onSheet(kind, d.value) : onClear(kind))}
                >
                  <option value="">{src?.origin === "file" ? src.name : t("compareNone")}</option>
                  {sheets
                    .filter((n) => n !== sheet)
                    .map((n) => (
                      <option key={n} value={n}>
                        {t("compareSheetOption", { name: n })}
                      </option>
                    ))}
                </Select>
              </Field>
              {onFile && (
                <>
                  <Button disabled={busy} onClick={() => files.current[kind]?.click()}>
                    {t("compareOpenFile")}
                  </Button>
                  <input
                    ref={(el) => {
                      files.current[kind] = el;
                    }}
                    type="file"
                    accept=".xlsx,.xls"
                    hidden
                    data-testid={`compare-file-${kind}`}
                    onChange={(e) => {
                      const f = e.target.files?.[0];
                      e.target.value = "";
                      if (f) onFile(kind, f);
                    }}
                  />
                </>
              )}
              {src && (
                <Button appearance="subtle" disabled={busy} onClick={() => onClear(kind)}>
                  {t("compareClear")}
                </Button>
              )}
            </div>
          );
        })}
      {shown && compare.error && (
        <MessageBar intent="warning">
          <MessageBarBody>{refusalText(compare.error, t)}</MessageBarBody>
        </MessageBar>
      )}
      {compare.notes.length > 0 && (
        <Field label={t("compareNotes")}>
          <ul className={s.notes}>
            {compare.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </Field>
      )}
    </section>
  );
}
