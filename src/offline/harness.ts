import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TriggerKind } from './emulator/core';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator/index';
import { MailApp, type SentMessage } from './emulator/mail-app';
import { ScriptApp, type TriggerDescription } from './emulator/script-app';
import type { Sheet } from './emulator/spreadsheet-app';
import { uiState, type MenuEntry } from './emulator/spreadsheet-ui';
import { User } from './emulator/user';
import { projectRoot } from './project-root';
import { runConcurrently, type ConcurrencyOptions } from './sandbox/concurrent';
import { Sandbox, type RunResult, type RunSpec } from './sandbox/sandbox';
import { lockTimeoutOutcome } from './emulator/lock-service';

export interface HarnessOptions extends EmulatorOptions {
  /** The bundle to run; default dist/Code.js. */
  bundlePath?: string;
  /** Called after every execution (the rehearsal writes run-log lines from it). */
  onRun?: (result: RunResult) => void;
}

type Cell = string | number | boolean | Date;

/**
 * A campaign spreadsheet with the bundle bound to it, driven the way people and Apps Script drive
 * it: someone opens the spreadsheet and clicks menu items, types into cells, and installed
 * triggers fire on time. Used by the end-to-end tests and by the rehearsal.
 */
export class CampaignHarness {
  readonly emulator: Emulator;
  readonly sandbox: Sandbox;
  readonly code: string;
  private readonly onRun?: (result: RunResult) => void;
  /** Clock triggers have been fired up to (and including) this moment. */
  private triggerCursor: number;

  constructor(options: HarnessOptions) {
    this.emulator = createEmulator(options);
    const file = options.bundlePath ?? path.join(projectRoot(), 'dist/Code.js');
    this.code = fs.readFileSync(file, 'utf8');
    this.sandbox = new Sandbox(this.emulator.ws, this.emulator.services, this.code, (method) =>
      lockTimeoutOutcome(method === 'tryLock' ? 'tryLock' : 'waitLock'),
    );
    this.onRun = options.onRun;
    this.triggerCursor = this.emulator.ws.now();
  }

  get ws() {
    return this.emulator.ws;
  }

  get spreadsheet() {
    return this.emulator.spreadsheet;
  }

  /** One execution of a top-level function of the bundle. */
  run(spec: RunSpec): RunResult {
    const result = this.sandbox.run(spec);
    this.onRun?.(result);
    return result;
  }

  /** Several executions at once, interleaved at service-call boundaries (seeded). */
  runTogether(specs: RunSpec[], options: ConcurrencyOptions): RunResult[] {
    const results = runConcurrently(this.ws, this.emulator.services, this.code, specs, {
      blockedOutcome: (method) => lockTimeoutOutcome(method === 'tryLock' ? 'tryLock' : 'waitLock'),
      ...options,
    });
    for (const result of results) this.onRun?.(result);
    return results;
  }

  /** A person opens the spreadsheet: the simple onOpen trigger runs as them. */
  open(user: string): RunResult {
    return this.run({
      handler: 'onOpen',
      trigger: 'simple',
      effectiveUser: user,
      activeUser: user,
      event: { source: this.spreadsheet, authMode: 'LIMITED', user: new User(user) },
    });
  }

  /** The menu items the last onOpen added: caption → handler. */
  menuItems(): { caption: string; handler: string }[] {
    const items: { caption: string; handler: string }[] = [];
    const walk = (entries: MenuEntry[]) => {
      for (const entry of entries) {
        if (entry.kind === 'item')
          items.push({ caption: entry.caption, handler: entry.functionName });
        if (entry.kind === 'subMenu') walk(entry.entries);
      }
    };
    for (const menu of uiState(this.ws).menus) walk(menu.entries);
    return items;
  }

  /** A person clicks a menu item (by handler name or caption); it runs as them. */
  clickMenu(handlerOrCaption: string, user: string): RunResult {
    const item = this.menuItems().find(
      (i) => i.handler === handlerOrCaption || i.caption === handlerOrCaption,
    );
    if (!item) {
      throw new Error(
        `no menu item "${handlerOrCaption}" (menu: ${this.menuItems()
          .map((i) => i.caption)
          .join(', ')})`,
      );
    }
    return this.run({
      handler: item.handler,
      trigger: 'menu',
      effectiveUser: user,
      activeUser: user,
    });
  }

