import { AUDIT_LOG_SHEET } from '../../../sheets-templates/data-sheets';
import { DEFAULT_LATENCY } from '../../../src/offline/bench/latency';
import {
  dailyRunOurs,
  newRecurringBench,
  recurringReviewEdit,
  recurringSubmission,
  totals,
} from '../../../src/offline/bench/measure';
import {
  BRANCH_CATEGORIES,
  MEETING_SHEET,
  RATING_SHEET,
} from '../../../src/offline/bench/recurring';
import { bundlePath } from '../../support/bundle';

describe('the recurring template (branch-duties) campaign of the bench, at 10 branches', () => {
  const bench = newRecurringBench(10, DEFAULT_LATENCY, bundlePath());
  const { harness } = bench.campaign;
  const body = (title: string) => (harness.values(title) ?? []).slice(1).filter((r) => r[0] !== '');
  const column = (title: string, label: string) =>
    (harness.values(title) ?? [[]])[0].map(String).indexOf(label);

  test('has 10 branches of the four categories, 5 cadres and half a year of records', () => {
    // 5 months × 3 meetings for every branch, December's 3 for three branches in ten.
    expect(bench.campaign.shape).toMatchObject({
      units: 10,
      cadres: 5,
      meetings: 10 * 5 * 3 + 3 * 3,
      dualLife: 5 + 3,
      ratings: 10,
    });
    expect(body(MEETING_SHEET.title.zh)).toHaveLength(159);
    expect(body(RATING_SHEET.title.zh)).toHaveLength(10);
    const units = body('单位名册');
    expect(units).toHaveLength(10);
    const categories = new Set(units.map((r) => String(r[column('单位名册', '单位类别')])));
    expect([...categories].sort()).toEqual([...BRANCH_CATEGORIES].sort());
  });

  test('the daily run reminds branches that have not recorded December; a meeting submission is taken in; a typed grade is accepted and audited', () => {
    const daily = dailyRunOurs(bench, DEFAULT_LATENCY, 'recurringDailyRun');
    expect(daily.executions.every((e) => e.ok)).toBe(true);
    // Branches 4–10 owe December's meetings; 1–3 have recorded them.
    expect(daily.addresses).toEqual(expect.arrayContaining(['zb7@b7.example', 'zb4@b4.example']));
    expect(daily.addresses).not.toContain('zb1@b1.example');

    const submitted = recurringSubmission(bench, DEFAULT_LATENCY);
    expect(submitted.executions.map((e) => e.ok)).toEqual([true]);
    expect(totals(submitted).sends).toBe(1);
    expect(submitted.addresses).toEqual(['zb7@b7.example']);
    const meetings = body(MEETING_SHEET.title.zh);
    expect(meetings).toHaveLength(160);
    const last = meetings.at(-1)!;
    expect(last[column(MEETING_SHEET.title.zh, '单位编号')]).toBe('B0007');
    expect(last[column(MEETING_SHEET.title.zh, '会议类型')]).toBe('支委会');

    const reviewed = recurringReviewEdit(bench, DEFAULT_LATENCY);
    expect(reviewed.executions.map((e) => [e.handler, e.ok])).toEqual([['onReviewEdit', true]]);
    expect(body(RATING_SHEET.title.zh)[0][column(RATING_SHEET.title.zh, '评定等次')]).toBe('合格');
    const audit = body(AUDIT_LOG_SHEET.title.zh);
    expect(audit.at(-1)).toEqual(expect.arrayContaining(['zzb@jggw.example', '合格']));
  });
});
