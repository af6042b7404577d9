import {
  displayNameOf,
  ExecutionKilled,
  gasNameOf,
  WouldBlock,
  type Execution,
  type Workspace,
} from './core';
import { missingMethods } from './gas-api';

/** The wire format between the host and the sandbox runtime (see sandbox/runtime.js). */
export type Encoded =
  | string
  | number
  | boolean
  | null
  | undefined
  | Encoded[]
  | { $d: number }
  | { $h: number; $c?: string; $m?: string[]; $x?: string[]; $e?: Encoded; $s?: string }
  | { $o: Record<string, Encoded> };

export interface ServiceDescription {
  name: string;
  handle: Encoded;
  enums?: Encoded;
}

export type SandboxRequest =
  | { op: 'call'; h: number; m: string; a: Encoded; p?: Encoded }
  | { op: 'console'; level: 'log' | 'info' | 'warn' | 'error'; text: string };

export interface SandboxReply {
  now: number;
  v?: Encoded;
  e?: { name: string; message: string };
}

/**
 * The service names in Google's transient "Service error: …" messages (seen on Apps Script's issue
 * tracker, e.g. "Service error: Spreadsheets", "Service error: Drive").
 */
const TRANSIENT_SERVICE_NAMES: Record<string, string> = {
  SpreadsheetApp: 'Spreadsheets',
  DriveApp: 'Drive',
  DocumentApp: 'Documents',
  FormApp: 'Forms',
  MailApp: 'MailApp',
};

/** Apps Script kills an execution after 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

const methodCache = new Map<object, string[]>();

/** Methods of a fake the script may call: public prototype methods, not `_`-prefixed. */
export function exposedMethods(value: object): string[] {
  const proto = Object.getPrototypeOf(value) as object;
  const cached = methodCache.get(proto);
  if (cached) return cached;
  const names = new Set<string>();
  for (let p: object | null = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (name === 'constructor' || name.startsWith('_')) continue;
      const descriptor = Object.getOwnPropertyDescriptor(p, name);
      if (descriptor && typeof descriptor.value === 'function') names.add(name);
    }
  }
  const list = [...names].sort();
  methodCache.set(proto, list);
  return list;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * The host side of one execution's boundary: a handle table for the service objects the script
 * holds, value conversion, and the place where every Apps Script call is counted and timed.
 */
export class Membrane {
  private readonly objects = new Map<number, object>();
  private readonly classesSent = new Set<string>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  constructor(
    private readonly ws: Workspace,
    readonly execution: Execution,
    private readonly services: Record<string, object>,
  ) {}

  /** While describing the globals, enums travel in the description instead. */
  private describing = false;
  private readonly encodedEnums = new Map<object, Encoded>();

  private encodeEnums(enums: Record<string, unknown>): Encoded {
    let encoded = this.encodedEnums.get(enums);
    if (encoded === undefined) {
      encoded = this.encode(enums);
      this.encodedEnums.set(enums, encoded);
    }
    return encoded;
  }

  describeServices(): ServiceDescription[] {
    this.describing = true;
    try {
      return Object.entries(this.services).map(([name, service]) => {
        const enums = (service.constructor as { gasEnums?: Record<string, unknown> }).gasEnums;
        return {
          name,
          handle: this.encode(service),
          ...(enums ? { enums: this.encodeEnums(enums) } : {}),
        };
      });
    } finally {
      this.describing = false;
    }
  }

  encode(value: unknown): Encoded {
    if (value === null || value === undefined) return value;
    switch (typeof value) {
      case 'string':
      case 'number':
      case 'boolean':
        return value;
      case 'object':
        break;
      default:
        throw new Error(`emulator bug: cannot pass a ${typeof value} to the script`);
    }
    if (isDate(value)) return { $d: value.getTime() };
    if (Array.isArray(value)) return value.map((item) => this.encode(item));
    const object = value as object;
    const gasName = gasNameOf(object);
    if (gasName) {
      let id = this.ids.get(object);
      if (id === undefined) {
        id = this.nextId++;
        this.ids.set(object, id);
        this.objects.set(id, object);
      }
      // Enums a class carries (e.g. Ui.ButtonSet) travel with its handle and sit on the prototype.
      const enums = (object.constructor as { gasEnums?: Record<string, unknown> }).gasEnums;
      const methods = exposedMethods(object);
      const handle: {
        $h: number;
        $c: string;
        $m: string[];
        $x?: string[];
        $e?: Encoded;
        $s?: string;
      } = { $h: id, $c: gasName, $m: methods };
      if (enums && !this.describing) handle.$e = this.encodeEnums(enums);
      // The sandbox builds one prototype per class, so the declared-but-missing methods travel
      // once per execution (they are the long list).
      if (!this.classesSent.has(gasName)) {
        this.classesSent.add(gasName);
        const missing = missingMethods(gasName, methods);
        if (missing.length > 0) handle.$x = missing;
      }
      // String(x) in the script, when the fake says it is not the class name.
      const display = displayNameOf(object);
      if (display !== undefined) handle.$s = display;
      return handle;
    }
    if (!isPlainObject(object)) {
      throw new Error(`emulator bug: ${object.constructor?.name} has no gasName`);
    }
    const out: Record<string, Encoded> = {};
    for (const [key, item] of Object.entries(object)) out[key] = this.encode(item);
    return { $o: out };
  }

