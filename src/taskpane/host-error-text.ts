/**
 * The words for what a host reports: hosts return data (reason, cells, detail), never sentences, so
 * that the English pane never shows Chinese refusal text and the wording lives in one place.
 */
import type { HostFailure, HostNote } from "../hosts/host";
import { HostError } from "../hosts/host";
import { errorMessage } from "../engine/error-message";
import type { Language } from "./i18n";

type During = HostError["during"];

function list(cells: string[], lang: Language): string {
  if (cells.length <= 12) return cells.join(lang === "zh" ? "、" : ", ");
  const head = cells.slice(0, 12);
  return lang === "zh"
    ? `${head.join("、")} 等 ${cells.length} 个单元格`
    : `${head.join(", ")} and ${cells.length - 12} more cells`;
}

function isFailure(x: unknown): x is HostFailure {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as HostFailure).reason === "string" &&
    Array.isArray((x as HostFailure).cells)
  );
}

const UNPROTECT_ZH = "请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。";
const UNPROTECT_EN = "Unprotect the sheet first (Review → Unprotect Sheet), then try again.";

/** What a write that failed half-way left behind, or that nothing was written. */
function aftermath(f: HostFailure, lang: Language): string {
  const p = f.partial;
  const zh = lang === "zh";
  if (!p) return zh ? "未写入任何内容。" : "Nothing was written.";
  if (!p.checked)
    return zh
      ? `部分单元格可能已被写入，且无法重新读取确认，请检查 ${list(f.cells, lang)} 是否与预期一致，然后重新校验。`
      : `Some cells may have been written and could not be read back: check ${list(f.cells, lang)}, then check the sheet again.`;
  const parts: string[] = [];
  if (p.notRestored.length === 0 && p.fillsChanged.length === 0) {
    if (p.restored.length > 0)
      parts.push(
        zh
          ? `已写入的 ${list(p.restored, lang)} 已恢复为校验时的内容，工作表未改变。`
          : `${list(p.restored, lang)}, already written, were put back as they were; the sheet is unchanged.`,
      );
    else parts.push(zh ? "未写入任何内容。" : "Nothing was written.");
  } else {
    if (p.restored.length > 0)
      parts.push(
        zh
          ? `已写入的 ${list(p.restored, lang)} 已恢复为校验时的内容。`
          : `${list(p.restored, lang)} were put back as they were.`,
      );
    if (p.notRestored.length > 0)
      parts.push(
        zh
          ? `${list(p.notRestored, lang)} 已被写入新内容且未能恢复，请检查这些单元格。`
          : `${list(p.notRestored, lang)} now hold the new content and could not be put back: check them.`,
      );
    if (p.fillsChanged.length > 0)
      parts.push(
        zh
          ? `${list(p.fillsChanged, lang)} 的填充色可能已被改为高亮色且未能恢复，请检查。`
          : `The fill of ${list(p.fillsChanged, lang)} may now be the highlight colour: check it.`,
      );
  }
  parts.push(zh ? "请重新校验后再试。" : "Check the sheet again and retry.");
  return parts.join(zh ? "" : " ");
}

/** Why nothing is written to a table read out of a Word document (the pane's read-only note says it too). */
export const READ_ONLY_ZH = "表格来自 Word 文档，无法写回；请在原文档中修改。未写入任何内容。";
export const READ_ONLY_EN =
  "The table comes from a Word document and cannot be written back; change it in the document. Nothing was written.";

