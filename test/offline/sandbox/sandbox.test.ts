import { createEmulator } from '../../../src/offline/emulator/index';
import { lockTimeoutOutcome } from '../../../src/offline/emulator/lock-service';
import { Sandbox } from '../../../src/offline/sandbox/sandbox';
import { runConcurrently, TOO_MANY_EXECUTIONS } from '../../../src/offline/sandbox/concurrent';
import { bundleCode } from '../../support/bundle';

const START = Date.parse('2014-05-20T09:00:00+08:00');

function emulator() {
  return createEmulator({ now: START, seed: 1, owner: 'admin@x.example' });
}

function sandboxFor(code: string, e = emulator()) {
  return {
    e,
    sandbox: new Sandbox(e.ws, e.services, code, (m) =>
      lockTimeoutOutcome(m === 'tryLock' ? 'tryLock' : 'waitLock'),
    ),
  };
}

describe('the sandbox gives the bundle only what Apps Script has', () => {
  const NODE_GLOBALS = [
    'require',
    'process',
    'setTimeout',
    'setInterval',
    'Buffer',
    'URL',
    'TextEncoder',
    'fetch',
    'module',
    '__dirname',
  ];

  test.each(NODE_GLOBALS)('touching %s fails with a ReferenceError, as in Apps Script', (name) => {
    const { sandbox } = sandboxFor(`function probe() { return ${name}; }`);
    const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(new RegExp(`ReferenceError: ${name} is not defined`));
  });

  test.each([
    ['[1, 2].at(-1)', 'is not a function'],
    ['"ab".replaceAll("a", "b")', 'is not a function'],
    ['Object.hasOwn({}, "a")', 'is not a function'],
    ['[3, 1].toSorted()', 'is not a function'],
    ['[1].findLast(Boolean)', 'is not a function'],
    ['structuredClone({})', 'structuredClone is not defined'],
  ])(
    'issue 13 #8: %s throws (post-ES2019 built-ins are removed: Apps Script is not known to have them)',
    (expression, message) => {
      const { sandbox } = sandboxFor(`function probe() { return ${expression}; }`);
      const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
      expect(result.ok).toBe(false);
      expect(result.error).toContain(message);
    },
  );

  test('the Apps Script services are there, and dist/Code.js loads without touching anything else', () => {
    const { sandbox } = sandboxFor(
      bundleCode() +
        '\nfunction probe() { return [typeof SpreadsheetApp, typeof MailApp, typeof LockService, typeof ScriptApp, typeof Utilities, typeof onOpen]; }',
    );
    const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
    expect(result.value).toEqual(['object', 'object', 'object', 'object', 'object', 'function']);
  });

  // Source: public live-test suite (gas-fakes): Cache.put / remove answer null on live Apps Script.
  test('a null returned by a service reaches the script as null, not undefined (Cache.put, gas-fakes live suite)', () => {
    const { sandbox } = sandboxFor(
      "function probe() { var c = CacheService.getScriptCache(); return [c.put('k', 'v') === null, c.remove('k') === null]; }",
    );
    const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
    expect(result.value).toEqual([true, true]);
  });

  // Source: public live-test suite (gas-fakes): how live Apps Script prints these objects.
  test("String(x) of a handle is its class name unless the fake overrides it: 'My Drive', 'Drive', 'DocumentBodySection' (gas-fakes live suite)", () => {
    const { sandbox } = sandboxFor(
      "function probe() { var other = DriveApp.createFolder('x'); return [String(DriveApp.getRootFolder()), String(DriveApp), String(DocumentApp.create('d').getBody()), String(other), String(SpreadsheetApp.getActiveSheet()), '' + DriveApp]; }",
    );
    const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
    expect(result.error ?? null).toBeNull();
    expect(result.value).toEqual([
      'My Drive',
      'Drive',
      'DocumentBodySection',
      'Folder',
      'Sheet',
      'Drive',
    ]);
  });

  test("the script's own `new Date()` and Date.now() read the simulated clock", () => {
    const { e, sandbox } = sandboxFor(
      'function probe() { return [new Date().toISOString(), Date.now(), new Date(0) instanceof Date, typeof Date()]; }',
    );
    e.ws.clock.set(Date.parse('2014-06-01T01:02:03Z'));
    const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
    expect(result.value).toEqual([
      '2014-06-01T01:02:03.000Z',
      Date.parse('2014-06-01T01:02:03Z'),
      true,
      'string',
    ]);
  });

  test('values cross the boundary as Apps Script gives them: Date cells are Dates of the script (instanceof Date), empty cells are ""', () => {
    const { e, sandbox } = sandboxFor(`function probe() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange('A1:C1').setValues([[new Date(Date.UTC(2014, 4, 30)), 42, 'x']]);
      var row = sheet.getRange('A1:D1').getValues()[0];
      return [row[0] instanceof Date, typeof row[1], row[3] === '', Array.isArray(row)];
    }`);
    const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
    expect(result.value).toEqual([true, 'number', true, true]);
    expect(e.ws.executions.at(-1)?.counts['SpreadsheetApp.Range.getValues']).toBe(1);
  });

  test('a failing Apps Script call throws into the script with its message (setValues shape error)', () => {
    const { sandbox } = sandboxFor(`function probe() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      try { sheet.getRange('A1:B2').setValues([[1, 2]]); } catch (e) { return [e instanceof Error, e.message]; }
    }`);
    expect(sandbox.run({ handler: 'probe', trigger: 'manual' }).value).toEqual([
      true,
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    ]);
  });

  test('every service call is counted per execution, by Service.Class.method', () => {
    const { e, sandbox } = sandboxFor(`function probe() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.getSheets()[0].getRange('A1').setValue(1);
      MailApp.getRemainingDailyQuota();
    }`);
    sandbox.run({ handler: 'probe', trigger: 'manual' });
    sandbox.run({ handler: 'probe', trigger: 'manual' });
    const [first, second] = e.ws.executions.slice(-2);
    expect(first.counts).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.Spreadsheet.getSheets': 1,
      'SpreadsheetApp.Sheet.getRange': 1,
      'SpreadsheetApp.Range.setValue': 1,
      'MailApp.getRemainingDailyQuota': 1,
    });
    expect(second.counts).toEqual(first.counts);
  });

  test('past 6 minutes Apps Script ends the run ("Exceeded maximum execution time"): catching it does not save the run', () => {
    const { sandbox } = sandboxFor(`function probe() {
      for (var i = 0; i < 3; i++) { try { Utilities.sleep(200000); } catch (e) { /* carry on */ } }
      return 'finished';
    }`);
    const result = sandbox.run({ handler: 'probe', trigger: 'time' });
    expect(result.ok).toBe(false);
    expect(result.error).toBe('Exceeded maximum execution time');
    expect(result.execution.ok).toBe(false);
  });

  test("local-time Date methods follow the script's time zone (Asia/Shanghai, from appsscript.json)", () => {
    const { sandbox } = sandboxFor(
      'function probe() { return new Date(Date.UTC(2014, 4, 20, 1, 0)).getHours(); }',
    );
    expect(sandbox.run({ handler: 'probe', trigger: 'manual' }).value).toBe(9);
  });

  test('an unknown handler fails like Apps Script: "Script function not found"', () => {
    const { sandbox } = sandboxFor('function a() {}');
    expect(sandbox.run({ handler: 'nope', trigger: 'manual' }).error).toMatch(
      /Script function not found: nope/,
    );
  });
});

