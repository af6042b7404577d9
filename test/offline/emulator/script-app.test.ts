import { Workspace, type WorkspaceOptions } from '../../../src/offline/emulator/core';
import {
  MAX_TRIGGERS_PER_USER,
  ScriptApp,
  TOO_MANY_TRIGGERS,
  Trigger,
  nextFireTime,
  zonedTimeToUtc,
} from '../../../src/offline/emulator/script-app';

const T0 = Date.parse('2014-05-20T01:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function setup(options: Partial<WorkspaceOptions> = {}) {
  const ws = new Workspace({ now: T0, ...options });
  const app = new ScriptApp(ws);
  const as = <T>(user: string, fn: () => T): T =>
    ws.within(ws.startExecution('setup', 'manual', { effectiveUser: user }), fn);
  const run = <T>(fn: () => T): T => as(ws.owner, fn);
  return { ws, app, run, as };
}

function wall(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}

const spreadsheet = { getId: () => 'sheet-1' };
const form = { getId: () => 'form-1' };

describe('ScriptApp trigger builders', () => {
  test('forSpreadsheet(ss).onFormSubmit().create() installs a trigger describing handler, event and source', () => {
    const { app, run } = setup();
    const trigger = run(() =>
      app.newTrigger('onFormSubmit').forSpreadsheet(spreadsheet).onFormSubmit().create(),
    );
    expect(trigger).toBeInstanceOf(Trigger);
    expect(trigger.getHandlerFunction()).toBe('onFormSubmit');
    expect(trigger.getEventType()).toBe(ScriptApp.gasEnums.EventType.ON_FORM_SUBMIT);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.gasEnums.TriggerSource.SPREADSHEETS);
    expect(trigger.getTriggerSourceId()).toBe('sheet-1');
    expect(trigger.getUniqueId()).toMatch(/^\d+$/);
  });

  test('forForm accepts a form object or its id; onFormSubmit is a FORMS trigger', () => {
    const { app, run, ws } = setup();
    run(() => {
      app.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create();
      app.newTrigger('onFormOpen').forForm('form-2').onOpen().create();
    });
    expect(
      ScriptApp._allTriggers(ws).map((t) => [t.handler, t.kind, t.event, t.source, t.sourceId]),
    ).toEqual([
      ['onFormSubmit', 'form', 'ON_FORM_SUBMIT', 'FORMS', 'form-1'],
      ['onFormOpen', 'form', 'ON_OPEN', 'FORMS', 'form-2'],
    ]);
  });

  test('a clock trigger is a CLOCK trigger with no source id', () => {
    const { app, run } = setup();
    const trigger = run(() =>
      app.newTrigger('onDailyTick').timeBased().everyDays(1).atHour(8).create(),
    );
    expect(String(trigger.getEventType())).toBe('CLOCK');
    expect(String(trigger.getTriggerSource())).toBe('CLOCK');
    expect(trigger.getTriggerSourceId()).toBeNull();
  });

  test('everyMinutes accepts only 1, 5, 10, 15 or 30: everyMinutes(7) throws', () => {
    const { app, run } = setup();
    run(() => {
      expect(() => app.newTrigger('f').timeBased().everyMinutes(7)).toThrow(
        /everyMinutes\(\) must be 1, 5, 10, 15 or 30/,
      );
      for (const n of [1, 5, 10, 15, 30]) {
        expect(() => app.newTrigger('f').timeBased().everyMinutes(n).create()).not.toThrow();
      }
    });
  });

  test('everyHours accepts only 1, 2, 4, 6, 8 or 12', () => {
    const { app, run } = setup();
    run(() => {
      expect(() => app.newTrigger('f').timeBased().everyHours(3)).toThrow(/everyHours/);
      expect(() => app.newTrigger('f').timeBased().everyHours(6).create()).not.toThrow();
    });
  });

  test('a clock trigger without a schedule, or a spreadsheet trigger without an event, is refused', () => {
    const { app, run, ws } = setup();
    run(() => {
      expect(() => app.newTrigger('f').timeBased().atHour(3).create()).toThrow();
      expect(() => app.newTrigger('f').timeBased().create()).toThrow();
      expect(() => app.newTrigger('f').forSpreadsheet('sheet-1').create()).toThrow();
    });
    expect(ScriptApp._allTriggers(ws)).toHaveLength(0);
  });

  test('inTimezone rejects an unknown time zone', () => {
    const { app, run } = setup();
    run(() => {
      expect(() => app.newTrigger('f').timeBased().inTimezone('Mars/Olympus')).toThrow(
        'Invalid argument: Mars/Olympus',
      );
    });
  });
});

