/**
 * The pane's state lives in PaneStore (store/pane-store.ts), a plain class; this hook makes one per
 * host, starts and disposes it with the component and reads it through useSyncExternalStore.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import type { Profile } from "../engine";
import type { Host } from "../hosts/host";
import { PaneStore } from "./store/pane-store";
import type { PaneSnapshot } from "./store/types";

export { CHANGE_DEBOUNCE_MS } from "./store/pane-store";
export type {
  Intent,
  Notice,
  PaneControl,
  PaneSnapshot,
  PaneState,
  PaneStatus,
  TableChoice,
  WriteOutcome,
} from "./store/types";

export function usePane(
  host: Host,
  profile: Profile | undefined,
  onBackgroundError?: (e: unknown) => void,
): PaneSnapshot & { store: PaneStore } {
  const [store, setStore] = useState(() => new PaneStore(host, profile));
  // A new host is a new workbook: a new store (the old one takes its highlights off).
  if (store.host !== host) setStore(new PaneStore(host, profile));
  useEffect(() => {
    store.onBackgroundError = onBackgroundError;
  }, [store, onBackgroundError]);
  useEffect(() => {
    store.start();
    return () => store.dispose();
  }, [store]);
  useEffect(() => store.setProfile(profile), [store, profile]);
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return { ...snap, store };
}
