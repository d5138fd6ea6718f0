/**
 * A Fluent MessageBar that always has an accessible name: its title when it has one, else its own
 * text (Fluent points aria-labelledby at a title id, which dangles when there is no title).
 */
import * as React from "react";
import { useId } from "react";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Intent } from "../store/types";

interface Props {
  intent: Intent;
  title?: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
  role?: "alert" | "status";
  multiline?: boolean;
  testId?: string;
}

export function Bar({ intent, title, children, actions, className, role, multiline = true, testId }: Props) {
  const id = useId();
  return (
    <MessageBar
      intent={intent}
      layout={multiline ? "multiline" : "auto"}
      className={className}
      role={role}
      aria-labelledby={id}
      data-testid={testId}
    >
      <MessageBarBody>
        {title ? (
          <>
            <MessageBarTitle id={id}>{title}</MessageBarTitle> {children}
          </>
        ) : (
          <span id={id}>{children}</span>
        )}
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
