/**
 * 生成报告要点: the data paragraphs of the 自评报告 drafted from the checked table (engine/report/draft.ts,
 * the same paragraphs `ziping draft` writes), shown on demand with a copy button per section and for all.
 * Where the webview refuses the clipboard, the text is put in a selected box for Ctrl+C. The drafting code
 * (and the report reader it uses) is its own chunk, loaded on the first click: most checks never open it,
 * and the pane's first load stays within its budget.
 */
import * as React from "react";
import { useEffect, useRef, useState } from "react";
import { Button, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Grid, Profile, SheetReport, Table } from "../../engine";
import type { DraftSection, ReportDraft } from "../../engine/report";

const loadDraft = () => import(/* webpackChunkName: "report-draft" */ "../../engine/report/draft");

const WORDS = {
  zh: {
    title: "生成报告要点",
    show: "生成报告要点",
    hide: "收起报告要点",
    hint: "以下段落按自评表的数字写成，可复制到自评报告中；【请补充：…】处需要您填写。",
    copy: "复制",
    copyAll: "全部复制",
    copied: "已复制到剪贴板。",
    manual: "无法直接写入剪贴板：文字已在下框中选中，请按 Ctrl+C 复制。",
    none: "无法从本表生成报告要点（未找到表格结构）。",
    loading: "正在生成报告要点…",
  },
  en: {
    title: "Report points",
    show: "Draft report points",
    hide: "Hide report points",
    hint: "These paragraphs are written from the table's figures for the 自评报告; fill in each 【请补充：…】.",
    copy: "Copy",
    copyAll: "Copy all",
    copied: "Copied to the clipboard.",
    manual: "The clipboard is not available here: the text is selected in the box below; press Ctrl+C.",
    none: "No report points can be drafted from this table.",
    loading: "Drafting the report points…",
  },
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  para: { margin: 0, lineHeight: tokens.lineHeightBase300 },
  fill: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  h3: { fontSize: tokens.fontSizeBase300, margin: 0 },
});

const sectionText = (s: DraftSection) => [s.heading, ...s.paragraphs.map((p) => p.text)].join("\n");
const draftText = (d: ReportDraft) => [d.title, ...d.sections.map(sectionText)].join("\n\n");

interface Props {
  report: SheetReport;
  /** The layout the report was made from, kept with it by the store. */
  table: Table | null;
  grid: Grid | null;
  profile: Profile;
  lang: "zh" | "en";
}

export function ReportPoints({ report, table, grid, lang }: Props) {
  const s = useStyles();
  const w = WORDS[lang];
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<{ text: string; manual: string | null } | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // undefined while the drafting chunk loads; null when this table gives no draft.
  const [draft, setDraft] = useState<ReportDraft | null | undefined>(undefined);
  useEffect(() => {
    if (!open) return;
    if (!grid || !table) {
      setDraft(null);
      return;
    }
    let live = true;
    setDraft(undefined);
    loadDraft().then(
      (m) => {
        if (!live) return;
        try {
          setDraft(m.draftReport(report, table, grid));
        } catch {
          setDraft(null);
        }
      },
      () => live && setDraft(null),
    );
    return () => {
      live = false;
    };
  }, [open, grid, report, table]);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ text: w.copied, manual: null });
    } catch {
      setStatus({ text: w.manual, manual: text });
      setTimeout(() => box.current?.select(), 0);
    }
  };

  return (
    <section aria-labelledby="zp-report-points" className={s.section}>
      <div className={s.head}>
        <h2 id="zp-report-points">{w.title}</h2>
        <Button size="small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? w.hide : w.show}
        </Button>
      </div>
      {open && draft === undefined && (
        <p className={s.para} role="status">
          {w.loading}
        </p>
      )}
      {open && draft === null && <p className={s.para}>{w.none}</p>}
      {open && draft && (
        <>
          <p className={s.para}>{w.hint}</p>
          {draft.sections.map((sec) => (
            <div key={sec.heading} className={s.section}>
              <div className={s.head}>
                <h3 className={s.h3}>{sec.heading}</h3>
                <Button
                  size="small"
                  onClick={() => void copy(sectionText(sec))}
                  aria-label={`${w.copy}：${sec.heading}`}
                >
                  {w.copy}
                </Button>
              </div>
              {sec.paragraphs.map((p, i) => (
                <p key={i} className={p.toFill ? `${s.para} ${s.fill}` : s.para}>
                  {p.text}
                </p>
              ))}
            </div>
          ))}
          <div>
            <Button onClick={() => void copy(draftText(draft))}>{w.copyAll}</Button>
          </div>
          {status && <p role="status">{status.text}</p>}
          {status?.manual && (
            <Textarea
              ref={box}
              readOnly
              value={status.manual}
              aria-label={w.title}
              resize="vertical"
              rows={8}
            />
          )}
        </>
      )}
    </section>
  );
}
