import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { Workspace } from '../../../src/offline/emulator/core';
import { Utilities } from '../../../src/offline/emulator/utilities';

type DigestAlgorithm = GoogleAppsScript.Utilities.DigestAlgorithm;
type Charset = GoogleAppsScript.Utilities.Charset;

const E = Utilities.gasEnums;
const MD5 = E.DigestAlgorithm.MD5 as unknown as DigestAlgorithm;
const SHA_256 = E.DigestAlgorithm.SHA_256 as unknown as DigestAlgorithm;
const UTF_8 = E.Charset.UTF_8 as unknown as Charset;
const US_ASCII = E.Charset.US_ASCII as unknown as Charset;

function setup(seed = 7) {
  const ws = new Workspace({ now: Date.parse('2014-05-20T01:02:03.004Z'), seed });
  return { ws, u: new Utilities(ws) };
}

function signed(hex: string): number[] {
  return Array.from(Buffer.from(hex, 'hex'), (b) => (b > 127 ? b - 256 : b));
}

describe('Utilities.formatDate (java.text.SimpleDateFormat in IANA time zones)', () => {
  const { u } = setup();
  const t = new Date('2014-05-20T01:02:03.004Z');

  test.each([
    ['yyyy-MM-dd HH:mm:ss', '2014-05-20 09:02:03'],
    ['yy M d H m s S', '14 5 20 9 2 3 4'],
    ['SSS', '004'],
    ['MMM MMMM EEE EEEE E', 'May May Tue Tuesday Tue'],
    ['h:mm a, hh', '9:02 AM, 09'],
    ['z Z XXX X XX', 'CST +0800 +08:00 +08 +0800'],
    ['zzzz', 'China Standard Time'],
    ["'at' HH 'o''clock' ''", "at 09 o'clock '"],
    ['yyyy年M月d日', '2014年5月20日'],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2014-05-20T09:02:03+08:00'],
    ['D u', '140 2'],
  ])('Asia/Shanghai %s → %s', (pattern, expected) => {
    expect(u.formatDate(t, 'Asia/Shanghai', pattern)).toBe(expected);
  });

  test('America/Los_Angeles switches from PST to PDT at the March 2014 DST change', () => {
    const pattern = 'yyyy-MM-dd HH:mm z Z XXX';
    expect(u.formatDate(new Date('2014-03-09T09:59:00Z'), 'America/Los_Angeles', pattern)).toBe(
      '2014-03-09 01:59 PST -0800 -08:00',
    );
    expect(u.formatDate(new Date('2014-03-09T10:00:00Z'), 'America/Los_Angeles', pattern)).toBe(
      '2014-03-09 03:00 PDT -0700 -07:00',
    );
  });

  test('America/Los_Angeles repeats 01:30 when DST ends in November 2014', () => {
    const pattern = 'HH:mm zzzz';
    expect(u.formatDate(new Date('2014-11-02T08:30:00Z'), 'America/Los_Angeles', pattern)).toBe(
      '01:30 Pacific Daylight Time',
    );
    expect(u.formatDate(new Date('2014-11-02T09:30:00Z'), 'America/Los_Angeles', pattern)).toBe(
      '01:30 Pacific Standard Time',
    );
  });

  test('UTC prints Z for X patterns and +0000 for Z', () => {
    expect(
      u.formatDate(new Date('2014-01-01T00:00:00Z'), 'UTC', 'yyyy-MM-dd hh:mm a z Z XXX'),
    ).toBe('2014-01-01 12:00 AM UTC +0000 Z');
  });

  test('an unknown time zone id falls back to GMT as java.util.TimeZone does; GMT+8 is a custom zone', () => {
    expect(u.formatDate(t, 'Mars/Olympus', 'HH:mm z')).toBe('01:02 GMT');
    expect(u.formatDate(t, 'GMT+8', 'HH:mm z Z')).toBe('09:02 GMT+08:00 +0800');
  });

  test('an unknown pattern letter throws "Illegal pattern character \'b\'"', () => {
    expect(() => u.formatDate(t, 'UTC', 'yyyy b')).toThrow("Illegal pattern character 'b'");
  });

  test('a date from another realm (the sandbox) is accepted; a non-date is not', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2014, 4, 20))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(u.formatDate(foreign, 'UTC', 'yyyy-MM-dd')).toBe('2014-05-20');
    expect(() => u.formatDate('2014-05-20' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      'Cannot find method formatDate',
    );
  });
});

