import { Workspace } from '../../../src/offline/emulator/core';
import { PropertiesService } from '../../../src/offline/emulator/properties-service';

function setup(options: { effectiveUser?: string } = {}) {
  const ws = new Workspace({ now: Date.parse('2014-05-20T01:00:00Z') });
  const ex = ws.startExecution('t', 'manual', options);
  const service = new PropertiesService(ws);
  return { ws, ex, service, run: <T>(fn: () => T): T => ws.within(ex, fn) };
}

describe('PropertiesService', () => {
  test('values are stored as strings and getProperty returns null for a missing key', () => {
    const { service, run } = setup();
    const props = run(() => service.getScriptProperties());
    props.setProperty('n', 42 as unknown as string);
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperty('missing')).toBeNull();
  });

  test('setProperties adds, and with deleteAllOthers replaces the whole store', () => {
    const { service, run } = setup();
    const props = run(() => service.getScriptProperties());
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' });
    expect(props.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    props.setProperties({ z: '9' }, true);
    expect(props.getProperties()).toEqual({ z: '9' });
    expect(props.getKeys()).toEqual(['z']);
  });

  test('getProperties returns a copy, not a live view', () => {
    const { service, run } = setup();
    const props = run(() => service.getScriptProperties());
    props.setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  test('deleteProperty and deleteAllProperties remove values', () => {
    const { service, run } = setup();
    const props = run(() => service.getScriptProperties());
    props.setProperties({ a: '1', b: '2' });
    props.deleteProperty('a');
    expect(props.getKeys()).toEqual(['b']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('script properties are shared by every execution; a new Properties object sees earlier writes', () => {
    const { ws, service, run } = setup();
    run(() => service.getScriptProperties().setProperty('k', 'v'));
    const other = ws.startExecution('u', 'time');
    expect(ws.within(other, () => service.getScriptProperties().getProperty('k'))).toBe('v');
  });

  test('user properties belong to the effective user', () => {
    const { ws, service, run } = setup({ effectiveUser: 'a@x.cn' });
    run(() => service.getUserProperties().setProperty('k', 'a'));
    const b = ws.startExecution('u', 'manual', { effectiveUser: 'b@x.cn' });
    expect(ws.within(b, () => service.getUserProperties().getProperty('k'))).toBeNull();
    expect(PropertiesService._store(ws, { user: 'a@x.cn' }).getProperty('k')).toBe('a');
  });

  test("a value over 9 KB (9216 UTF-8 bytes) throws 'Argument too large: value' and is not stored", () => {
    const { service, run } = setup();
    const props = run(() => service.getScriptProperties());
    props.setProperty('ok', 'x'.repeat(9216));
    expect(() => props.setProperty('big', 'x'.repeat(9217))).toThrow(
      new Error('Argument too large: value'),
    );
    // 3073 Chinese characters are 9219 bytes in UTF-8
    expect(() => props.setProperty('big', '中'.repeat(3073))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });

  test('the 500 KB store quota throws "You have exceeded the property storage quota…" and leaves the store unchanged', () => {
    const { service, run } = setup();
    const props = run(() => service.getScriptProperties());
    let n = 0;
    expect(() => {
      for (;;) props.setProperty(`k${n++}`, 'y'.repeat(9000));
    }).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(n).toBe(57); // 56 × ~9 KB fit in 500 KB
    expect(props.getKeys()).toHaveLength(56);
    expect(props._bytesUsed()).toBeLessThanOrEqual(500 * 1024);
    // overwriting an existing key counts its new size, not both
    props.setProperty('k0', 'small');
    props.setProperty('k56', 'y'.repeat(9000));
    expect(props.getKeys()).toHaveLength(57);
  });
});
