import type { Stage } from '../../src/domain/config';
import { obligations, stageTitle } from '../../src/domain/obligations';
import { dueNotices, noticeKey, scheduleOf } from '../../src/domain/reminder-plan';
import { stageProgress } from '../../src/domain/report-model';
import { at, config, linked, project, records, STAGES, unit } from './report-fixtures';

/** A monthly ledger owed by every unit, June to August 2014, each month due on the 5th after. */
const MONTHLY: Stage = {
  row: 7,
  stageId: 'monthly',
  name: '月度台账',
  opensOn: '2014-06-01',
  deadline: '2014-08-31',
  form: 'ledger',
  audience: 'allUnits',
  audienceDef: { kind: 'allUnits' },
  schedule: {
    kind: 'recurring',
    every: 'month',
    from: '2014-06-01',
    until: '2014-08-31',
    dueDaysAfter: 5,
  },
  remindDaysBefore: [40, 3],
  overdueEveryDays: 3,
};

const units = [unit('U01', '机关事业单位'), unit('U02', '驻深企业'), unit('U03', '机关事业单位')];
const campaign = { ...config(units), stages: [STAGES[0], MONTHLY] };
const data = records({
  projects: [project('P1', 'U01', { status: '重点项目' })],
  // U01 reported in June and in July; U02 only in June; U03 never. U01's project was filed, so it
  // met the one-off application stage.
  ledger: [
    linked('P1', 'U01', '2014-06-20T10:00:00'),
    linked('P1', 'U02', '2014-06-25T10:00:00'),
    linked('P1', 'U01', '2014-07-31T10:00:00'),
  ],
});
const owed = obligations(campaign, data);
const monthly = owed.filter((o) => o.stage.stageId === 'monthly');

describe('obligations of a recurring stage', () => {
  test('every unit owes every month, each with its own period, opening and deadline', () => {
    expect(
      monthly.map((o) => [o.periodId, o.periodLabel.zh, o.opensOn, o.deadline, o.unitId]),
    ).toEqual(
      [
        ['2014-06', '2014年6月', '2014-06-01', '2014-07-05'],
        ['2014-07', '2014年7月', '2014-07-01', '2014-08-05'],
        ['2014-08', '2014年8月', '2014-08-01', '2014-09-05'],
      ].flatMap((p) => units.map((u) => [...p, u.unitId])),
    );
  });

  test('a unit that reported in June still owes July', () => {
    const state = (periodId: string, unitId: string) =>
      monthly.find((o) => o.periodId === periodId && o.unitId === unitId)?.metAt ?? null;
    expect(state('2014-06', 'U02')).toBe(at('2014-06-25T10:00:00'));
    expect(state('2014-07', 'U02')).toBeNull();
    expect(state('2014-06', 'U03')).toBeNull();
    expect(state('2014-07', 'U01')).toBe(at('2014-07-31T10:00:00'));
  });

  test('a one-off stage has one period, id "", with the stage’s own dates', () => {
    const apply = owed.filter((o) => o.stage.stageId === 'apply');
    expect(apply.map((o) => [o.periodId, o.periodLabel.zh, o.opensOn, o.deadline])).toEqual(
      units.map(() => ['', '', '2014-05-20', '2014-05-30']),
    );
    expect(stageTitle(STAGES[0], apply[0].periodLabel, 'zh-CN')).toBe('apply');
    expect(stageTitle(MONTHLY, monthly[0].periodLabel, 'zh-CN')).toBe('月度台账 · 2014年6月');
    expect(stageTitle(MONTHLY, monthly[0].periodLabel, 'en')).toBe('月度台账 · June 2014');
  });
});

describe('reminders of a recurring stage', () => {
  const keys = (today: string, sent: string[] = []) =>
    dueNotices(campaign, owed, today, new Set(sent))
      .filter((n) => n.stage.stageId === 'monthly')
      .map(noticeKey);

  test('before each month’s deadline, only to the units still owing that month; keys name the period', () => {
    // U01 and U02 reported in June: June's reminder goes to U03 alone.
    expect(keys('2014-07-02')).toEqual(['U03|monthly@2014-06|-|reminder|3']);
    // July's reminder goes to the two that owe July; U03 is still told about June (its last
    // overdue notice, not yet sent).
    expect(keys('2014-08-02')).toEqual([
      'U03|monthly@2014-06|-|overdue|-7',
      'U02|monthly@2014-07|-|reminder|3',
      'U03|monthly@2014-07|-|reminder|3',
    ]);
  });

  test('overdue notices per month, every overdueEveryDays, at most overdueMaxNotices', () => {
    expect(keys('2014-07-06')).toEqual(['U03|monthly@2014-06|-|overdue|-1']);
    expect(keys('2014-07-09', ['U03|monthly@2014-06|-|overdue|-1'])).toEqual([
      'U03|monthly@2014-06|-|overdue|-4',
    ]);
    const thrice = ['-1', '-4', '-7'].map((d) => `U03|monthly@2014-06|-|overdue|${d}`);
    expect(keys('2014-07-12', thrice)).toEqual([]);
  });

  test('no reminder before its period opens: 40 days before 5 August is still June', () => {
    const july = monthly.find((o) => o.periodId === '2014-07')!;
    expect(scheduleOf(july, 3).filter((s) => s.kind === 'reminder')).toEqual([
      { day: '2014-08-02', kind: 'reminder', offsetDays: 3 },
    ]);
    const june = monthly.find((o) => o.periodId === '2014-06')!;
    expect(scheduleOf(june, 3)[0]).toEqual({ day: '2014-07-02', kind: 'reminder', offsetDays: 3 });
    expect(keys('2014-06-26')).toEqual([]);
  });

  test('a one-off stage keeps its key without a period', () => {
    expect(
      dueNotices(campaign, owed, '2014-05-31', new Set())
        .filter((n) => n.stage.stageId === 'apply')
        .map(noticeKey),
    ).toEqual(['U02|apply|-|overdue|-1', 'U03|apply|-|overdue|-1']);
  });
});

describe('stage progress of a recurring stage', () => {
  test('counts the latest period opened, the first before any has', () => {
    const july = stageProgress(campaign, data, MONTHLY, '2014-07-10');
    expect([july.period.periodId, july.state, july.expected, july.met, july.late]).toEqual([
      '2014-07',
      'open',
      3,
      1,
      0,
    ]);
    expect(stageProgress(campaign, data, MONTHLY, '2014-05-01').period.periodId).toBe('2014-06');
    // Open until the last month's deadline, not the last day of the schedule.
    expect(stageProgress(campaign, data, MONTHLY, '2014-09-05').state).toBe('open');
    expect(stageProgress(campaign, data, MONTHLY, '2014-09-06').state).toBe('closed');
  });
});
