/**
 * Colours cross the ET bridge as BGR integers (0xBBGGRR, VBA's RGB(r, g, b) = r + g·256 + b·65536);
 * the engine speaks "#RRGGBB". Convert only here, at the boundary.
 */

/** "#RRGGBB" (or "RRGGBB", case-insensitive) → BGR integer; null when it is not a colour. */
export function rgbHexToBgr(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}

/** BGR integer → "#RRGGBB"; null when it is not a colour ET could hold. */
export function bgrToRgbHex(bgr: unknown): string | null {
  if (typeof bgr !== "number" || !Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff) return null;
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return (
    "#" +
    [r, g, b]
      .map((x) => x.toString(16).padStart(2, "0"))
      .join("")
      .toUpperCase()
  );
}