describe('"not emulated" is loud (issue 11): a method Apps Script declares and the emulator lacks throws, never returns undefined', () => {
  // Source: the declared methods come from @types/google-apps-script, generated from the reference
  // (https://developers.google.com/apps-script/reference/spreadsheet/range lists getRichTextValue).
  test('Range.getRichTextValue exists for the script and throws "not emulated: SpreadsheetApp.Range.getRichTextValue"', () => {
    const { sandbox } = sandboxFor(`function probe() {
      var range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
      var kind = typeof range.getRichTextValue;
      try { range.getRichTextValue(); return [kind, 'returned']; } catch (e) { return [kind, e.message]; }
    }`);
    const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
    expect(result.value).toEqual([
      'function',
      'not emulated: SpreadsheetApp.Range.getRichTextValue',
    ]);
  });

  test('a method that Apps Script does not have at all stays a TypeError, as on Google', () => {
    const { sandbox } = sandboxFor(`function probe() {
      try { SpreadsheetApp.getActiveSpreadsheet().noSuchMethod(); } catch (e) { return e.name + ': ' + e.message; }
    }`);
    const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
    expect(result.value).toMatch(/^TypeError: .*noSuchMethod is not a function/);
  });

  test('a global service gets its stubs too (Ui.showSidebar of a menu run)', () => {
    const { sandbox } = sandboxFor(`function probe() {
      try { SpreadsheetApp.getUi().showSidebar(null); } catch (e) { return e.message; }
    }`);
    const result = sandbox.run({ handler: 'probe', trigger: 'manual' });
    expect(result.value).toBe('not emulated: Base.Ui.showSidebar');
  });
});

