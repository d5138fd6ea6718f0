/**
 * Task pane entry: picks the host (WPS first, then Office, else the demo workbook in memory) and
 * renders the pane. Nothing here may pull in exceljs: the pane must stay small.
 */
import { detectHost } from "../hosts/detect";
import { renderPane } from "./App";
import { errorMessage } from "../engine/error-message";

async function main(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  try {
    const host = await detectHost();
    renderPane(root, host);
  } catch (e) {
    // No React yet: plain text, in Chinese, never a stack trace.
    root.textContent = `无法连接到表格程序：${errorMessage(e)}。请关闭并重新打开任务窗格。`;
  }
}

void main();
