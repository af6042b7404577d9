import {
  calendarPeriods,
  periodLabel,
  periodOfDay,
  periodsOf,
  scheduleSpan,
} from '../../src/domain/periods';
import type { Schedule } from '../../src/domain/template';

const recurring = (
  every: 'month' | 'quarter' | 'year',
  from: string,
  until: string,
  dueDaysAfter = 0,
): Schedule => ({ kind: 'recurring', every, from, until, dueDaysAfter });

describe('periodsOf', () => {
  test('a one-off stage is one period, its own opening and deadline', () => {
    expect(periodsOf({ kind: 'once', opensOn: '2014-05-20', deadline: '2014-05-30' })).toEqual([
      {
        periodId: '',
        label: { zh: '', en: '' },
        start: '2014-05-20',
        end: '2014-05-30',
        opensOn: '2014-05-20',
        deadline: '2014-05-30',
      },
    ]);
  });

  test('quarters of a year: calendar quarters, Chinese labels, due the 10th day after the quarter', () => {
    const quarters = periodsOf(recurring('quarter', '2018-01-01', '2018-12-31', 10));
    expect(quarters.map((p) => [p.periodId, p.label.zh, p.start, p.end, p.deadline])).toEqual([
      ['2018-Q1', '2018年第一季度', '2018-01-01', '2018-03-31', '2018-04-10'],
      ['2018-Q2', '2018年第二季度', '2018-04-01', '2018-06-30', '2018-07-10'],
      ['2018-Q3', '2018年第三季度', '2018-07-01', '2018-09-30', '2018-10-10'],
      ['2018-Q4', '2018年第四季度', '2018-10-01', '2018-12-31', '2019-01-10'],
    ]);
    expect(quarters[3].label.en).toBe('Q4 2018');
    expect(quarters.every((p) => p.opensOn === p.start)).toBe(true);
  });

  test('months: February of a leap year ends on the 29th, of a common year on the 28th', () => {
    const leap = periodsOf(recurring('month', '2020-01-01', '2020-03-31'));
    expect(leap.map((p) => [p.periodId, p.label.zh, p.end])).toEqual([
      ['2020-01', '2020年1月', '2020-01-31'],
      ['2020-02', '2020年2月', '2020-02-29'],
      ['2020-03', '2020年3月', '2020-03-31'],
    ]);
    expect(leap[1].label.en).toBe('February 2020');
    expect(periodsOf(recurring('month', '2019-02-01', '2019-02-28'))[0].end).toBe('2019-02-28');
  });

  test('Dec 31 closes the year and the last month; the deadline runs into the next year', () => {
    const months = periodsOf(recurring('month', '2018-11-01', '2018-12-31', 5));
    expect(months.map((p) => [p.periodId, p.end, p.deadline])).toEqual([
      ['2018-11', '2018-11-30', '2018-12-05'],
      ['2018-12', '2018-12-31', '2019-01-05'],
    ]);
    const years = periodsOf(recurring('year', '2017-01-01', '2018-12-31', 15));
    expect(years.map((p) => [p.periodId, p.label.zh, p.start, p.end, p.deadline])).toEqual([
      ['2017', '2017年度', '2017-01-01', '2017-12-31', '2018-01-15'],
      ['2018', '2018年度', '2018-01-01', '2018-12-31', '2019-01-15'],
    ]);
  });

  test('a schedule starting or ending mid-period clips its first and last periods, keeping calendar ids', () => {
    const quarters = periodsOf(recurring('quarter', '2018-03-15', '2018-08-20', 10));
    expect(quarters.map((p) => [p.periodId, p.start, p.end, p.deadline])).toEqual([
      ['2018-Q1', '2018-03-15', '2018-03-31', '2018-04-10'],
      ['2018-Q2', '2018-04-01', '2018-06-30', '2018-07-10'],
      ['2018-Q3', '2018-07-01', '2018-08-20', '2018-08-30'],
    ]);
  });

  test('a year of months is twelve periods', () => {
    expect(periodsOf(recurring('month', '2018-01-01', '2018-12-31'))).toHaveLength(12);
  });
});

describe('periodOfDay and spans', () => {
  const quarterly = recurring('quarter', '2018-01-01', '2018-12-31', 10);

  test('quarter ends and new year belong to the period they close', () => {
    expect(periodOfDay(quarterly, '2018-03-31')?.periodId).toBe('2018-Q1');
    expect(periodOfDay(quarterly, '2018-04-01')?.periodId).toBe('2018-Q2');
    expect(periodOfDay(quarterly, '2018-12-31')?.periodId).toBe('2018-Q4');
    // Inside Q4's deadline but outside the schedule's days: no period counts it.
    expect(periodOfDay(quarterly, '2019-01-01')).toBeNull();
    expect(periodOfDay(quarterly, '2017-12-31')).toBeNull();
  });

  test('leap day is in February and Q1', () => {
    expect(
      periodOfDay(recurring('month', '2020-01-01', '2020-12-31'), '2020-02-29')?.periodId,
    ).toBe('2020-02');
    expect(
      periodOfDay(recurring('quarter', '2020-01-01', '2020-12-31'), '2020-02-29')?.periodId,
    ).toBe('2020-Q1');
  });

  test('a one-off schedule has its one period for days within it', () => {
    const once: Schedule = { kind: 'once', opensOn: '2014-07-01', deadline: '2014-12-31' };
    expect(periodOfDay(once, '2014-12-31')?.periodId).toBe('');
    expect(periodOfDay(once, '2015-01-01')).toBeNull();
  });

  test('scheduleSpan runs from the first opening to the last deadline', () => {
    expect(scheduleSpan(quarterly)).toEqual({ opensOn: '2018-01-01', deadline: '2019-01-10' });
    expect(scheduleSpan({ kind: 'once', opensOn: '2014-05-20', deadline: '2014-05-30' })).toEqual({
      opensOn: '2014-05-20',
      deadline: '2014-05-30',
    });
  });

  test('calendarPeriods are due on their last day', () => {
    expect(
      calendarPeriods('year', '2018-06-01', '2019-02-01').map((p) => [
        p.periodId,
        p.start,
        p.deadline,
      ]),
    ).toEqual([
      ['2018', '2018-06-01', '2018-12-31'],
      ['2019', '2019-01-01', '2019-02-01'],
    ]);
  });

  test('periodLabel names a period by its id, as periodsOf does; none for the one-off period', () => {
    const labels = periodsOf(recurring('quarter', '2018-01-01', '2018-06-30', 10)).map((p) => [
      periodLabel(p.periodId),
      p.label,
    ]);
    for (const [byId, own] of labels) expect(byId).toEqual(own);
    expect(periodLabel('2018-Q1')).toEqual({ zh: '2018年第一季度', en: 'Q1 2018' });
    expect(periodLabel('2018-03')).toEqual({ zh: '2018年3月', en: 'March 2018' });
    expect(periodLabel('2018')).toEqual({ zh: '2018年度', en: '2018' });
    expect(periodLabel('')).toBeNull();
    expect(periodLabel('2018-13')).toBeNull();
    expect(periodLabel('2018-Q5')).toBeNull();
  });
});
