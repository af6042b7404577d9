import { SECRETARY_PROJECT } from '../../sheets-templates/templates/secretary-project';
import {
  fromCampaignRecords,
  type CampaignData,
  type FormRecord,
} from '../../src/domain/campaign-data';
import { checkQuotas } from '../../src/domain/quota-rules';
import {
  addYears,
  amountOf,
  evaluateRules,
  type RuleContext,
} from '../../src/domain/rule-vocabulary';
import type { QuotaRuleDef, TemplateStage } from '../../src/domain/template';
import { at, TZ } from './report-fixtures';
import { daysFrom, secretaryCampaign } from './secretary-records';

/** A violation list as text, keys sorted, so field order does not matter. */
const canonical = (list: readonly object[]) =>
  JSON.stringify(list.map((v) => Object.fromEntries(Object.entries(v).sort())));

describe('evaluateRules on the Secretary Project, as checkQuotas() runs it from the configuration', () => {
  const { config, records } = secretaryCampaign();
  const data = fromCampaignRecords(config, records);
  const generic = (today: string, settings: Record<string, unknown> = { ...config.settings }) =>
    evaluateRules(SECRETARY_PROJECT.quotaRules, {
      data,
      stages: SECRETARY_PROJECT.stages,
      settings,
      today,
      timeZone: TZ,
    });

  test('the stages of 阶段设置 read as the template’s, on every day from May 2014 to March 2015', () => {
    const days = daysFrom('2014-05-01', '2015-03-31');
    const differing = days.filter(
      (d) => canonical(generic(d)) !== canonical(checkQuotas(config, records, d)),
    );
    expect(differing).toEqual([]);
    // Every rule fires on some day, so the comparison is not vacuous.
    const fired = new Set(days.flatMap((d) => generic(d).map((v) => v.rule)));
    expect(fired).toEqual(new Set(SECRETARY_PROJECT.quotaRules.map((r) => r.id)));
  });

  test('the dates staff set in 阶段设置 win over the template’s; the configuration’s rules are the ones run', () => {
    const later = config.stages.map((s) =>
      s.stageId === 'apply'
        ? {
            ...s,
            deadline: '2014-06-10',
            schedule: { kind: 'once' as const, opensOn: s.opensOn, deadline: '2014-06-10' },
          }
        : s,
    );
    const minimum = (c: typeof config, day: string) =>
      checkQuotas(c, records, day).filter((v) => v.rule === 'minProjectsPerUnit');
    expect(minimum(config, '2014-06-01')).toHaveLength(1);
    expect(minimum({ ...config, stages: later }, '2014-06-10')).toEqual([]);
    expect(minimum({ ...config, stages: later }, '2014-06-11')).toEqual([
      { rule: 'minProjectsPerUnit', unitId: 'U06', count: 0, limit: 1, since: '2014-06-11' },
    ]);
    const onlyQuota = config.quotaRules.filter((r) => r.id === 'keyProjectQuota');
    expect(checkQuotas({ ...config, quotaRules: onlyQuota }, records, '2014-10-01')).toEqual([
      { rule: 'keyProjectQuota', count: 5, limit: 3 },
    ]);
    expect(checkQuotas({ ...config, quotaRules: [] }, records, '2014-10-01')).toEqual([]);
  });

  test('the violations themselves, on a day inside the implementation stage', () => {
    expect(generic('2014-10-01')).toEqual([
      { rule: 'minProjectsPerUnit', unitId: 'U06', count: 0, limit: 1, since: '2014-05-31' },
      { rule: 'keyProjectQuota', count: 5, limit: 3 },
      { rule: 'rectificationRequired', unitId: 'U02', subjectId: 'SJXM-2014-003' },
      {
        rule: 'planForKeyProjects',
        unitId: 'U03',
        subjectId: 'SJXM-2014-004',
        since: '2014-08-01',
      },
      {
        rule: 'planForKeyProjects',
        unitId: 'U03',
        subjectId: 'SJXM-2014-007',
        since: '2014-08-01',
      },
      {
        rule: 'ledgerCadenceDays',
        unitId: 'U02',
        subjectId: 'SJXM-2014-003',
        count: 92,
        limit: 30,
        since: '2014-08-01',
      },
      {
        rule: 'ledgerCadenceDays',
        unitId: 'U03',
        subjectId: 'SJXM-2014-004',
        count: 32,
        limit: 30,
        since: '2014-09-30',
      },
      {
        rule: 'ledgerCadenceDays',
        unitId: 'U04',
        subjectId: 'SJXM-2014-005',
        count: 92,
        limit: 30,
        since: '2014-08-01',
      },
      {
        rule: 'ledgerCadenceDays',
        unitId: 'U03',
        subjectId: 'SJXM-2014-007',
        count: 98,
        limit: 30,
        since: '2014-07-26',
      },
    ]);
  });

  test('with other settings: a larger quota, no minimum, a shorter cadence', () => {
    const settings = {
      ...config.settings,
      keyProjectQuota: 5,
      minProjectsPerUnit: 0,
      ledgerCadenceDays: 7,
    };
    const c = { ...config, settings };
    for (const day of ['2014-06-01', '2014-07-09', '2014-09-28', '2014-12-31']) {
      expect(checkQuotas(c, records, day)).toEqual(generic(day, settings));
    }
    const rules = (day: string) => new Set(checkQuotas(c, records, day).map((v) => v.rule));
    expect(rules('2014-06-01').has('minProjectsPerUnit')).toBe(false);
    expect(rules('2014-10-01').has('keyProjectQuota')).toBe(false);
    expect(
      checkQuotas(c, records, '2014-07-09').filter((v) => v.rule === 'ledgerCadenceDays'),
    ).toContainEqual(expect.objectContaining({ limit: 7, count: 8 }));
  });
});

