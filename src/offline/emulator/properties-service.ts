import type { Faithful, Workspace } from './core';

/** Quotas for Google Services: "Properties value size 9 KB / val". */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
/** Quotas for Google Services: "Properties total storage 500 KB / property store". */
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

type Store = Map<string, string>;

interface PropertiesState {
  script: Store;
  user: Map<string, Store>;
  document: Store;
}

function stateOf(ws: Workspace): PropertiesState {
  return ws.state<PropertiesState>('properties', () => ({
    script: new Map(),
    user: new Map(),
    document: new Map(),
  }));
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeBytes(store: Store): number {
  let total = 0;
  // Keys count towards the store size as well as values (measured by Tanaike, 2023).
  for (const [k, v] of store) total += utf8Length(k) + utf8Length(v);
  return total;
}

function requireKey(key: unknown): string {
  if (key === null || key === undefined) throw new Error('Argument cannot be null: key');
  return String(key);
}

/** One property store. Every read returns a copy, as Apps Script does. */
export class Properties implements Faithful<
  GoogleAppsScript.Properties.Properties,
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty'
> {
  static readonly gasName = 'PropertiesService.Properties';

  constructor(private readonly store: Store) {}

  getProperty(key: string): string | null {
    return this.store.get(requireKey(key)) ?? null;
  }

  setProperty(key: string, value: string): Properties {
    this._apply([[requireKey(key), value]], false);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): Properties {
    if (properties === null || typeof properties !== 'object') {
      throw new Error('Argument cannot be null: properties');
    }
    this._apply(Object.entries(properties), Boolean(deleteAllOthers));
    return this;
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  deleteProperty(key: string): Properties {
    this.store.delete(requireKey(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.store.clear();
    return this;
  }

  /** Host view for tests and the rehearsal (bytes used, as the quota counts them). */
  _bytesUsed(): number {
    return storeBytes(this.store);
  }

  /** All-or-nothing: a write that breaks a limit leaves the store as it was. */
  private _apply(entries: [string, unknown][], deleteAllOthers: boolean): void {
    const next: Store = deleteAllOthers ? new Map() : new Map(this.store);
    for (const [key, raw] of entries) {
      if (raw === null || raw === undefined) throw new Error('Argument cannot be null: value');
      // The Properties service stores everything as a string.
      const value = String(raw);
      if (utf8Length(value) > PROPERTY_VALUE_MAX_BYTES)
        throw new Error('Argument too large: value');
      next.set(key, value);
    }
    if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) throw new Error(STORE_FULL);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }
}

export class PropertiesService implements Faithful<
  GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  static readonly gasName = 'PropertiesService';

  constructor(private readonly ws: Workspace) {}

  getScriptProperties(): Properties {
    return new Properties(stateOf(this.ws).script);
  }

  /** Scoped to the user the script runs as (the trigger owner in a trigger). */
  getUserProperties(): Properties {
    const users = stateOf(this.ws).user;
    const user = this.ws.execution().effectiveUser;
    let store = users.get(user);
    if (!store) {
      store = new Map();
      users.set(user, store);
    }
    return new Properties(store);
  }

  /** The script is bound to one spreadsheet, so there is exactly one document store. */
  getDocumentProperties(): Properties {
    return new Properties(stateOf(this.ws).document);
  }

  /** Host access to a store without a running execution (rehearsal setup, tests). */
  static _store(ws: Workspace, kind: 'script' | 'document' | { user: string }): Properties {
    const state = stateOf(ws);
    if (kind === 'script') return new Properties(state.script);
    if (kind === 'document') return new Properties(state.document);
    let store = state.user.get(kind.user);
    if (!store) {
      store = new Map();
      state.user.set(kind.user, store);
    }
    return new Properties(store);
  }
}
