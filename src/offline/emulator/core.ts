/**
 * The shared kernel of the offline Google Workspace.
 *
 * Conventions every fake follows (so that the sandbox membrane can expose it to the script):
 * - A class the script can see has `static readonly gasName = 'Service.Class'` (e.g.
 *   'SpreadsheetApp.Range'); a service global has the bare service name ('MailApp'). Calls are
 *   counted under `${gasName}.${method}` — the names in run-log.jsonl and the benchmark.
 * - Every public method whose name does not start with `_` is visible to the script. Host-only
 *   helpers (for the rehearsal, exporters, tests) start with `_` and are never exposed.
 * - Non-method data the script reads on a global (enums such as `MimeType.PDF`) is declared in
 *   `static readonly gasEnums`, plain data only.
 * - A fake is typed against @types/google-apps-script with `Faithful<GasType, 'method' | …>`:
 *   parameters must match Apps Script exactly; a returned Apps Script object may be any fake.
 * - Apps Script's own error texts are used verbatim where documented.
 */

export type Plain = string | number | boolean | null | undefined | void | Date;

type Loose<R> = R extends Plain
  ? R
  : R extends readonly (infer E)[]
    ? Loose<E>[]
    : R extends object
      ? object
      : R;

/** The methods K of Apps Script type T, with exact parameters and loosened object returns. */
export type Faithful<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => Loose<R> : T[P];
};

/**
 * What a fake returns from a method @types declares `void` but live Apps Script answers with
 * `null` (e.g. Cache.put — public live-test suite, gas-fakes). Typed `void` to stay Faithful<>.
 */
export const RETURNS_NULL = null as unknown as void;

/** Thrown by a fake when the call must wait for another execution (a held lock). */
export class WouldBlock extends Error {
  constructor(
    readonly resource: string,
    readonly timeoutMs: number,
    readonly timeoutMessage: string,
  ) {
    super(`would block on ${resource}`);
  }
}

/** Thrown into a running execution when Apps Script would kill it. */
export class ExecutionKilled extends Error {}

export interface LogRecord {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
  /** The parsed object when the text is JSON (the script's structured records). */
  json?: unknown;
}

export type TriggerKind =
  | 'time'
  | 'spreadsheet'
  | 'form'
  | 'simple'
  | 'menu'
  | 'manual'
  /** A visit of the web app (doGet). */
  | 'web';

/** One run of one handler: Apps Script's unit of quota, locking and logging. */
export class Execution {
  readonly counts: Record<string, number> = {};
  readonly logs: LogRecord[] = [];
  mailRecipients = 0;
  startedAt: number;
  endedAt: number | null = null;
  ok: boolean | null = null;
  error: string | null = null;
  /** Apps Script service calls so far (all services). */
  calls = 0;
  /** Set when Apps Script would have terminated the run (the 6-minute limit). */
  killed: string | null = null;

  constructor(
    readonly id: number,
    readonly handler: string,
    readonly trigger: TriggerKind,
    /** The user the script runs as (trigger owner, or the person who clicked). */
    readonly effectiveUser: string,
    /** The person at the keyboard, when Apps Script would know it ('' otherwise). */
    readonly activeUser: string,
    now: number,
  ) {
    this.startedAt = now;
  }

  count(name: string): void {
    this.counts[name] = (this.counts[name] ?? 0) + 1;
    this.calls += 1;
  }
}

/** Simulated wall clock shared by the emulator and the sandbox's `Date`. */
export class SimClock {
  constructor(private nowMs: number) {}
  now(): number {
    return this.nowMs;
  }
  set(ms: number): void {
    if (ms < this.nowMs)
      throw new Error(`the simulated clock cannot go back (${ms} < ${this.nowMs})`);
    this.nowMs = ms;
  }
  /**
   * While set, time that a call spends goes to this sink instead of the shared clock: the
   * concurrent runner charges it to the execution that made the call, so that simultaneous
   * executions overlap in simulated time instead of adding up.
   */
  divert: ((ms: number) => void) | null = null;
  advance(ms: number): void {
    if (this.divert) this.divert(ms);
    else this.nowMs += ms;
  }
}

/** Deterministic PRNG (mulberry32): trigger minutes and interleavings depend only on the seed. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(minInclusive: number, maxExclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxExclusive - minInclusive));
  }
}

/**
 * The account the script runs in: the time zone of the script project, the owner, quotas.
 * Individual services keep their own state; this is what they share.
 */
export interface WorkspaceOptions {
  now: number;
  seed?: number;
  /** The script project's time zone (appsscript.json). */
  timeZone?: string;
  /** The account that owns the script and its triggers. */
  owner?: string;
  /** Email recipients per day (100 consumer, 1500 Workspace). */
  mailDailyQuota?: number;
  /** Simulated milliseconds each service call takes (advances the clock inside an execution). */
  callLatencyMs?: (name: string) => number;
  /**
   * Share of service calls (0–1) that fail transiently with one of Google's error texts, drawn
   * from its own seeded stream so that other randomness (jitter, interleaving) is unchanged.
   */
  faultRate?: number;
  /**
   * Whose identity Apps Script reveals to the script (Session.getActiveUser, an edit event's
   * e.user). 'workspace' (default): people of the owner's domain and the owner; 'consumer': the
   * owner only (a gmail.com-style account shows nobody else).
   */
  accountType?: 'workspace' | 'consumer';
}