// --- the new vocabulary, on small hand-made data ---------------------------------------------------

const year2018 = { from: '2018-01-01', until: '2018-12-31' };
const stage = (
  stageId: string,
  form: string,
  schedule: TemplateStage['schedule'],
  audience: TemplateStage['audience'] = { kind: 'allUnits' },
): TemplateStage => ({
  stageId,
  name: { zh: stageId, en: stageId },
  form,
  audience,
  schedule,
  remindDaysBefore: [],
  overdueEveryDays: 0,
});
const STAGES: TemplateStage[] = [
  stage('meetings', 'meeting', {
    kind: 'recurring',
    every: 'quarter',
    ...year2018,
    dueDaysAfter: 10,
  }),
  stage(
    'cadreLife',
    'attendance',
    { kind: 'recurring', every: 'year', ...year2018, dueDaysAfter: 0 },
    { kind: 'roster', roles: ['领导干部'] },
  ),
  stage('rating', 'rating', { kind: 'once', opensOn: '2018-12-01', deadline: '2018-12-31' }),
];

let seq = 0;
function rec(
  form: string,
  unitId: string,
  day: string,
  values: FormRecord['values'] = {},
  personId: string | null = null,
): FormRecord {
  return {
    form,
    recordId: `${form}-${++seq}`,
    unitId,
    subjectId: null,
    personId,
    submittedAt: at(`${day}T10:00:00`),
    day,
    verified: true,
    values,
  };
}

const branch = (unitId: string, values: Record<string, string | number> = {}, active = true) => ({
  unitId,
  name: `第${unitId}支部`,
  category: unitId.startsWith('E') ? '企业支部' : '机关支部',
  active,
  values,
});

function ctxOf(
  data: CampaignData,
  today: string,
  settings: Record<string, unknown> = {},
): RuleContext {
  return { data, stages: STAGES, settings, today, timeZone: TZ };
}

const label = { zh: '规则', en: 'rule' };

