/**
 * What the pane says about a file it cannot write to (a table read out of a Word 自评报告): why the write
 * actions are missing and where to make the change, then the file's own notes as the command line
 * prints them ("报告正文只与第一张自评表核对", "报告正文未核对：…").
 */
import * as React from "react";
import type { ReadOnlyReason } from "../../hosts/host";
import type { T } from "../i18n";
import { Bar } from "./Bar";

interface Props {
  readOnly: ReadOnlyReason | undefined;
  notes: string[];
  t: T;
  className: string;
}

export function ReadOnlyNote({ readOnly, notes, t, className }: Props) {
  if (!readOnly && notes.length === 0) return null;
  return (
    <>
      {readOnly && (
        <Bar intent="info" title={t("readOnlyTitle")} className={className} testId="read-only">
          {t("readOnlyBody")}
        </Bar>
      )}
      {notes.length > 0 && (
        <section aria-label={t("reportNotesTitle")} data-testid="file-notes" className={className}>
          {notes.map((n) => (
            <p key={n}>{t("fileNote", { text: n })}</p>
          ))}
        </section>
      )}
    </>
  );
}