function zhText(f: HostFailure, during: During): string {
  const cells = list(f.cells, "zh");
  const sheet = `工作表“${f.sheet}”`;
  switch (f.reason) {
    case "protected":
      if (f.fillsOnly)
        return `${sheet}受保护且不允许设置单元格格式，${cells} 不能设置填充色，未写入任何内容。${UNPROTECT_ZH}`;
      return `${sheet}受保护，${cells ? `${cells} 不能写入，` : ""}${during === "undo" ? "无法撤销" : "未写入任何内容"}。${UNPROTECT_ZH}`;
    case "merged":
      return `${cells} 位于合并单元格中间（不是其左上角），无法单独写入，未写入任何内容。`;
    case "invalid":
      return `${cells} 的地址、颜色或数值无效，未写入任何内容。`;
    case "formula":
      return `要写入 ${cells} 的文字以 = + - @ 开头，表格程序会把它当作公式，未写入任何内容。`;
    case "no-sheet":
      if (during === "read")
        return `${sheet}不存在${f.existing?.length ? `（现有：${f.existing.join("、")}）` : ""}。`;
      if (during === "undo") return `${sheet}已不存在，无法撤销。`;
      return `${sheet}不存在，未写入任何内容。`;
    case "no-workbook":
      return f.workbook
        ? `校验的工作簿“${f.workbook}”已关闭或不可用，${during === "undo" ? "无法撤销" : during === "read" ? "无法读取" : "未写入任何内容"}。请打开该工作簿后重新校验。`
        : "当前没有打开的表格工作簿（可能切换到了文字或演示文档）。请切换到要校验的工作簿后重试。";
    case "moved":
      return `${cells} 已不是写入时的单元格（写入后插入或删除了行或列，原来的指标不在原处），为免改错别的单元格，这些单元格没有撤销。请检查这些单元格，必要时手动改回。`;
    case "protected-since":
      return `${sheet}在校验后被保护，写入被拒绝。${aftermath(f, "zh")}`;
    case "edit-mode":
      return `Excel 正处于单元格编辑状态（请先按 Enter 或 Esc 结束编辑），写入被拒绝。${aftermath(f, "zh")}`;
    case "read-failed":
      return `读取${f.sheet ? sheet : "工作表"}失败：${f.detail ?? "未知错误"}`;
    case "no-office-js":
      return (
        "任务窗格在 Excel 中打开，但没有加载到 office.js（Office 的脚本库，默认从 appsforoffice.microsoft.com 下载，可能被内网或防火墙拦截）。" +
        "请让管理员放行该地址，或改用自带 office.js 的版本（构建时设置 ZIPING_OFFICE_JS=bundled）。"
      );
    case "no-wps":
      return "未检测到 WPS 表格：此页面是 WPS 加载项的任务窗格，请在 WPS 表格的“自评表校验”选项卡中点击“校验自评表”打开。";
    case "office-timeout":
      return `Excel 在 ${f.detail ?? "20"} 秒内没有就绪。请关闭并重新打开任务窗格。`;
    case "unsupported-excel":
      return "此版本 Excel 不支持本加载项（需要 Microsoft 365、Office 2021 或更高版本，或 Excel 网页版）。";
    case "read-only":
      return READ_ONLY_ZH;
    case "failed":
    default:
      if (during === "add-sheet")
        return f.partial
          ? `已新建工作表“${f.sheet}”，但写入时出错（${f.detail ?? "未知错误"}），该工作表可能不完整，请删除后重试。`
          : `无法新建工作表“${f.sheet}”（${f.detail ?? "未知错误"}），工作簿未改变。`;
      if (during === "select") return `无法定位到“${f.sheet}”的 ${cells}：${f.detail ?? "未知错误"}`;
      if (during === "apply") return `写入失败：${f.detail ?? "未知错误"}。${aftermath(f, "zh")}`;
      if (during === "undo") return `撤销失败：${f.detail ?? "未知错误"}`;
      return f.detail ?? "未知错误";
  }
}

