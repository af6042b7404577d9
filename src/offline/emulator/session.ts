import { createHash } from 'node:crypto';
import type { Faithful, Workspace } from './core';
import { User } from './user';

export { User };

interface SessionState {
  /** Locale per user, as Apps Script reports it: 'zh_CN', 'en_US'. */
  locales: Map<string, string>;
  defaultLocale: string;
}

function stateOf(ws: Workspace): SessionState {
  return ws.state<SessionState>('session', () => ({ locales: new Map(), defaultLocale: 'zh_CN' }));
}

export class Session implements Faithful<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getActiveUserLocale'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
> {
  static readonly gasName = 'Session';

  constructor(private readonly ws: Workspace) {}

  /**
   * The person at the keyboard. Apps Script gives an empty email when it cannot tell (time-driven
   * triggers; users outside the script owner's domain).
   */
  getActiveUser(): User {
    return new User(this.ws.visibleIdentity(this.ws.execution().activeUser));
  }

  getEffectiveUser(): User {
    return new User(this.ws.execution().effectiveUser);
  }

  getScriptTimeZone(): string {
    return this.ws.timeZone;
  }

  /** '' when there is no active user (the locale belongs to the person at the keyboard). */
  getActiveUserLocale(): string {
    const active = this.ws.execution().activeUser;
    if (!active) return '';
    const state = stateOf(this.ws);
    return state.locales.get(active) ?? state.defaultLocale;
  }

  /** Stable per user and script, different from the email (Apps Script: rotates every 30 days). */
  getTemporaryActiveUserKey(): string {
    const active = this.ws.execution().activeUser;
    if (!active) return '';
    return createHash('sha256').update(`temporary-key:${active}`).digest('base64url').slice(0, 40);
  }

  /** Host: the locale a user's Google account is set to. */
  static _setLocale(ws: Workspace, user: string, locale: string): void {
    stateOf(ws).locales.set(user, locale);
  }
}
