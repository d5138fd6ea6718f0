/** A one-line progress bar on stderr, redrawn in place; only used when stderr is a terminal. */

export interface TtyStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class ProgressBar {
  private done = 0;
  private lastDraw = 0;

  constructor(
    private readonly stream: TtyStream,
    private readonly total: number,
  ) {}

  tick(name: string): void {
    this.done++;
    const now = Date.now();
    // Redrawing a terminal line per file is slow for thousands of tiny files: at most every 50 ms.
    if (this.done < this.total && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    // ASCII bar: block characters are "ambiguous width" and take two columns in CJK terminals.
    const cols = this.stream.columns ?? 80;
    const width = Math.max(10, Math.min(30, Math.floor(cols / 4)));
    const filled = Math.round((this.done / this.total) * width);
    const bar = "=".repeat(filled) + " ".repeat(width - filled);
    const pct = Math.floor((this.done / this.total) * 100);
    const head = `检查中 [${bar}] ${this.done}/${this.total} ${pct}%  `;
    const room = cols - 1 - displayWidth(head);
    this.stream.write(`\r\u001b[K${head}${fitWidth(name, room)}`);
  }

  clear(): void {
    this.stream.write("\r\u001b[K");
  }
}

/** Terminal columns a string takes: CJK and full-width characters take two (a line must not wrap). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/** Keeps the end of a long path (the file name is what the user recognises). */
export function fitWidth(s: string, room: number): string {
  if (room <= 1) return "";
  if (displayWidth(s) <= room) return s;
  const chars = [...s];
  let out = "";
  let w = 1;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = displayWidth(chars[i]);
    if (w + cw > room) break;
    out = chars[i] + out;
    w += cw;
  }
  return "…" + out;
}
