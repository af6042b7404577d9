import type { Faithful } from './core';

/**
 * Apps Script hands bytes to the script as Java bytes: numbers from -128 to 127. Host code keeps a
 * Buffer and converts at the boundary.
 */
export function toSignedBytes(data: Uint8Array): number[] {
  const out = new Array<number>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] > 127 ? data[i] - 256 : data[i];
  return out;
}

/** Accepts signed (-128..127) or unsigned (0..255) numbers, as Apps Script does. */
export function fromByteArray(bytes: readonly number[]): Buffer {
  const out = Buffer.alloc(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = Number(bytes[i]) & 0xff;
  return out;
}

export function isArrayLike(value: unknown): value is readonly number[] {
  return Array.isArray(value);
}

type Charset = 'utf8' | 'ascii' | 'latin1' | 'utf16le';

const CHARSETS: Record<string, Charset> = {
  'UTF-8': 'utf8',
  UTF8: 'utf8',
  UTF_8: 'utf8',
  'US-ASCII': 'ascii',
  US_ASCII: 'ascii',
  ASCII: 'ascii',
  'ISO-8859-1': 'latin1',
  LATIN1: 'latin1',
  'UTF-16LE': 'utf16le',
};

function charsetOf(name: string): Charset {
  const charset = CHARSETS[String(name).toUpperCase()];
  if (!charset) throw new Error(`Unsupported charset: ${name}`);
  return charset;
}

/** Encodes text as Java does for the charsets the emulator knows: unmappable characters → '?'. */
export function encodeText(text: string, charsetName = 'UTF-8'): Buffer {
  const charset = charsetOf(charsetName);
  if (charset === 'ascii' || charset === 'latin1') {
    const limit = charset === 'ascii' ? 0x7f : 0xff;
    return Buffer.from(
      Array.from(text, (ch) => {
        const code = ch.codePointAt(0) ?? 0x3f;
        return code > limit ? 0x3f : code;
      }),
    );
  }
  return Buffer.from(text, charset);
}

export function decodeText(bytes: Buffer, charsetName = 'UTF-8'): string {
  const charset = charsetOf(charsetName);
  if (charset === 'ascii') {
    // Java maps bytes above 0x7f to U+FFFD in US-ASCII.
    return Array.from(bytes, (b) => (b > 0x7f ? '\ufffd' : String.fromCharCode(b))).join('');
  }
  return bytes.toString(charset);
}

/** Anything with getBlob(): Blob, Drive files, documents (Apps Script's BlobSource). */
export interface BlobSourceLike {
  getBlob(): Blob;
}

export function isBlobSource(value: unknown): value is BlobSourceLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getBlob?: unknown }).getBlob === 'function'
  );
}

/**
 * Apps Script's Blob (a global class of the Base service, hence the bare gasName).
 * Other fakes create blobs with `Blob._of(buffer, contentType, name)` and read them with
 * `blob._buffer()`.
 */
export class Blob implements Faithful<
  GoogleAppsScript.Base.Blob,
  | 'copyBlob'
  | 'getAs'
  | 'getBlob'
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'isGoogleType'
  | 'setBytes'
  | 'setContentType'
  | 'setDataFromString'
  | 'setName'
> {
  static readonly gasName = 'Blob';

  /**
   * Conversions other fakes can register (e.g. a Google Doc to application/pdf). Keyed
   * `${from}->${to}`; without one, getAs only accepts the blob's own content type.
   */
  private static readonly converters = new Map<string, (blob: Blob) => Blob>();

  static _registerConverter(from: string, to: string, convert: (blob: Blob) => Blob): void {
    Blob.converters.set(`${from}->${to}`, convert);
  }

  static _of(
    data: Uint8Array | string,
    contentType: string | null = null,
    name: string | null = null,
  ): Blob {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    return new Blob(buffer, contentType, name);
  }

  private constructor(
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  /** A copy of the bytes, for exporters and other fakes. */
  _buffer(): Buffer {
    return Buffer.from(this.data);
  }

  copyBlob(): Blob {
    return new Blob(Buffer.from(this.data), this.contentType, this.name);
  }

  getBlob(): Blob {
    return this.copyBlob();
  }

  getAs(contentType: string): Blob {
    if (contentType === this.contentType) return this.copyBlob();
    const convert = Blob.converters.get(`${this.contentType}->${contentType}`);
    if (!convert) {
      // Assumed text: Apps Script refuses conversions it cannot do; the exact wording is unverified.
      throw new Error(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    }
    return convert(this);
  }

  getBytes(): number[] {
    return toSignedBytes(this.data);
  }

  setBytes(data: number[]): Blob {
    this.data = fromByteArray(data);
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.contentType = contentType ?? null;
    return this;
  }

  getDataAsString(charset?: string): string {
    return decodeText(this.data, charset ?? 'UTF-8');
  }

  setDataFromString(string: string, charset?: string): Blob {
    this.data = encodeText(String(string), charset ?? 'UTF-8');
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): Blob {
    this.name = String(name);
    return this;
  }

  isGoogleType(): boolean {
    return (this.contentType ?? '').startsWith('application/vnd.google-apps.');
  }
}
