import { createHmac } from 'node:crypto';
import { Workspace } from '../../src/offline/emulator/core';
import { Utilities } from '../../src/offline/emulator/utilities';
import { hmacSha256WebSafe, sha256, utf8 } from '../../src/domain/hmac';

const nodeHmac = (text: string, key: string) =>
  createHmac('sha256', Buffer.from(key, 'utf8'))
    .update(text, 'utf8')
    .digest('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');

describe('HMAC-SHA256 in script (personal links)', () => {
  test('SHA-256 test vectors of FIPS 180-4 (abc, empty, two blocks)', () => {
    const hex = (b: number[]) => b.map((x) => x.toString(16).padStart(2, '0')).join('');
    expect(hex(sha256(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256([]))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  test('equals Node crypto and Utilities.base64EncodeWebSafe(computeHmacSha256Signature(…, UTF_8)) for ids, Chinese text and long keys', () => {
    const ws = new Workspace({ now: 0 });
    const utilities = new Utilities(ws);
    const ex = ws.startExecution('t', 'manual');
    const cases: [string, string][] = [
      ['v1|U01|2015-04-16', 'a'.repeat(64)],
      ['v1|dept:org|2099-12-31', 'k'],
      ['v1|单位（一）|2015-04-16', '密钥'.repeat(50)],
      ['', ''],
    ];
    for (const [text, key] of cases) {
      const viaUtilities = ws.within(ex, () =>
        utilities.base64EncodeWebSafe(
          utilities.computeHmacSha256Signature(text, key, 'UTF_8' as never),
        ),
      );
      expect(hmacSha256WebSafe(text, key)).toBe(nodeHmac(text, key));
      expect(hmacSha256WebSafe(text, key)).toBe(viaUtilities);
    }
  });
});
