/**
 * The emulated LockService. A lock is held by an Execution; the registry lives in
 * `ws.state('LockService.locks')` so every LockService / Lock instance of the workspace shares it.
 *
 * Contention is not resolved here: a call that would have to wait throws `WouldBlock` and the
 * scheduler (which owns simulated time and the interleaving of executions) either retries the same
 * call once the resource is released, or — when the timeout passes first — resumes the script with
 * `lockTimeoutOutcome(...)`. Fidelity notes: docs/fidelity/triggers-and-locks.md.
 */
import { WouldBlock, type Execution, type Faithful, type Workspace } from './core';

/** Apps Script's text when waitLock gives up. */
export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

export type LockMethod = 'tryLock' | 'waitLock';
export type LockTimeoutOutcome = { value: false } | { error: string };

/**
 * What the blocked call must produce once its timeout elapses in simulated time:
 * tryLock returns false, waitLock throws `new Error(LOCK_TIMEOUT_MESSAGE)`.
 */
export function lockTimeoutOutcome(method: LockMethod): LockTimeoutOutcome {
  return method === 'tryLock' ? { value: false } : { error: LOCK_TIMEOUT_MESSAGE };
}

/**
 * The same, read off a caught WouldBlock thrown by this service: its timeoutMessage is '' for
 * tryLock ("return false") and LOCK_TIMEOUT_MESSAGE for waitLock ("throw this").
 */
export function lockTimeoutOutcomeOf(block: WouldBlock): LockTimeoutOutcome {
  return block.timeoutMessage === '' ? { value: false } : { error: block.timeoutMessage };
}

export type LockReleaseListener = (resource: string, previousHolder: Execution) => void;

interface LockRegistry {
  /** resource key → the execution holding it. */
  holders: Map<string, Execution>;
  /** resource key → how many times it has been released (a cheap "has it changed?" check). */
  releases: Map<string, number>;
  listeners: Set<LockReleaseListener>;
  /** The container document's id for getDocumentLock(); null for a standalone script. */
  containerId: string | null;
}

/** The default container: the script is bound to the campaign spreadsheet. */
export const DEFAULT_CONTAINER_ID = 'bound-container';

export const SCRIPT_LOCK = 'script';
export const documentLockKey = (containerId: string): string => `document:${containerId}`;
export const userLockKey = (user: string): string => `user:${user}`;

function registry(ws: Workspace): LockRegistry {
  return ws.state<LockRegistry>('LockService.locks', () => {
    const created: LockRegistry = {
      holders: new Map(),
      releases: new Map(),
      listeners: new Set(),
      containerId: DEFAULT_CONTAINER_ID,
    };
    // Registered inside the state initialiser, which runs once per workspace: the end hook can
    // never be installed twice however many LockService instances exist.
    ws.onExecutionEnd((execution) => {
      for (const [resource, holder] of [...created.holders]) {
        if (holder === execution) release(created, resource);
      }
    });
    return created;
  });
}

function release(reg: LockRegistry, resource: string): void {
  const holder = reg.holders.get(resource);
  if (!holder) return;
  reg.holders.delete(resource);
  reg.releases.set(resource, (reg.releases.get(resource) ?? 0) + 1);
  for (const listener of [...reg.listeners]) listener(resource, holder);
}

function timeoutArg(value: number, method: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new Error(
      `The parameters (${typeof value}) don't match the method signature for ${method}.`,
    );
  }
  // No upper cap is documented; a wait longer than the 6-minute execution limit ends with the
  // execution being killed, which is the scheduler's business.
  return Math.max(0, Math.floor(value));
}

export class Lock implements Faithful<
  GoogleAppsScript.Lock.Lock,
  'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'
