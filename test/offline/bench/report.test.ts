import { DEFAULT_LATENCY } from '../../../src/offline/bench/latency';
import { columnLetter, type Measurement } from '../../../src/offline/bench/measure';
import {
  alignTable,
  byService,
  callsPerExecution,
  costBreakdown,
  growingCalls,
  HEADER,
  recurringLines,
  tableRows,
  targetLines,
} from '../../../src/offline/bench/report';

function execution(
  counts: Record<string, number>,
  extra: Partial<Measurement['executions'][0]> = {},
) {
  return {
    handler: 'onDailyTick',
    ok: true,
    calls: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    cells: {},
    sends: counts['MailApp.sendEmail'] ?? 0,
    recipients: counts['MailApp.sendEmail'] ?? 0,
    cpuMs: 100,
    scriptCpuMs: 60,
    estMs: 1000,
    ...extra,
  };
}

const m = (
  scenario: Measurement['scenario'],
  units: number,
  impl: Measurement['impl'],
  executions: Measurement['executions'],
  addresses: string[] = [],
): Measurement => ({ scenario, units, impl, executions, addresses });

describe('bench report', () => {
  test('calls are grouped by service, the first part of the counted name', () => {
    expect(
      byService({
        'SpreadsheetApp.Range.getValues': 3,
        'SpreadsheetApp.getActiveSpreadsheet': 1,
        'MailApp.sendEmail': 2,
      }),
    ).toEqual({ SpreadsheetApp: 4, MailApp: 2 });
  });

  test('calls per execution leave out MailApp.sendEmail and take the largest execution', () => {
    const daily = m('dailyRun', 10, 'ours', [
      execution({ 'SpreadsheetApp.Range.getValues': 10, 'MailApp.sendEmail': 500 }),
      execution({ 'SpreadsheetApp.Range.getValues': 14, 'MailApp.sendEmail': 5 }),
    ]);
    expect(callsPerExecution(daily)).toBe(14);
  });

  test('growing calls are those up by more than 10 % and more than 5, biggest growth first', () => {
    expect(
      growingCalls(
        { a: 100, b: 10, c: 50, 'MailApp.sendEmail': 1 },
        { a: 105, b: 30, c: 5000, 'MailApp.sendEmail': 900 },
      ),
    ).toEqual([
      { name: 'c', from: 50, to: 5000 },
      { name: 'b', from: 10, to: 30 },
    ]);
  });

  test('the table has one row per measurement with the ours/naive ratio on our row', () => {
    const rows = tableRows([
      m('submission', 100, 'ours', [execution({ 'SpreadsheetApp.Range.getValues': 20 })]),
      m('submission', 100, 'naive', [
        execution({ 'SpreadsheetApp.Range.getValue': 2000 }, { estMs: 20000 }),
      ]),
    ]);
    expect(rows).toHaveLength(2);
    const col = (name: string) => HEADER.indexOf(name);
    expect(rows[0][col('calls')]).toBe('20');
    expect(rows[0][col('ours/naive calls')]).toBe('0.010×');
    expect(rows[0][col('ours/naive est.')]).toBe('0.050×');
    expect(rows[1][col('ours/naive calls')]).toBe('');
    const lines = alignTable(HEADER, rows);
    expect(lines).toHaveLength(3);
    expect(lines[1].indexOf('100')).toBe(lines[2].indexOf('100'));
  });

  test('target lines pass a size-independent scenario, fail a growing one naming the growing call, and check the recipients are the same', () => {
    const lines = targetLines({
      table: DEFAULT_LATENCY,
      sizes: [100, 5000],
      bundleBytes: 200 * 1024,
      measurements: [
        m('submission', 100, 'ours', [execution({ x: 80, 'MailApp.sendEmail': 1 })], ['a@x']),
        m('submission', 5000, 'ours', [execution({ x: 85, 'MailApp.sendEmail': 1 })], ['a@x']),
        m('submission', 5000, 'naive', [execution({ y: 9000, 'MailApp.sendEmail': 1 })], ['b@x']),
        m('dailyRun', 100, 'ours', [execution({ x: 50, 'FormApp.Choice.getValue': 100 })]),
        m('dailyRun', 5000, 'ours', [
          execution({ x: 50, 'FormApp.Choice.getValue': 5000 }, { estMs: 30000, cpuMs: 1500 }),
        ]),
      ],
    });
    expect(lines[0]).toMatch(/^PASS {2}submission: .* 80 → 85/);
    expect(lines[1]).toMatch(/^FAIL {2}dailyRun: calls per execution excluding MailApp.sendEmail/);
    expect(lines[2]).toContain('grows: FormApp.Choice.getValue 100 → 5,000');
    expect(lines.find((l) => l.includes('under 60 s'))).toMatch(/^PASS/);
    expect(lines.find((l) => l.includes('under 2 s of local CPU'))).toMatch(/^PASS/);
    expect(lines.find((l) => l.includes('bundle'))).toMatch(/^PASS .*200\.0 KB/);
    expect(lines.find((l) => l.includes('same work, submission at 5,000'))).toMatch(
      /^FAIL .*only ours: a@x; only naive: b@x/,
    );
  });

  test('the recurring template passes a flat submission, fails a growing review edit naming the call, and reports its daily run', () => {
    const lines = recurringLines(
      [
        m('recurringSubmission', 100, 'ours', [execution({ x: 111, 'MailApp.sendEmail': 1 })]),
        m('recurringSubmission', 5000, 'ours', [execution({ x: 112, 'MailApp.sendEmail': 1 })]),
        m('recurringReviewEdit', 100, 'ours', [
          execution({ x: 40, 'SpreadsheetApp.Range.getValue': 1 }),
        ]),
        m('recurringReviewEdit', 5000, 'ours', [
          execution({ x: 40, 'SpreadsheetApp.Range.getValue': 50 }),
        ]),
        m('recurringDailyRun', 100, 'ours', [execution({ x: 300, 'MailApp.sendEmail': 80 })]),
        m('recurringDailyRun', 5000, 'ours', [execution({ x: 900, 'MailApp.sendEmail': 4000 })]),
      ],
      100,
      5000,
    );
    expect(lines[0]).toMatch(
      /^PASS {2}recurring submission calls flat 100 → 5,000 \(within 10 %\): 111 → 112/,
    );
    expect(lines[1]).toMatch(/^FAIL {2}recurring review edit calls flat .*: 41 → 90/);
    expect(lines[2]).toContain('grows: SpreadsheetApp.Range.getValue 1 → 50');
    expect(lines[3]).toMatch(/^INFO {2}recurring daily run .*300 → 900 .*80 → 4,000 emails/);
  });

  test('the cost breakdown prices calls and the cells they moved, most expensive first', () => {
    const costs = costBreakdown(DEFAULT_LATENCY, {
      counts: { 'MailApp.sendEmail': 10, 'SpreadsheetApp.Range.getValues': 2 },
      cells: { 'SpreadsheetApp.Range.getValues': 2_000_000 },
    });
    expect(costs[0].name).toBe('SpreadsheetApp.Range.getValues');
    expect(costs[0].ms).toBeCloseTo(2 * 30 + 2_000_000 * 0.002);
    expect(costs[1].ms).toBe(3000);
  });

  test('column letters follow Sheets: Z, AA, AZ, BA', () => {
    expect([1, 26, 27, 52, 53].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });
});
