/**
 * Every string the pane shows, Chinese first. Finding messages come from the engine in both
 * languages; everything else is here so that a translation is one file.
 */
export type Language = "zh" | "en";

const zh = {
  appTitle: "绩效自评表校验助手",
  checkButton: "一键校验",
  checking: "正在校验…",
  sheetLabel: "工作表",
  tableLabel: "表格",
  tableOption: "第 {n} 张：{name}",
  tableHint: "本工作表有 {count} 张自评表，当前为第 {n} 张（{range}）",
  sheetProtected: "工作表“{sheet}”受保护：可以校验，但写入说明、更正和标记前请先撤销工作表保护。",
  notATable: "工作表“{sheet}”不是绩效自评表：{reason}。请在下方选择自评表所在的工作表。",
  readFailed: "读取工作表失败：{error}",
  engineFailed: "校验时出错：{error}。表格内容没有被修改，请检查表格后重试。",
  crashTitle: "校验助手遇到意外错误",
  crashBody: "表格内容没有被修改。请关闭并重新打开任务窗格；如果问题依旧，请把表格发给管理员。",
  crashRetry: "重新加载",
  // summary
  summaryTitle: "校验摘要",
  item: "项目",
  declared: "表中填写",
  computed: "重新计算",
  total: "总分",
  grade: "等级",
  rate: "执行率",
  none: "—",
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  counts: "错误 {errors} 个，警告 {warnings} 个",
  profileUsed: "评分规则：{profile}",
  allClear: "未发现错误，可以提交。",
  hasErrors: "发现 {errors} 个错误，请修正后再提交。",
  // findings
  findingsTitle: "问题清单",
  noFindings: "没有发现问题。",
  nextIssue: "下一个问题",
  issueOf: "第 {n} / {total} 个问题",
  cellAt: "单元格 {cell}",
  severity_error: "错误",
  severity_warning: "警告",
  severity_info: "提示",
  // explanations
  explanationsTitle: "偏差原因分析及改进措施",
  noExplanations: "没有需要填写偏差原因的指标。",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  scoreDeclared: "表中得分",
  scoreComputed: "计算得分",
  why: "需要说明的原因",
  explanationLabel: "{name} 的偏差原因分析及改进措施",
  suggestions: "常用表述（点击插入）",
  insertPhrase: "插入“{phrase}”",
  writeCell: "写入单元格",
  written: "已写入 {cell}。",
  explained: "已填写",
  needsText: "请先填写说明内容。",
  noExplanationCell: "该表没有“偏差原因分析及改进措施”列，无法写入。",
  // corrections
  correctionsTitle: "更正得分",
  noCorrections: "没有需要更正的得分、执行率、总分或等级。",
  selectAll: "全选",
  correctionLabel: "{label}（{cell}）：{old} → {new}",
  applySelected: "应用所选更正（{n} 项）",
  confirmApply: "将修改 {n} 个单元格，可随时撤销。确定要写入吗？",
  confirm: "确定写入",
  cancel: "取消",
  applied: "已更正 {n} 个单元格。",
  undo: "撤销",
  undone: "已恢复原来的数值和填充色。",
  // highlights
  highlightsTitle: "在表格中标出问题",
  highlightsLegend: "红色为错误，黄色为警告；关闭后恢复单元格原来的填充色。",
  noRestoreFills:
    "当前 Excel 版本无法读取单元格原有的填充色：关闭标记时会清除这些单元格的填充色，而不能恢复原色。",
  // export
  exportButton: "导出到“校验结果”工作表",
  exported: "已导出到工作表“{sheet}”。",
  exportUnsupported: "当前环境不支持新建工作表。",
  exportHeader: "序号|严重程度|单元格|指标|问题说明|代码",
  // settings
  settingsTitle: "设置",
  profile: "评分规则",
  loadProfile: "加载评分规则（JSON 文件）",
  profileLoaded: "已加载评分规则“{name}”。",
  profileInvalid: "评分规则文件无效：",
  profileNotJson: "文件不是有效的 JSON：{error}",
  customProfile: "（自定义）",
  language: "语言",
  storageUnavailable: "无法保存设置（浏览器存储不可用），关闭后将恢复默认设置。",
  // writes
  writeRefused: "未写入：{message}",
  writeFailed: "写入失败：{error}。表格未被修改。",
  undoFailed: "撤销没有完成：{error}。部分单元格可能已经恢复、部分还没有；请检查表格后再点“撤销”重试。",
  exportFailed:
    "导出失败：{error}。原有工作表没有改动；如果已出现不完整的“校验结果”工作表，可将其删除后重试。",
  highlightFailed:
    "标记没有完成：{error}。部分单元格的填充色可能已经改变；请再次切换“在表格中标出问题”开关重试。",
  sheetSwitchFailed:
    "无法切换工作表：去掉当前工作表上的标记时出错（{error}）。仍停留在当前工作表，请先关闭标记后重试。",
  recheckFailed: "重新校验时出错：{error}。请点“一键校验”重试。",
  rechecking: "表格已被修改，正在重新校验…完成前暂不能写入。",
  noSheet: "还没有校验任何工作表，无法写入。请先点“一键校验”。",
};

export type StringKey = keyof typeof zh;

