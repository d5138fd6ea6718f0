/**
 * A read-only rendering of one sheet of the memory host, like a spreadsheet: column letters, row
 * numbers, merged cells, the cells' own display text and fills, the selected cell outlined and
 * scrolled into view. It re-renders on every host event, so highlights, selections and written
 * explanations show up as they happen. Clicking a cell (or the arrow keys) selects it.
 */
import * as React from "react";
import { useEffect, useLayoutEffect, useReducer, useRef } from "react";
import { colCount, colToLetters, parseA1, rowCount, textAt, toA1, valueAt } from "../engine";
import type { Grid, MergedArea } from "../engine";
import type { ViewSource } from "./demo-host";

/** Beyond this the view is a preview: the pane still checks the whole sheet. */
export const MAX_ROWS = 400;
export const MAX_COLS = 40;
/** Text longer than this may be clipped in its cell (the full text is in the tooltip and the formula bar). */
const CLIP_CHARS = 120;

interface Span {
  rowSpan: number;
  colSpan: number;
}

interface MergeMap {
  anchors: Map<string, Span>;
  /** Covered cell → the merge's top-left cell. */
  covered: Map<string, string>;
}

function mergeMap(merges: MergedArea[], maxRow: number, maxCol: number): MergeMap {
  const anchors = new Map<string, Span>();
  const covered = new Map<string, string>();
  for (const m of merges) {
    if (m.top >= maxRow || m.left >= maxCol) continue;
    const bottom = Math.min(m.bottom, maxRow - 1);
    const right = Math.min(m.right, maxCol - 1);
    const anchor = toA1(m.top, m.left);
    anchors.set(anchor, { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
    for (let r = m.top; r <= bottom; r++)
      for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) covered.set(toA1(r, c), anchor);
  }
  return { anchors, covered };
}

/** Black or white text, whichever reads better on the fill (WCAG relative luminance). */
export function textColorOn(fill: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(fill);
  if (!m) return "#000000";
  const n = parseInt(m[1], 16);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return l > 0.179 ? "#000000" : "#FFFFFF";
}

interface Props {
  host: ViewSource;
  sheet: string;
}

export function SheetView({ host, sheet }: Props) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => host.subscribe(() => redraw()), [host]);
  const scroller = useRef<HTMLDivElement>(null);
  const fromKeyboard = useRef(false);

  const grid: Grid = host.grid(sheet);
  const rows = Math.min(Math.max(rowCount(grid), 1), MAX_ROWS);
  const cols = Math.min(Math.max(colCount(grid), 1), MAX_COLS);
  const merges = mergeMap(grid.merges, rows, cols);
  const sel = host.selection();
  const rawSelected = sel && sel.sheet === sheet ? sel.cell : null;
  const selected = rawSelected ? (merges.covered.get(rawSelected) ?? rawSelected) : null;
  const selectedText = selected
    ? (() => {
        const p = parseA1(selected);
        return p ? textAt(grid, p.row, p.col) : "";
      })()
    : "";

  // Bring the selected cell into view (and focus it when the keyboard moved there).
  useLayoutEffect(() => {
    if (!selected || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`[data-cell="${selected}"]`);
    if (!el) return;
    if (typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (fromKeyboard.current) el.focus();
    fromKeyboard.current = false;
  }, [selected, sheet]);

  const move = (dr: number, dc: number) => {
    const p = parseA1(selected ?? "A1") ?? { row: 0, col: 0 };
    const span = merges.anchors.get(toA1(p.row, p.col)) ?? { rowSpan: 1, colSpan: 1 };
    const row = Math.min(rows - 1, Math.max(0, dr > 0 ? p.row + span.rowSpan : p.row + dr));
    const col = Math.min(cols - 1, Math.max(0, dc > 0 ? p.col + span.colSpan : p.col + dc));
    const target = toA1(dr === 0 ? p.row : row, dc === 0 ? p.col : col);
    fromKeyboard.current = true;
    void host.select(sheet, merges.covered.get(target) ?? target);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const d: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = d[e.key];
    if (!step) return;
    e.preventDefault();
    move(step[0], step[1]);
  };

  const focusable = selected ?? "A1";
  const letters = Array.from({ length: cols }, (_, c) => colToLetters(c));

  return (
    <div className="sv">
      <div className="sv-formula" aria-live="polite">
        <span className="sv-namebox" data-testid="name-box">
          {selected ?? ""}
        </span>
        <span className="sv-content" data-testid="cell-content">
          {selectedText}
        </span>
      </div>
      <div className="sv-scroll" ref={scroller}>
        <table
          role="grid"
          aria-readonly="true"
          aria-label={`工作表“${sheet}”（只读）`}
          aria-rowcount={rowCount(grid) + 1}
          aria-colcount={colCount(grid) + 1}
          className="sv-table"
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr>
              <td className="sv-corner" />
              {letters.map((l) => (
                <th key={l} scope="col" className="sv-colhead">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" className="sv-rowhead">
                  {r + 1}
                </th>
                {letters.map((_, c) => {
                  const a1 = toA1(r, c);
                  if (merges.covered.has(a1)) return null;
                  const span = merges.anchors.get(a1);
                  const fill = host.fill(sheet, a1);
                  const isSel = a1 === selected;
                  const value = valueAt(grid, r, c);
                  const text = textAt(grid, r, c);
                  // Long paragraphs (年度总体目标) are clipped; the formula bar shows them whole.
                  const long = text.length > CLIP_CHARS;
                  return (
                    <td
                      key={a1}
                      data-cell={a1}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      aria-selected={isSel}
                      tabIndex={a1 === focusable ? 0 : -1}
                      className={typeof value === "number" ? "sv-cell sv-num" : "sv-cell"}
                      style={fill ? { backgroundColor: fill, color: textColorOn(fill) } : undefined}
                      data-fill={fill ?? undefined}
                      onClick={() => void host.select(sheet, a1)}
                    >
                      <div className="sv-clip" title={long ? text : undefined}>
                        {text}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {(rowCount(grid) > MAX_ROWS || colCount(grid) > MAX_COLS) && (
          <p className="sv-note">
            只显示前 {MAX_ROWS} 行、{MAX_COLS} 列；校验仍针对整张工作表。
          </p>
        )}
      </div>
    </div>
  );
}
