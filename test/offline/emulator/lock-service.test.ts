import { Workspace, WouldBlock } from '../../../src/offline/emulator/core';
import {
  LOCK_TIMEOUT_MESSAGE,
  LockService,
  SCRIPT_LOCK,
  lockTimeoutOutcome,
  lockTimeoutOutcomeOf,
  userLockKey,
} from '../../../src/offline/emulator/lock-service';

const T0 = Date.parse('2014-05-20T01:00:00Z');

function setup() {
  const ws = new Workspace({ now: T0 });
  const service = new LockService(ws);
  const a = ws.startExecution('onFormSubmit', 'form');
  const b = ws.startExecution('onFormSubmit', 'form');
  return { ws, service, a, b };
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('LockService', () => {
  test('tryLock on a free script lock acquires it; hasLock reports it; a second tryLock by the holder is true', () => {
    const { ws, service, a } = setup();
    ws.within(a, () => {
      const lock = service.getScriptLock();
      expect(lock.hasLock()).toBe(false);
      expect(lock.tryLock(10_000)).toBe(true);
      expect(lock.hasLock()).toBe(true);
      expect(service.getScriptLock().tryLock(10_000)).toBe(true);
      expect(() => lock.waitLock(10_000)).not.toThrow();
    });
    expect(LockService._isHeld(ws, SCRIPT_LOCK)).toBe(true);
    expect(LockService._holder(ws, SCRIPT_LOCK)).toBe(a);
  });

  test('a lock held by another execution makes waitLock throw WouldBlock carrying the timeout and the Apps Script message', () => {
    const { ws, service, a, b } = setup();
    ws.within(a, () => service.getScriptLock().waitLock(30_000));
    const block = caught(() => ws.within(b, () => service.getScriptLock().waitLock(30_000)));
    expect(block).toBeInstanceOf(WouldBlock);
    const wb = block as WouldBlock;
    expect(wb.resource).toBe(SCRIPT_LOCK);
    expect(wb.timeoutMs).toBe(30_000);
    expect(wb.timeoutMessage).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(lockTimeoutOutcomeOf(wb)).toEqual({ error: LOCK_TIMEOUT_MESSAGE });
    expect(ws.within(b, () => service.getScriptLock().hasLock())).toBe(false);
  });

  test('tryLock against another holder throws WouldBlock whose timeout outcome is the value false', () => {
    const { ws, service, a, b } = setup();
    ws.within(a, () => service.getScriptLock().tryLock(1000));
    const wb = caught(() =>
      ws.within(b, () => service.getScriptLock().tryLock(5000)),
    ) as WouldBlock;
    expect(wb).toBeInstanceOf(WouldBlock);
    expect(wb.timeoutMessage).toBe('');
    expect(lockTimeoutOutcomeOf(wb)).toEqual({ value: false });
  });

  test('lockTimeoutOutcome: tryLock returns false, waitLock throws the lock timeout error', () => {
    expect(lockTimeoutOutcome('tryLock')).toEqual({ value: false });
    expect(lockTimeoutOutcome('waitLock')).toEqual({
      error: 'Lock timeout: another process was holding the lock for too long.',
    });
  });

  test('a zero timeout does not wait: tryLock(0) is false and waitLock(0) throws at once', () => {
    const { ws, service, a, b } = setup();
    ws.within(a, () => service.getScriptLock().waitLock(0));
    ws.within(b, () => {
      expect(service.getScriptLock().tryLock(0)).toBe(false);
      expect(() => service.getScriptLock().waitLock(0)).toThrow(LOCK_TIMEOUT_MESSAGE);
    });
  });

  // Source: public live-test suite (gas-fakes), run against live Apps Script.
  test('a negative timeout never takes the lock: tryLock(-1) is false, waitLock(-1) throws the lock timeout (gas-fakes live suite)', () => {
    const { ws, service, a } = setup();
    ws.within(a, () => {
      const lock = service.getScriptLock();
      expect(lock.tryLock(-1)).toBe(false);
      expect(lock.hasLock()).toBe(false);
      expect(() => lock.waitLock(-1)).toThrow(
        'Lock timeout: another process was holding the lock for too long.',
      );
      expect(lock.hasLock()).toBe(false);
    });
    expect(LockService._isHeld(ws, SCRIPT_LOCK)).toBe(false);
  });

  test('releaseLock frees the lock for the next execution, and the release is observable', () => {
    const { ws, service, a, b } = setup();
    const released: string[] = [];
    LockService._onRelease(ws, (resource, holder) => released.push(`${resource}#${holder.id}`));
    ws.within(a, () => service.getScriptLock().waitLock(1000));
    const before = LockService._releaseCount(ws, SCRIPT_LOCK);
    ws.within(a, () => service.getScriptLock().releaseLock());
    expect(LockService._releaseCount(ws, SCRIPT_LOCK)).toBe(before + 1);
    expect(released).toEqual([`script#${a.id}`]);
    expect(LockService._isHeld(ws, SCRIPT_LOCK)).toBe(false);
    // The scheduler's retry of b's blocked call now succeeds.
    expect(ws.within(b, () => service.getScriptLock().tryLock(1000))).toBe(true);
  });

  test('releaseLock has no effect when the caller does not hold the lock', () => {
    const { ws, service, a, b } = setup();
    ws.within(a, () => service.getScriptLock().waitLock(1000));
    ws.within(b, () => service.getScriptLock().releaseLock());
    expect(LockService._holder(ws, SCRIPT_LOCK)).toBe(a);
  });

  test('locks are released automatically when the execution ends (hook registered once)', () => {
    const { ws, a, b } = setup();
    // Several service instances must not register several end hooks.
    const services = [new LockService(ws), new LockService(ws), new LockService(ws)];
    const released: string[] = [];
    LockService._onRelease(ws, (resource) => released.push(resource));
    ws.within(a, () => {
      services[0].getScriptLock().waitLock(1000);
      services[1].getUserLock().waitLock(1000);
    });
    ws.endExecution(a, undefined);
    expect(released.sort()).toEqual([SCRIPT_LOCK, userLockKey(ws.owner)].sort());
    expect(ws.within(b, () => services[2].getScriptLock().tryLock(0))).toBe(true);
  });

  test('an execution that ended with an error also releases its locks', () => {
    const { ws, service, a, b } = setup();
    ws.within(a, () => service.getScriptLock().waitLock(1000));
    ws.endExecution(a, new Error('boom'));
    expect(ws.within(b, () => service.getScriptLock().tryLock(0))).toBe(true);
  });

  test('getUserLock is per effective user: two users do not exclude each other', () => {
    const ws = new Workspace({ now: T0 });
    const service = new LockService(ws);
    const alice = ws.startExecution('f', 'manual', { effectiveUser: 'alice@example.cn' });
    const bob = ws.startExecution('f', 'manual', { effectiveUser: 'bob@example.cn' });
    const alice2 = ws.startExecution('f', 'manual', { effectiveUser: 'alice@example.cn' });
    expect(ws.within(alice, () => service.getUserLock().tryLock(0))).toBe(true);
    expect(ws.within(bob, () => service.getUserLock().tryLock(0))).toBe(true);
    expect(ws.within(alice2, () => service.getUserLock().tryLock(0))).toBe(false);
  });

  test('the script lock and the document lock are different locks', () => {
    const { ws, service, a, b } = setup();
    ws.within(a, () => service.getScriptLock().waitLock(1000));
    expect(ws.within(b, () => service.getDocumentLock().tryLock(0))).toBe(true);
  });

  test('getDocumentLock returns null for a standalone script', () => {
    const { ws, service, a } = setup();
    expect(ws.within(a, () => service.getDocumentLock())).not.toBeNull();
    LockService._setContainer(ws, null);
    expect(ws.within(a, () => service.getDocumentLock())).toBeNull();
  });
});
