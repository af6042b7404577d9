import { createHash, createHmac } from 'node:crypto';
import type { Faithful, Workspace } from './core';
import { Blob, encodeText, fromByteArray, isArrayLike, isBlobSource, toSignedBytes } from './blob';

type DigestAlgorithm = GoogleAppsScript.Utilities.DigestAlgorithm;
type MacAlgorithm = GoogleAppsScript.Utilities.MacAlgorithm;
type Charset = GoogleAppsScript.Utilities.Charset;

/* ------------------------------------------------------------------------------------------------
 * Time zones: Apps Script formats dates with Java's SimpleDateFormat in a java.util.TimeZone.
 * ---------------------------------------------------------------------------------------------- */

interface Zone {
  /** IANA id for Intl, or null for a fixed offset ('GMT+08:00', or unknown ids → GMT). */
  iana: string | null;
  fixedOffsetMin: number;
  /** The name Java prints for a fixed zone. */
  fixedName: string;
}

const zoneCache = new Map<string, Zone>();

function isValidIana(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value));
  return (
    (value < 0 ? '-' : '') + (text.length >= width ? text : '0'.repeat(width - text.length) + text)
  );
}

function gmtName(offsetMin: number): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `GMT${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

function resolveZone(id: string): Zone {
  const cached = zoneCache.get(id);
  if (cached) return cached;
  let zone: Zone;
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (custom) {
    const minutes =
      (Number(custom[2]) * 60 + Number(custom[3] ?? 0)) * (custom[1] === '-' ? -1 : 1);
    zone = { iana: null, fixedOffsetMin: minutes, fixedName: gmtName(minutes) };
  } else if (id !== '' && isValidIana(id)) {
    zone = { iana: id, fixedOffsetMin: 0, fixedName: '' };
  } else {
    // java.util.TimeZone.getTimeZone falls back to GMT for an id it does not know: no error.
    zone = { iana: null, fixedOffsetMin: 0, fixedName: 'GMT' };
  }
  zoneCache.set(id, zone);
  return zone;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(iana: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(iana);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    partsFormatters.set(iana, formatter);
  }
  return formatter;
}

/** Minutes east of UTC of a time zone at a moment (e.g. +480 for Asia/Shanghai). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const zone = resolveZone(timeZone);
  if (!zone.iana) return zone.fixedOffsetMin;
  const parts: Record<string, string> = {};
  for (const p of partsFormatter(zone.iana).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  const wall = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return Math.round((wall - wholeSecond) / 60000);
}

/** Java's (Locale.US) abbreviations where Intl's en-US data gives only 'GMT+8'. */
const JAVA_SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Chongqing': ['CST', 'CDT'],
  'Asia/Harbin': ['CST', 'CDT'],
  'Asia/Urumqi': ['XJT', 'XJT'],
  'Asia/Taipei': ['CST', 'CDT'],
  'Asia/Macau': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Tokyo': ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Kolkata': ['IST', 'IST'],
  UTC: ['UTC', 'UTC'],
  'Etc/UTC': ['UTC', 'UTC'],
  GMT: ['GMT', 'GMT'],
  'Etc/GMT': ['GMT', 'GMT'],
};

function intlZoneName(ms: number, iana: string, style: 'short' | 'long', locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: iana, timeZoneName: style })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

function isDaylight(ms: number, iana: string): boolean {
  const year = new Date(ms).getUTCFullYear();
  const jan = zoneOffsetMinutes(Date.UTC(year, 0, 1), iana);
  const jul = zoneOffsetMinutes(Date.UTC(year, 6, 1), iana);
  return zoneOffsetMinutes(ms, iana) > Math.min(jan, jul) && jan !== jul;
}

function zoneName(ms: number, timeZone: string, long: boolean): string {
  const zone = resolveZone(timeZone);
  if (!zone.iana) return zone.fixedName;
  if (long) {
    const name = intlZoneName(ms, zone.iana, 'long', 'en-US');
    return /^GMT[+-]/.test(name) ? gmtName(zoneOffsetMinutes(ms, timeZone)) : name;
  }
  const known = JAVA_SHORT_NAMES[zone.iana];
  if (known) return known[isDaylight(ms, zone.iana) ? 1 : 0];
  for (const locale of ['en-US', 'en-GB']) {
    const name = intlZoneName(ms, zone.iana, 'short', locale);
    if (name && !/^GMT[+-]|^UTC[+-]/.test(name)) return name;
  }
  return gmtName(zoneOffsetMinutes(ms, timeZone));
}

interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
  offsetMin: number;
}

function wallTime(ms: number, timeZone: string): WallTime {
  const offsetMin = zoneOffsetMinutes(ms, timeZone);
  const shifted = new Date(ms + offsetMin * 60000);
  const year = shifted.getUTCFullYear();
  return {
    year,
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    dayOfYear:
      Math.floor(
        (Date.UTC(year, shifted.getUTCMonth(), shifted.getUTCDate()) - Date.UTC(year, 0, 1)) /
          86400000,
      ) + 1,
    offsetMin,
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetText(offsetMin: number, withColon: boolean, minutes = true): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const hh = pad(Math.floor(abs / 60), 2);
  if (!minutes) return sign + hh;
  return sign + hh + (withColon ? ':' : '') + pad(abs % 60, 2);
}

function field(letter: string, count: number, t: WallTime, ms: number, timeZone: string): string {
  switch (letter) {
    case 'G':
      return t.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      // 'Y' (week year) is treated as the calendar year: the same except around New Year.
      const year = t.year > 0 ? t.year : 1 - t.year;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[t.month - 1];
      if (count === 3) return MONTHS[t.month - 1].slice(0, 3);
      return pad(t.month, count);
    case 'd':
      return pad(t.day, count);
    case 'D':
      return pad(t.dayOfYear, count);
    case 'E':
      return count >= 4 ? WEEKDAYS[t.weekday] : WEEKDAYS[t.weekday].slice(0, 3);
    case 'u':
      return pad(t.weekday === 0 ? 7 : t.weekday, count);
    case 'a':
      return t.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(t.hour, count);
    case 'k':
      return pad(t.hour === 0 ? 24 : t.hour, count);
    case 'K':
      return pad(t.hour % 12, count);
    case 'h':
      return pad(t.hour % 12 === 0 ? 12 : t.hour % 12, count);
    case 'm':
      return pad(t.minute, count);
    case 's':
      return pad(t.second, count);
    case 'S':
      // Java prints milliseconds as a number, not as a fraction of a second.
      return pad(t.millisecond, count);
    case 'z':
      return zoneName(ms, timeZone, count >= 4);
    case 'Z':
      return offsetText(t.offsetMin, false);
    case 'X':
      if (count > 3) throw new Error(`invalid ISO 8601 format: length=${count}`);
      if (t.offsetMin === 0) return 'Z';
      return count === 1
        ? offsetText(t.offsetMin, false, false)
        : offsetText(t.offsetMin, count === 3);
    case 'w':
    case 'W':
    case 'F':
      throw new Error(`the emulator does not implement the SimpleDateFormat letter '${letter}'`);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/**
 * java.text.SimpleDateFormat (Locale.US) in a real time zone: what Utilities.formatDate does.
 * Host-side exporters may use it too.
 */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const t = wallTime(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error('Unterminated quote');
      // Inside quotes, '' is one quote.
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            out += "'";
            j += 2;
            continue;
          }
          break;
        }
        out += pattern[j];
        j += 1;
      }
      if (j >= pattern.length) throw new Error('Unterminated quote');
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count += 1;
      out += field(ch, count, t, ms, timeZone);
      i += count;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/* ------------------------------------------------------------------------------------------------
 * java.lang.String.format, the engine behind Utilities.formatString and Logger.log(format, …).
 * ---------------------------------------------------------------------------------------------- */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function javaFormat(template: string, args: readonly unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(?:(\d+)\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g,
    (
      match,
      index: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv: string,
    ) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      const arg = index ? args[Number(index) - 1] : args[next++];
      let text: string;
      switch (conv) {
        case 's':
        case 'S':
          text = arg === null || arg === undefined ? 'null' : String(arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
          if (conv === 'S') text = text.toUpperCase();
          break;
        case 'b':
        case 'B':
          text = String(arg !== null && arg !== undefined && arg !== false);
          break;
        case 'c':
          text = typeof arg === 'number' ? String.fromCodePoint(arg) : String(arg).charAt(0);
          break;
        case 'd': {
          const n = Math.trunc(Number(arg));
          text = String(Math.abs(n));
          if (flags.includes(',')) text = groupThousands(text);
          text = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + text;
          break;
        }
        case 'x':
        case 'X':
          text = Math.trunc(Number(arg)).toString(16);
          if (conv === 'X') text = text.toUpperCase();
          break;
        case 'o':
          text = Math.trunc(Number(arg)).toString(8);
          break;
        case 'f':
        case 'e':
        case 'E': {
          const n = Number(arg);
          const digits = precision === undefined ? 6 : Number(precision);
          text = conv === 'f' ? Math.abs(n).toFixed(digits) : Math.abs(n).toExponential(digits);
          if (conv !== 'f') text = text.replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E') text = text.toUpperCase();
          if (flags.includes(',') && conv === 'f') {
            const [whole, frac] = text.split('.');
            text = groupThousands(whole) + (frac !== undefined ? '.' + frac : '');
          }
          text = (n < 0 ? '-' : flags.includes('+') ? '+' : '') + text;
          break;
        }
        default:
          throw new Error(`Unknown format conversion: ${match}`);
      }
      const w = width === undefined ? 0 : Number(width);
      if (text.length < w) {
        if (flags.includes('-')) text = text.padEnd(w, ' ');
        else if (flags.includes('0') && /[dxXofeE]/.test(conv)) {
          const sign = /^[+\- ]/.test(text) ? text[0] : '';
          text = sign + text.slice(sign.length).padStart(w - sign.length, '0');
        } else text = text.padStart(w, ' ');
      }
      return text;
    },
  );
}

/* ------------------------------------------------------------------------------------------------
 * CSV
 * ---------------------------------------------------------------------------------------------- */

export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const text = String(csv);
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i += 1;
    } else if (ch === delimiter) {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/* ------------------------------------------------------------------------------------------------
 * The Utilities service
 * ---------------------------------------------------------------------------------------------- */

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

function isDate(value: unknown): value is Date {
  // The sandbox's Date comes from another realm, so instanceof would fail.
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Charset enum values as the script sees them (plain strings here; see gasEnums). */
function charsetName(charset: unknown): string {
  if (charset === null || charset === undefined)
    throw new Error('Argument cannot be null: charset');
  const name = String(charset);
  if (name === 'UTF_8') return 'UTF-8';
  if (name === 'US_ASCII') return 'US-ASCII';
  throw new Error(`Invalid argument: charset`);
}

/**
 * Observed in Apps Script: base64Encode('aéb') is 'YT9i' — a string given without a charset is
 * encoded as US-ASCII with '?' for anything else. The emulator assumes the same for digests and
 * HMACs, so code that hashes Chinese text without Charset.UTF_8 gets a visibly wrong result.
 */
const DEFAULT_STRING_CHARSET = 'US-ASCII';

function bytesOf(value: string | number[], charset: string): Buffer {
  return isArrayLike(value) ? fromByteArray(value) : encodeText(String(value), charset);
}

function decodeBase64Strict(encoded: string, webSafe: boolean): Buffer {
  const compact = String(encoded).replace(/\s+/g, '').replace(/=+$/, '');
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*$/ : /^[A-Za-z0-9+/]*$/;
  if (!alphabet.test(compact) || compact.length % 4 === 1) {
    throw new Error('Could not decode string.');
  }
  return Buffer.from(compact, webSafe ? 'base64url' : 'base64');
}

const DIGEST_OVERLOADS = [
  ['enum', 'bytes'],
  ['enum', 'string'],
  ['enum', 'string', 'charset'],
] as const;
const HMAC_OVERLOADS = [
  ['enum', 'bytes', 'bytes'],
  ['enum', 'string', 'string'],
  ['enum', 'string', 'string', 'charset'],
] as const;

/** How Apps Script names an argument's type in "The parameters (…) don't match …". */
function parameterTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    return `${value.length > 0 ? parameterTypeName(value[0]) : 'Object'}[]`;
  }
  if (typeof value === 'string') return 'String';
  if (typeof value === 'object') return 'Object';
  return typeof value;
}

/**
 * Throws Apps Script's overload-mismatch error unless the arguments fit one of the overloads,
 * each a list of kinds: 'enum' (a string enum value), 'string', 'bytes' (an array).
 * Source: public live-test suite (gas-fakes), run against live Apps Script.
 */
function checkOverloads(
  method: string,
  args: readonly unknown[],
  overloads: readonly (readonly ('enum' | 'string' | 'bytes' | 'charset')[])[],
): void {
  const fits = (kind: string, value: unknown): boolean =>
    kind === 'bytes'
      ? Array.isArray(value)
      : kind === 'charset'
        ? true // a wrong charset has its own error (charsetName)
        : typeof value === 'string';
  const matched = overloads.some(
    (overload) =>
      overload.length === args.length && overload.every((kind, i) => fits(kind, args[i])),
  );
  if (!matched) {
    throw new Error(
      `The parameters (${args.map(parameterTypeName).join(',')}) don't match the method signature for ${method}.`,
    );
  }
}

