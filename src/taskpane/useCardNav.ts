/**
 * Which card is open (one at a time), which has its editor open, and stepping through the cards with
 * 上一个 / 下一个: each step opens the card, selects its cell in the sheet and scrolls it into view.
 */
import { useCallback, useEffect, useState } from "react";
import type { Host } from "../hosts/host";
import type { Card } from "./model/cards";

export interface CardNav {
  openKey: string | null;
  editingKey: string | null;
  /** 1-based position of the open card in the list, 0 when none is open. */
  position: number;
  toggle(key: string): void;
  next(): void;
  prev(): void;
  /** Opens the card's editor and selects the explanation cell (not the actual value). */
  explain(key: string): void;
  closeEditor(): void;
  locate(card: Card): void;
}

function scrollToCard(key: string, focusSelector: string | null): void {
  if (typeof document === "undefined") return;
  // After React has rendered the opened card.
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>(`[data-card-key="${key}"]`);
    if (!el) return;
    const target = focusSelector ? el.querySelector<HTMLElement>(focusSelector) : null;
    if (target) target.focus({ preventScroll: true });
    (target ?? el).scrollIntoView?.({ block: target ? "center" : "nearest" });
  }, 0);
}

export function useCardNav(cards: Card[], host: Host, sheet: string | null): CardNav {
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const index = cards.findIndex((c) => c.key === openKey);

  // A card that went away (fixed) closes; its editor with it.
  useEffect(() => {
    if (editingKey && !cards.some((c) => c.key === editingKey)) setEditingKey(null);
  }, [cards, editingKey]);

  const select = useCallback(
    (cell: string) => {
      if (sheet) void host.select(sheet, cell).catch(() => undefined);
    },
    [host, sheet],
  );

  const openAt = useCallback(
    (i: number) => {
      const c = cards[i];
      if (!c) return;
      setOpenKey(c.key);
      if (editingKey !== c.key) setEditingKey(null);
      select(c.cell);
      scrollToCard(c.key, null);
    },
    [cards, editingKey, select],
  );

  const n = cards.length;
  return {
    openKey,
    editingKey,
    position: index >= 0 ? index + 1 : 0,
    toggle: (key) => {
      if (openKey === key) {
        setOpenKey(null);
        setEditingKey(null);
        return;
      }
      openAt(cards.findIndex((c) => c.key === key));
    },
    next: () => n > 0 && openAt(index < 0 ? 0 : (index + 1) % n),
    prev: () => n > 0 && openAt(index <= 0 ? n - 1 : index - 1),
    explain: (key) => {
      const c = cards.find((x) => x.key === key);
      if (!c) return;
      setOpenKey(key);
      setEditingKey(key);
      select(c.indicator?.explanationCell ?? c.cell);
      scrollToCard(key, "textarea");
    },
    closeEditor: () => setEditingKey(null),
    locate: (card) => select(card.cell),
  };
}
