import type { Faithful } from './core';

/** The Base service's User, shared by Session, SpreadsheetApp and event objects. */
export class User implements Faithful<GoogleAppsScript.Base.User, 'getEmail'> {
  static readonly gasName = 'Base.User';
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}
