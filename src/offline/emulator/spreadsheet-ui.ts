import { User } from './user';
/**
 * Base.Ui, Base.Menu and Base.User as a spreadsheet-bound script sees them. The UI state (menus
 * added, alerts shown, the answers a person gives) is per account, in `ws.state('ui', …)`.
 */
import { Faithful, Workspace } from './core';
import { LockService } from './lock-service';
import { ERR } from './spreadsheet-values';

type GasButton = GoogleAppsScript.Base.Button;
type GasButtonSet = GoogleAppsScript.Base.ButtonSet;

/** Apps Script enum values stringify to their names; the emulator uses those names. */
export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'subMenu'; caption: string; entries: MenuEntry[] };

export interface MenuRecord {
  caption: string;
  entries: MenuEntry[];
  /** Execution that added the menu (normally onOpen). */
  executionId: number | null;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  answer: string;
  responseText?: string;
  at: number;
  executionId: number | null;
}

export interface ToastRecord {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number | null;
  at: number;
  executionId: number | null;
}

export interface UiState {
  menus: MenuRecord[];
  alerts: AlertRecord[];
  toasts: ToastRecord[];
  /** Answers a person will give to the next dialogs, in order (host-scripted). */
  scripted: { button: string; text?: string }[];
}

export function uiState(ws: Workspace): UiState {
  return ws.state<UiState>('ui', () => ({ menus: [], alerts: [], toasts: [], scripted: [] }));
}

function executionId(ws: Workspace): number | null {
  return ws.hasExecution() ? ws.execution().id : null;
}

/** Apps Script shows no UI to time-driven and form-submit runs: getUi() throws there. */
export function assertUiContext(ws: Workspace, service = 'SpreadsheetApp'): void {
  if (!ws.hasExecution()) return;
  const trigger = ws.execution().trigger;
  if (trigger === 'time' || trigger === 'form') {
    throw new Error(ERR.noUi.replace('SpreadsheetApp', service));
  }
}

export { User };

/** An email from an argument that may be an address or a User. */
export function emailOf(user: string | { getEmail(): string }): string {
  return typeof user === 'string' ? user : user.getEmail();
}

export class Menu implements Faithful<
  GoogleAppsScript.Base.Menu,
  'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'
> {
  static readonly gasName = 'Base.Menu';
  private readonly entries: MenuEntry[] = [];

  constructor(
    private readonly ws: Workspace,
    private readonly caption: string,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    this.entries.push({
      kind: 'item',
      caption: String(caption),
      functionName: String(functionName),
    });
    return this;
  }

  addSeparator(): Menu {
    this.entries.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu | Menu): Menu {
    const sub = menu as unknown as Menu;
    this.entries.push({ kind: 'subMenu', caption: sub._caption(), entries: sub._entries() });
    return this;
  }

  addToUi(): void {
    const state = uiState(this.ws);
    const record: MenuRecord = {
      caption: this.caption,
      entries: this._entries(),
      executionId: executionId(this.ws),
    };
    // Adding a menu with the same caption again replaces it (onOpen runs on every open).
    const at = state.menus.findIndex((m) => m.caption === this.caption);
    if (at >= 0) state.menus[at] = record;
    else state.menus.push(record);
  }

  _caption(): string {
    return this.caption;
  }

  _entries(): MenuEntry[] {
    return structuredClone(this.entries);
  }
}

export class Ui implements Faithful<GoogleAppsScript.Base.Ui, 'alert' | 'createMenu' | 'prompt'> {
  static readonly gasName = 'Base.Ui';
  static readonly gasEnums = { Button, ButtonSet };
  /** `ui.Button.OK` / `ui.ButtonSet.YES_NO`: Apps Script exposes the enums on the Ui object. */
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly ws: Workspace) {}

  createMenu(caption: string): Menu {
    return new Menu(this.ws, String(caption));
  }

  alert(
    titleOrPrompt: string,
    promptOrButtons?: string | GasButtonSet,
    buttons?: GasButtonSet,
  ): GasButton {
    const [title, prompt, set] = dialogArgs(titleOrPrompt, promptOrButtons, buttons);
    this._suspend();
    const answer = this._answer(set).button;
    uiState(this.ws).alerts.push({
      kind: 'alert',
      title,
      prompt,
      buttons: set,
      answer,
      at: this.ws.now(),
      executionId: executionId(this.ws),
    });
    return answer as unknown as GasButton;
  }

  prompt(
    titleOrPrompt: string,
    promptOrButtons?: string | GasButtonSet,
    buttons?: GasButtonSet,
  ): PromptResponse {
    const [title, prompt, set] = dialogArgs(titleOrPrompt, promptOrButtons, buttons);
    this._suspend();
    const { button, text = '' } = this._answer(set);
    uiState(this.ws).alerts.push({
      kind: 'prompt',
      title,
      prompt,
      buttons: set,
      answer: button,
      responseText: text,
      at: this.ws.now(),
      executionId: executionId(this.ws),
    });
    return new PromptResponse(button, text);
  }

  /**
   * A dialog suspends the script until the person answers, and "LockService locks don't persist
   * across the suspension" (https://developers.google.com/apps-script/reference/base/ui#alert(String),
   * also #prompt): every lock the execution holds is released.
   */
  private _suspend(): void {
    if (this.ws.hasExecution()) LockService._releaseAllOf(this.ws, this.ws.execution());
  }

  /** The next host-scripted answer, else the affirmative button of the set. */
  private _answer(set: string): { button: string; text?: string } {
    const scripted = uiState(this.ws).scripted.shift();
    if (scripted) return scripted;
    return { button: set.startsWith('YES') ? Button.YES : Button.OK };
  }

  // ---- host side

  /** Menus added to the spreadsheet's UI, in order. */
  _menus(): MenuRecord[] {
    return structuredClone(uiState(this.ws).menus);
  }

  /** Alerts and prompts shown, in order. */
  _alerts(): AlertRecord[] {
    return structuredClone(uiState(this.ws).alerts);
  }

  /** Queues the answers a person gives to the next dialogs. */
  _scriptAnswers(answers: { button: keyof typeof Button; text?: string }[]): void {
    uiState(this.ws).scripted.push(...answers);
  }
}

function dialogArgs(a: string, b?: unknown, c?: unknown): [string, string, string] {
  if (typeof b === 'string' && c !== undefined) return [String(a), b, String(c)];
  if (b !== undefined && c === undefined) return ['', String(a), String(b)];
  return ['', String(a), ButtonSet.OK];
}

export class PromptResponse implements Faithful<
  GoogleAppsScript.Base.PromptResponse,
  'getResponseText' | 'getSelectedButton'
> {
  static readonly gasName = 'Base.PromptResponse';
  constructor(
    private readonly button: string,
    private readonly text: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GasButton {
    return this.button as unknown as GasButton;
  }
}