export class Workspace {
  readonly clock: SimClock;
  readonly random: SeededRandom;
  readonly timeZone: string;
  readonly owner: string;
  readonly mailDailyQuota: number;
  readonly callLatencyMs: (name: string) => number;
  readonly faultRate: number;
  readonly faults: SeededRandom;
  readonly accountType: 'workspace' | 'consumer';
  private current: Execution | null = null;
  private nextExecutionId = 1;
  /** Every execution ever started, in start order. */
  readonly executions: Execution[] = [];
  /** Per-service state, created lazily by the services themselves (see `state`). */
  private readonly states = new Map<string, unknown>();

  constructor(options: WorkspaceOptions) {
    this.clock = new SimClock(options.now);
    this.random = new SeededRandom(options.seed ?? 1);
    this.timeZone = options.timeZone ?? 'Asia/Shanghai';
    this.owner = options.owner ?? 'admin@example.cn';
    this.mailDailyQuota = options.mailDailyQuota ?? 1500;
    this.callLatencyMs = options.callLatencyMs ?? (() => 0);
    this.faultRate = options.faultRate ?? 0;
    this.faults = new SeededRandom((options.seed ?? 1) * 7919 + 17);
    this.accountType = options.accountType ?? 'workspace';
  }

  /**
   * The address Apps Script shows the script for a person, or '' where it hides it. Reference
   * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()): the email
   * "is not available in any context that allows a script to run without that user's
   * authorization … However, these restrictions generally do not apply if the developer runs the
   * script themselves or belongs to the same Google Workspace domain as the user."
   */
  visibleIdentity(email: string): string {
    if (!email || email === this.owner) return email;
    if (this.accountType === 'consumer') return '';
    const domain = (e: string) => e.slice(e.lastIndexOf('@') + 1).toLowerCase();
    return domain(email) === domain(this.owner) ? email : '';
  }

  /** Host: failures the next calls of a method get, whatever faultRate says (see failNext). */
  private readonly scripted = new Map<string, string[]>();

  /**
   * Host (tests): the next `times` calls of `method` ('FormApp.openById', 'DriveApp.getFileById',
   * …) fail with `message` and do nothing, as a transient failure of Google's would.
   */
  failNext(method: string, message: string, times = 1): void {
    this.scripted.set(method, [
      ...(this.scripted.get(method) ?? []),
      ...Array<string>(times).fill(message),
    ]);
  }

  /** The scripted failure for this call of `method`, consumed; null when none is left. */
  takeScriptedFault(method: string): string | null {
    const queue = this.scripted.get(method);
    return queue && queue.length ? (queue.shift() as string) : null;
  }

  /** State shared by all instances of one service (e.g. the outbox), created on first use. */
  state<T>(key: string, create: () => T): T {
    if (!this.states.has(key)) this.states.set(key, create());
    return this.states.get(key) as T;
  }

  now(): number {
    return this.clock.now();
  }

  startExecution(
    handler: string,
    trigger: TriggerKind,
    options: { effectiveUser?: string; activeUser?: string } = {},
  ): Execution {
    const execution = new Execution(
      this.nextExecutionId++,
      handler,
      trigger,
      options.effectiveUser ?? this.owner,
      options.activeUser ?? '',
      this.clock.now(),
    );
    this.executions.push(execution);
    return execution;
  }

  /** The execution whose service call is being served right now. */
  execution(): Execution {
    if (!this.current) throw new Error('no Apps Script execution is running (host-side call?)');
    return this.current;
  }

  hasExecution(): boolean {
    return this.current !== null;
  }

  /** Runs fn as `execution` (the membrane calls this around every service call). */
  within<T>(execution: Execution | null, fn: () => T): T {
    const previous = this.current;
    this.current = execution;
    try {
      return fn();
    } finally {
      this.current = previous;
    }
  }

  /** Hooks run when an execution ends (locks released, etc.). */
  private readonly endHooks: ((execution: Execution) => void)[] = [];
  onExecutionEnd(hook: (execution: Execution) => void): void {
    this.endHooks.push(hook);
  }
  endExecution(execution: Execution, error: unknown): void {
    execution.endedAt = this.clock.now();
    // A killed execution failed, even if the script caught the error and carried on.
    execution.ok = error === undefined && execution.killed === null;
    execution.error =
      error !== undefined ? String((error as Error)?.message ?? error) : execution.killed;
    for (const hook of this.endHooks) hook(execution);
  }

  /** Calendar day (yyyy-MM-dd) of a moment in a time zone — used for daily quotas. */
  dayKey(ms: number, timeZone = this.timeZone): string {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(ms));
  }
}

/** A service global or object class as the membrane sees it. */
export interface GasClass {
  readonly gasName: string;
  readonly gasEnums?: Record<string, unknown>;
}

export function gasNameOf(value: object): string | undefined {
  const ctor = (value as { constructor?: Partial<GasClass> }).constructor;
  return typeof ctor?.gasName === 'string' ? ctor.gasName : undefined;
}

/**
 * What String(x) gives in the script for this fake, when it is not the class's short name: a fake
 * defines a host-only `_gasDisplayName()` (live examples: the Drive root folder is 'My Drive',
 * DriveApp is 'Drive', a Doc's body is 'DocumentBodySection').
 */
export function displayNameOf(value: object): string | undefined {
  const own = (value as { _gasDisplayName?: unknown })._gasDisplayName;
  if (typeof own !== 'function') return undefined;
  const name: unknown = own.call(value);
  return typeof name === 'string' ? name : undefined;
}
