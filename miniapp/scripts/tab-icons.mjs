#!/usr/bin/env node
// Draws the tab bar icons (81×81 PNG, WeChat's recommended size) from simple shapes, with 4× supersampled
// anti-aliasing, and writes them to src/assets/tab/. Run once after changing a shape or colour:
//   node miniapp/scripts/tab-icons.mjs
// WeChat's tab bar takes only PNG/JPG files (no SVG, no fonts), hence this generator instead of image tools.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');
const SIZE = 81;
const SS = 4;
const COLORS = { normal: [0x4e, 0x59, 0x69], active: [0x1d, 0x4e, 0xd8] };

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
const polyline = (pts, w) => (x, y) => {
  let d = Infinity;
  for (let i = 0; i + 1 < pts.length; i++) d = Math.min(d, segDist(x, y, ...pts[i], ...pts[i + 1]));
  return d <= w / 2;
};
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const arc = (cx, cy, r, w, from, to) => (x, y) => {
  const a = Math.atan2(y - cy, x - cx);
  return a >= from && a <= to && Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
};

/** Shapes in a 24-unit box (like the SVG icons), stroke 2. */
const ICONS = {
  home: [polyline([[3, 11.5], [12, 4], [21, 11.5]], 2), polyline([[5.5, 10], [5.5, 20.5], [18.5, 20.5], [18.5, 10]], 2), polyline([[10, 20.5], [10, 15], [14, 15], [14, 20.5]], 2)],
  mine: [ring(12, 8, 4, 2), arc(12, 21, 8, 2, -Math.PI, 0)],
  // a bell (消息)
  notices: [
    arc(12, 10.5, 5.5, 2, -Math.PI, 0),
    polyline([[6.5, 10.5], [6.5, 15.5], [4.5, 17.5], [19.5, 17.5], [17.5, 15.5], [17.5, 10.5]], 2),
    arc(12, 19, 2.2, 2, 0, Math.PI),
    polyline([[12, 3.5], [12, 5]], 2),
  ],
};

function crcTable() {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
const CRC = crcTable();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(shapes, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 + RGBA
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const ux = ((x + (sx + 0.5) / SS) / SIZE) * 24;
          const uy = ((y + (sy + 0.5) / SS) / SIZE) * 24;
          if (shapes.some((s) => s(ux, uy))) hits++;
        }
      row.set([r, g, b, Math.round((255 * hits) / (SS * SS))], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, shapes] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(OUT, `${name}-${state}.png`);
    fs.writeFileSync(file, png(shapes, color));
    console.log(`${path.relative(process.cwd(), file)} ${fs.statSync(file).size} B`);
  }
}