describe('simultaneous executions (worker threads, seeded interleaving at service-call boundaries)', () => {
  // "Without the lock, two simultaneous submissions that each compute the next empty row overwrite
  // each other" (apps-script-facts.md). A deliberately lock-free handler, and the same with the lock.
  const APPEND = `
    function appendNoLock(e) {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var row = sheet.getLastRow() + 1;
      sheet.getRange(row, 1, 1, 2).setValues([[e.i, 'response ' + e.i]]);
    }
    function appendWithLock(e) {
      var lock = LockService.getScriptLock();
      lock.waitLock(30000);
      try { appendNoLock(e); } finally { lock.releaseLock(); }
    }`;
  const submissions = (handler: string) =>
    Array.from({ length: 12 }, (_, i) => ({
      handler,
      trigger: 'form' as const,
      event: { i: i + 1 },
    }));
  const rows = (e: ReturnType<typeof emulator>) =>
    e.spreadsheet
      .getSheets()[0]
      .getDataRange()
      .getValues()
      .filter((r) => r[0] !== '');

  test('without the script lock, rows are lost (the classic lost-update race)', () => {
    const e = emulator();
    const results = runConcurrently(e.ws, e.services, APPEND, submissions('appendNoLock'), {
      seed: 11,
    });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(rows(e).length).toBeLessThan(12);
  });

  test('with the script lock, all 12 rows are there, each once', () => {
    const e = emulator();
    const results = runConcurrently(e.ws, e.services, APPEND, submissions('appendWithLock'), {
      seed: 11,
    });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(
      rows(e)
        .map((r) => r[0])
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  test('the same seed gives the same interleaving', () => {
    const order = (seed: number) => {
      const e = emulator();
      runConcurrently(e.ws, e.services, APPEND, submissions('appendWithLock'), { seed });
      return rows(e)
        .map((r) => r[0])
        .join(',');
    };
    expect(order(5)).toBe(order(5));
  });

  test('waitLock throws "Lock timeout: another process was holding the lock for too long." when the holder keeps it past the wait', () => {
    const code = `
      function contender() {
        try { LockService.getScriptLock().waitLock(5000); } catch (err) { return err.message; }
        for (var i = 0; i < 10; i++) Utilities.sleep(2000);
        return 'got it';
      }`;
    const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
    const outcomes = [1, 2, 3, 4, 5, 6].map((seed) => {
      const e = emulator();
      const specs = [0, 1].map(() => ({ handler: 'contender', trigger: 'manual' as const }));
      return runConcurrently(e.ws, e.services, code, specs, { seed }).map((r) => r.value);
    });
    // One holds the lock for 20 simulated seconds: whoever asks meanwhile times out after 5 s;
    // when one finishes before the other asks, both get it. Never do both time out.
    for (const values of outcomes) {
      expect(values).toContain('got it');
      for (const value of values) expect(['got it', TIMEOUT]).toContain(value);
    }
    expect(outcomes.some((values) => values.includes(TIMEOUT))).toBe(true);
  });

  test('simultaneous executions overlap in simulated time: two that each spend 3 minutes end 3 minutes after they start, not 6 (Apps Script runs triggers in parallel: https://developers.google.com/apps-script/guides/services/quotas "Simultaneous executions")', () => {
    const code = `function work() { for (let i = 0; i < 3; i++) Utilities.sleep(60000); return new Date().getTime(); }`;
    const e = emulator();
    const spec = { handler: 'work', trigger: 'form' as const };
    const results = runConcurrently(e.ws, e.services, code, [spec, spec], { seed: 1 });
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    // Each execution saw its own three minutes pass, and both ended at about the same moment.
    for (const r of results) {
      expect(r.value).toBeGreaterThanOrEqual(START + 180_000);
      expect(r.value).toBeLessThan(START + 181_000);
      expect(r.execution.endedAt! - r.execution.startedAt).toBeLessThan(181_000);
    }
    // A later call of one never waits for the other's sleep: the clock ends near START + 3 min.
    expect(e.ws.now()).toBeLessThan(START + 181_000);
  });

  test('the 31st simultaneous execution of one user fails to start and is not retried; other users and later starts are unaffected (source: https://developers.google.com/apps-script/guides/services/quotas "Simultaneous executions per user: 30")', () => {
    const code = `function work() { Utilities.sleep(1000); return 'ran'; }`;
    const e = emulator();
    const as = (user: string) => ({
      handler: 'work',
      trigger: 'form' as const,
      effectiveUser: user,
    });
    const specs = [...Array.from({ length: 31 }, () => as('admin@x.example')), as('b@x.example')];
    const results = runConcurrently(e.ws, e.services, code, specs, {
      seed: 3,
      arrivals: [
        // A moment later, while the 30 still run: refused too.
        { at: START, start: () => [as('admin@x.example')] },
        // Long after they ended: starts.
        { at: START + 3_600_000, start: () => [as('admin@x.example')] },
      ],
    });
    const outcome = results.map((r) => (r.ok ? r.value : r.error));
    expect(outcome).toEqual([
      ...Array<string>(30).fill('ran'),
      TOO_MANY_EXECUTIONS,
      'ran',
      TOO_MANY_EXECUTIONS,
      'ran',
    ]);
    // Refused executions are listed as failed, and nothing ever runs them again.
    const failed = e.ws.executions.filter((x) => x.handler === 'work' && !x.ok);
    expect(failed).toHaveLength(2);
    expect(e.ws.executions.filter((x) => x.handler === 'work')).toHaveLength(34);
  });
});
