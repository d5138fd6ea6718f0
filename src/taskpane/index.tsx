/**
 * Task pane entry: picks the host (WPS first, then Office, else the demo workbook in memory) and
 * renders the pane. Nothing here may pull in exceljs: the pane must stay small. The WPS pane page
 * (taskpane-wps.html) accepts only WPS; a pane Excel opened without office.js is an error.
 */
import { detectHost } from "../hosts/detect";
import { renderPane } from "./App";
import { hostErrorText } from "./host-error-text";

async function main(): Promise<void> {
  const root = document.getElementById("root");
  // The inline guard in taskpane.html found IE11 / old Edge and has said so: leave its message.
  if (!root || (window as { __zipingOldBrowser?: boolean }).__zipingOldBrowser) return;
  const wpsPage = /taskpane-wps\.html$/i.test(window.location.pathname);
  try {
    const host = await detectHost({ wpsPage });
    renderPane(root, host);
  } catch (e) {
    // No React yet: plain text, in Chinese, never a stack trace.
    root.setAttribute("role", "alert");
    root.textContent = `无法连接到表格程序：${hostErrorText(e, "zh")}`;
  }
}

void main();
