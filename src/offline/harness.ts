import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TriggerKind } from './emulator/core';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator/index';
import { HtmlOutput } from './emulator/html-service';
import { MailApp, type SentMessage } from './emulator/mail-app';
import { ScriptApp, type TriggerDescription } from './emulator/script-app';
import type { Range, Sheet, UserEditResult } from './emulator/spreadsheet-app';
import { coerceInput } from './emulator/spreadsheet-values';
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

/** What happened when a person edited the spreadsheet in the Sheets UI. */
export interface EditOutcome {
  /** false when Sheets refused the edit (nothing written, no trigger fired). */
  accepted: boolean;
  /** 'protected' | 'invalid' | 'not an editor of the spreadsheet' when refused. */
  reason?: string;
  /** The edit-trigger executions, in firing order. */
  runs: RunResult[];
}

export interface PasteOutcome extends EditOutcome {
  /** Every cell that made the paste fail (A1 and reason); empty when accepted. */
  refused: { a1: string; reason: string }[];
}

/** One person's edit of one cell, for `editTogether`. */
export interface CellEdit {
  user: string;
  sheetTitle: string;
  a1: string;
  typed: unknown;
}

/** The onEdit event fields Sheets supplies (UserEditResult.event, or a pasted block's). */
interface EditFields {
  range: Range;
  source: unknown;
  user: User;
  value?: string;
  oldValue?: string;
}

