/**
 * 下载报告草稿: the 自评报告 drafted from the sheet as it stands now (the user's explanations included), as a
 * .docx. The `docx` writer is loaded with import() only on the click: it never weighs on the demo's start.
 */
import * as React from "react";
import { useState } from "react";
import { Button } from "@fluentui/react-components";
import { DocumentText20Regular } from "@fluentui/react-icons";
import type { Grid } from "../engine";
import { errorMessage } from "../engine/error-message";
import { saveFile } from "./save-file";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

interface Props {
  /** The active sheet's grid now. */
  grid: () => Grid;
  fileName: string;
  disabled: boolean;
  onNotice: (n: { intent: "success" | "error"; text: string }) => void;
}

export function DraftButton({ grid, fileName, disabled, onNotice }: Props) {
  const [busy, setBusy] = useState(false);
  const draft = async () => {
    setBusy(true);
    try {
      const { draftOfSheet, draftFileName } = await import(/* webpackChunkName: "docx" */ "../docx/browser");
      const name = draftFileName(fileName);
      saveFile(await draftOfSheet(grid()), name, DOCX_MIME);
      onNotice({
        intent: "success",
        text: `已下载“${name}”：按本表的数字写成的自评报告草稿，【请补充：…】处需要填写。`,
      });
    } catch (e) {
      onNotice({ intent: "error", text: `未能生成报告草稿：${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DocumentText20Regular />} disabled={disabled || busy} onClick={() => void draft()}>
      下载报告草稿
    </Button>
  );
}
