import * as path from 'node:path';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { SeededRandom, WouldBlock, type Execution, type Workspace } from '../emulator/core';
import {
  Membrane,
  type Encoded,
  type SandboxReply,
  type SandboxRequest,
} from '../emulator/membrane';
import { projectRoot } from '../project-root';
import {
  describeError,
  readRuntimeSource,
  type BlockedOutcome,
  type RunResult,
  type RunSpec,
} from './sandbox';

type WorkerMessage =
  SandboxRequest | { op: 'ready' } | { op: 'done'; ok: boolean; value?: Encoded; error?: string };

interface Running {
  spec: RunSpec;
  execution: Execution;
  membrane: Membrane;
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  seen: number;
  pending: WorkerMessage | null;
  /** Set while the pending call waits for a lock: the simulated moment it times out. */
  blockedUntil: number | null;
  /**
   * The execution's own time: when its pending call is made. Each execution's calls take their
   * latency on its own timeline; the scheduler serves the earliest first.
   */
  readyAt: number;
  parked: boolean;
  result: RunResult | null;
}

/**
 * Executions that start later in simulated time: when the clock reaches `at`, `start` runs on the
 * host (e.g. a respondent submits a form) and the executions it returns start then.
 */
export interface LaterStart {
  at: number;
  start: () => RunSpec[];
}

/**
 * "Simultaneous executions per user: 30"
 * (https://developers.google.com/apps-script/guides/services/quotas). What Google does with the
 * 31st is not documented: the pessimistic reading is emulated — it fails to start (it is not
 * queued), and like every failed trigger execution it is never retried.
 */
export const SIMULTANEOUS_EXECUTIONS_PER_USER = 30;
/** Emulator text: Google's own message for an execution refused by that cap is not known. */
export const TOO_MANY_EXECUTIONS =
  'Too many simultaneous executions: 30 of this user are already running (emulator text).';

export interface ConcurrencyOptions {
  /** Seed of the interleaving: the same seed gives the same schedule. */
  seed: number;
  /** Executions that start later, in simulated time (any order). */
  arrivals?: LaterStart[];
  /** Chance, at each service-call boundary, that another execution runs next (default 0.5). */
  switchProbability?: number;
  blockedOutcome?: BlockedOutcome;
}

const WORKER_SILENCE_LIMIT_MS = 20000;

/**
 * Runs several executions at once, as Apps Script does when triggers fire together. Exactly one
 * execution runs at any moment; at every service-call boundary a seeded choice decides which one
 * continues — so another execution can start or resume between any two calls of a running one.
 * A call that waits for a lock held by another execution parks until the holder releases it, or
 * until its timeout passes in simulated time. `options.arrivals` start later in simulated time; an
 * execution that would be the 31st running of its user fails to start (see TOO_MANY_EXECUTIONS).
 * Results come in start order: `specs` first, then the arrivals' executions.
 */
