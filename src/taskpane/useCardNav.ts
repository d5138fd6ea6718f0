/**
 * Which card is open (one at a time), which has its editor open, and stepping through the cards with
 * 上一个 / 下一个: each step opens the card, selects its cell in the sheet, scrolls it in under the
 * sticky header and moves focus onto it (Enter on 下一个 lands on the card, not back on 下一个).
 * The steps go through what must be handled before submitting when there is any, else through every
 * card; after a card is resolved (it leaves the list) 下一个 goes on from where it stood.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Host } from "../hosts/host";
import type { Card } from "./model/cards";
import { toHandle } from "./model/cards";

export interface CardNav {
  openKey: string | null;
  editingKey: string | null;
  /** 1-based position of the open card among the steps, 0 when none of them is open. */
  position: number;
  /** How many cards 上一个 / 下一个 step through. */
  steps: number;
  /** The last step went round from the end to the start (or back). */
  wrapped: boolean;
  toggle(key: string): void;
  next(): void;
  prev(): void;
  /** Opens the card's editor and selects the explanation cell (not the actual value). */
  explain(key: string): void;
  closeEditor(): void;
  locate(card: Card): void;
}

/** After React has rendered: focus inside the card (its toggle, or focusSelector) and scroll it in. */
export function focusCard(key: string, focusSelector: string | null): void {
  if (typeof document === "undefined") return;
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>(`[data-card-key="${key}"]`);
    if (!el) return;
    const target =
      (focusSelector ? el.querySelector<HTMLElement>(focusSelector) : null) ??
      el.querySelector<HTMLElement>("button[aria-expanded]");
    target?.focus({ preventScroll: true });
    // The card's top goes just under the header (scroll-margin-top); what it leads to stays in view.
    el.scrollIntoView?.({ block: "start" });
    if (focusSelector)
      el.querySelector<HTMLElement>("[data-scroll-end]")?.scrollIntoView?.({ block: "nearest" });
  }, 0);
}

export function useCardNav(cards: Card[], host: Host, sheet: string | null): CardNav {
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [wrapped, setWrapped] = useState(false);
  const handle = cards.filter(toHandle);
  const steps = handle.length > 0 ? handle : cards;
  const index = steps.findIndex((c) => c.key === openKey);
  /** Where the open card stood among the steps: a resolved card's place, for the next step. */
  const lastIndex = useRef(-1);
  if (index >= 0) lastIndex.current = index;

  // A card that went away (fixed) closes; its editor with it.
  useEffect(() => {
    if (editingKey && !cards.some((c) => c.key === editingKey)) setEditingKey(null);
  }, [cards, editingKey]);

  const select = useCallback(
    (cell: string) => {
      // A card about the report's outline has no cell to go to.
      if (sheet && cell) void host.select(sheet, cell).catch(() => undefined);
    },
    [host, sheet],
  );

  const openCard = (c: Card | undefined, wrap: boolean) => {
    if (!c) return;
    setOpenKey(c.key);
    setWrapped(wrap);
    if (editingKey !== c.key) setEditingKey(null);
    select(c.cell);
    focusCard(c.key, null);
  };

  const n = steps.length;
  // Open card gone (resolved): the card now at its place is the next one, the one before it the previous.
  const gone = openKey !== null && index < 0 && lastIndex.current >= 0;
  const from = gone ? lastIndex.current - 1 : index;
  return {
    openKey,
    editingKey,
    position: index >= 0 ? index + 1 : 0,
    steps: n,
    wrapped: wrapped && index >= 0,
    toggle: (key) => {
      if (openKey === key) {
        setOpenKey(null);
        setEditingKey(null);
        return;
      }
      const c = cards.find((x) => x.key === key);
      if (!c) return;
      setOpenKey(key);
      setWrapped(false);
      if (editingKey !== key) setEditingKey(null);
      select(c.cell);
    },
    next: () => {
      if (n === 0) return;
      const to = from < 0 && !gone ? 0 : from + 1;
      openCard(steps[to % n], to >= n);
    },
    prev: () => {
      if (n === 0) return;
      const to = gone ? from : index < 0 ? n - 1 : index - 1;
      openCard(steps[to < 0 ? n - 1 : Math.min(to, n - 1)], to < 0);
    },
    explain: (key) => {
      const c = cards.find((x) => x.key === key);
      if (!c) return;
      setOpenKey(key);
      setEditingKey(key);
      setWrapped(false);
      select(c.indicator?.explanationCell ?? c.cell);
      focusCard(key, "textarea");
    },
    closeEditor: () => setEditingKey(null),
    locate: (card) => select(card.cell),
  };
}