/** A top-level `function onEdit(` in the bundle: Apps Script runs it as the simple edit trigger. */
const SIMPLE_ON_EDIT = /^function onEdit\s*\(/m;

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
    const file = options.bundlePath ?? path.join(projectRoot(), 'dist/Code.js');
    // The .html files are pushed beside Code.js.
    this.emulator = createEmulator({ htmlDir: path.dirname(file), ...options });
    this.code = fs.readFileSync(file, 'utf8');
    this.sandbox = new Sandbox(this.emulator.ws, this.emulator.services, this.code, (method) =>
      lockTimeoutOutcome(method === 'tryLock' ? 'tryLock' : 'waitLock'),
    );
    this.onRun = options.onRun;
    this.triggerCursor = this.emulator.ws.now();
    // The consent screen offers the scopes of the manifest deployed beside the bundle.
    const manifest = path.join(path.dirname(file), 'appsscript.json');
    if (fs.existsSync(manifest)) {
      const scopes = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { oauthScopes?: string[] })
        .oauthScopes;
      if (scopes) ScriptApp._setManifestScopes(this.emulator.ws, scopes);
    }
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
      event: {
        source: this.spreadsheet,
        authMode: 'LIMITED',
        user: new User(this.ws.visibleIdentity(user)),
      },
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

  /**
   * Someone opens the web app (deployed "execute as me"): doGet runs as the owner, with the
   * visitor as the active user (shown to the script only where Apps Script would, see
   * Workspace.visibleIdentity). The page as the browser gets it, or the failure.
   */
  visitWebApp(
    parameter: Record<string, string>,
    visitor = '',
  ): { result: RunResult; html: string | null } {
    const queryString = Object.entries(parameter)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    const result = this.run({
      handler: 'doGet',
      trigger: 'web',
      effectiveUser: this.ws.owner,
      activeUser: visitor,
      event: {
        parameter,
        parameters: Object.fromEntries(Object.entries(parameter).map(([k, v]) => [k, [v]])),
        queryString,
        contextPath: '',
        contentLength: -1,
      },
    });
    const output = result.value as HtmlOutput | undefined;
    return {
      result,
      html: result.ok && output instanceof HtmlOutput ? output._servedPage() : null,
    };
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

  /** When the next clock trigger fires (after those already fired), or null when none will. */
  nextClockFire(): number | null {
    let next: number | null = null;
    for (const trigger of this.triggers()) {
      if (trigger.kind !== 'clock') continue;
      const at = ScriptApp._nextFire(this.ws, trigger.id, this.triggerCursor);
      if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
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

  /**
   * The owner shares the spreadsheet with these people as editors (Share → Editor). The product
   * normally does this itself at activate; the rehearsal calls it so that it does not depend on it.
   */
  shareWith(emails: string[]): void {
    this.spreadsheet.addEditors(emails);
  }

  /** Whether `email` may edit the spreadsheet at all (its owner, or shared as an editor). */
  isEditor(email: string): boolean {
    const e = email.toLowerCase();
    return this.spreadsheet.getEditors().some((u) => u.getEmail().toLowerCase() === e);
  }

  /**
   * A person types `typed` into one cell, then Apps Script fires the edit triggers: the simple
   * `onEdit(e)` when the bundle defines one, and every installable edit trigger of this
   * spreadsheet, whoever owns it (ghosts fire too). A refused edit (protection, a rejecting
   * validation, not an editor) writes nothing and fires nothing, as in Sheets.
   */
  edit(user: string, sheetTitle: string, a1: string, typed: unknown): EditOutcome {
    const done = this.spreadsheet._userEdit(sheetTitle, a1, typed, user);
    if (!done.accepted || !done.event) return { accepted: false, reason: done.reason, runs: [] };
    return { accepted: true, runs: this.editSpecs(user, done.event).map((s) => this.run(s)) };
  }

  /**
   * A person pastes a block of values (paste values only) at `a1Range`; `values` must have the
   * block's shape. Each cell is written as if typed; the triggers fire ONCE for the whole block
   * with `e.range` the block and no `e.value` / `e.oldValue` (Sheets gives those only for one
   * cell). A paste is one action: when any cell of the block would be refused (protected against
   * the person, or failing a validation that rejects input) Sheets shows an error and the whole
   * paste is refused — nothing is written and nothing fires (see docs/fidelity/edits.md).
   */
  pasteBlock(user: string, sheetTitle: string, a1Range: string, values: unknown[][]): PasteOutcome {
    const sheet = this.sheet(sheetTitle);
    const block = sheet.getRange(a1Range);
    const rows = block.getNumRows();
    const columns = block.getNumColumns();
    if (values.length !== rows || values.some((r) => r.length !== columns)) {
      throw new Error(
        `pasteBlock: ${a1Range} is ${rows}×${columns} but the values are ${values.length}×${values[0]?.length ?? 0}`,
      );
    }
    if (rows === 1 && columns === 1) {
      const single = this.edit(user, sheetTitle, block.getA1Notation(), values[0][0]);
      return {
        ...single,
        refused: single.accepted
          ? []
          : [{ a1: block.getA1Notation(), reason: single.reason ?? '' }],
      };
    }
    const refused: { a1: string; reason: string }[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const cell = block.getCell(r + 1, c + 1);
        const why = this.pasteRefusal(user, sheetTitle, cell, values[r][c]);
        if (why) refused.push({ a1: cell.getA1Notation(), reason: why });
      }
    }
    if (refused.length > 0)
      return { accepted: false, reason: refused[0].reason, refused, runs: [] };
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const a1 = block.getCell(r + 1, c + 1).getA1Notation();
        const done = this.spreadsheet._userEdit(sheetTitle, a1, values[r][c], user);
        // Cannot happen after the checks above, unless the fake's rules grew; then say so.
        if (!done.accepted) refused.push({ a1, reason: done.reason ?? 'refused' });
      }
    }
    const fields: EditFields = {
      range: block,
      source: this.spreadsheet,
      user: new User(this.ws.visibleIdentity(user)),
    };
    const runs = this.editSpecs(user, fields).map((s) => this.run(s));
    return { accepted: true, refused, runs };
  }

  /**
   * Several people edit at (nearly) the same moment: every edit lands in the sheet in the order
   * given, then all the trigger executions they cause run at once, interleaved at service-call
   * boundaries (seeded) — as when two staff members type within the same second.
   */
  editTogether(
    edits: CellEdit[],
    options: ConcurrencyOptions,
  ): { outcomes: { accepted: boolean; reason?: string }[]; runs: RunResult[] } {
    const specs: RunSpec[] = [];
    const outcomes = edits.map(({ user, sheetTitle, a1, typed }) => {
      const done: UserEditResult = this.spreadsheet._userEdit(sheetTitle, a1, typed, user);
      if (!done.accepted || !done.event) return { accepted: false, reason: done.reason };
      specs.push(...this.editSpecs(user, done.event));
      return { accepted: true };
    });
    return { outcomes, runs: specs.length ? this.runTogether(specs, options) : [] };
  }

  /** Why Sheets would refuse typing `typed` into `cell`, or null (mirrors `_userEdit`). */
  private pasteRefusal(
    user: string,
    sheetTitle: string,
    cell: Range,
    typed: unknown,
  ): string | null {
    const row = cell.getRow();
    const column = cell.getColumn();
    if (!this.spreadsheet._canEdit(user, sheetTitle, row, column)) {
      return this.isEditor(user) ? 'protected' : 'not an editor of the spreadsheet';
    }
    const rule = cell.getDataValidation();
    if (!rule) return null;
    // Only the plain-text format changes how typed input is read (coerceInput).
    const format = cell.getNumberFormat() === '@' ? '@' : '';
    const coerced = coerceInput(typed, format, this.spreadsheet.getSpreadsheetTimeZone());
    return coerced.formula === '' && !rule._isValid(coerced.value) ? 'invalid' : null;
  }

  /**
   * The executions one accepted edit causes: the simple onEdit first (as the editor, LIMITED),
   * then installable ON_EDIT — and ON_CHANGE, which Sheets also fires for an edit — triggers of
   * this spreadsheet in creation order, each as its owner (FULL). Order between the simple and
   * installable triggers is not documented; this one is an assumption.
   */
  private editSpecs(editor: string, fields: EditFields): RunSpec[] {
    const specs: RunSpec[] = [];
    if (SIMPLE_ON_EDIT.test(this.code)) {
      specs.push({
        handler: 'onEdit',
        trigger: 'simple',
        effectiveUser: editor,
        activeUser: editor,
        event: { authMode: 'LIMITED', ...fields },
      });
    }
    const id = this.spreadsheet.getId();
    for (const t of this.triggers()) {
      if (t.kind !== 'spreadsheet' || t.sourceId !== id) continue;
      if (t.event !== 'ON_EDIT' && t.event !== 'ON_CHANGE') continue;
      const event =
        t.event === 'ON_EDIT'
          ? { authMode: 'FULL', ...fields, triggerUid: t.id }
          : {
              authMode: 'FULL',
              changeType: 'EDIT',
              source: fields.source,
              user: fields.user,
              triggerUid: t.id,
            };
      specs.push({
        handler: t.handler,
        trigger: 'spreadsheet',
        effectiveUser: t.owner,
        activeUser: editor,
        event,
      });
    }
    return specs;
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
