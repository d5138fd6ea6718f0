/**
 * Shared set-up for the pane tests: jsdom lacks ResizeObserver (MessageBar needs it) and
 * scrollIntoView; the pane is rendered around a MemoryHost built from Grids in code.
 */
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import "@testing-library/jest-dom";
import { App } from "../../src/taskpane/App";
import type { AppProps } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/hosts/memory";
import type { MemoryHostOptions } from "../../src/hosts/memory";
import type { Grid } from "../../src/engine/grid";
import { SETTINGS_KEY } from "../../src/taskpane/settings";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export function installDomStubs(): void {
  const g = globalThis as unknown as { ResizeObserver?: unknown };
  if (!g.ResizeObserver) g.ResizeObserver = ResizeObserverStub;
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function () {};
}

/** A Storage kept in memory, so tests do not share settings. */
export class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.has(k) ? this.m.get(k)! : null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
}

/** Storage where the one-time first-run note was already dismissed (most tests are not about it). */
export function seenStorage(): MemoryStorage {
  const s = new MemoryStorage();
  s.setItem(SETTINGS_KEY, JSON.stringify({ firstRunDone: true }));
  return s;
}

export function renderPane(
  grids: Grid[],
  options: MemoryHostOptions = {},
  props: Omit<AppProps, "host"> = {},
) {
  const host = new MemoryHost(grids, options);
  const storage = props.storage === undefined ? seenStorage() : props.storage;
  const utils = render(<App host={host} {...props} storage={storage} />);
  return { host, storage, ...utils };
}

/** Waits until the first check has produced a summary. */
export async function summaryShown(): Promise<void> {
  await screen.findByRole("heading", { name: /校验摘要|Summary/ }, { timeout: 5000 });
}

/** Waits for the pane to settle after a write (no spinner, buttons enabled). */
export async function settled(): Promise<void> {
  await waitFor(() => expect(screen.queryByText(/正在校验|Checking/)).toBeNull());
}
