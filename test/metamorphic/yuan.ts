/**
 * The funds block in 元 instead of 万元: every money cell of the block (年初预算数, 全年预算数, 全年执行数 of
 * the total and its sub-rows) × 10 000, exactly, in decimal text, and the 万元 written in the block's
 * label, header or a 单位 line above it becomes 元. Applies only where the table states 万元 there.
 */
import { parseA1 } from "../../src/engine";
import { cloneSheet, type Sheet, type Text } from "./sheet";
import { textOf, type Places } from "./places";
import type { Applied } from "./transforms";

const MONEY = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|万)?$/;

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** "1,172.55" → "11,725,500.00", "880" → "8800000", "150万" → "1500000元"; null when not money. */
export function timesTenThousand(text: string): string | null {
  const m = MONEY.exec(text.trim());
  if (!m) return null;
  const [, sign, whole, frac = "", unit] = m;
  const grouped = whole.includes(",");
  const digits = (whole.replace(/,/g, "") + frac.padEnd(4, "0")).replace(/^0+(?=\d)/, "");
  const int = digits.slice(0, digits.length - Math.max(0, frac.length - 4));
  const rest = frac.length > 4 ? frac.slice(4) : "";
  const decimals = rest ? `.${rest}` : frac ? `.${"0".repeat(frac.length)}` : "";
  return `${sign}${grouped ? group(int) : int}${decimals}${unit ? "元" : ""}`;
}

export function toYuan(s: Sheet, p: Places | null): Applied | null {
  const funds = p?.table.funds;
  if (!funds) return null;
  const rows = [funds.total, ...funds.subRows];
  const last = Math.max(...rows.map((r) => r.row));
  const out = cloneSheet(s);
  let unitStated = false;
  for (let r = 0; r <= last; r++)
    for (let c = 0; c < (s.rows[r] || []).length; c++) {
      const t = textOf(s.rows[r][c]);
      if (t.includes("万元") && !MONEY.test(t.trim())) {
        out.rows[r][c] = t.replace(/万元/g, "元");
        unitStated = true;
      }
    }
  if (!unitStated) return null;
  let money = 0;
  for (const row of rows)
    for (const cell of [row.initial, row.budget, row.spent]) {
      const a = cell ? parseA1(cell.cell) : null;
      if (!a) continue;
      const scaled = timesTenThousand(textOf(s.rows[a.row][a.col]));
      if (scaled === null) continue;
      out.rows[a.row][a.col] = scaled as Text;
      money++;
    }
  return money ? { sheet: out, map: (a1) => a1 } : null;
}
