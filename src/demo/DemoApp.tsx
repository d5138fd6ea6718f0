/**
 * The demo page: a top bar (open a file, pick a sheet, download), the read-only sheet view on the
 * left and the real task pane on the right, all on the memory host. Nothing leaves the browser:
 * files are read locally, exceljs is loaded from this site only when a file is opened or saved.
 */
import * as React from "react";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import { detectLayout } from "../engine";
import { App, EXPORT_SHEET, paneTheme } from "../taskpane/App";
import type { PaneControl } from "../taskpane/usePane";
import { MemoryHost } from "../hosts/memory";
import { DemoHost } from "./demo-host";
import { SheetView } from "./SheetView";
import { changeCount, diffWorkbook } from "./changes";
import type { OpenedWorkbook } from "./changes";
import { errorMessage } from "../engine/error-message";
import { DownloadWarning, StaleNote } from "./DemoNotes";
import { DraftButton } from "./DraftButton";
import { saveFile } from "./save-file";
import type { Annotated, AnnotateInput, Host } from "../hosts/host";
import { ReadOnlyHost } from "../hosts/read-only";
import { readCompareWorkbook } from "./compare-file";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface DemoDoc {
  id: number;
  fileName: string;
  memory: MemoryHost;
  host: DemoHost;
  /** The workbook as opened: what the download compares against. */
  opened: OpenedWorkbook;
  /** Where the original bytes are: the bundled sample's URL, or the file the user picked. */
  source: { url: string } | { bytes: ArrayBuffer };
  /**
   * The host the pane works on: `host`, or for a 自评报告 (.docx) a read-only host over it whose checks
   * add the report's prose as the command line does (the pane leaves out every write action).
   */
  paneHost: Host;
  /** A 自评报告 (.docx): its tables cannot be saved back, so there is no 下载. */
  fromWord: boolean;
}

let nextId = 1;

/** The sheet to start on: the first that holds a 自评表 (a workbook often opens with 填表说明 first). */
export function startSheet(opened: OpenedWorkbook): string | undefined {
  for (const g of opened.grids) {
    try {
      if (detectLayout(g).ok) return g.name;
    } catch {
      // A layout bug must not stop the demo from opening the file.
    }
  }
  return opened.grids[0]?.name;
}

export function makeDoc(
  fileName: string,
  opened: OpenedWorkbook,
  source: DemoDoc["source"],
  /** A .docx: what its prose adds to each check (src/docx/browser.ts, loaded with the .docx). */
  word?: { annotate: (input: AnnotateInput) => Annotated },
): DemoDoc {
  if (opened.grids.length === 0) throw new Error(`“${fileName}”中没有工作表。`);
  const memory = new MemoryHost(opened.grids, {
    fills: opened.fills,
    active: startSheet(opened),
    settings: opened.settings ?? {},
  });
  const host = new DemoHost(memory);
  const paneHost = word ? new ReadOnlyHost(host, "word-document", { annotate: word.annotate }) : host;
  return { id: nextId++, fileName, memory, host, paneHost, fromWord: !!word, opened, source };
}

/** The download keeps the file's own name: it claims nothing ("已校验") that may not be true. */
export function downloadName(fileName: string): string {
  const base = fileName.replace(/\.xlsx?$/i, "");
  return `${base}.xlsx`;
}

/** Sheets the pane added ("校验结果", "校验结果 (2)"): in the download only when asked for. */
export function isResultSheet(name: string): boolean {
  return name === EXPORT_SHEET || name.startsWith(`${EXPORT_SHEET} (`);
}

/** Errors still in the pane's report: the download asks before saving a file that would be refused. */
function errorsLeft(pane: PaneControl | null): number {
  return pane?.report()?.findings.filter((f) => f.severity === "error").length ?? 0;
}

interface Notice {
  intent: "success" | "error" | "info";
  text: string;
}

function messageOf(e: unknown): string {
  const msg = errorMessage(e);
  return /[\u4e00-\u9fff]/.test(msg)
    ? msg
    : `无法读取该文件（${msg.split("\n")[0]}）。请用 Excel 或 WPS 另存为 .xlsx 后再打开。`;
}