describe('ScriptApp trigger ownership', () => {
  test('getProjectTriggers hides triggers created by another account, which still exist and fire (ghost trigger trap)', () => {
    const { app, run, as, ws } = setup();
    as('former-admin@example.cn', () =>
      app.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create(),
    );
    run(() => app.newTrigger('onFormSubmit').forForm(form).onFormSubmit().create());

    const visible = run(() => app.getProjectTriggers());
    expect(visible).toHaveLength(1);
    expect(visible[0].getHandlerFunction()).toBe('onFormSubmit');

    const all = ScriptApp._allTriggers(ws);
    expect(all.map((t) => t.owner)).toEqual(['former-admin@example.cn', ws.owner]);
    expect(all.every((t) => t.handler === 'onFormSubmit' && t.sourceId === 'form-1')).toBe(true);
  });

  test('deleteTrigger removes the caller\u2019s trigger but cannot reach another account\u2019s', () => {
    const { app, run, ws } = setup();
    const ghost = ScriptApp._as(ws, 'bob@example.cn')
      .newTrigger('onEdit')
      .forSpreadsheet('sheet-1')
      .onEdit()
      .create();
    run(() => {
      app.newTrigger('onEdit').forSpreadsheet('sheet-1').onEdit().create();
      for (const t of app.getProjectTriggers()) app.deleteTrigger(t);
      expect(app.getProjectTriggers()).toHaveLength(0);
      app.deleteTrigger(ghost);
    });
    expect(ScriptApp._allTriggers(ws).map((t) => t.id)).toEqual([ghost.getUniqueId()]);
  });

  test('getUserTriggers(ss) lists only the current user\u2019s triggers on that spreadsheet', () => {
    const { app, run, as } = setup();
    run(() => {
      app.newTrigger('onEdit').forSpreadsheet(spreadsheet).onEdit().create();
      app.newTrigger('other').forSpreadsheet('sheet-2').onOpen().create();
      app.newTrigger('tick').timeBased().everyHours(1).create();
    });
    as('bob@example.cn', () =>
      app.newTrigger('bobs').forSpreadsheet(spreadsheet).onEdit().create(),
    );
    const mine = run(() => app.getUserTriggers(spreadsheet));
    expect(mine.map((t) => t.getHandlerFunction())).toEqual(['onEdit']);
  });

  test(`the ${MAX_TRIGGERS_PER_USER + 1}st trigger of one user throws "${TOO_MANY_TRIGGERS}"`, () => {
    const { app, run, as, ws } = setup();
    run(() => {
      for (let i = 0; i < MAX_TRIGGERS_PER_USER; i++) {
        app.newTrigger(`h${i}`).forSpreadsheet('sheet-1').onEdit().create();
      }
      expect(() => app.newTrigger('h20').timeBased().everyHours(1).create()).toThrow(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    });
    // The limit is per user: another account still has room.
    expect(() =>
      as('bob@example.cn', () => app.newTrigger('b').forSpreadsheet('sheet-1').onEdit().create()),
    ).not.toThrow();
    run(() => {
      app.deleteTrigger(app.getProjectTriggers()[0]);
      expect(() => app.newTrigger('h20').forSpreadsheet('sheet-1').onEdit().create()).not.toThrow();
    });
    expect(ScriptApp._allTriggers(ws)).toHaveLength(MAX_TRIGGERS_PER_USER + 1);
  });

  test('a one-shot trigger stays listed (and counted) after it has fired', () => {
    const { app, run, ws } = setup();
    const t = run(() => app.newTrigger('later').timeBased().after(60_000).create());
    const fire = ScriptApp._nextFire(ws, t.getUniqueId(), T0)!;
    expect(fire).toBeGreaterThanOrEqual(T0 + 60_000);
    expect(ScriptApp._nextFire(ws, t.getUniqueId(), fire)).toBeNull();
    ws.clock.set(fire + DAY);
    expect(run(() => app.getProjectTriggers())).toHaveLength(1);
  });

  test('_triggersVersion changes on create and delete', () => {
    const { app, run, ws } = setup();
    const v0 = ScriptApp._triggersVersion(ws);
    const t = run(() => app.newTrigger('f').timeBased().everyHours(1).create());
    const v1 = ScriptApp._triggersVersion(ws);
    run(() => app.deleteTrigger(t));
    expect(v1).toBeGreaterThan(v0);
    expect(ScriptApp._triggersVersion(ws)).toBeGreaterThan(v1);
  });
});

describe('time-driven firing', () => {
  test('everyDays(1).atHour(8) fires once a day at the same minute within 08:00–08:59 Asia/Shanghai', () => {
    const { app, run, ws } = setup({ timeZone: 'Asia/Shanghai' });
    const t = run(() => app.newTrigger('onDailyTick').timeBased().everyDays(1).atHour(8).create());
    const fires = ScriptApp._fireTimes(ws, t.getUniqueId(), T0, T0 + 10 * DAY);
    expect(fires).toHaveLength(10);
    const minutes = new Set(fires.map((f) => wall(f, 'Asia/Shanghai').slice(11)));
    expect(minutes.size).toBe(1);
    expect([...minutes][0]).toMatch(/^08:\d\d$/);
    for (let i = 1; i < fires.length; i++) expect(fires[i] - fires[i - 1]).toBe(DAY);
    expect(fires[0]).toBeGreaterThan(T0);
  });

  test('a daily trigger keeps its local hour and minute across both DST changes in America/New_York', () => {
    const tz = 'America/New_York';
    const { app, run, ws } = setup({ timeZone: tz, now: Date.parse('2014-03-05T12:00:00Z') });
    const t = run(() => app.newTrigger('tick').timeBased().everyDays(1).atHour(9).create());
    const description = ScriptApp._allTriggers(ws)[0];

    const spring = ScriptApp._fireTimes(
      ws,
      t.getUniqueId(),
      ws.now(),
      Date.parse('2014-03-12T00:00:00Z'),
    );
    const locals = spring.map((f) => wall(f, tz));
    expect(new Set(locals.map((l) => l.slice(11))).size).toBe(1);
    expect(locals[0].slice(11, 13)).toBe('09');
    expect(locals.map((l) => l.slice(0, 10))).toEqual([
      '2014-03-05',
      '2014-03-06',
      '2014-03-07',
      '2014-03-08',
      '2014-03-09',
      '2014-03-10',
      '2014-03-11',
    ]);
    // 8 March 09:xx EST → 9 March 09:xx EDT is only 23 hours.
    expect(spring[4] - spring[3]).toBe(23 * HOUR);

    const before = nextFireTime(description, Date.parse('2014-11-01T00:00:00Z'))!;
    const after = nextFireTime(description, before)!;
    expect(wall(before, tz).slice(0, 10)).toBe('2014-11-01');
    expect(after - before).toBe(25 * HOUR);
    expect(wall(after, tz).slice(11)).toBe(wall(before, tz).slice(11));
  });

  test('a daily trigger in an hour skipped by the DST jump fires just after the jump that day', () => {
    const tz = 'America/New_York';
    const { app, run, ws } = setup({ timeZone: tz, now: Date.parse('2014-03-07T12:00:00Z') });
    const t = run(() => app.newTrigger('tick').timeBased().everyDays(1).atHour(2).create());
    const fires = ScriptApp._fireTimes(
      ws,
      t.getUniqueId(),
      ws.now(),
      Date.parse('2014-03-11T12:00:00Z'),
    );
    const locals = fires.map((f) => wall(f, tz));
    expect(locals.map((l) => l.slice(0, 13))).toEqual([
      '2014-03-08 02',
      '2014-03-09 03',
      '2014-03-10 02',
      '2014-03-11 02',
    ]);
  });

  test('inTimezone puts atHour in that zone instead of the script time zone', () => {
    const { app, run, ws } = setup({ timeZone: 'Asia/Shanghai' });
    const t = run(() =>
      app
        .newTrigger('tick')
        .timeBased()
        .everyDays(1)
        .atHour(9)
        .inTimezone('Europe/London')
        .create(),
    );
    const fire = ScriptApp._nextFire(ws, t.getUniqueId(), T0)!;
    expect(wall(fire, 'Europe/London').slice(11, 13)).toBe('09');
  });

  test('the minute within the hour is drawn from the seed: same seed, same minute; other seeds vary', () => {
    const minuteFor = (seed: number): string => {
      const { app, run, ws } = setup({ seed });
      const t = run(() => app.newTrigger('tick').timeBased().everyDays(1).atHour(8).create());
      return wall(ScriptApp._nextFire(ws, t.getUniqueId(), T0)!, 'Asia/Shanghai').slice(11);
    };
    expect(minuteFor(42)).toBe(minuteFor(42));
    const seen = new Set(Array.from({ length: 20 }, (_, i) => minuteFor(i + 1)));
    expect(seen.size).toBeGreaterThan(5);
  });

  test('nearMinute(30) fires within plus or minus 15 minutes of :30', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { app, run, ws } = setup({ seed });
      const t = run(() =>
        app.newTrigger('tick').timeBased().everyDays(1).atHour(8).nearMinute(30).create(),
      );
      const minute = Number(
        wall(ScriptApp._nextFire(ws, t.getUniqueId(), T0)!, 'Asia/Shanghai').slice(14),
      );
      expect(minute).toBeGreaterThanOrEqual(15);
      expect(minute).toBeLessThanOrEqual(45);
    }
  });

  test('everyMinutes(10) fires every 10 minutes, the first within 10 minutes of creation', () => {
    const { app, run, ws } = setup();
    const t = run(() => app.newTrigger('poll').timeBased().everyMinutes(10).create());
    const fires = ScriptApp._fireTimes(ws, t.getUniqueId(), T0, T0 + HOUR);
    expect(fires.length).toBeGreaterThanOrEqual(6);
    expect(fires[0]).toBeGreaterThan(T0);
    expect(fires[0]).toBeLessThanOrEqual(T0 + 10 * 60_000);
    for (let i = 1; i < fires.length; i++) expect(fires[i] - fires[i - 1]).toBe(10 * 60_000);
  });

  test('onWeekDay(MONDAY).atHour(9) fires on Mondays only, a week apart', () => {
    const { app, run, ws } = setup();
    const t = run(() =>
      app
        .newTrigger('weekly')
        .timeBased()
        .onWeekDay(ScriptApp.gasEnums.WeekDay.MONDAY as unknown as GoogleAppsScript.Base.Weekday)
        .atHour(9)
        .create(),
    );
    const fires = ScriptApp._fireTimes(ws, t.getUniqueId(), T0, T0 + 30 * DAY);
    expect(fires).toHaveLength(4);
    for (const f of fires) {
      expect(new Date(f + 8 * HOUR).getUTCDay()).toBe(1);
    }
    expect(fires[1] - fires[0]).toBe(7 * DAY);
  });

  test('at(date) fires once, never before the date and within a few minutes of it', () => {
    const { app, run, ws } = setup();
    const when = new Date(T0 + 2 * DAY);
    const t = run(() => app.newTrigger('once').timeBased().at(when).create());
    const fires = ScriptApp._fireTimes(ws, t.getUniqueId(), T0, T0 + 10 * DAY);
    expect(fires).toHaveLength(1);
    expect(fires[0]).toBeGreaterThanOrEqual(when.getTime());
    expect(fires[0] - when.getTime()).toBeLessThanOrEqual(3 * 60_000);
  });

  test('onMonthDay(31).atHour(7) fires on the 31st of the months that have one', () => {
    const { app, run, ws } = setup();
    const t = run(() => app.newTrigger('monthly').timeBased().onMonthDay(31).atHour(7).create());
    const fires = ScriptApp._fireTimes(ws, t.getUniqueId(), T0, Date.parse('2014-10-01T00:00:00Z'));
    expect(fires.map((f) => wall(f, 'Asia/Shanghai').slice(0, 13))).toEqual([
      '2014-05-31 07',
      '2014-07-31 07',
      '2014-08-31 07',
    ]);
  });

  test('atDate(y, m, d) fires once near midnight (plus or minus 15 minutes) of that day', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { app, run, ws } = setup({ seed });
      const t = run(() => app.newTrigger('once').timeBased().atDate(2014, 6, 1).create());
      const fires = ScriptApp._fireTimes(ws, t.getUniqueId(), T0, T0 + 60 * DAY);
      expect(fires).toHaveLength(1);
      const midnight = Date.parse('2014-06-01T00:00:00+08:00');
      expect(Math.abs(fires[0] - midnight)).toBeLessThanOrEqual(15 * 60_000);
    }
  });

  test('zonedTimeToUtc resolves an ambiguous wall time to its first occurrence', () => {
    // 2014-11-02 01:30 happens twice in New York; the first is EDT (UTC-4).
    expect(zonedTimeToUtc('2014-11-02', 90, 'America/New_York')).toBe(
      Date.parse('2014-11-02T05:30:00Z'),
    );
  });
});