function enText(f: HostFailure, during: During): string {
  const cells = list(f.cells, "en");
  const sheet = `sheet “${f.sheet}”`;
  switch (f.reason) {
    case "protected":
      if (f.fillsOnly)
        return `The ${sheet} is protected and does not allow formatting cells: ${cells} cannot be highlighted. Nothing was written. ${UNPROTECT_EN}`;
      return `The ${sheet} is protected${cells ? `: ${cells} cannot be written` : ""}. ${during === "undo" ? "Undo is not possible" : "Nothing was written"}. ${UNPROTECT_EN}`;
    case "merged":
      return `${cells} lie inside a merged area (not its top-left cell) and cannot be written on their own. Nothing was written.`;
    case "invalid":
      return `${cells}: invalid address, colour or number. Nothing was written.`;
    case "formula":
      return `The text for ${cells} starts with = + - @, which the spreadsheet would read as a formula. Nothing was written.`;
    case "no-sheet":
      if (during === "read")
        return `The ${sheet} does not exist${f.existing?.length ? ` (there are: ${f.existing.join(", ")})` : ""}.`;
      if (during === "undo") return `The ${sheet} no longer exists, so it cannot be undone.`;
      return `The ${sheet} does not exist. Nothing was written.`;
    case "no-workbook":
      return f.workbook
        ? `The checked workbook “${f.workbook}” is closed or unavailable. ${during === "undo" ? "Undo is not possible" : during === "read" ? "It cannot be read" : "Nothing was written"}. Open it and check again.`
        : "No spreadsheet workbook is active (a document or presentation may be in front). Switch to the workbook to check and try again.";
    case "moved":
      return `${cells} are no longer the cells that were written (rows or columns were inserted or deleted since; the indicator is not where it was), so they were not undone, to avoid changing other cells. Check them and change them back by hand if needed.`;
    case "protected-since":
      return `The ${sheet} was protected after it was checked, and the write was refused. ${aftermath(f, "en")}`;
    case "edit-mode":
      return `Excel is editing a cell (press Enter or Esc first), and the write was refused. ${aftermath(f, "en")}`;
    case "read-failed":
      return `Could not read the ${f.sheet ? sheet : "sheet"}: ${f.detail ?? "unknown error"}`;
    case "no-office-js":
      return (
        "The pane is open inside Excel but office.js (Office's script library, loaded from appsforoffice.microsoft.com) did not load: an intranet or firewall may block it. " +
        "Ask your administrator to allow that address, or deploy the build that bundles office.js (ZIPING_OFFICE_JS=bundled)."
      );
    case "no-wps":
      return "WPS Spreadsheets was not detected: this page is the WPS add-in's task pane; open it with “校验自评表” (Check table) on the “自评表校验” tab in WPS Spreadsheets.";
    case "office-timeout":
      return `Excel did not get ready within ${f.detail ?? "20"} seconds. Close and reopen the task pane.`;
    case "unsupported-excel":
      return "This version of Excel cannot run the add-in (it needs Microsoft 365, Office 2021 or later, or Excel on the web).";
    case "read-only":
      return READ_ONLY_EN;
    case "failed":
    default:
      if (during === "add-sheet")
        return f.partial
          ? `Sheet “${f.sheet}” was added, but writing to it failed (${f.detail ?? "unknown error"}): it may be incomplete; delete it and try again.`
          : `Could not add sheet “${f.sheet}” (${f.detail ?? "unknown error"}); the workbook was not changed.`;
      if (during === "select")
        return `Could not go to ${cells} on “${f.sheet}”: ${f.detail ?? "unknown error"}`;
      if (during === "apply") return `Writing failed: ${f.detail ?? "unknown error"}. ${aftermath(f, "en")}`;
      if (during === "undo") return `Undo failed: ${f.detail ?? "unknown error"}`;
      return f.detail ?? "unknown error";
  }
}

const HAS_CJK = /[\u3400-\u9fff]/;

/** English errors that libraries (the zip and xlsx readers, the browser) throw, in the user's words. */
const KNOWN: [RegExp, string, string][] = [
  [
    /zip|central directory|end of data|invalid signature|unexpected end|corrupt|compress/i,
    "文件已损坏，或不是 Excel（.xlsx）文件，无法打开。请用 Excel 或 WPS 打开它，另存为 .xlsx 后再试。",
    "The file is damaged or not an Excel (.xlsx) file. Open it in Excel or WPS, save it as .xlsx and try again.",
  ],
  [
    /password|encrypt/i,
    "文件设有密码，无法读取。请在 Excel 或 WPS 中去掉密码后再试。",
    "The file is password-protected. Remove the password in Excel or WPS and try again.",
  ],
  [
    /too large|out of memory|allocation|maximum call stack/i,
    "文件太大，无法在这里读取。请删去不需要的工作表后再试。",
    "The file is too large to read here. Remove the sheets you do not need and try again.",
  ],
];

/**
 * The words for an error that is not host data: Chinese text (ours, the engine's) stays as it is; an
 * English library error becomes a sentence in the pane's language, never raw English in the Chinese
 * pane (the original is kept only where nothing better is known, after the Chinese words).
 */
export function plainErrorText(e: unknown, lang: Language): string {
  const msg = errorMessage(e);
  if (HAS_CJK.test(msg)) return msg;
  const hit = KNOWN.find(([re]) => re.test(msg));
  if (hit) return lang === "en" ? hit[2] : hit[1];
  if (lang === "en") return msg;
  const first = msg.split("\n")[0].trim();
  return first ? `出现意外错误（原始信息：${first}）` : "出现意外错误";
}

/**
 * The words for a refused apply (ApplyResult with ok false) or anything a host threw. Errors that are
 * not host data (a bug, an engine error) keep their own text.
 */
export function hostErrorText(e: unknown, lang: Language): string {
  if (!isFailure(e)) return plainErrorText(e, lang);
  const during: During = e instanceof HostError ? e.during : "apply";
  return lang === "en" ? enText(e, during) : zhText(e, during);
}

/** The words for a note on a successful apply. */
export function hostNoteText(note: HostNote, lang: Language): string {
  switch (note) {
    case "fills-not-restorable":
    default:
      return lang === "en"
        ? "This Excel cannot read a cell's previous fill (needs ExcelApi 1.9): removing the highlights clears the fill instead of restoring the old colour."
        : "此版本 Excel 不支持读取单元格原有填充色（需 ExcelApi 1.9）：撤销高亮时将清除填充色，而不是恢复原来的颜色。";
  }
}