export function DemoApp({ initial }: { initial: DemoDoc }) {
  const [doc, setDoc] = useState(initial);
  /** Bumped when the top bar switches sheets: the pane starts over on the new active sheet. */
  const [paneKey, setPaneKey] = useState(0);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [busy, setBusy] = useState<null | "open" | "save">(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** A file that could not be opened: the pane still shows the previous file's result, greyed out. */
  const [failed, setFailed] = useState<string | null>(null);
  /** Errors remain: the download waits for a second click. */
  const [warnErrors, setWarnErrors] = useState(0);
  const [withResults, setWithResults] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  /** The mounted pane's controls: its highlight fills must never reach a download or outlive it. */
  const pane = useRef<PaneControl | null>(null);

  // The sheet list and the active sheet change with the pane (its sheet picker, "导出校验结果").
  useEffect(
    () =>
      doc.memory.subscribe((e) => {
        if (e.type === "active" || e.type === "add") redraw();
      }),
    [doc],
  );

  const openFile = useCallback(async (file: File) => {
    setBusy("open");
    setNotice(null);
    try {
      // A 自评报告 (.docx): its Word tables open as sheets (issue 13).
      const isDocx = /\.docx$/i.test(file.name);
      if (!isDocx && !/\.xlsx?$/i.test(file.name))
        throw new Error(
          `“${file.name}”不是 .xlsx、.xls 或 .docx 文件。请用 Excel 或 WPS 另存为 .xlsx（.et、.csv 需先转换）。`,
        );
      const bytes = await file.arrayBuffer();
      let next: DemoDoc;
      if (isDocx) {
        const { openDocx } = await import(/* webpackChunkName: "docx" */ "../docx/browser");
        const opened = await openDocx(bytes, file.name);
        next = makeDoc(file.name, opened, { bytes }, { annotate: opened.annotate });
      } else {
        const { openXlsx } = await import(/* webpackChunkName: "xlsx" */ "./xlsx-chunk");
        next = makeDoc(file.name, await openXlsx(bytes, file.name), { bytes });
      }
      const opened = next.opened;
      setDoc(next);
      setFailed(null);
      setPaneKey((k) => k + 1);
      setNotice({
        intent: "info",
        text: `已打开“${file.name}”（${opened.grids.length} 张工作表，显示“${next.memory.activeSheet()}”）。文件只在本机浏览器中读取，不会上传。`,
      });
    } catch (e) {
      setNotice({ intent: "error", text: messageOf(e) });
      setFailed(file.name);
    } finally {
      setBusy(null);
      if (input.current) input.current.value = "";
    }
  }, []);

  const chooseSheet = useCallback(
    async (name: string) => {
      // The pane is about to start over on another sheet: take its highlights off first, or their
      // colours would stay in the workbook with nobody left to remove them.
      try {
        await pane.current?.removeHighlights();
      } catch (e) {
        setNotice({
          intent: "error",
          text: `切换工作表前未能去掉标记：${errorMessage(e)}。请在右侧关闭“在表格中标出问题”后重试。`,
        });
        return;
      }
      doc.memory.setActive(name);
      setPaneKey((k) => k + 1);
    },
    [doc],
  );

  const download = useCallback(
    async (confirmed: boolean) => {
      if (doc.fromWord) {
        setNotice({
          intent: "info",
          text: "Word 文档中的表格只供检查，不能写回文档；请在 Word 中修改，或用“下载报告草稿”。",
        });
        return;
      }
      const left = errorsLeft(pane.current);
      if (left > 0 && !confirmed) {
        setWarnErrors(left);
        return;
      }
      setWarnErrors(0);
      setBusy("save");
      setNotice(null);
      try {
        // Highlights are the pane's marks, not the user's edits: diff the workbook with them taken off
        // (the pane puts them back at once), so the file never carries our colours.
        const diff = () => diffWorkbook(doc.opened, doc.memory);
        const all = pane.current ? await pane.current.withoutHighlights(diff) : diff();
        const changes = withResults
          ? all
          : { ...all, added: all.added.filter((a) => !isResultSheet(a.name)) };
        const bytes =
          "bytes" in doc.source
            ? doc.source.bytes
            : await fetch(doc.source.url).then((r) => {
                if (!r.ok) throw new Error(`无法取得原始文件（HTTP ${r.status}）`);
                return r.arrayBuffer();
              });
        const { saveXlsx } = await import(/* webpackChunkName: "xlsx" */ "./xlsx-chunk");
        const out = await saveXlsx(bytes, changes);
        const name = downloadName(doc.fileName);
        saveFile(out, name, XLSX_MIME);
        const n = changeCount(changes);
        setNotice({
          intent: "success",
          text:
            n > 0
              ? `已下载“${name}”：在原工作簿上写入了 ${n} 处修改，格式、合并单元格和其他工作表保持不变。`
              : `已下载“${name}”：尚未做任何修改，内容与原文件相同。`,
        });
      } catch (e) {
        setNotice({ intent: "error", text: `下载失败：${errorMessage(e)}` });
      } finally {
        setBusy(null);
      }
    },
    [doc, withResults],
  );

  const sheets = doc.memory.sheetNames();
  const active = doc.memory.activeSheet();

  return (
    <div className="demo">
      <FluentProvider theme={paneTheme} lang="zh-CN" className="demo-barwrap">
        <header className="demo-bar">
          <span className="demo-brand">绩效自评表校验助手 · 演示</span>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.xls,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-label="打开 .xlsx 或 .docx 文件"
            data-testid="file-input"
            style={{ display: "none" }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void openFile(f);
            }}
          />
          <Button
            icon={<FolderOpen20Regular />}
            disabled={busy !== null}
            onClick={() => input.current?.click()}
          >
            打开 .xlsx / .docx
          </Button>
          <Field label="工作表" orientation="horizontal" className="demo-sheetfield">
            <Select
              value={active}
              disabled={busy !== null}
              onChange={(_, d) => void chooseSheet(d.value)}
              data-testid="sheet-picker"
            >
              {sheets.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          {/* A table read from Word cannot be saved back: no 下载 (the draft still can be). */}
          {!doc.fromWord && (
            <Button
              appearance="primary"
              icon={<ArrowDownload20Regular />}
              disabled={busy !== null}
              onClick={() => void download(false)}
            >
              下载
            </Button>
          )}
          <DraftButton
            grid={() => doc.memory.grid(active)}
            fileName={doc.fileName}
            disabled={busy !== null}
            onNotice={setNotice}
          />
          {sheets.some(isResultSheet) && (
            <Checkbox
              label="包含“校验结果”工作表"
              checked={withResults}
              onChange={(_, d) => setWithResults(d.checked === true)}
            />
          )}
          <span className="demo-file" title={doc.fileName} data-testid="file-name">
            {doc.fileName}
          </span>
          {busy && <Spinner size="tiny" label={busy === "open" ? "正在读取…" : "正在生成…"} />}
        </header>
        {notice && (
          <MessageBar
            intent={notice.intent}
            role={notice.intent === "error" ? "alert" : "status"}
            className="demo-notice"
            aria-labelledby="demo-notice-text"
          >
            <MessageBarBody id="demo-notice-text">{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {warnErrors > 0 && (
          <DownloadWarning
            n={warnErrors}
            onDownload={() => void download(true)}
            onCancel={() => setWarnErrors(0)}
          />
        )}
      </FluentProvider>
      <div className="demo-body">
        <section className="demo-sheet" aria-label="工作表视图（只读）">
          <SheetView key={`${doc.id}:${active}`} host={doc.host} sheet={active} />
        </section>
        <div className={failed ? "demo-pane demo-pane-stale" : "demo-pane"} data-testid="demo-pane">
          {failed && <StaleNote failed={failed} shown={doc.fileName} onDismiss={() => setFailed(null)} />}
          <div
            className="demo-pane-app"
            // inert (not in React 18's types): the greyed result can be neither clicked nor tabbed into.
            ref={(el) => el?.toggleAttribute("inert", failed !== null)}
          >
            {/* The real pane, on a .docx too: its host then refuses writes and the pane leaves them out. */}
            <App
              key={`${doc.id}:${paneKey}`}
              host={doc.paneHost}
              initialLanguage="zh"
              control={pane}
              helpUrl="help.html"
              readWorkbook={readCompareWorkbook}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