export function runConcurrently(
  ws: Workspace,
  services: Record<string, object>,
  code: string,
  specs: RunSpec[],
  options: ConcurrencyOptions,
): RunResult[] {
  const random = new SeededRandom(options.seed);
  const switchProbability = options.switchProbability ?? 0.5;
  const blockedOutcome: BlockedOutcome =
    options.blockedOutcome ??
    ((method) =>
      method === 'tryLock'
        ? { value: false }
        : { error: 'Lock timeout: another process was holding the lock for too long.' });
  const runtimeSource = readRuntimeSource();
  const workerFile = path.join(projectRoot(), 'src/offline/sandbox/worker.cjs');

  const runs: Running[] = [];
  /** In start order; a run's slot is filled when it finishes. */
  const results: RunResult[] = [];
  const resultAt = new Map<Running, number>();
  const userOf = (spec: RunSpec) => spec.effectiveUser ?? ws.owner;
  /** Starts one execution now, or records that it could not start (the per-user cap). */
  const start = (spec: RunSpec): void => {
    const user = userOf(spec);
    const running = runs.filter((r) => r.result === null && userOf(r.spec) === user).length;
    const execution = ws.startExecution(spec.handler, spec.trigger, spec);
    if (running >= SIMULTANEOUS_EXECUTIONS_PER_USER) {
      const error = new Error(TOO_MANY_EXECUTIONS);
      ws.endExecution(execution, error);
      results.push({ execution, ok: false, error: TOO_MANY_EXECUTIONS });
      return;
    }
    const membrane = new Membrane(ws, execution, services);
    const channel = new MessageChannel();
    const buffer = new SharedArrayBuffer(8);
    const event = spec.event === undefined ? undefined : membrane.encode(spec.event);
    const worker = new Worker(workerFile, {
      workerData: {
        port: channel.port2,
        signal: buffer,
        runtimeSource,
        code,
        services: membrane.describeServices(),
        now: ws.now(),
        handler: spec.handler,
        event,
      },
      transferList: [channel.port2],
    });
    const run: Running = {
      spec,
      execution,
      membrane,
      worker,
      port: channel.port1,
      signal: new Int32Array(buffer),
      seen: 0,
      pending: null,
      blockedUntil: null,
      readyAt: ws.now(),
      parked: false,
      result: null,
    };
    runs.push(run);
    results.push(null as unknown as RunResult);
    resultAt.set(run, results.length - 1);
    run.pending = nextMessage(run);
  };
  const arrivals = [...(options.arrivals ?? [])].sort((a, b) => a.at - b.at);
  /** Starts every arrival whose moment has come. */
  const arrive = (): void => {
    while (arrivals.length > 0 && arrivals[0].at <= ws.now()) {
      const arrival = arrivals.shift() as LaterStart;
      for (const spec of arrival.start()) start(spec);
    }
  };

  const nextMessage = (run: Running): WorkerMessage => {
    for (;;) {
      const received = receiveMessageOnPort(run.port);
      if (received) {
        run.seen += 1;
        return received.message as WorkerMessage;
      }
      // The doorbell may ring a moment before the message is readable: wait, then look again.
      const outcome = Atomics.wait(run.signal, 1, run.seen, WORKER_SILENCE_LIMIT_MS);
      if (outcome === 'timed-out') {
        const late = receiveMessageOnPort(run.port);
        if (!late) throw new Error(`sandbox worker for ${run.spec.handler} stopped answering`);
        run.seen += 1;
        return late.message as WorkerMessage;
      }
    }
  };
  const reply = (run: Running, answer: SandboxReply): void => {
    run.port.postMessage(answer);
    Atomics.store(run.signal, 0, 1);
    Atomics.notify(run.signal, 0);
    const message = nextMessage(run);
    if (message.op === 'done') finish(run, message);
    else run.pending = message;
  };
  const finish = (run: Running, message: Extract<WorkerMessage, { op: 'done' }>): void => {
    run.pending = null;
    const failure = message.ok ? undefined : new Error(message.error ?? 'failed');
    ws.endExecution(run.execution, failure);
    // It ended on its own timeline (the shared clock is at the start of its last call).
    run.execution.endedAt = Math.max(run.execution.endedAt ?? 0, run.readyAt);
    const ok = message.ok && run.execution.killed === null;
    run.result = {
      execution: run.execution,
      ok,
      ...(ok
        ? { value: run.membrane.decode(message.value ?? null) }
        : { error: message.error ?? String(run.execution.killed) }),
    };
    void run.worker.terminate();
    // The holder may have released a lock by ending: parked calls may try again.
    for (const other of runs) other.parked = false;
  };

  const timeOut = (run: Running): void => {
    const request = run.pending as SandboxRequest;
    const outcome = blockedOutcome(request.op === 'call' ? request.m : '');
    run.parked = false;
    run.blockedUntil = null;
    run.readyAt = Math.max(run.readyAt, ws.now());
    const answer =
      'error' in outcome
        ? run.membrane.fail(new Error(outcome.error))
        : { now: ws.now(), v: run.membrane.encode(outcome.value) };
    reply(run, { ...answer, now: run.readyAt });
  };
  /** Serves a call at the run's own time; its latency moves the run's time, not the clock. */
  const serve = (run: Running, message: SandboxRequest): SandboxReply => {
    let spent = 0;
    ws.clock.divert = (ms) => {
      spent += ms;
    };
    try {
      return run.membrane.serve(message);
    } finally {
      ws.clock.divert = null;
      run.readyAt = ws.now() + spent;
    }
  };

  try {
    for (const spec of specs) start(spec);
    let current: Running | null = null;
    for (;;) {
      arrive();
      const live = runs.filter((run) => run.result === null);
      const runnable = live.filter((run) => !run.parked);
      const parked = live.filter((run) => run.parked);
      // The next thing to happen in simulated time: a call (at its run's own time), a lock wait
      // timing out, or a later execution starting — the earliest first.
      const nextCall = runnable.length
        ? Math.min(...runnable.map((r) => Math.max(r.readyAt, ws.now())))
        : Infinity;
      const waiting = parked.length
        ? parked.reduce((a, b) => ((a.blockedUntil ?? 0) <= (b.blockedUntil ?? 0) ? a : b))
        : null;
      const nextTimeout = waiting ? (waiting.blockedUntil ?? ws.now()) : Infinity;
      const nextArrival = arrivals.length ? arrivals[0].at : Infinity;
      if (live.length === 0 && arrivals.length === 0) break;
      if (nextArrival < nextCall && nextArrival <= nextTimeout) {
        ws.clock.set(Math.max(ws.now(), nextArrival));
        continue;
      }
      if (waiting && nextTimeout < nextCall) {
        if (nextTimeout > ws.now()) ws.clock.set(nextTimeout);
        timeOut(waiting);
        continue;
      }
      // Among the calls due at that moment (all of them when calls take no time), a seeded
      // choice: the same seed gives the same interleaving.
      const due = runnable.filter((r) => Math.max(r.readyAt, ws.now()) === nextCall);
      const stay = current !== null && due.includes(current) && random.next() >= switchProbability;
      const run: Running = stay && current ? current : due[random.int(0, due.length)];
      current = run;
      if (nextCall > ws.now()) ws.clock.set(nextCall);
      run.readyAt = ws.now();
      const message = run.pending as WorkerMessage;
      if (message.op === 'ready') {
        reply(run, { now: run.readyAt });
        continue;
      }
      if (message.op === 'done')
        throw new Error('emulator bug: a finished execution was scheduled');
      let answer: SandboxReply;
      try {
        answer = serve(run, message);
      } catch (error) {
        if (!(error instanceof WouldBlock)) throw error;
        run.blockedUntil ??= ws.now() + error.timeoutMs;
        if (ws.now() >= run.blockedUntil) {
          // The holder kept the lock past this call's wait (while the clock moved on).
          timeOut(run);
          continue;
        }
        run.parked = true;
        continue;
      }
      run.blockedUntil = null;
      reply(run, { ...answer, now: run.readyAt });
      for (const other of runs) other.parked = false;
    }
  } catch (error) {
    for (const run of runs) void run.worker.terminate();
    throw new Error(`concurrent run failed: ${describeError(error)}`, { cause: error });
  }
  for (const run of runs) results[resultAt.get(run) as number] = run.result as RunResult;
  return results;
}
