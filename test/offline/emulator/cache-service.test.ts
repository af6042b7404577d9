import { Workspace } from '../../../src/offline/emulator/core';
import { CacheService } from '../../../src/offline/emulator/cache-service';

function setup() {
  const ws = new Workspace({ now: Date.parse('2014-05-20T01:00:00Z') });
  const ex = ws.startExecution('t', 'manual', { effectiveUser: 'a@x.cn' });
  const service = new CacheService(ws);
  return { ws, ex, service, run: <T>(fn: () => T): T => ws.within(ex, fn) };
}

describe('CacheService', () => {
  test('put stores strings; get returns null for a missing key; values are coerced to strings', () => {
    const { service, run } = setup();
    const cache = run(() => service.getScriptCache());
    expect(cache.get('missing')).toBeNull();
    cache.put('a', '1');
    cache.put('e', '');
    cache.put('n', 42 as unknown as string);
    expect(cache.get('a')).toBe('1');
    expect(cache.get('e')).toBe('');
    expect(cache.get('n')).toBe('42');
  });

  test('entries expire after the default 600 seconds of simulated time', () => {
    const { ws, service, run } = setup();
    const cache = run(() => service.getScriptCache());
    cache.put('k', 'v');
    ws.clock.advance(599_999);
    expect(cache.get('k')).toBe('v');
    ws.clock.advance(1);
    expect(cache.get('k')).toBeNull();
  });

  test('an explicit expiration is honoured and capped at 21600 seconds (6 hours)', () => {
    const { ws, service, run } = setup();
    const cache = run(() => service.getScriptCache());
    cache.put('short', 'v', 5);
    cache.put('long', 'v', 99999);
    ws.clock.advance(5000);
    expect(cache.get('short')).toBeNull();
    ws.clock.advance(21600_000 - 5000 - 1);
    expect(cache.get('long')).toBe('v');
    ws.clock.advance(1);
    expect(cache.get('long')).toBeNull();
  });

  test('a non-numeric expiration throws "Cannot convert \'abc\' to int." and stores nothing', () => {
    const { service, run } = setup();
    const cache = run(() => service.getScriptCache());
    expect(() => cache.put('k', 'v', 'abc' as unknown as number)).toThrow(
      "Cannot convert 'abc' to int.",
    );
    expect(cache.get('k')).toBeNull();
  });

  test("a key over 250 characters throws 'Argument too large: key'", () => {
    const { service, run } = setup();
    const cache = run(() => service.getScriptCache());
    cache.put('k'.repeat(250), 'v');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow(new Error('Argument too large: key'));
  });

  test("a value over 100 KB throws 'Argument too large: value'", () => {
    const { service, run } = setup();
    const cache = run(() => service.getScriptCache());
    cache.put('ok', 'v'.repeat(100 * 1024));
    expect(() => cache.put('big', 'v'.repeat(100 * 1024 + 1))).toThrow(
      new Error('Argument too large: value'),
    );
    expect(cache.get('big')).toBeNull();
  });

  test('getAll leaves out missing keys; putAll and removeAll work on several keys', () => {
    const { service, run } = setup();
    const cache = run(() => service.getScriptCache());
    cache.putAll({ x: '1', y: '2' });
    expect(cache.getAll(['x', 'y', 'missing'])).toEqual({ x: '1', y: '2' });
    cache.removeAll(['x', 'y']);
    expect(cache.getAll(['x', 'y'])).toEqual({});
    cache.put('a', '1');
    cache.remove('a');
    cache.remove('never');
    expect(cache.get('a')).toBeNull();
  });

  test('a null value stores nothing', () => {
    const { service, run } = setup();
    const cache = run(() => service.getScriptCache());
    cache.put('null', null as unknown as string);
    expect(cache.get('null')).toBeNull();
  });

  test('the script cache, user caches and the document cache are separate', () => {
    const { ws, service, run } = setup();
    run(() => service.getScriptCache().put('k', 'script'));
    expect(run(() => service.getUserCache().get('k'))).toBeNull();
    run(() => service.getUserCache().put('k', 'user-a'));
    const b = ws.startExecution('u', 'manual', { effectiveUser: 'b@x.cn' });
    expect(ws.within(b, () => service.getUserCache().get('k'))).toBeNull();
    expect(run(() => service.getUserCache().get('k'))).toBe('user-a');
    expect(run(() => service.getDocumentCache().get('k'))).toBeNull();
  });

  test('past 1,000 items the oldest-written entries are evicted first', () => {
    const { service, run } = setup();
    const cache = run(() => service.getScriptCache());
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, 'v');
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k1000')).toBe('v');
  });

  // Source: public live-test suite (gas-fakes), run against live Apps Script: the writers answer null.
  test('put, putAll, remove and removeAll return null, not undefined (gas-fakes live suite)', () => {
    const { service, run } = setup();
    const cache = run(() => service.getScriptCache());
    run(() => {
      expect(cache.put('a', '1')).toBeNull();
      expect(cache.putAll({ b: '2', c: '3' })).toBeNull();
      expect(cache.remove('a')).toBeNull();
      expect(cache.removeAll(['b', 'c'])).toBeNull();
    });
  });
});