describe('Utilities', () => {
  test('formatString formats like sprintf (%s, %d, width, zero padding, precision, %%)', () => {
    const { u } = setup();
    expect(u.formatString('%s-%05d-%.2f-%%', 'a', 42, 3.14159)).toBe('a-00042-3.14-%');
    expect(u.formatString('%-4s|%4s|%,d', 'ab', 'cd', 1234567)).toBe('ab  |  cd|1,234,567');
    expect(u.formatString('%2$s %1$s', 'world', 'hello')).toBe('hello world');
  });

  test('getUuid returns RFC 4122 version 4 UUIDs, new on each call, reproducible from the seed', () => {
    const a = setup(1).u;
    const b = setup(1).u;
    const first = a.getUuid();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.getUuid()).not.toBe(first);
    expect(b.getUuid()).toBe(first);
  });

  test('computeDigest returns signed bytes', () => {
    const { u } = setup();
    expect(u.computeDigest(MD5, 'abc')).toEqual(signed('900150983cd24fb0d6963f7d28e17f72'));
    expect(u.computeDigest(SHA_256, [0x61, 0x62, 0x63])).toEqual(
      signed(createHash('sha256').update('abc').digest('hex')),
    );
  });

  test('computeDigest of non-ASCII text needs Charset.UTF_8 (a string alone is US-ASCII, as base64Encode)', () => {
    const { u } = setup();
    const md5 = (b: Buffer | string) => signed(createHash('md5').update(b).digest('hex'));
    expect(u.computeDigest(MD5, '中', UTF_8)).toEqual(md5(Buffer.from('中', 'utf8')));
    expect(u.computeDigest(MD5, '中')).toEqual(md5('?'));
  });

  test('computeHmacSha256Signature matches the RFC test vector', () => {
    const { u } = setup();
    expect(
      u.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key'),
    ).toEqual(signed('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'));
  });

  // Source: public live-test suite (gas-fakes), run against live Apps Script.
  test('computeDigest / computeHmacSha256Signature with arguments that fit no overload throw the signature mismatch (gas-fakes live suite)', () => {
    const { u } = setup();
    const any = (v: unknown) => v as never;
    expect(() => u.computeDigest(MD5, any(42))).toThrow(
      "The parameters (String,number) don't match the method signature for Utilities.computeDigest.",
    );
    expect(() => u.computeDigest(MD5, [1, 2], any(UTF_8))).toThrow(
      "The parameters (String,number[],String) don't match the method signature for Utilities.computeDigest.",
    );
    expect(() => u.computeHmacSha256Signature(any(1), any({}))).toThrow(
      "The parameters (number,Object) don't match the method signature for Utilities.computeHmacSha256Signature.",
    );
    expect(() => u.computeHmacSha256Signature('v', any([1]))).toThrow(
      "The parameters (String,number[]) don't match the method signature for Utilities.computeHmacSha256Signature.",
    );
    expect(u.computeHmacSha256Signature([1], [2])).toHaveLength(32);
  });

  test('base64Encode encodes a string as US-ASCII unless a charset is given, and bytes as they are', () => {
    const { u } = setup();
    expect(u.base64Encode('hi')).toBe('aGk=');
    expect(u.base64Encode('aéb')).toBe('YT9i');
    expect(u.base64Encode('é', UTF_8)).toBe('w6k=');
    expect(u.base64Encode('é', US_ASCII)).toBe('Pw==');
    expect(u.base64Encode('😀', UTF_8)).toBe('8J+YgA==');
    expect(u.base64Encode([-1, 0, 127, -128])).toBe('/wB/gA==');
    expect(u.base64Encode([0xff, 0, 0x7f, 0x80])).toBe('/wB/gA==');
  });

  test("base64Decode gives signed bytes, tolerates white space and padding, and throws 'Could not decode string.'", () => {
    const { u } = setup();
    expect(u.base64Decode('/wB/gA==')).toEqual([-1, 0, 127, -128]);
    expect(u.base64Decode('aGk')).toEqual([104, 105]);
    expect(u.base64Decode('aGk==')).toEqual([104, 105]);
    expect(u.base64Decode('aG\nk=')).toEqual([104, 105]);
    for (const bad of ['_wB_gA==', '!!!!', 'a']) {
      expect(() => u.base64Decode(bad)).toThrow(new Error('Could not decode string.'));
    }
  });

  test("an explicit null charset throws 'Argument cannot be null: charset'", () => {
    const { u } = setup();
    expect(() => u.base64Encode('hi', null as unknown as Charset)).toThrow(
      'Argument cannot be null: charset',
    );
    expect(() => u.base64Decode('aGk=', undefined)).toThrow('Argument cannot be null: charset');
  });

  test('base64EncodeWebSafe uses - and _ and base64DecodeWebSafe reads them', () => {
    const { u } = setup();
    expect(u.base64EncodeWebSafe([-1, -17, -2])).toBe('_-_-');
    expect(u.base64DecodeWebSafe('_-_-')).toEqual([-1, -17, -2]);
  });

  test('sleep advances the simulated clock', () => {
    const { ws, u } = setup();
    const before = ws.now();
    u.sleep(1500);
    expect(ws.now()).toBe(before + 1500);
  });

  test('parseCsv reads quoted fields, doubled quotes, CRLF and a custom delimiter', () => {
    const { u } = setup();
    expect(u.parseCsv('a,"b,c",d\n"x ""q""",y\r\nz')).toEqual([
      ['a', 'b,c', 'd'],
      ['x "q"', 'y'],
      ['z'],
    ]);
    expect(u.parseCsv('a;b\n"多\n行";c\n', ';')).toEqual([
      ['a', 'b'],
      ['多\n行', 'c'],
    ]);
  });
});

