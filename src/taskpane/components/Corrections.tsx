import * as React from "react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { Correction } from "../../engine";
import type { T } from "../i18n";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  result: { margin: `${tokens.spacingVerticalXS} 0` },
  confirm: {
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
});

interface Props {
  list: Correction[];
  t: T;
  busy: boolean;
  /** Applies the chosen corrections; the outcome is shown in this section, where the user works. */
  onApply: (chosen: Correction[]) => Promise<{ ok: boolean; text: string }>;
}

export function Corrections({ list, t, busy, onApply }: Props) {
  const s = useStyles();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const outcome = result && (
    <p role={result.ok ? "status" : "alert"} className={s.result}>
      {result.text}
    </p>
  );
  const applyRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Set when the user closed the confirmation: focus goes back to where they started. */
  const returnFocus = useRef(false);
  // Keyboard and screen-reader users land on the question when the bar opens (never on 确定写入: Enter
  // must not apply what was not confirmed), and back on the apply button (or the heading) when it closes.
  useEffect(() => {
    if (confirming) {
      confirmRef.current?.focus();
      return;
    }
    if (!returnFocus.current) return;
    returnFocus.current = false;
    (applyRef.current ?? headingRef.current)?.focus();
  }, [confirming]);
  // Read while rendering, before the commit removes the button: did the user's focus sit on it?
  const applyHadFocus = useRef(false);
  applyHadFocus.current =
    typeof document !== "undefined" &&
    applyRef.current !== null &&
    document.activeElement === applyRef.current;
  // Applying the last corrections removes the button: keep focus in the section, on its heading.
  useEffect(() => {
    if (list.length === 0 && applyHadFocus.current) headingRef.current?.focus();
  }, [list.length]);
  const close = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  const cells = useMemo(() => list.map((c) => c.cell).join(","), [list]);
  // Keep only choices that still exist after a re-check.
  useEffect(() => {
    setChosen((prev) => new Set(list.filter((c) => prev.has(c.cell)).map((c) => c.cell)));
    setConfirming(false);
  }, [cells]); // eslint-disable-line react-hooks/exhaustive-deps

  if (list.length === 0) {
    return (
      <section aria-labelledby="zp-corrections">
        <h2 id="zp-corrections" ref={headingRef} tabIndex={-1}>
          {t("correctionsTitle")}
        </h2>
        {outcome}
        <p>{t("noCorrections")}</p>
      </section>
    );
  }

  const all = chosen.size === list.length;
  const toggle = (cell: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(cell);
      else next.delete(cell);
      return next;
    });
  const picked = list.filter((c) => chosen.has(c.cell));

  return (
    <section
      aria-labelledby="zp-corrections"
      onKeyDown={(e) => {
        if (e.key === "Escape" && confirming) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <h2 id="zp-corrections" ref={headingRef} tabIndex={-1}>
        {t("correctionsTitle")}
      </h2>
      {outcome}
      <Button aria-expanded={shown} onClick={() => setShown((v) => !v)}>
        {t("correctionsToggle", { n: list.length })}
      </Button>
      {shown && (
        <>
          <Checkbox
            label={t("selectAll")}
            checked={all ? true : chosen.size > 0 ? "mixed" : false}
            onChange={(_, d) => setChosen(d.checked === true ? new Set(list.map((c) => c.cell)) : new Set())}
          />
          <ul className={s.list}>
            {list.map((c) => (
              <li key={c.cell}>
                <Checkbox
                  label={t("correctionLabel", {
                    label: c.label,
                    cell: c.cell,
                    old: c.oldText || "—",
                    new: c.newText,
                  })}
                  checked={chosen.has(c.cell)}
                  onChange={(_, d) => toggle(c.cell, d.checked === true)}
                />
              </li>
            ))}
          </ul>
          {!confirming ? (
            <Button
              ref={applyRef}
              appearance="primary"
              disabledFocusable={busy || picked.length === 0}
              onClick={() => setConfirming(true)}
            >
              {t("applySelected", { n: picked.length })}
            </Button>
          ) : (
            <div className={s.confirm} role="group" aria-label={t("confirmTitle")}>
              <div ref={confirmRef} tabIndex={-1}>
                {t("confirmApply", { n: picked.length })}
              </div>
              <div className={s.actions}>
                <Button
                  appearance="primary"
                  disabledFocusable={busy}
                  onClick={async () => {
                    close();
                    setResult(await onApply(picked));
                  }}
                >
                  {t("confirm")}
                </Button>
                <Button onClick={close}>{t("cancel")}</Button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
