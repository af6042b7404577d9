import { Workspace } from '../../../src/offline/emulator/core';
import { Session } from '../../../src/offline/emulator/session';

describe('Session', () => {
  const ws = new Workspace({
    now: Date.parse('2014-05-20T01:00:00Z'),
    timeZone: 'Asia/Shanghai',
    owner: 'admin@example.cn',
  });
  const session = new Session(ws);

  test('in a time-driven trigger the active user email is empty and the effective user is the trigger owner', () => {
    const ex = ws.startExecution('onDailyTick', 'time');
    ws.within(ex, () => {
      expect(session.getActiveUser().getEmail()).toBe('');
      expect(session.getEffectiveUser().getEmail()).toBe('admin@example.cn');
      expect(session.getActiveUserLocale()).toBe('');
      expect(session.getTemporaryActiveUserKey()).toBe('');
    });
  });

  test('a person editing the sheet is the active user, with their locale', () => {
    Session._setLocale(ws, 'zzb@example.cn', 'en_US');
    const ex = ws.startExecution('onEdit', 'spreadsheet', { activeUser: 'zzb@example.cn' });
    ws.within(ex, () => {
      expect(session.getActiveUser().getEmail()).toBe('zzb@example.cn');
      expect(session.getActiveUserLocale()).toBe('en_US');
      const key = session.getTemporaryActiveUserKey();
      expect(key).not.toContain('zzb');
      expect(key.length).toBeGreaterThan(10);
      expect(session.getTemporaryActiveUserKey()).toBe(key);
    });
  });

  test('getScriptTimeZone returns the project time zone', () => {
    const ex = ws.startExecution('t', 'manual');
    expect(ws.within(ex, () => session.getScriptTimeZone())).toBe('Asia/Shanghai');
  });
});

// Source: https://developers.google.com/apps-script/reference/base/session#getActiveUser() — the
// email is blank where security policies hide it; "these restrictions generally do not apply if
// the developer runs the script themselves or belongs to the same Google Workspace domain as the
// user." Emulated pessimistically: another domain, or any person but the owner on a consumer
// account, is ''.
describe('identity across domains and on consumer accounts', () => {
  function activeUserAs(accountType: 'workspace' | 'consumer' | undefined, person: string) {
    const ws = new Workspace({ now: 0, owner: 'admin@jggw.example', accountType });
    const ex = ws.startExecution('onEdit', 'spreadsheet', { activeUser: person });
    return ws.within(ex, () => new Session(ws).getActiveUser().getEmail());
  }

  test('a Workspace account shows people of its own domain and hides others', () => {
    expect(activeUserAs(undefined, 'zzb@jggw.example')).toBe('zzb@jggw.example');
    expect(activeUserAs('workspace', 'dw@fgw.example')).toBe('');
  });

  test('a consumer account shows only the owner', () => {
    expect(activeUserAs('consumer', 'zzb@jggw.example')).toBe('');
    expect(activeUserAs('consumer', 'admin@jggw.example')).toBe('admin@jggw.example');
  });

  test('visibleIdentity (what edit events put in e.user) hides the same people, and keeps "" blank', () => {
    const ws = new Workspace({ now: 0, owner: 'admin@jggw.example', accountType: 'consumer' });
    expect(ws.visibleIdentity('zzb@jggw.example')).toBe('');
    expect(ws.visibleIdentity('')).toBe('');
  });
});
