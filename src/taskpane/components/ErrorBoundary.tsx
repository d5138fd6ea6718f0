import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { T } from "../i18n";

interface Props {
  t: T;
  children: React.ReactNode;
}

/** Whatever goes wrong while rendering, the user sees a Chinese message and a way back, not a blank pane. */
export class ErrorBoundary extends React.Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    // Keep the detail for whoever opens the console; the user gets the message below.
    console.error("ziping task pane:", error);
  }

  override render() {
    const { t } = this.props;
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("crashTitle")}</MessageBarTitle>
          {t("crashBody")}
          <div>
            <Button onClick={() => this.setState({ error: null })}>{t("crashRetry")}</Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
