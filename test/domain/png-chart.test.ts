import * as zlib from 'node:zlib';
import { adler32, barPng, crc32, encodePng, zlibStored } from '../../src/domain/png-chart';

/** Reads a PNG's chunks, checking each CRC, and inflates its image data with Node's zlib. */
function decode(png: Uint8Array) {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    expect(buf.readUInt32BE(at + 8 + length)).toBe(
      zlib.crc32(buf.subarray(at + 4, at + 8 + length)),
    );
    chunks.push({ type, data });
    at += 12 + length;
  }
  const ihdr = chunks[0].data;
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  return {
    types: chunks.map((c) => c.type),
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8],
    colourType: ihdr[9],
    palette: chunks.find((c) => c.type === 'PLTE')!.data,
    raw: zlib.inflateSync(idat),
  };
}

/** The palette index of pixel (x, y) in 4-bit, filter-0 scanlines. */
function pixel(d: ReturnType<typeof decode>, x: number, y: number): number {
  const stride = Math.ceil(d.width / 2) + 1;
  const byte = d.raw[y * stride + 1 + (x >> 1)];
  return x & 1 ? byte & 0x0f : byte >> 4;
}

describe('png-chart', () => {
  test('crc32 and adler32 match the reference values (zlib)', () => {
    const data = Buffer.from('书记项目 report 2014', 'utf8');
    expect(crc32(data)).toBe(zlib.crc32(data));
    expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
  });

  test('stored deflate blocks inflate back to the input, also past one 65,535-byte block', () => {
    const data = new Uint8Array(150000).map((_, i) => (i * 31) & 0xff);
    expect(Buffer.from(zlib.inflateSync(zlibStored(data))).equals(Buffer.from(data))).toBe(true);
    expect(zlib.inflateSync(zlibStored(new Uint8Array(0))).length).toBe(0);
  });

  test('encodePng writes a valid 4-bit palette PNG whose pixels decode as drawn', () => {
    const pixels = new Uint8Array([0, 1, 2, 3, 4, 5, 15, 0, 1]);
    const palette: [number, number, number][] = Array.from({ length: 16 }, (_, i) => [i, i, i]);
    const d = decode(encodePng({ width: 3, height: 3, palette, pixels }));
    expect(d.types).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect([d.width, d.height, d.bitDepth, d.colourType]).toEqual([3, 3, 4, 3]);
    expect(d.palette.length).toBe(48);
    const got = [];
    for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) got.push(pixel(d, x, y));
    expect(got).toEqual([...pixels]);
  });

  test('barPng fills the track from the left in proportion to the value, same size for every bar', () => {
    const widthOf = (fraction: number, index = 0) => {
      const d = decode(barPng(fraction, { width: 200, height: 14, index }));
      expect([d.width, d.height]).toEqual([200, 14]);
      let n = 0;
      for (let x = 0; x < d.width; x++) if (pixel(d, x, 7) === 2 + index) n += 1;
      return n;
    };
    expect(widthOf(0.5)).toBe(100);
    expect(widthOf(1, 1)).toBe(200);
    expect(widthOf(0)).toBe(0);
    expect(widthOf(1.7)).toBe(200);
    expect(widthOf(Number.NaN)).toBe(0);
  });

  test('a bar is a small image (stored blocks are not compressed)', () => {
    const png = barPng(0.3);
    expect(png.length).toBeLessThan(4 * 1024);
    expect(() => decode(png)).not.toThrow();
  });
});
