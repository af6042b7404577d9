/**
 * Realistic time and transient faults (issue 11): service calls cost simulated time, a seeded share
 * of them fails with the texts Google's services give for a transient error, and the 6-minute kill
 * cannot be caught.
 */
import { createEmulator } from '../../../src/offline/emulator/index';
import { lockTimeoutOutcome } from '../../../src/offline/emulator/lock-service';
import { Sandbox } from '../../../src/offline/sandbox/sandbox';

const START = Date.parse('2014-05-20T09:00:00+08:00');

function run(code: string, options: { faultRate?: number; latency?: number; seed?: number } = {}) {
  const e = createEmulator({
    now: START,
    seed: options.seed ?? 1,
    owner: 'admin@x.example',
    faultRate: options.faultRate,
    callLatencyMs: options.latency === undefined ? undefined : () => options.latency as number,
  });
  const sandbox = new Sandbox(e.ws, e.services, code, (m) =>
    lockTimeoutOutcome(m === 'tryLock' ? 'tryLock' : 'waitLock'),
  );
  return { e, result: sandbox.run({ handler: 'probe', trigger: 'manual' }) };
}

// Lookups retried, so that only the measured calls count.
const SHEET = `function sheet0() {
  for (;;) { try { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; } catch (e) {} }
}
`;

const PROBE = `${SHEET}function probe() {
  var sheet = sheet0();
  var errors = [];
  for (var i = 0; i < 200; i++) {
    try { sheet.getRange(1, 1).setValue(i); } catch (e) { errors.push(e.message); }
  }
  return errors;
}`;

describe('transient faults (environment.json faultRate)', () => {
  // Source: Google's transient texts as reported on the Apps Script issue tracker
  // (e.g. "Service error: Spreadsheets", "We're sorry, a server error occurred. Please wait a bit
  // and try again.") — Google documents no rate, so the rate is the scenario's choice.
  test('with faultRate 0.1 about a tenth of 200 calls fail, each with a Google text; the same seed fails the same calls', () => {
    const first = run(PROBE, { faultRate: 0.1 }).result.value as string[];
    const again = run(PROBE, { faultRate: 0.1 }).result.value as string[];
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(50);
    expect(again).toEqual(first);
    for (const message of first) {
      expect([
        'Service error: Spreadsheets',
        "We're sorry, a server error occurred. Please wait a bit and try again.",
      ]).toContain(message);
    }
  });

  test('a failed call changes nothing: the cell keeps the last value that was written', () => {
    const { e, result } = run(
      `${SHEET}function probe() {
        var s = sheet0(), last = null;
        for (var i = 0; i < 100; i++) { try { s.getRange(1, 1).setValue(i); last = i; } catch (e) {} }
        return last;
      }`,
      { faultRate: 0.3 },
    );
    const sheet = e.spreadsheet.getSheets()[0];
    expect(sheet.getRange(1, 1).getValue()).toBe(result.value);
  });

  test('faultRate 0 (the default) never fails a call', () => {
    expect(run(PROBE).result.value).toEqual([]);
  });
});

describe('realistic time', () => {
  test('each service call costs its latency in simulated time (never slept)', () => {
    const { e, result } = run(PROBE, { latency: 250 });
    expect(result.ok).toBe(true);
    // 2 lookups + 200 × (getRange + setValue), 250 ms each.
    expect(result.execution.endedAt! - result.execution.startedAt).toBe(402 * 250);
    expect(e.ws.now() - START).toBe(402 * 250);
  });

  // Source: https://developers.google.com/apps-script/guides/services/quotas ("Script runtime:
  // 6 min / execution"); the execution is terminated, so catching the error does not save it.
  test('past 6 minutes every call fails with "Exceeded maximum execution time" and the run fails even if the script catches it', () => {
    const { result } = run(
      `function probe() {
        var r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1), errors = 0;
        for (var i = 0; i < 500; i++) { try { r.setValue(i); } catch (e) { errors++; } }
        return errors;
      }`,
      { latency: 1000 },
    );
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/Exceeded maximum execution time/);
  });
});

describe('scripted transient failures (host API ws.failNext, issue 13)', () => {
  test('the next call of the named method fails with the given text and does nothing; later calls work', () => {
    const { e, result } = (() => {
      const e = createEmulator({ now: START, seed: 1, owner: 'admin@x.example' });
      e.ws.failNext('SpreadsheetApp.Range.setValue', 'Service error: Spreadsheets');
      const sandbox = new Sandbox(
        e.ws,
        e.services,
        `${SHEET}function probe() { var s = sheet0(); var out = []; for (var i = 1; i <= 2; i++) { try { s.getRange(i, 1).setValue(i); out.push('ok'); } catch (x) { out.push(x.message); } } return out; }`,
        (m) => lockTimeoutOutcome(m === 'tryLock' ? 'tryLock' : 'waitLock'),
      );
      return { e, result: sandbox.run({ handler: 'probe', trigger: 'manual' }) };
    })();
    expect(result.value).toEqual(['Service error: Spreadsheets', 'ok']);
    const values = e.spreadsheet.getSheets()[0].getRange('A1:A2').getValues();
    expect(values).toEqual([[''], [2]]);
  });
});
