/**
 * Shared set-up for the pane tests: jsdom lacks ResizeObserver (MessageBar needs it) and
 * scrollIntoView; the pane is rendered around a MemoryHost built from Grids in code.
 */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
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

type User = { click(el: Element): Promise<void> };

/** The cards (and the DIRECTION_INFERRED line) that hold a finding code. */
export function withCode(code: string): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(`[data-codes~="${code}"]`));
}

/** The card of an indicator (or subject) whose title matches. */
export function cardOf(name: RegExp | string): HTMLElement {
  const cards = Array.from(document.querySelectorAll<HTMLElement>("[data-card-key]"));
  const hit = cards.find((c) => {
    const title = c.querySelector("button[aria-expanded]")?.textContent ?? "";
    return typeof name === "string" ? title.includes(name) : name.test(title);
  });
  if (!hit) throw new Error(`no card for ${String(name)}`);
  return hit;
}

/** Opens a row's editor with its one action and returns the text box. */
export async function openEditor(user: User, name: string): Promise<HTMLTextAreaElement> {
  const inline = screen.queryByRole("button", { name: `填写偏差说明：${name}` });
  // Collapsed: the line's own action; open: the card's action.
  await user.click(inline ?? within(cardOf(name)).getByRole("button", { name: "填写偏差说明" }));
  return (await waitFor(() => {
    const box = cardOf(name).querySelector("textarea");
    if (!box) throw new Error("no editor yet");
    return box;
  })) as HTMLTextAreaElement;
}

/** Shows the bulk corrections (collapsed by default). */
export async function openCorrections(user: User): Promise<HTMLElement> {
  const section = screen.getByRole("region", { name: /更正得分|Score corrections/ });
  const toggle = section.querySelector<HTMLElement>("button[aria-expanded='false']");
  if (toggle) await user.click(toggle);
  return section;
}