describe('count per unit per quarter, with a filter', () => {
  const rule: QuotaRuleDef = {
    id: 'membersMeetingEachQuarter',
    label,
    kind: 'count',
    form: 'meeting',
    per: 'unit',
    period: 'quarter',
    atLeast: 1,
    filter: { field: 'meetingType', in: ['党员大会'] },
  };
  const data: CampaignData = {
    units: [branch('B2'), branch('B1'), branch('B9', {}, false)],
    people: [],
    subjects: [],
    records: [
      rec('meeting', 'B1', '2018-03-31', { meetingType: '党员大会' }),
      rec('meeting', 'B2', '2018-01-15', { meetingType: '支委会' }),
      rec('meeting', 'B2', '2018-04-01', { meetingType: '党员大会' }),
      rec('meeting', 'B1', '2018-06-30', { meetingType: '党员大会' }),
    ],
  };

  test('a branch with only a 支委会 in Q1 has no 党员大会: flagged the day after the quarter ends', () => {
    expect(evaluateRules([rule], ctxOf(data, '2018-03-31'))).toEqual([]);
    expect(evaluateRules([rule], ctxOf(data, '2018-04-01'))).toEqual([
      {
        rule: 'membersMeetingEachQuarter',
        unitId: 'B2',
        periodId: '2018-Q1',
        count: 0,
        limit: 1,
        since: '2018-04-01',
      },
    ]);
  });

  test('each ended quarter is checked; inactive branches are not; order is by unit, then quarter', () => {
    expect(
      evaluateRules([rule], ctxOf(data, '2019-01-01')).map((v) => [v.unitId, v.periodId, v.since]),
    ).toEqual([
      ['B1', '2018-Q3', '2018-10-01'],
      ['B1', '2018-Q4', '2019-01-01'],
      ['B2', '2018-Q1', '2018-04-01'],
      ['B2', '2018-Q3', '2018-10-01'],
      ['B2', '2018-Q4', '2019-01-01'],
    ]);
  });

  test('with after, a quarter is checked once that stage’s deadline for it has passed', () => {
    const late = { ...rule, after: 'meetings' };
    expect(evaluateRules([late], ctxOf(data, '2018-04-10'))).toEqual([]);
    expect(evaluateRules([late], ctxOf(data, '2018-04-11'))).toEqual([
      expect.objectContaining({ unitId: 'B2', periodId: '2018-Q1', since: '2018-04-11' }),
    ]);
    // Q4's deadline is 10 January of the next year.
    expect(evaluateRules([late], ctxOf(data, '2019-01-10')).map((v) => v.periodId)).not.toContain(
      '2018-Q4',
    );
    expect(evaluateRules([late], ctxOf(data, '2019-01-11')).map((v) => v.periodId)).toContain(
      '2018-Q4',
    );
  });

  test('per category counts the records of all its units', () => {
    const perCategory: QuotaRuleDef = {
      ...rule,
      id: 'byCategory',
      per: 'category',
      period: undefined,
      atLeast: 3,
    };
    const withEnterprise = { ...data, units: [...data.units, branch('E1')] };
    expect(evaluateRules([perCategory], ctxOf(withEnterprise, '2018-07-01'))).toEqual([
      { rule: 'byCategory', category: '企业支部', count: 0, limit: 3 },
    ]);
    expect(
      evaluateRules([{ ...perCategory, atLeast: 4 }], ctxOf(withEnterprise, '2018-07-01')),
    ).toEqual([
      { rule: 'byCategory', category: '企业支部', count: 0, limit: 4 },
      { rule: 'byCategory', category: '机关支部', count: 3, limit: 4 },
    ]);
  });
});

describe('count per person per year: 双重组织生活', () => {
  const rule: QuotaRuleDef = {
    id: 'cadreAttendsTwice',
    label,
    kind: 'count',
    form: 'attendance',
    per: 'person',
    period: 'year',
    atLeast: 2,
    among: { kind: 'roster', roles: ['领导干部'] },
  };
  const data: CampaignData = {
    units: [branch('B1'), branch('B2')],
    people: [
      { personId: 'C2', name: '李四', unitId: 'B2', role: '领导干部', email: '' },
      { personId: 'C1', name: '张三', unitId: 'B1', role: '领导干部', email: '' },
      { personId: 'M1', name: '王五', unitId: 'B1', role: '普通党员', email: '' },
    ],
    subjects: [],
    records: [
      rec('attendance', 'B1', '2018-04-12', {}, 'C1'),
      rec('attendance', 'B1', '2018-12-31', {}, 'C1'),
      rec('attendance', 'B2', '2018-06-01', {}, 'C2'),
      // Next year's attendance does not count for 2018.
      rec('attendance', 'B2', '2019-01-01', {}, 'C2'),
    ],
  };

  test('a cadre with one attendance by year end is flagged from 1 January; the member role is not checked', () => {
    expect(evaluateRules([rule], ctxOf(data, '2018-12-31'))).toEqual([]);
    expect(evaluateRules([rule], ctxOf(data, '2019-01-01'))).toEqual([
      {
        rule: 'cadreAttendsTwice',
        unitId: 'B2',
        personId: 'C2',
        periodId: '2018',
        count: 1,
        limit: 2,
        since: '2019-01-01',
      },
    ]);
  });
});

