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