export class Utilities implements Faithful<
  GoogleAppsScript.Utilities.Utilities,
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'newBlob'
  | 'parseCsv'
  | 'sleep'
> {
  static readonly gasName = 'Utilities';
  static readonly gasEnums = {
    Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
    DigestAlgorithm: {
      MD2: 'MD2',
      MD5: 'MD5',
      SHA_1: 'SHA_1',
      SHA_256: 'SHA_256',
      SHA_384: 'SHA_384',
      SHA_512: 'SHA_512',
    },
    MacAlgorithm: {
      HMAC_MD5: 'HMAC_MD5',
      HMAC_SHA_1: 'HMAC_SHA_1',
      HMAC_SHA_256: 'HMAC_SHA_256',
      HMAC_SHA_384: 'HMAC_SHA_384',
      HMAC_SHA_512: 'HMAC_SHA_512',
    },
  };

  /** Apps Script caps Utilities.sleep at five minutes. */
  static readonly MAX_SLEEP_MS = 300000;

  constructor(private readonly ws: Workspace) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date)) {
      throw new Error('Cannot find method formatDate(' + typeof date + ',string,string).');
    }
    const ms = (date as Date).getTime();
    if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
    return formatJavaDate(ms, String(timeZone), String(format));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Apps Script accepts any values
  formatString(template: string, ...args: any[]): string {
    return javaFormat(template, args);
  }

  getUuid(): string {
    const bytes = Buffer.alloc(16);
    for (let i = 0; i < 16; i++) bytes[i] = this.ws.random.int(0, 256);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  computeDigest(
    algorithm: DigestAlgorithm,
    value: string | number[],
    ...rest: [Charset?]
  ): number[] {
    checkOverloads('Utilities.computeDigest', [algorithm, value, ...rest], DIGEST_OVERLOADS);
    const name = DIGESTS[String(algorithm)];
    if (!name) throw new Error(`Invalid argument: algorithm`);
    const charset = rest.length > 0 ? charsetName(rest[0]) : DEFAULT_STRING_CHARSET;
    return toSignedBytes(createHash(name).update(bytesOf(value, charset)).digest());
  }

  computeHmacSignature(
    algorithm: MacAlgorithm,
    value: string | number[],
    key: string | number[],
    ...rest: [Charset?]
  ): number[] {
    checkOverloads(
      'Utilities.computeHmacSignature',
      [algorithm, value, key, ...rest],
      HMAC_OVERLOADS,
    );
    const name = MACS[String(algorithm)];
    if (!name) throw new Error(`Invalid argument: algorithm`);
    const charset = rest.length > 0 ? charsetName(rest[0]) : DEFAULT_STRING_CHARSET;
    return toSignedBytes(
      createHmac(name, bytesOf(key, charset)).update(bytesOf(value, charset)).digest(),
    );
  }

  computeHmacSha256Signature(
    value: string | number[],
    key: string | number[],
    ...rest: [Charset?]
  ): number[] {
    checkOverloads(
      'Utilities.computeHmacSha256Signature',
      [value, key, ...rest],
      HMAC_OVERLOADS.map((overload) => overload.slice(1)),
    );
    return this.computeHmacSignature(
      'HMAC_SHA_256' as unknown as MacAlgorithm,
      value,
      key,
      ...rest,
    );
  }

  base64Encode(data: string | number[], ...rest: [Charset?]): string {
    const charset = rest.length > 0 ? charsetName(rest[0]) : DEFAULT_STRING_CHARSET;
    return bytesOf(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], ...rest: [Charset?]): string {
    const charset = rest.length > 0 ? charsetName(rest[0]) : DEFAULT_STRING_CHARSET;
    // Apps Script keeps the '=' padding in its web-safe alphabet.
    return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, ...rest: [Charset?]): number[] {
    if (rest.length > 0) charsetName(rest[0]);
    return toSignedBytes(decodeBase64Strict(encoded, false));
  }

  base64DecodeWebSafe(encoded: string, ...rest: [Charset?]): number[] {
    if (rest.length > 0) charsetName(rest[0]);
    return toSignedBytes(decodeBase64Strict(encoded, true));
  }

  newBlob(data: string | number[], ...rest: [string?, string?]): Blob {
    const [contentType, name] = rest;
    const defaultType = isArrayLike(data) ? null : 'text/plain';
    const bytes = isArrayLike(data) ? fromByteArray(data) : Buffer.from(String(data), 'utf8');
    const blob = Blob._of(bytes, rest.length >= 1 ? (contentType ?? null) : defaultType);
    if (rest.length >= 2 && name !== null && name !== undefined) blob.setName(name);
    return blob;
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsvText(csv, delimiter === undefined ? ',' : String(delimiter));
  }

  sleep(milliseconds: number): void {
    const ms = Math.trunc(Number(milliseconds));
    if (!(ms >= 0)) throw new Error('Invalid argument: milliseconds');
    if (ms > Utilities.MAX_SLEEP_MS) throw new Error('Invalid argument: milliseconds');
    this.ws.clock.advance(ms);
  }

  /** Host helper: the blob behind a BlobSource argument (attachments, inline images). */
  static _blobOf(source: unknown): Blob {
    if (source instanceof Blob) return source;
    if (isBlobSource(source)) return source.getBlob();
    throw new Error('Invalid argument: blob');
  }
}
