/**
 * 对照申报表 / 对照上年 (issue 20): one ComparisonStore per pane store, hooked into its checks, with the
 * choice remembered with the workbook read back once the pane starts.
 */
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { Host } from "../hosts/host";
import type { PaneStore } from "./store/pane-store";
import { ComparisonStore } from "./store/comparison";
import type { ComparisonSnapshot } from "./store/comparison";

export function useComparison(host: Host, pane: PaneStore): ComparisonSnapshot & { store: ComparisonStore } {
  const store = useMemo(() => new ComparisonStore(host), [host]);
  // Set in an effect of the same commit as the pane's start(): its first check runs after, on a microtask.
  useEffect(() => {
    store.attach(pane);
    pane.extend = (state, profile) => store.extend(state, profile);
    void store.restore();
    // The pane store follows edits of the sheet shown; this follows the sheets compared with.
    const off = host.onChange((sheet) => void store.sheetChanged(sheet));
    return () => {
      off();
      pane.extend = null;
    };
  }, [store, pane, host]);
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return { ...snap, store };
}
