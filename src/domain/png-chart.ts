/**
 * Bars of a bar chart as PNGs, drawn in plain TypeScript. Apps Script's Charts service needs a data
 * table and renders server-side (slow, not reproducible offline); a tiny PNG encoder is enough for
 * bars. The chart itself is a Docs table (label | bar | value): the labels are text in the
 * document's own font, so Chinese names need no font in the image.
 * Pure: returns bytes, never touches a service.
 */

const CRC_TABLE: number[] = (() => {
  const table: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table.push(c >>> 0);
  }
  return table;
})();

export function crc32(bytes: ArrayLike<number>, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function adler32(bytes: ArrayLike<number>): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib stream of stored (uncompressed) deflate blocks: valid everywhere, no compressor needed. */
export function zlibStored(data: Uint8Array): Uint8Array {
  const MAX = 65535;
  const blocks = Math.max(1, Math.ceil(data.length / MAX));
  const out = new Uint8Array(2 + data.length + blocks * 5 + 4);
  out[0] = 0x78; // deflate, 32K window
  out[1] = 0x01; // no preset dictionary, fastest; (0x78 * 256 + 0x01) % 31 === 0
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const chunk = data.subarray(i * MAX, Math.min(data.length, (i + 1) * MAX));
    out[at++] = i === blocks - 1 ? 1 : 0; // BFINAL, BTYPE=00
    out[at++] = chunk.length & 0xff;
    out[at++] = chunk.length >>> 8;
    out[at++] = ~chunk.length & 0xff;
    out[at++] = (~chunk.length >>> 8) & 0xff;
    out.set(chunk, at);
    at += chunk.length;
  }
  const sum = adler32(data);
  out[at++] = sum >>> 24;
  out[at++] = (sum >>> 16) & 0xff;
  out[at++] = (sum >>> 8) & 0xff;
  out[at] = sum & 0xff;
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const length = data.length;
  out[0] = length >>> 24;
  out[1] = (length >>> 16) & 0xff;
  out[2] = (length >>> 8) & 0xff;
  out[3] = length & 0xff;
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  const crc = crc32(out, 4, 8 + length);
  out[8 + length] = crc >>> 24;
  out[9 + length] = (crc >>> 16) & 0xff;
  out[10 + length] = (crc >>> 8) & 0xff;
  out[11 + length] = crc & 0xff;
  return out;
}

/** An indexed-colour picture: one palette index (0–15) per pixel. */
export interface Picture {
  width: number;
  height: number;
  /** RGB triples, at most 16. */
  palette: [number, number, number][];
  pixels: Uint8Array;
}

/** Encodes a picture as a 4-bit palette PNG (half the bytes of 8-bit: stored blocks are big). */
export function encodePng(picture: Picture): Uint8Array {
  const { width, height, palette, pixels } = picture;
  const ihdr = new Uint8Array(13);
  ihdr.set([width >>> 24, (width >>> 16) & 0xff, (width >>> 8) & 0xff, width & 0xff], 0);
  ihdr.set([height >>> 24, (height >>> 16) & 0xff, (height >>> 8) & 0xff, height & 0xff], 4);
  ihdr.set([4, 3, 0, 0, 0], 8); // bit depth 4, colour type 3 (palette), deflate, filter 0, no interlace
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach(([r, g, b], i) => plte.set([r, g, b], i * 3));
  const stride = Math.ceil(width / 2);
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const v = pixels[y * width + x] & 0x0f;
      raw[row + 1 + (x >> 1)] |= x & 1 ? v : v << 4;
    }
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// Palette index 0 (white) is the background: a new canvas is all zeros.
const TRACK = 1;
const BAR_COLOURS = [2, 3, 4, 5, 6, 7, 8, 9];

/** The bars' colours in order (bar i has BAR_PALETTE[i % 8]). */
export const BAR_PALETTE: [number, number, number][] = [
  [66, 133, 244],
  [219, 68, 55],
  [244, 180, 0],
  [15, 157, 88],
  [171, 71, 188],
  [0, 172, 193],
  [255, 112, 67],
  [158, 157, 36],
];

const PALETTE: [number, number, number][] = [[255, 255, 255], [232, 232, 232], ...BAR_PALETTE];

export interface BarOptions {
  width?: number;
  height?: number;
  /** Which colour of BAR_PALETTE (the bar's position in its chart). */
  index?: number;
}

/**
 * One bar of a horizontal bar chart: a light track the full width of the scale, filled from the
 * left in proportion to `fraction` (0–1, clamped). Every bar of a chart has the same size, so in
 * the chart table (label | bar | value) the tracks line up and show the scale.
 */
export function barPng(fraction: number, options: BarOptions = {}): Uint8Array {
  const width = options.width ?? 240;
  const height = options.height ?? 14;
  const pixels = new Uint8Array(width * height);
  const f = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
  const filled = Math.round(width * f);
  const colour = BAR_COLOURS[(options.index ?? 0) % BAR_COLOURS.length];
  // A margin of 2 px above and below keeps bars of adjacent rows apart.
  for (let y = 2; y < height - 2; y++) {
    pixels.fill(colour, y * width, y * width + filled);
    pixels.fill(TRACK, y * width + filled, (y + 1) * width);
  }
  return encodePng({ width, height, palette: PALETTE, pixels });
}
