/**
 * Demo entry: the task pane outside Office and WPS, on the memory host and the bundled sample
 * (converted at build time, so the first screen needs no exceljs). No host detection, no office.js.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
// assets/samples/2021年度部门整体支出绩效自评表.xlsx (webpack alias; see build/webpack.demo.js).
import sample from "demo-sample.xlsx";
import { DemoApp, makeDoc } from "./DemoApp";
import { errorMessage } from "../engine/error-message";

function main(): void {
  const root = document.getElementById("root");
  if (!root) return;
  try {
    const doc = makeDoc(sample.fileName, { grids: sample.grids, fills: sample.fills }, { url: sample.url });
    createRoot(root).render(<DemoApp initial={doc} />);
  } catch (e) {
    root.textContent = `演示无法启动：${errorMessage(e)}。请刷新页面重试。`;
  }
}

main();