  decode(value: Encoded): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.decode(item));
    if ('$d' in value) return new Date(value.$d);
    if ('$h' in value) {
      const object = this.objects.get(value.$h);
      if (!object) throw new Error('Invalid argument: an object from another execution');
      return object;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value.$o)) out[key] = this.decode(item);
    return out;
  }

  /**
   * Serves one request from the sandbox. Throws WouldBlock (to the scheduler) when the call must
   * wait for another execution; every other failure goes back to the script as an exception.
   */
  serve(request: SandboxRequest): SandboxReply {
    if (request.op === 'console') {
      const record: { level: typeof request.level; text: string; json?: unknown } = {
        level: request.level,
        text: request.text,
      };
      if (request.text.startsWith('{')) {
        try {
          record.json = JSON.parse(request.text);
        } catch {
          // not a structured record; kept as text
        }
      }
      this.execution.logs.push(record);
      return { now: this.ws.now() };
    }
    const target = this.objects.get(request.h);
    const gasName = target && gasNameOf(target);
    if (!target || !gasName) {
      return this.fail(new Error('Invalid argument: an object from another execution'));
    }
    const name = `${gasName}.${request.m}`;
    if (!exposedMethods(target).includes(request.m)) {
      return this.fail(new TypeError(`${request.m} is not a function`));
    }
    if (
      this.execution.killed ||
      (this.execution.endedAt === null && this.elapsed() > EXECUTION_LIMIT_MS)
    ) {
      // Apps Script terminates the run: every later call fails too, and the run counts as failed.
      this.execution.killed = 'Exceeded maximum execution time';
      return this.fail(new ExecutionKilled(this.execution.killed));
    }
    const fault = this.ws.takeScriptedFault(name) ?? this.transientFault(gasName);
    if (fault) {
      this.execution.count(name);
      this.ws.clock.advance(this.ws.callLatencyMs(name));
      return this.fail(new Error(fault));
    }
    const args = this.decode(request.a) as unknown[];
    const receive = (target as { _receiveFields?: (fields: Record<string, unknown>) => void })
      ._receiveFields;
    if (request.p !== undefined && typeof receive === 'function') {
      receive.call(target, this.decode(request.p) as Record<string, unknown>);
    }
    let result: unknown;
    try {
      result = this.ws.within(this.execution, () =>
        (target as Record<string, (...a: unknown[]) => unknown>)[request.m](...args),
      );
    } catch (error) {
      if (error instanceof WouldBlock) throw error;
      this.execution.count(name);
      this.ws.clock.advance(this.ws.callLatencyMs(name));
      return this.fail(error);
    }
    this.execution.count(name);
    this.ws.clock.advance(this.ws.callLatencyMs(name));
    return { now: this.ws.now(), v: this.encode(result) };
  }

  /**
   * A seeded transient failure (environment.json `faultRate`), with the texts Google's services
   * give for one; the call then does nothing. Logging never fails this way.
   */
  private transientFault(gasName: string): string | null {
    if (this.ws.faultRate <= 0 || gasName === 'Logger') return null;
    if (this.ws.faults.next() >= this.ws.faultRate) return null;
    const service = gasName.split('.')[0];
    const texts = [
      ...(TRANSIENT_SERVICE_NAMES[service]
        ? [`Service error: ${TRANSIENT_SERVICE_NAMES[service]}`]
        : []),
      "We're sorry, a server error occurred. Please wait a bit and try again.",
    ];
    return texts[Math.floor(this.ws.faults.next() * texts.length)];
  }

  private elapsed(): number {
    return this.ws.now() - this.execution.startedAt;
  }

  fail(error: unknown): SandboxReply {
    const e = error instanceof Error ? error : new Error(String(error));
    return {
      now: this.ws.now(),
      e: { name: e instanceof TypeError ? 'TypeError' : e.name || 'Error', message: e.message },
    };
  }
}