  /** Alerts shown to people so far, oldest first. */
  alerts() {
    return uiState(this.ws).alerts;
  }

  /** Every installed trigger of every account (ghosts included). */
  triggers(): TriggerDescription[] {
    return ScriptApp._allTriggers(this.ws);
  }

  /** Fires every clock trigger due up to `until`, in time order, each as its owner. */
  fireClockTriggers(until: number): RunResult[] {
    const results: RunResult[] = [];
    for (;;) {
      let next: { at: number; trigger: TriggerDescription } | null = null;
      for (const trigger of this.triggers()) {
        if (trigger.kind !== 'clock') continue;
        const at = ScriptApp._nextFire(this.ws, trigger.id, this.triggerCursor);
        if (at !== null && at <= until && (!next || at < next.at)) next = { at, trigger };
      }
      if (!next) break;
      if (next.at > this.ws.now()) this.ws.clock.set(next.at);
      this.triggerCursor = next.at;
      results.push(
        this.run({
          handler: next.trigger.handler,
          trigger: 'time',
          effectiveUser: next.trigger.owner,
          activeUser: '',
          event: { authMode: 'FULL', triggerUid: next.trigger.id },
        }),
      );
    }
    if (until > this.triggerCursor) this.triggerCursor = until;
    if (until > this.ws.now()) this.ws.clock.set(until);
    return results;
  }

  /** Moves the clock forward without firing anything (time passes while nobody acts). */
  advanceTo(ms: number): void {
    if (ms > this.ws.now()) this.ws.clock.set(ms);
  }

  /**
   * An administrator pastes rows into a sheet (no script runs; data validation is not applied,
   * as when pasting values). `values` are typed text, coerced as Sheets coerces typed input.
   */
  paste(sheetTitle: string, topRow: number, values: Cell[][], user: string): void {
    this.asPerson(user, () => {
      const sheet = this.sheet(sheetTitle);
      if (values.length === 0) return;
      const width = Math.max(...values.map((r) => r.length));
      const rows = values.map((r) => [...r, ...Array<Cell>(width - r.length).fill('')]);
      const short = topRow + rows.length - 1 - sheet.getMaxRows();
      if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
      sheet.getRange(topRow, 1, rows.length, width).setValues(rows);
    });
  }

  /** Clears every row under the header of a sheet (a person selecting and deleting). */
  clearBody(sheetTitle: string, user: string): void {
    this.asPerson(user, () => {
      const sheet = this.sheet(sheetTitle);
      const last = sheet.getLastRow();
      if (last > 1)
        sheet.getRange(2, 1, last - 1, Math.max(sheet.getLastColumn(), 1)).clearContent();
    });
  }

  /** A sheet's values as getValues() returns them, or null when there is no such sheet. */
  values(sheetTitle: string): Cell[][] | null {
    const sheet = this.spreadsheet.getSheetByName(sheetTitle) as Sheet | null;
    if (!sheet) return null;
    return this.asPerson(this.ws.owner, () => sheet.getDataRange().getValues() as Cell[][]);
  }

  sheet(title: string): Sheet {
    const sheet = this.spreadsheet.getSheetByName(title) as Sheet | null;
    if (!sheet) throw new Error(`no sheet "${title}"`);
    return sheet;
  }

  outbox(): readonly SentMessage[] {
    return MailApp._outbox(this.ws);
  }

  /** Host-side work done by a person (not a script execution: not logged, not counted). */
  asPerson<T>(user: string, fn: () => T): T {
    const execution = this.ws.startExecution('(person)', 'manual' as TriggerKind, {
      effectiveUser: user,
      activeUser: user,
    });
    try {
      return this.ws.within(execution, fn);
    } finally {
      this.ws.endExecution(execution, undefined);
    }
  }
}
