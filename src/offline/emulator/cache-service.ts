import { RETURNS_NULL, type Faithful, type Workspace } from './core';

/** Cache reference: "The default expiration time is 600 seconds (10 minutes)." */
export const CACHE_DEFAULT_TTL_SEC = 600;
/** "the maximum is 21600 seconds (6 hours)". */
export const CACHE_MAX_TTL_SEC = 21600;
export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
/** "The cap for cached items is 1,000": beyond it Apps Script evicts; so does the emulator. */
export const CACHE_MAX_ITEMS = 1000;

interface Entry {
  value: string;
  expiresAt: number;
  storedAt: number;
}

type Store = Map<string, Entry>;

interface CacheState {
  script: Store;
  user: Map<string, Store>;
  document: Store;
}

function stateOf(ws: Workspace): CacheState {
  return ws.state<CacheState>('cache', () => ({
    script: new Map(),
    user: new Map(),
    document: new Map(),
  }));
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined) throw new Error('Argument cannot be null: key');
  const k = String(key);
  if (k.length > CACHE_KEY_MAX_CHARS) throw new Error('Argument too large: key');
  return k;
}

/** Observed in Apps Script: any number is accepted (0, negative, above 6 h); a non-number throws. */
function ttlSeconds(raw: unknown): number {
  if (raw === undefined) return CACHE_DEFAULT_TTL_SEC;
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim() === '' ? NaN : raw);
  if (!Number.isFinite(n)) throw new Error(`Cannot convert '${String(raw)}' to int.`);
  // A zero or negative ttl still stores the entry (observed); it is kept for one second here.
  return Math.min(Math.max(Math.trunc(n), 1), CACHE_MAX_TTL_SEC);
}

export class Cache implements Faithful<
  GoogleAppsScript.Cache.Cache,
  'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'
> {
  static readonly gasName = 'CacheService.Cache';

  constructor(
    private readonly ws: Workspace,
    private readonly store: Store,
  ) {}

  get(key: string): string | null {
    const k = checkKey(key);
    const entry = this._live(k);
    return entry ? entry.value : null;
  }

  getAll(keys: string[]): { [key: string]: string } {
    const out: { [key: string]: string } = {};
    for (const key of keys) {
      const k = checkKey(key);
      const entry = this._live(k);
      if (entry) out[k] = entry.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    const k = checkKey(key);
    const ttl = ttlSeconds(expirationInSeconds);
    // Observed: a null value stores nothing (and does not throw).
    if (value !== null && value !== undefined) this._write(k, String(value), ttl);
    return RETURNS_NULL;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Apps Script signature
  putAll(values: { [key: string]: any }, expirationInSeconds?: number): void {
    const ttl = ttlSeconds(expirationInSeconds);
    const entries = Object.entries(values).map(([k, v]) => [checkKey(k), v] as const);
    for (const [, v] of entries) {
      if (v !== null && v !== undefined) this._checkValue(String(v));
    }
    for (const [k, v] of entries) {
      if (v !== null && v !== undefined) this._write(k, String(v), ttl);
    }
    return RETURNS_NULL;
  }

  remove(key: string): void {
    this.store.delete(checkKey(key));
    return RETURNS_NULL;
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.store.delete(checkKey(key));
    return RETURNS_NULL;
  }

  private _checkValue(value: string): void {
    if (Buffer.byteLength(value, 'utf8') > CACHE_VALUE_MAX_BYTES) {
      throw new Error('Argument too large: value');
    }
  }

  private _write(key: string, value: string, ttlSec: number): void {
    this._checkValue(value);
    const now = this.ws.now();
    this.store.delete(key);
    this.store.set(key, { value, expiresAt: now + ttlSec * 1000, storedAt: now });
    if (this.store.size > CACHE_MAX_ITEMS) this._evict(now);
  }

  /**
   * Measured by J. Poehnelt: past the cap the oldest-written entries go first (FIFO, about 10%
   * at once), whatever was read recently.
   */
  private _evict(now: number): void {
    for (const [k, e] of this.store) if (e.expiresAt <= now) this.store.delete(k);
    if (this.store.size <= CACHE_MAX_ITEMS) return;
    const drop = Math.ceil(CACHE_MAX_ITEMS / 10);
    let dropped = 0;
    for (const k of this.store.keys()) {
      if (dropped >= drop) break;
      this.store.delete(k);
      dropped += 1;
    }
  }

  private _live(key: string): Entry | null {
    const entry = this.store.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.ws.now()) {
      this.store.delete(key);
      return null;
    }
    return entry;
  }

  /** Host: drop every entry, as Apps Script may do at any time ("not guaranteed to persist"). */
  _evictAll(): void {
    this.store.clear();
  }
}

export class CacheService implements Faithful<
  GoogleAppsScript.Cache.CacheService,
  'getDocumentCache' | 'getScriptCache' | 'getUserCache'
> {
  static readonly gasName = 'CacheService';

  constructor(private readonly ws: Workspace) {}

  getScriptCache(): Cache {
    return new Cache(this.ws, stateOf(this.ws).script);
  }

  /** Scoped to the user the script runs as. */
  getUserCache(): Cache {
    return CacheService._cache(this.ws, { user: this.ws.execution().effectiveUser });
  }

  /** The script is bound to one spreadsheet, so a document cache always exists (never null). */
  getDocumentCache(): Cache {
    return new Cache(this.ws, stateOf(this.ws).document);
  }

  /** Host access without a running execution (tests, fault injection). */
  static _cache(ws: Workspace, kind: 'script' | 'document' | { user: string }): Cache {
    const state = stateOf(ws);
    if (kind === 'script') return new Cache(ws, state.script);
    if (kind === 'document') return new Cache(ws, state.document);
    let store = state.user.get(kind.user);
    if (!store) {
      store = new Map();
      state.user.set(kind.user, store);
    }
    return new Cache(ws, store);
  }
}
