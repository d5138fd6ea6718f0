#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in's icon (a small table with a green check) at 16, 32, 64, 80 and 128 px into
 * assets/icons/icon-<size>.png. Shapes are described in a 0..1 square and supersampled, so every
 * size is drawn, not scaled. The PNG encoder is the minimum the format needs: IHDR, one IDAT
 * (zlib), IEND, RGBA 8-bit.  Usage: node scripts/make-icons.js [outDir]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;

// --- PNG -----------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** rgba: Uint8Array of size*size*4 → PNG bytes. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// --- drawing -------------------------------------------------------------------------------------

const WHITE = [255, 255, 255];
const LINE = [150, 160, 170];
const HEADER = [33, 115, 70]; // Excel green
const CHECK_BG = [16, 124, 16];

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Colour of the point (x, y) in the unit square, or null for transparent. `size` keeps lines ≥ 1 px. */
function shade(x, y, size) {
  const px = 1 / size;
  const line = Math.max(px, 0.035);
  // The check badge sits over the table's bottom-right corner.
  const cx = 0.7;
  const cy = 0.7;
  const rad = 0.29;
  const d = Math.hypot(x - cx, y - cy);
  if (d <= rad) {
    const w = Math.max(1.6 * px, 0.07);
    const onCheck =
      distToSegment(x, y, cx - 0.15, cy + 0.0, cx - 0.04, cy + 0.11) <= w ||
      distToSegment(x, y, cx - 0.04, cy + 0.11, cx + 0.16, cy - 0.11) <= w;
    return onCheck ? WHITE : CHECK_BG;
  }
  if (d <= rad + Math.max(px, 0.03)) return WHITE; // a white ring separates badge and table
  // The table: header row in green, two rows and two columns of grid lines.
  const x0 = 0.06;
  const y0 = 0.1;
  const x1 = 0.88;
  const y1 = 0.86;
  if (!inRoundRect(x, y, x0, y0, x1, y1, 0.06)) return null;
  if (!inRoundRect(x, y, x0 + line, y0 + line, x1 - line, y1 - line, 0.04)) return LINE;
  if (y < y0 + 0.2) return HEADER;
  const rows = [y0 + 0.2, y0 + 0.45];
  const cols = [x0 + 0.3];
  if (rows.some((r) => Math.abs(y - r) <= line / 2) || cols.some((c) => Math.abs(x - c) <= line / 2))
    return LINE;
  return WHITE;
}

function render(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return rgba;
}

function main() {
  const out = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets", "icons"));
  fs.mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(out, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();
module.exports = { encodePng, render, SIZES };
