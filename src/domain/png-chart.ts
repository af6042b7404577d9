/**
 * A bar chart as a PNG, drawn in plain TypeScript. Apps Script's Charts service needs a data table
 * and renders server-side (slow, not reproducible offline); a tiny PNG encoder is enough for bars.
 * The image carries only digits (a 3×5 pixel font): the legend table that follows it in the
 * document names each bar, so no text rendering or fonts are needed.
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

// 3×5 digits and a few signs, one row per 3-bit number (MSB = left pixel).
const GLYPHS: Record<string, number[]> = {
  '0': [7, 5, 5, 5, 7],
  '1': [2, 6, 2, 2, 7],
  '2': [7, 1, 7, 4, 7],
  '3': [7, 1, 7, 1, 7],
  '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7],
  '6': [7, 4, 7, 5, 7],
  '7': [7, 1, 1, 1, 1],
  '8': [7, 5, 7, 5, 7],
  '9': [7, 5, 7, 1, 7],
  '.': [0, 0, 0, 0, 2],
  '%': [5, 1, 2, 4, 5],
  '-': [0, 0, 7, 0, 0],
};

// Palette index 0 (white) is the background: a new canvas is all zeros.
const AXIS = 1;
const GRID = 2;
const INK = 3;
const BAR_COLOURS = [4, 5, 6, 7, 8, 9, 10, 11];

/** The bars' colours in order (bar i has BAR_PALETTE[i % 8]), for a legend that names them. */
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

const PALETTE: [number, number, number][] = [
  [255, 255, 255],
  [60, 60, 60],
  [220, 220, 220],
  [30, 30, 30],
  ...BAR_PALETTE,
];

export interface BarChartOptions {
  width?: number;
  height?: number;
  /** The value of the top of the scale (default: 1 for rates, else the largest value). */
  max?: number;
  /** Label each bar with its value as a percentage (values are 0–1 rates). */
  percent?: boolean;
  /** Decimal places of the value labels. */
  decimals?: number;
}

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height);
  }
  rect(x0: number, y0: number, w: number, h: number, colour: number): void {
    const x1 = Math.min(this.width, Math.round(x0 + w));
    const y1 = Math.min(this.height, Math.round(y0 + h));
    for (let y = Math.max(0, Math.round(y0)); y < y1; y++) {
      this.pixels.fill(colour, y * this.width + Math.max(0, Math.round(x0)), y * this.width + x1);
    }
  }
  text(s: string, cx: number, top: number, scale: number, colour: number): void {
    const glyphs = [...s].map((ch) => GLYPHS[ch]).filter(Boolean);
    const advance = 4 * scale;
    let x = Math.round(cx - (glyphs.length * advance - scale) / 2);
    for (const rows of glyphs) {
      rows.forEach((bits, row) => {
        for (let col = 0; col < 3; col++) {
          if (bits & (4 >> col))
            this.rect(x + col * scale, top + row * scale, scale, scale, colour);
        }
      });
      x += advance;
    }
  }
}

/** The label drawn above a bar. */
export function barLabel(value: number, options: BarChartOptions = {}): string {
  const decimals = options.decimals ?? 0;
  const shown = options.percent ? value * 100 : value;
  return shown.toFixed(decimals) + (options.percent ? '%' : '');
}

/**
 * A vertical bar chart: a light grid with ticks at quarter steps of the scale, one bar per value
 * (coloured in BAR_PALETTE order), the value above each bar and the bar's number under it.
 */
export function barChartPng(values: readonly number[], options: BarChartOptions = {}): Uint8Array {
  const width = options.width ?? 480;
  const height = options.height ?? 240;
  const canvas = new Canvas(width, height);
  const max =
    options.max ?? (options.percent ? 1 : Math.max(1, ...values.map((v) => (v > 0 ? v : 0))));
  const left = 44;
  const right = width - 12;
  const top = 24;
  const bottom = height - 22;
  const plotH = bottom - top;
  for (let q = 0; q <= 4; q++) {
    const y = Math.round(bottom - (plotH * q) / 4);
    canvas.rect(left, y, right - left, 1, GRID);
    canvas.rect(left - 5, y, 5, 1, AXIS);
    const tick = options.percent ? `${q * 25}%` : String(+((max * q) / 4).toFixed(2));
    canvas.text(tick, left - 24, y - 5, 2, INK);
  }
  canvas.rect(left, top, 1, plotH + 1, AXIS);
  canvas.rect(left, bottom, right - left, 1, AXIS);
  const n = Math.max(values.length, 1);
  const slot = (right - left - 8) / n;
  const barW = Math.max(2, Math.min(60, slot * 0.6));
  values.forEach((raw, i) => {
    const value = Number.isFinite(raw) ? Math.max(0, Math.min(raw, max)) : 0;
    const cx = left + 8 + slot * i + slot / 2;
    const h = max > 0 ? Math.round((plotH * value) / max) : 0;
    canvas.rect(cx - barW / 2, bottom - h, barW, h, BAR_COLOURS[i % BAR_COLOURS.length]);
    const scale = slot >= 40 ? 2 : 1;
    canvas.text(barLabel(raw, options), cx, bottom - h - 6 * scale - 2, scale, INK);
    canvas.text(String(i + 1), cx, bottom + 6, scale, INK);
  });
  return encodePng({ width, height, palette: PALETTE, pixels: canvas.pixels });
}