describe('at most a share, and at most a number', () => {
  const ratings = (results: string[]): CampaignData => ({
    units: results.map((_, i) => branch(`B${i + 1}`)),
    people: [],
    subjects: [],
    records: results.map((r, i) => rec('rating', `B${i + 1}`, '2018-12-20', { result: r })),
  });
  const share: QuotaRuleDef = {
    id: 'excellentShare',
    label,
    kind: 'count',
    form: 'rating',
    per: 'campaign',
    atMostShare: 0.3,
    filter: { field: 'result', in: ['优秀'] },
  };

  test('4 优秀 of 10 exceed 30 %: count 4, at most 3 allowed', () => {
    const data = ratings([
      '优秀',
      '优秀',
      '优秀',
      '优秀',
      '合格',
      '合格',
      '合格',
      '合格',
      '合格',
      '不合格',
    ]);
    expect(evaluateRules([share], ctxOf(data, '2018-12-21'))).toEqual([
      { rule: 'excellentShare', count: 4, limit: 3 },
    ]);
  });

  test('3 of 10 is exactly 30 %: fine; no records: nothing to share', () => {
    const data = ratings([
      '优秀',
      '优秀',
      '优秀',
      '合格',
      '合格',
      '合格',
      '合格',
      '合格',
      '合格',
      '不合格',
    ]);
    expect(evaluateRules([share], ctxOf(data, '2018-12-21'))).toEqual([]);
    expect(evaluateRules([share], ctxOf(ratings([]), '2018-12-21'))).toEqual([]);
  });

  test('atMost from a setting; an unreadable setting checks nothing', () => {
    const atMost: QuotaRuleDef = {
      ...share,
      id: 'excellentMax',
      atMostShare: undefined,
      atMost: { setting: 'maxExcellent' },
    };
    const data = ratings(['优秀', '优秀', '合格']);
    expect(evaluateRules([atMost], ctxOf(data, '2018-12-21', { maxExcellent: '1' }))).toEqual([
      { rule: 'excellentMax', count: 2, limit: 1 },
    ]);
    expect(evaluateRules([atMost], ctxOf(data, '2018-12-21', { maxExcellent: '' }))).toEqual([]);
    expect(amountOf({ setting: 'x' }, { x: 'abc' })).toBeUndefined();
    expect(amountOf(2, {})).toBe(2);
  });
});

describe('required and cadence', () => {
  const data: CampaignData = {
    units: [branch('B1'), branch('B2')],
    people: [],
    subjects: [],
    records: [
      rec('meeting', 'B2', '2018-02-01', { topic: '' }),
      rec('meeting', 'B1', '2018-02-10', { topic: '学习' }),
      rec('meeting', 'B1', '2018-03-20', { topic: '  ' }),
    ],
  };

  test('required flags each entry without the field, naming the record', () => {
    const rule: QuotaRuleDef = {
      id: 'topicRequired',
      label,
      kind: 'required',
      form: 'meeting',
      field: 'topic',
    };
    const ids = data.records.map((r) => r.recordId);
    expect(evaluateRules([rule], ctxOf(data, '2018-04-01'))).toEqual([
      { rule: 'topicRequired', unitId: 'B1', recordId: ids[2] },
      { rule: 'topicRequired', unitId: 'B2', recordId: ids[0] },
    ]);
  });

  test('cadence for units: counted from the stage opening, then from the last entry, only while it runs', () => {
    const rule: QuotaRuleDef = {
      id: 'meetingEvery45Days',
      label,
      kind: 'cadence',
      form: 'meeting',
      everyDays: 45,
      during: 'meetings',
      among: { kind: 'allUnits' },
    };
    expect(evaluateRules([rule], ctxOf(data, '2018-02-14'))).toEqual([]);
    expect(evaluateRules([rule], ctxOf(data, '2018-05-05'))).toEqual([
      { rule: 'meetingEvery45Days', unitId: 'B1', count: 46, limit: 45, since: '2018-05-05' },
      { rule: 'meetingEvery45Days', unitId: 'B2', count: 93, limit: 45, since: '2018-03-19' },
    ]);
    // The stage runs to Q4's deadline (2019-01-10), then the cadence is no longer checked.
    expect(evaluateRules([rule], ctxOf(data, '2019-01-10'))).toHaveLength(2);
    expect(evaluateRules([rule], ctxOf(data, '2019-01-11'))).toEqual([]);
    expect(evaluateRules([rule], ctxOf(data, '2017-12-31'))).toEqual([]);
  });
});

