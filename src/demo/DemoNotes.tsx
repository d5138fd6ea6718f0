/** The demo's two questions: download while errors remain? and the pane greyed after a failed open. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";

export function DownloadWarning({
  n,
  onDownload,
  onCancel,
}: {
  n: number;
  onDownload: () => void;
  onCancel: () => void;
}) {
  return (
    <MessageBar intent="warning" layout="multiline" className="demo-notice" data-testid="download-warning">
      <MessageBarBody>
        <MessageBarTitle>仍有 {n} 个错误</MessageBarTitle>
        表格还有错误未改正，提交后可能被退回。仍要下载吗？
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onDownload}>
          仍然下载
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function StaleNote({
  failed,
  shown,
  onDismiss,
}: {
  failed: string;
  shown: string;
  onDismiss: () => void;
}) {
  return (
    <MessageBar intent="warning" layout="multiline" className="demo-stale-note" data-testid="stale-note">
      <MessageBarBody>
        <MessageBarTitle>下面是上一个文件的结果</MessageBarTitle>
        未能打开“{failed}”。下面显示的仍是“{shown}”的校验结果，不代表刚才选择的文件。
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onDismiss}>继续查看“{shown}”</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