const en: Record<StringKey, string> = {
  appTitle: "Self-evaluation table checker",
  checkButton: "Check now",
  checking: "Checking…",
  sheetLabel: "Worksheet",
  tableLabel: "Table",
  tableOption: "Table {n}: {name}",
  tableHint: "This sheet holds {count} tables; showing table {n} ({range})",
  sheetProtected:
    "Sheet “{sheet}” is protected: it can be checked, but unprotect it before writing explanations, corrections or highlights.",
  notATable:
    "Sheet “{sheet}” is not a self-evaluation table: {reason}. Pick the sheet that holds the table below.",
  readFailed: "Could not read the sheet: {error}",
  engineFailed: "The check failed: {error}. Nothing in the sheet was changed; check the table and try again.",
  crashTitle: "The checker hit an unexpected error",
  crashBody:
    "Nothing in the sheet was changed. Close and reopen the task pane; if it happens again, send the workbook to your administrator.",
  crashRetry: "Reload",
  summaryTitle: "Summary",
  item: "Item",
  declared: "In the sheet",
  computed: "Recomputed",
  total: "Total score",
  grade: "Grade",
  rate: "Execution rate",
  none: "—",
  errors: "Errors",
  warnings: "Warnings",
  infos: "Notes",
  counts: "{errors} errors, {warnings} warnings",
  profileUsed: "Scoring rules: {profile}",
  allClear: "No errors found: ready to submit.",
  hasErrors: "{errors} errors found: fix them before submitting.",
  findingsTitle: "Findings",
  noFindings: "No findings.",
  nextIssue: "Next issue",
  issueOf: "Issue {n} of {total}",
  cellAt: "Cell {cell}",
  severity_error: "Error",
  severity_warning: "Warning",
  severity_info: "Note",
  explanationsTitle: "Deviation reasons and improvements",
  noExplanations: "No indicator needs a deviation explanation.",
  target: "Target",
  actual: "Actual",
  weight: "Weight",
  scoreDeclared: "Declared score",
  scoreComputed: "Recomputed score",
  why: "Why it is needed",
  explanationLabel: "Deviation reasons and improvements for {name}",
  suggestions: "Common phrases (click to insert)",
  insertPhrase: "Insert “{phrase}”",
  writeCell: "Write to cell",
  written: "Written to {cell}.",
  explained: "Filled in",
  needsText: "Type the explanation first.",
  noExplanationCell: "This table has no deviation-reason column to write to.",
  correctionsTitle: "Score corrections",
  noCorrections: "No score, rate, total or grade needs correcting.",
  selectAll: "Select all",
  correctionLabel: "{label} ({cell}): {old} → {new}",
  applySelected: "Apply selected corrections ({n})",
  confirmApply: "{n} cells will change; you can undo at any time. Write them?",
  confirm: "Write",
  cancel: "Cancel",
  applied: "{n} cells corrected.",
  undo: "Undo",
  undone: "Previous values and fills restored.",
  highlightsTitle: "Highlight findings in the sheet",
  highlightsLegend: "Red for errors, yellow for warnings; turning it off restores the previous fills.",
  noRestoreFills:
    "This version of Excel cannot read existing cell fills: turning highlights off will clear those fills instead of restoring them.",
  exportButton: "Export to a “校验结果” sheet",
  exported: "Exported to sheet “{sheet}”.",
  exportUnsupported: "Adding a sheet is not supported here.",
  exportHeader: "No.|Severity|Cell|Indicator|Message|Code",
  settingsTitle: "Settings",
  profile: "Scoring rules",
  loadProfile: "Load scoring rules (JSON file)",
  profileLoaded: "Loaded scoring rules “{name}”.",
  profileInvalid: "The scoring rules file is not valid:",
  profileNotJson: "The file is not valid JSON: {error}",
  customProfile: " (custom)",
  language: "Language",
  storageUnavailable:
    "Settings cannot be saved (browser storage unavailable); defaults will return next time.",
  writeRefused: "Nothing written: {message}",
  writeFailed: "Writing failed: {error}. The sheet was not changed.",
  undoFailed:
    "Undo did not finish: {error}. Some cells may be restored and others not; check the sheet and press Undo again.",
  exportFailed:
    "Export failed: {error}. Your existing sheets were not changed; if an incomplete “校验结果” sheet appeared, delete it and try again.",
  highlightFailed:
    "Highlighting did not finish: {error}. Some cell fills may have changed; toggle “Highlight findings” again to retry.",
  sheetSwitchFailed:
    "Could not switch sheets: removing the highlights from this sheet failed ({error}). Still on this sheet; turn highlights off and try again.",
  recheckFailed: "Re-checking failed: {error}. Press “Check now” to try again.",
  rechecking: "The sheet changed; re-checking… Writing is paused until it finishes.",
  noSheet: "No sheet has been checked yet, so nothing can be written. Press “Check now” first.",
};

const tables: Record<Language, Record<StringKey, string>> = { zh, en };

/** Looks a string up and fills in {placeholders}. */
export function translate(
  lang: Language,
  key: StringKey,
  params: Record<string, string | number> = {},
): string {
  const s = tables[lang][key] ?? zh[key];
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type T = (key: StringKey, params?: Record<string, string | number>) => string;

export function translator(lang: Language): T {
  return (key, params) => translate(lang, key, params);
}

/** The language names as shown in the language picker (each in its own language). */
export const LANGUAGE_NAMES: Record<Language, string> = { zh: "中文", en: "English" };
