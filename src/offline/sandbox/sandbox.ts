import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { Execution, TriggerKind, Workspace } from '../emulator/core';
import { WouldBlock } from '../emulator/core';
import {
  Membrane,
  type Encoded,
  type SandboxReply,
  type SandboxRequest,
} from '../emulator/membrane';
import { projectRoot } from '../project-root';

/** What the caller asks to run: one handler call, i.e. one Apps Script execution. */
export interface RunSpec {
  handler: string;
  trigger: TriggerKind;
  /** The event object; may hold fake service objects (e.g. `range`), converted at the boundary. */
  event?: unknown;
  /** The account the execution runs as (trigger owner / the person who clicked). */
  effectiveUser?: string;
  /** The person at the keyboard ('' for time-driven triggers). */
  activeUser?: string;
}

export interface RunResult {
  execution: Execution;
  ok: boolean;
  error?: string;
  /** The handler's return value, converted to host values. */
  value?: unknown;
}

type Runtime = { invoke(handler: string, event: Encoded | undefined): Encoded };

export function readRuntimeSource(): string {
  return fs.readFileSync(path.join(projectRoot(), 'src/offline/sandbox/runtime.js'), 'utf8');
}

/** What a lock timeout resolves to, per blocking method (see lock-service.ts). */
export type BlockedOutcome = (method: string) => { value: unknown } | { error: string };

const defaultBlockedOutcome: BlockedOutcome = (method) =>
  method === 'tryLock'
    ? { value: false }
    : { error: 'Lock timeout: another process was holding the lock for too long.' };

/**
 * Runs dist/Code.js the way Apps Script does: a fresh global scope per execution holding only the
 * Apps Script services, `console` and a simulated `Date`. Node's globals (require, process,
 * setTimeout, Buffer, URL, TextEncoder, fetch, …) simply do not exist in that scope.
 */
export class Sandbox {
  private readonly script: vm.Script;
  private readonly runtimeSource: string;

  constructor(
    readonly ws: Workspace,
    /** The service globals, by name: { SpreadsheetApp, MailApp, … } */
    private readonly services: Record<string, object>,
    readonly code: string,
    private readonly blockedOutcome: BlockedOutcome = defaultBlockedOutcome,
  ) {
    this.script = new vm.Script(code, { filename: 'Code.js' });
    this.runtimeSource = readRuntimeSource();
  }

  static fromBundle(ws: Workspace, services: Record<string, object>, bundlePath?: string) {
    const file = bundlePath ?? path.join(projectRoot(), 'dist/Code.js');
    return new Sandbox(ws, services, fs.readFileSync(file, 'utf8'));
  }

  /** One execution, in this thread, to completion. */
  run(spec: RunSpec): RunResult {
    const execution = this.ws.startExecution(spec.handler, spec.trigger, spec);
    const membrane = new Membrane(this.ws, execution, this.services);
    const context = vm.createContext({}, { name: `execution ${execution.id}` });
    const hostCall = (request: SandboxRequest): SandboxReply => {
      try {
        return membrane.serve(request);
      } catch (error) {
        // Inline there is nobody else to wait for: a held lock can only be a stale one, so the
        // wait runs into its timeout, as it would in Apps Script.
        if (!(error instanceof WouldBlock)) throw error;
        this.ws.clock.advance(error.timeoutMs);
        const outcome = this.blockedOutcome(request.op === 'call' ? request.m : '');
        return 'error' in outcome
          ? membrane.fail(new Error(outcome.error))
          : { now: this.ws.now(), v: membrane.encode(outcome.value) };
      }
    };
    let failure: unknown = undefined;
    let value: unknown;
    try {
      const boot = vm.runInContext(this.runtimeSource, context, { filename: 'runtime.js' }) as (
        call: typeof hostCall,
        services: unknown,
        now: number,
      ) => Runtime;
      const runtime = boot(hostCall, membrane.describeServices(), this.ws.now());
      this.script.runInContext(context);
      const event = spec.event === undefined ? undefined : membrane.encode(spec.event);
      value = membrane.decode(runtime.invoke(spec.handler, event));
    } catch (error) {
      failure = error;
    }
    this.ws.endExecution(execution, failure);
    const ok = failure === undefined && execution.killed === null;
    return {
      execution,
      ok,
      ...(ok
        ? { value }
        : { error: failure === undefined ? String(execution.killed) : describeError(failure) }),
    };
  }
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const e = error as { name?: string; message: string; stack?: string };
    return e.stack ?? `${e.name ?? 'Error'}: ${e.message}`;
  }
  return String(error);
}
