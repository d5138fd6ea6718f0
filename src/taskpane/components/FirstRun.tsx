/** A one-time note: what is checked, which 评分规则, that the file never leaves this computer, and help. */
import * as React from "react";
import { Button, Link } from "@fluentui/react-components";
import type { T } from "../i18n";
import { Bar } from "./Bar";

interface Props {
  t: T;
  profile: string;
  helpUrl: string | null;
  onDismiss: () => void;
  className?: string;
}

export function FirstRun({ t, profile, helpUrl, onDismiss, className }: Props) {
  return (
    <Bar
      intent="info"
      title={t("firstRunTitle")}
      className={className}
      testId="first-run"
      actions={
        <Button size="small" onClick={onDismiss}>
          {t("firstRunDismiss")}
        </Button>
      }
    >
      {t("firstRunBody", { profile })}
      {helpUrl && (
        <>
          {" "}
          <Link href={helpUrl} target="_blank" rel="noopener">
            {t("firstRunHelp")}
          </Link>
        </>
      )}
    </Bar>
  );
}