describe('term expiry', () => {
  const rule: QuotaRuleDef = {
    id: 'termExpiry',
    label,
    kind: 'termExpiry',
    dateColumn: 'lastElection',
    termYears: 3,
    termColumn: 'termYears',
    warnDays: 60,
  };
  const data: CampaignData = {
    units: [
      branch('B1', { lastElection: '2015-08-30' }),
      branch('B2', { lastElection: '2016-02-29' }),
      branch('B3', { lastElection: '2016-06-01', termYears: 5 }),
      branch('B4', {}),
      branch('B5', { lastElection: '2015-01-01' }, false),
    ],
    people: [],
    subjects: [],
    records: [],
  };

  test('a branch whose term ends within 60 days is flagged with the days left; the warning starts 60 days before', () => {
    expect(evaluateRules([rule], ctxOf(data, '2018-06-30'))).toEqual([]);
    expect(evaluateRules([rule], ctxOf(data, '2018-07-01'))).toEqual([
      { rule: 'termExpiry', unitId: 'B1', count: 60, limit: 60, since: '2018-07-01' },
    ]);
  });

  test('past the term end the days left are negative; a leap-day election ends on 28 February', () => {
    expect(addYears('2016-02-29', 3)).toBe('2019-02-28');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
    expect(evaluateRules([rule], ctxOf(data, '2019-01-01'))).toEqual([
      { rule: 'termExpiry', unitId: 'B1', count: -124, limit: 60, since: '2018-07-01' },
      { rule: 'termExpiry', unitId: 'B2', count: 58, limit: 60, since: '2018-12-30' },
    ]);
  });

  test('the unit’s own term wins over the template’s; a date cell works like a date string', () => {
    const withDate = {
      ...data,
      units: [branch('B3', { termYears: 5 }), branch('B6')].map((u, i) =>
        i === 0
          ? { ...u, values: { ...u.values, lastElection: new Date(at('2016-06-01T00:00:00')) } }
          : u,
      ),
    };
    expect(evaluateRules([rule], ctxOf(withDate, '2019-06-01'))).toEqual([]);
    expect(evaluateRules([rule], ctxOf(withDate, '2021-04-02'))).toEqual([
      { rule: 'termExpiry', unitId: 'B3', count: 60, limit: 60, since: '2021-04-02' },
    ]);
  });
});

describe('count per subject', () => {
  const data: CampaignData = {
    units: [branch('D1'), branch('D2')],
    people: [],
    subjects: [
      {
        type: 'task',
        subjectId: 'T2',
        name: '任务二',
        unitIds: ['D2'],
        values: {},
        submittedAt: null,
      },
      {
        type: 'task',
        subjectId: 'T1',
        name: '任务一',
        unitIds: ['D1', 'D2'],
        values: {},
        submittedAt: null,
      },
      {
        type: 'other',
        subjectId: 'X1',
        name: '其他',
        unitIds: ['D1'],
        values: {},
        submittedAt: null,
      },
    ],
    records: [
      { ...rec('progress', 'D1', '2018-03-10'), subjectId: 'T1' },
      { ...rec('progress', 'D1', '2018-03-20'), subjectId: 'T1' },
    ],
  };
  const rule: QuotaRuleDef = {
    id: 'progressTwice',
    label,
    kind: 'count',
    form: 'progress',
    per: 'subject',
    period: 'month',
    atLeast: 2,
  };
  const forms = [
    {
      key: 'progress',
      title: label,
      description: '',
      sheet: label,
      makes: { kind: 'entry', of: 'task' } as const,
      fields: [],
    },
  ];
  const stages = [
    stage('progress', 'progress', {
      kind: 'recurring',
      every: 'month',
      from: '2018-03-01',
      until: '2018-03-31',
      dueDaysAfter: 5,
    }),
  ];

  test('the form tells which subject type is counted; each owning unit is named; numbers shown above 1', () => {
    expect(evaluateRules([rule], { ...ctxOf(data, '2018-04-01'), stages, forms })).toEqual([
      {
        rule: 'progressTwice',
        unitId: 'D2',
        subjectId: 'T2',
        periodId: '2018-03',
        count: 0,
        limit: 2,
        since: '2018-04-01',
      },
    ]);
    // Without the forms every subject is counted.
    expect(
      evaluateRules([rule], { ...ctxOf(data, '2018-04-01'), stages }).map((v) => v.subjectId),
    ).toEqual(['T2', 'X1']);
  });

  test('"each subject has one" reports the missing subject without numbers', () => {
    const once: QuotaRuleDef = { ...rule, id: 'hasProgress', atLeast: 1, period: undefined };
    expect(evaluateRules([once], { ...ctxOf(data, '2018-04-01'), stages, forms })).toEqual([
      { rule: 'hasProgress', unitId: 'D2', subjectId: 'T2' },
    ]);
  });
});
