/**
 * Change events. WorksheetCollection.onChanged needs ExcelApi 1.9; on 1.7–1.8 each sheet's own
 * onChanged is used instead (sheets added after subscribing are then not watched until the pane
 * re-subscribes); none below 1.7. Our own writes are ignored: on ExcelApi 1.14 by the event's
 * `triggerSource` ("ThisLocalAddin"), before that by the cells we just wrote (own-writes.ts).
 * Fills raise onFormatChanged, not onChanged, so they never need ignoring here.
 */
import { BACKGROUND, type ExcelState } from "./state";

export function subscribeChanges(state: ExcelState, callback: (sheet: string) => void): () => void {
  const { api, has, own } = state;
  if (!state.capabilities.changeEvents) return () => undefined;
  const perSheet = !has("1.9");
  const bySource = has("1.14");
  let handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  let stopped = false;
  const names = new Map<string, string>();

  const onChanged = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped) return;
    if (bySource && event.triggerSource === "ThisLocalAddin") return;
    let name = names.get(event.worksheetId);
    if (name === undefined) {
      // A sheet added or renamed since we subscribed: ask once, then remember.
      name = await api.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(event.worksheetId);
        ws.load("name");
        await context.sync();
        return ws.name;
      }, BACKGROUND); // the user may already be typing in the next cell
      names.set(event.worksheetId, name);
    }
    if (!bySource && own.isOwn(name, event.address)) return;
    callback(name);
  };

  const ready = api
    .run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id, items/name");
      const added: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
      if (!perSheet) added.push(sheets.onChanged.add(onChanged));
      await context.sync();
      for (const s of sheets.items) names.set(s.id, s.name);
      if (perSheet) {
        for (const s of sheets.items) added.push(sheets.getItem(s.id).onChanged.add(onChanged));
        await context.sync();
      }
      handlers = added;
    })
    .catch(() => {
      handlers = []; // events unavailable in this client: the pane still re-checks after its own writes
    });

  return () => {
    if (stopped) return;
    stopped = true;
    void ready.then(async () => {
      if (handlers.length === 0) return;
      try {
        await api.runIn(handlers[0].context as Excel.RequestContext, async (context) => {
          for (const h of handlers) h.remove();
          await context.sync();
        });
      } catch {
        // The pane is closing; nothing to clean up that Excel will not drop itself.
      }
    });
  };
}
