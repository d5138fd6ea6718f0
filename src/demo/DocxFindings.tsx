/**
 * A 自评报告 (.docx) in the demo: the findings the command line gives for the same file (its 自评表 and its
 * prose, REPORT_ codes included), as read-only cards. A table read from Word cannot be saved back, so
 * nothing here writes: no 更正, no 填写偏差说明, no 高亮 — the pane, which offers them, is not shown.
 */
import * as React from "react";
import { Badge, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { FileReport, Finding, Severity } from "../engine/types";

const SEVERITY: Record<Severity, { zh: string; color: "danger" | "warning" | "informative" }> = {
  error: { zh: "错误", color: "danger" },
  warning: { zh: "警告", color: "warning" },
  info: { zh: "提示", color: "informative" },
};

/** Where a finding stands: its cell in the table, or the paragraph of the report ("报告第 11 段“…”"). */
export function placeText(sheet: string, f: Finding): string {
  if (f.paragraph) return `报告第 ${f.paragraph.index} 段“${f.paragraph.opening}”`;
  return f.cell ? `${sheet}!${f.cell}` : "报告";
}

function Card({ sheet, f }: { sheet: string; f: Finding }) {
  const s = SEVERITY[f.severity];
  return (
    <li className="demo-docx-card" data-testid="docx-finding" data-code={f.code}>
      <div className="demo-docx-card-head">
        <Badge appearance="filled" color={s.color}>
          {s.zh}
        </Badge>
        <Text size={200} font="monospace">
          {f.code}
        </Text>
        <Text size={200}>{placeText(sheet, f)}</Text>
      </div>
      <Text as="p">{f.message}</Text>
    </li>
  );
}

export function DocxFindings({ report }: { report: FileReport }) {
  const all = report.sheets.flatMap((s) => s.findings.map((f) => ({ sheet: s.sheet, f })));
  const count = (sev: Severity) => all.filter((x) => x.f.severity === sev).length;
  return (
    <section className="demo-docx" aria-labelledby="demo-docx-title" data-testid="docx-findings">
      <h2 id="demo-docx-title">自评报告核对结果</h2>
      <MessageBar intent="info" className="demo-notice">
        <MessageBarBody>
          Word 文档中的表格只供检查，不能写回文档：更正、填写偏差说明和高亮不可用，请在 Word
          中修改。结果与命令行 ziping check 相同。
        </MessageBarBody>
      </MessageBar>
      {report.error && (
        <MessageBar intent="error" className="demo-notice" role="alert">
          <MessageBarBody>{report.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {(report.notes ?? []).map((n) => (
        <p key={n} className="demo-docx-note">
          注：{n}
        </p>
      ))}
      {report.sheets.map((s) => (
        <p key={s.sheet} className="demo-docx-summary">
          {s.sheet}
          {s.title ? `“${s.title}”` : ""}：总分 {s.total.declared ?? "（未填）"}（重算 {s.total.computed}
          ），等级 {s.grade.declared ?? s.grade.computed}
        </p>
      ))}
      {!report.error && (
        <p data-testid="docx-counts">
          {all.length === 0
            ? "表格和报告正文均未发现问题。"
            : `错误 ${count("error")} 个，警告 ${count("warning")} 个，提示 ${count("info")} 个`}
        </p>
      )}
      <ul className="demo-docx-list">
        {all.map(({ sheet, f }, i) => (
          <Card key={`${i}:${f.code}:${f.cell}`} sheet={sheet} f={f} />
        ))}
      </ul>
    </section>
  );
}