> {
  static readonly gasName = 'LockService.Lock';

  constructor(
    private readonly ws: Workspace,
    private readonly resource: string,
  ) {}

  /** Acquires when free or already ours; otherwise the holder, if it is still running. */
  private acquire(): Execution | null {
    const reg = registry(this.ws);
    const me = this.ws.execution();
    const holder = reg.holders.get(this.resource);
    if (holder && holder !== me && holder.endedAt === null) return holder;
    reg.holders.set(this.resource, me);
    return null;
  }

  tryLock(timeoutInMillis: number): boolean {
    const timeout = timeoutArg(timeoutInMillis, 'Lock.tryLock');
    // Live Apps Script (public live-test suite, gas-fakes): a negative timeout never acquires.
    if (timeoutInMillis < 0) return false;
    if (this.acquire() === null) return true;
    if (timeout === 0) return false;
    throw new WouldBlock(this.resource, timeout, '');
  }

  waitLock(timeoutInMillis: number): void {
    const timeout = timeoutArg(timeoutInMillis, 'Lock.waitLock');
    if (timeoutInMillis < 0) throw new Error(LOCK_TIMEOUT_MESSAGE);
    if (this.acquire() === null) return;
    if (timeout === 0) throw new Error(LOCK_TIMEOUT_MESSAGE);
    throw new WouldBlock(this.resource, timeout, LOCK_TIMEOUT_MESSAGE);
  }

  hasLock(): boolean {
    return registry(this.ws).holders.get(this.resource) === this.ws.execution();
  }

  /** "This method has no effect if the lock has not been acquired." */
  releaseLock(): void {
    const reg = registry(this.ws);
    if (reg.holders.get(this.resource) === this.ws.execution()) release(reg, this.resource);
  }

  /** The registry key of this lock ('script', 'document:<id>', 'user:<email>'). */
  _resource(): string {
    return this.resource;
  }
}

export class LockService implements Faithful<
  GoogleAppsScript.Lock.LockService,
  'getScriptLock' | 'getDocumentLock' | 'getUserLock'
> {
  static readonly gasName = 'LockService';

  constructor(private readonly ws: Workspace) {
    registry(ws);
  }

  getScriptLock(): Lock {
    return new Lock(this.ws, SCRIPT_LOCK);
  }

  /** Null outside a container-bound script (see `_setContainer`). */
  getDocumentLock(): Lock {
    const containerId = registry(this.ws).containerId;
    // The @types signature says Lock, but Apps Script documents null for standalone scripts.
    if (containerId === null) return null as unknown as Lock;
    return new Lock(this.ws, documentLockKey(containerId));
  }

  getUserLock(): Lock {
    return new Lock(this.ws, userLockKey(this.ws.execution().effectiveUser));
  }

  // ---- host API ---------------------------------------------------------------------------

  /** Which document getDocumentLock() is scoped to; null makes the script standalone. */
  static _setContainer(ws: Workspace, containerId: string | null): void {
    registry(ws).containerId = containerId;
  }

  static _isHeld(ws: Workspace, resource: string): boolean {
    return LockService._holder(ws, resource) !== null;
  }

  /** The execution holding `resource`, or null. */
  static _holder(ws: Workspace, resource: string): Execution | null {
    const holder = registry(ws).holders.get(resource);
    return holder && holder.endedAt === null ? holder : null;
  }

  /** How many times `resource` has been released so far (compare before/after to detect one). */
  static _releaseCount(ws: Workspace, resource: string): number {
    return registry(ws).releases.get(resource) ?? 0;
  }

  /**
   * Calls `listener(resource, previousHolder)` synchronously on every release (releaseLock or
   * execution end). Listeners should only record the fact (e.g. mark waiters runnable), not run
   * script code from inside the callback. Returns an unsubscribe function.
   */
  static _onRelease(ws: Workspace, listener: LockReleaseListener): () => void {
    const reg = registry(ws);
    reg.listeners.add(listener);
    return () => reg.listeners.delete(listener);
  }

  /**
   * Releases every lock `execution` holds. A Ui dialog does this: "LockService locks don't persist
   * across the suspension" — https://developers.google.com/apps-script/reference/base/ui#alert(String)
   */
  static _releaseAllOf(ws: Workspace, execution: Execution): void {
    const reg = registry(ws);
    for (const [resource, holder] of [...reg.holders]) {
      if (holder === execution) release(reg, resource);
    }
  }

  /** Resources currently held, with their holders. */
  static _held(ws: Workspace): { resource: string; holder: Execution }[] {
    return [...registry(ws).holders]
      .filter(([, holder]) => holder.endedAt === null)
      .map(([resource, holder]) => ({ resource, holder }));
  }
}