describe('Utilities.newBlob and Blob', () => {
  const { u } = setup();

  test('newBlob defaults as Apps Script: bytes have no content type, strings are text/plain, no name', () => {
    const bytes = u.newBlob([1, 2, 3]);
    expect(bytes.getContentType()).toBeNull();
    expect(bytes.getName()).toBeNull();
    expect(bytes.getBytes()).toEqual([1, 2, 3]);
    const text = u.newBlob('hello');
    expect(text.getContentType()).toBe('text/plain');
    expect(text.getBytes()).toEqual([0x68, 0x65, 0x6c, 0x6c, 0x6f]);
    expect(u.newBlob('hello', null as unknown as string, 'greet.txt').getContentType()).toBeNull();
    const named = u.newBlob([1], 'application/octet-stream', 'data');
    expect(named.getName()).toBe('data');
    expect(named.getContentType()).toBe('application/octet-stream');
  });

  test('getBytes returns signed bytes; getDataAsString decodes UTF-8 by default', () => {
    const blob = u.newBlob('中', 'text/plain');
    expect(blob.getBytes()).toEqual([-28, -72, -83]);
    expect(blob.getDataAsString()).toBe('中');
    expect(blob.getDataAsString('UTF-8')).toBe('中');
  });

  test('setDataFromString, setName and setContentType change the blob and chain', () => {
    const blob = u.newBlob('x');
    expect(blob.setDataFromString('数据').setName('a.txt').setContentType('text/csv')).toBe(blob);
    expect(blob.getDataAsString()).toBe('数据');
    expect(blob.getName()).toBe('a.txt');
    expect(blob.getContentType()).toBe('text/csv');
  });

  test('copyBlob is independent of the original', () => {
    const blob = u.newBlob('one', 'text/plain', 'a');
    const copy = blob.copyBlob();
    blob.setDataFromString('two');
    expect(copy.getDataAsString()).toBe('one');
    expect(copy.getName()).toBe('a');
  });

  test('isGoogleType is true only for Google formats; getAs refuses conversions it does not know', () => {
    expect(u.newBlob('x', 'application/vnd.google-apps.document').isGoogleType()).toBe(true);
    expect(u.newBlob('x', 'text/plain').isGoogleType()).toBe(false);
    expect(u.newBlob('x', 'text/plain').getAs('text/plain').getDataAsString()).toBe('x');
    expect(() => u.newBlob('x', 'text/plain').getAs('application/pdf')).toThrow(
      'Converting from text/plain to application/pdf is not supported.',
    );
  });
});
