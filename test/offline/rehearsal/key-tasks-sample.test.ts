/**
 * The key-tasks template rehearsed end to end from its bundled sample scenario: each progress
 * report stored against its task, reminders and overdue notices to the lead units of tasks without
 * a report that month, and the 活动报告 recounted from 推进台账.
 */
import {
  notices,
  rehearseSample,
  rows,
  table,
  type Rehearsed,
} from '../../support/template-rehearsal';
import type { DocxTable } from '../../support/docx';

describe('key-tasks: the sample scenario rehearsed (dist/Code.js, November–December 2018)', () => {
  let run: Rehearsed;
  beforeAll(async () => {
    run = await rehearseSample('sample-key-tasks');
  }, 120_000);

  test('every event replays with no failed execution; 推进台账 holds each report against its task', () => {
    expect(run.summary.activated).toBe(true);
    expect(run.summary.failures).toEqual([]);
    expect(run.summary.eventsDropped).toEqual([]);
    const reports = rows(run.workbook, '推进台账');
    expect(reports).toHaveLength(53);
    expect(new Set(reports.map((r) => r['任务编号'])).size).toBe(27);
    expect(rows(run.workbook, '重点任务清单')).toHaveLength(27);
  });

  test('the lead units of a task without a November report are reminded and chased for that month only', () => {
    const owing = notices(run.workbook, 'monthlyProgress', '2018-11', '逾期催报');
    const task07 = rows(run.workbook, '重点任务清单').find((r) => r['任务编号'] === 'RW-07')!;
    const leads = task07['牵头单位'].split(/[;；、]/).map((s) => s.trim());
    expect(owing.length).toBeGreaterThan(0);
    expect(new Set(owing.map(([unit]) => unit))).toEqual(new Set(leads));
    // RW-12's December report came after the 5 January deadline (on the 9th): its lead units alone
    // are chased for December, from the day after the deadline, and not after they reported.
    const task12 = rows(run.workbook, '重点任务清单').find((r) => r['任务编号'] === 'RW-12')!;
    const leads12 = task12['牵头单位'].split(/[;；、]/).map((s) => s.trim());
    const december = notices(run.workbook, 'monthlyProgress', '2018-12', '逾期催报');
    expect(new Set(december.map(([unit]) => unit))).toEqual(new Set(leads12));
    expect(december.map(([, day]) => day)).toContain('2019-01-06');
    expect(december.every(([, day]) => day < '2019-01-10')).toBe(true);
  });

  test('the 活动报告 lists the 27 tasks and recounts November’s reports from 推进台账', () => {
    const last = run.reports.at(-1)!;
    const reports = rows(run.workbook, '推进台账');
    const november = reports.filter((r) => r['情况截至日期'].startsWith('2018-11')).length;
    expect(november).toBe(26);
    const byPeriod = table(last.doc, '期间', '截止日期', '记录数');
    expect(byPeriod.find((r) => r[0] === '2018年11月')?.[2]).toBe(String(november));
    const tasks = last.doc.blocks.find(
      (b): b is DocxTable => b.kind === 'table' && b.rows.some((r) => r[0]?.text === 'RW-27'),
    );
    expect(tasks?.rows.filter((r) => /^RW-\d\d$/.test(r[0].text))).toHaveLength(27);
  });
});