describe('ScriptApp misc', () => {
  test('getOAuthToken returns a token string and getScriptId a stable id', () => {
    const { app, run } = setup();
    const token = run(() => app.getOAuthToken());
    expect(typeof token).toBe('string');
    expect(token.length).toBeGreaterThan(10);
    expect(run(() => app.getScriptId())).toBe(run(() => app.getScriptId()));
  });

  test('triggers are created as the running execution\u2019s effective user', () => {
    const { app, as, ws } = setup();
    as('staff@example.cn', () => app.newTrigger('f').timeBased().everyHours(1).create());
    expect(ScriptApp._allTriggers(ws)[0].owner).toBe('staff@example.cn');
    expect(() => app.getProjectTriggers()).toThrow(/no Apps Script execution/);
  });
});

/**
 * Conformance: https://developers.google.com/apps-script/reference/script/authorization-info —
 * getAuthorizedScopes "returns the authorized scopes from the specified list" when a list is
 * given; getAuthorizationUrl "returns null" when no authorization is required; "some script
 * executions can start without a user's consent to all required scopes" (granular consent).
 */
describe('ScriptApp.getAuthorizationInfo', () => {
  const FORMS = 'https://www.googleapis.com/auth/forms';
  const MAIL = 'https://www.googleapis.com/auth/script.send_mail';

  test('every manifest scope granted: NOT_REQUIRED, no URL, the requested scopes back', () => {
    const { ws, app, run } = setup();
    ScriptApp._setManifestScopes(ws, [FORMS, MAIL]);
    const info = run(() => app.getAuthorizationInfo(ScriptApp.gasEnums.AuthMode.FULL as never));
    expect(info.getAuthorizationStatus()).toBe('NOT_REQUIRED');
    expect(info.getAuthorizationUrl()).toBeNull();
    expect(info.getAuthorizedScopes()).toEqual([FORMS, MAIL]);
  });

  test('a scope the user unticked is missing from the list, and authorization is REQUIRED with a URL; other users are unaffected', () => {
    const { ws, app, run, as } = setup();
    ScriptApp._setManifestScopes(ws, [FORMS, MAIL]);
    ScriptApp._declineScopes(ws, ws.owner, [FORMS]);
    const info = run(() =>
      app.getAuthorizationInfo(ScriptApp.gasEnums.AuthMode.FULL as never, [FORMS, MAIL]),
    );
    expect(info.getAuthorizedScopes()).toEqual([MAIL]);
    expect(info.getAuthorizationStatus()).toBe('REQUIRED');
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\/.*authorize$/);
    const other = as('staff@example.cn', () =>
      app.getAuthorizationInfo(ScriptApp.gasEnums.AuthMode.FULL as never, [FORMS]),
    );
    expect(other.getAuthorizedScopes()).toEqual([FORMS]);
  });
});
