/** Number display for the pane: scores with up to 2 decimals, rates as percentages. */
export function fmtScore(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return String(Math.round(v * 100) / 100);
}

export function fmtRate(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return (Math.round(v * 10000) / 100).toFixed(2) + "%";
}

export function fmtText(v: string | null | undefined): string {
  return v === null || v === undefined || v === "" ? "—" : v;
}
