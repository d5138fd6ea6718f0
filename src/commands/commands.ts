/**
 * The command page (manifest FunctionFile). The ribbon button itself uses a ShowTaskpane action,
 * which works in every Excel that shows add-in commands, and the pane checks the sheet as it opens.
 * `showPane` is here for clients with a shared runtime (SharedRuntime 1.1), where a function command
 * can open the pane; elsewhere it completes at once so Excel never shows a hanging command.
 */

type CommandEvent = { completed(): void };

export function showPane(event: CommandEvent): void {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    if (office?.context?.requirements?.isSetSupported("SharedRuntime", "1.1") && office.addin) {
      void office.addin.showAsTaskpane().catch(() => undefined);
    }
  } catch {
    // Nothing to do: the ribbon's ShowTaskpane action is the main path.
  } finally {
    event.completed();
  }
}

/** Registers the commands once Office is ready; a no-op outside Office. */
export function registerCommands(
  office: typeof Office | undefined = (globalThis as { Office?: typeof Office }).Office,
): void {
  if (!office || typeof office.onReady !== "function") return;
  void office.onReady(() => {
    if (office.actions && typeof office.actions.associate === "function")
      office.actions.associate("showPane", showPane);
    // Older clients look the function up by name on the page.
    (globalThis as Record<string, unknown>).showPane = showPane;
  });
}

registerCommands();
