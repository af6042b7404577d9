import { SECRETARY_PROJECT } from '../../sheets-templates/templates/secretary-project';
import { fromCampaignRecords, type CampaignData } from '../../src/domain/campaign-data';
import { duties } from '../../src/domain/duties';
import { obligations } from '../../src/domain/obligations';
import type { TemplateStage } from '../../src/domain/template';
import { at, TZ } from './report-fixtures';
import { secretaryCampaign } from './secretary-records';

describe('duties on the Secretary Project agree with obligations()', () => {
  const { config, records } = secretaryCampaign();
  const data = fromCampaignRecords(config, records);
  const mine = duties(SECRETARY_PROJECT.stages, data, TZ);

  test('the same stage, unit, project, first submission and lateness, in the same order', () => {
    const today = obligations(config, records).map((o) => ({
      stageId: o.stage.stageId,
      unitId: o.unitId,
      subjectId: o.projectId,
      metAt: o.metAt,
      late: o.late,
    }));
    expect(
      mine.map(({ stageId, unitId, subjectId, metAt, late }) => ({
        stageId,
        unitId,
        subjectId,
        metAt,
        late,
      })),
    ).toEqual(today);
    // The data is rich enough to tell them apart: met, owed, late, each stage.
    expect(today.length).toBe(5 + 4 + 4 + 6);
    expect(today.some((o) => o.late)).toBe(true);
    expect(today.some((o) => o.metAt === null)).toBe(true);
    expect(new Set(today.map((o) => o.stageId))).toEqual(
      new Set(['apply', 'plan', 'implement', 'summarize']),
    );
  });

  test('one-off duties carry the stage’s own dates and no period', () => {
    const plan = mine.filter((d) => d.stageId === 'plan');
    expect(
      plan.every(
        (d) => d.periodId === '' && d.opensOn === '2014-07-01' && d.deadline === '2014-07-31',
      ),
    ).toBe(true);
    expect(plan.find((d) => d.subjectId === 'SJXM-2014-003')).toMatchObject({
      metAt: at('2014-08-01T00:00:00'),
      late: true,
    });
    expect(plan.find((d) => d.subjectId === 'SJXM-2014-001')?.metAt).toBe(
      at('2014-07-05T10:00:00'),
    );
    // The inactive unit's key project owes nothing.
    expect(plan.some((d) => d.unitId === 'U04')).toBe(false);
  });
});

const meetings: TemplateStage = {
  stageId: 'branchMeeting',
  name: { zh: '党员大会', en: 'Members meeting' },
  form: 'meeting',
  audience: { kind: 'unitsOfCategory', categories: ['党支部'] },
  schedule: {
    kind: 'recurring',
    every: 'quarter',
    from: '2018-01-01',
    until: '2018-12-31',
    dueDaysAfter: 10,
  },
  remindDaysBefore: [7],
  overdueEveryDays: 7,
};

const lessons: TemplateStage = {
  stageId: 'cadreLife',
  name: { zh: '双重组织生活', en: 'Dual organisational life' },
  form: 'attendance',
  audience: { kind: 'roster', roles: ['县处级领导干部'] },
  schedule: {
    kind: 'recurring',
    every: 'year',
    from: '2018-01-01',
    until: '2018-12-31',
    dueDaysAfter: 0,
  },
  remindDaysBefore: [],
  overdueEveryDays: 0,
};

function record(
  form: string,
  unitId: string,
  day: string,
  submitted: string,
  personId: string | null = null,
) {
  return {
    form,
    recordId: `${form}:${unitId}:${day}:${personId ?? ''}`,
    unitId,
    subjectId: null,
    personId,
    submittedAt: at(submitted),
    day,
    verified: true,
    values: {},
  };
}

const branches: CampaignData = {
  units: [
    { unitId: 'B1', name: '第一党支部', category: '党支部', active: true, values: {} },
    { unitId: 'B2', name: '第二党支部', category: '党支部', active: true, values: {} },
    { unitId: 'B3', name: '第三党支部', category: '党支部', active: false, values: {} },
    { unitId: 'C1', name: '机关党委', category: '党委', active: true, values: {} },
  ],
  people: [
    { personId: 'P1', name: '张三', unitId: 'B1', role: '县处级领导干部', email: 'p1@x.example' },
    { personId: 'P2', name: '李四', unitId: 'B2', role: '普通党员', email: 'p2@x.example' },
    { personId: 'P3', name: '王五', unitId: 'B3', role: '县处级领导干部', email: 'p3@x.example' },
  ],
  subjects: [],
  records: [
    // Q1's meeting reported on 5 April (before its deadline) and again on 20 April (late): the first meets it.
    record('meeting', 'B1', '2018-03-31', '2018-04-05T10:00:00'),
    record('meeting', 'B1', '2018-03-30', '2018-04-20T10:00:00'),
    // Q2's meeting reported after its deadline (10 July): met, late.
    record('meeting', 'B2', '2018-06-15', '2018-07-11T09:00:00'),
    // Reported on the deadline day itself: on time.
    record('meeting', 'B2', '2018-09-30', '2018-10-10T23:59:00'),
    record('attendance', 'B1', '2018-12-31', '2019-01-01T08:00:00', 'P1'),
  ],
};

describe('duties of recurring stages', () => {
  const all = duties([meetings, lessons], branches, TZ);

  test('every active branch owes every quarter; a record counts for the quarter its day is in', () => {
    const rows = all
      .filter((d) => d.stageId === 'branchMeeting')
      .map((d) => [d.periodId, d.unitId, d.deadline, d.metAt !== null, d.late]);
    expect(rows).toEqual([
      ['2018-Q1', 'B1', '2018-04-10', true, false],
      ['2018-Q1', 'B2', '2018-04-10', false, false],
      ['2018-Q2', 'B1', '2018-07-10', false, false],
      ['2018-Q2', 'B2', '2018-07-10', true, true],
      ['2018-Q3', 'B1', '2018-10-10', false, false],
      ['2018-Q3', 'B2', '2018-10-10', true, false],
      ['2018-Q4', 'B1', '2019-01-10', false, false],
      ['2018-Q4', 'B2', '2019-01-10', false, false],
    ]);
    expect(all.find((d) => d.periodId === '2018-Q1' && d.unitId === 'B1')?.metAt).toBe(
      at('2018-04-05T10:00:00'),
    );
  });

  test('roster people owe with their unit, by role, only while their unit is active', () => {
    const rows = all.filter((d) => d.stageId === 'cadreLife');
    expect(rows).toEqual([
      {
        stageId: 'cadreLife',
        periodId: '2018',
        opensOn: '2018-01-01',
        deadline: '2018-12-31',
        unitId: 'B1',
        subjectId: null,
        personId: 'P1',
        metAt: at('2019-01-01T08:00:00'),
        // Dated 31 December but submitted after the deadline day: counts for 2018, late.
        late: true,
      },
    ]);
  });

  test('a stage without a form or with a staff audience owes nothing', () => {
    const staff: TemplateStage = {
      ...meetings,
      stageId: 'screen',
      form: null,
      audience: { kind: 'staff' },
    };
    expect(duties([staff], branches, TZ)).toEqual([]);
  });
});

describe('duties of subjects listed by staff (key tasks with lead units)', () => {
  const progress: TemplateStage = {
    stageId: 'progress',
    name: { zh: '重点任务进展', en: 'Task progress' },
    form: 'progress',
    audience: {
      kind: 'subjects',
      subject: 'task',
      filter: { field: 'status', in: ['推进中', '滞后'] },
    },
    schedule: {
      kind: 'recurring',
      every: 'month',
      from: '2018-03-01',
      until: '2018-04-30',
      dueDaysAfter: 5,
    },
    remindDaysBefore: [3],
    overdueEveryDays: 5,
  };
  const task = (subjectId: string, unitIds: string[], status: string) => ({
    type: 'task',
    subjectId,
    name: `任务${subjectId}`,
    unitIds,
    values: { status },
    submittedAt: null,
  });
  const data: CampaignData = {
    units: [
      { unitId: 'D1', name: '组织部', category: '机关', active: true, values: {} },
      { unitId: 'D2', name: '宣传部', category: '机关', active: true, values: {} },
      { unitId: 'D3', name: '统战部', category: '机关', active: false, values: {} },
    ],
    people: [],
    subjects: [
      task('T01', ['D1', 'D2', 'D3'], '推进中'),
      task('T02', ['D2'], '完成'),
      task('T03', ['D2'], '滞后'),
    ],
    records: [
      { ...record('progress', 'D2', '2018-03-28', '2018-04-02T10:00:00'), subjectId: 'T01' },
      { ...record('progress', 'D2', '2018-04-10', '2018-04-10T10:00:00'), subjectId: 'T03' },
    ],
  };

  test('each active lead unit owes each month for each unfinished task; one lead unit’s report meets it for all', () => {
    expect(
      duties([progress], data, TZ).map((d) => [
        d.periodId,
        d.subjectId,
        d.unitId,
        d.deadline,
        d.metAt !== null,
      ]),
    ).toEqual([
      ['2018-03', 'T01', 'D1', '2018-04-05', true],
      ['2018-03', 'T01', 'D2', '2018-04-05', true],
      ['2018-03', 'T03', 'D2', '2018-04-05', false],
      ['2018-04', 'T01', 'D1', '2018-05-05', false],
      ['2018-04', 'T01', 'D2', '2018-05-05', false],
      ['2018-04', 'T03', 'D2', '2018-05-05', true],
    ]);
  });
});

describe('a stage’s record condition', () => {
  const committee: TemplateStage = {
    ...meetings,
    stageId: 'committee',
    name: { zh: '支委会（每月）', en: 'Committee (monthly)' },
    schedule: {
      kind: 'recurring',
      every: 'month',
      from: '2018-03-01',
      until: '2018-04-30',
      dueDaysAfter: 5,
    },
    recordFilter: { field: 'meetingType', in: ['支委会'] },
  };
  const held = (unitId: string, day: string, meetingType: string) => ({
    ...record('meeting', unitId, day, `${day}T20:00:00`),
    values: { meetingType },
  });
  const data: CampaignData = {
    ...branches,
    records: [
      // B1 held only a 党课 in March, and its 支委会 in April; B2 its 支委会 in March.
      held('B1', '2018-03-10', '党课'),
      held('B1', '2018-04-12', '支委会'),
      held('B2', '2018-03-20', '支委会'),
    ],
  };

  test('only records passing it meet the stage: a branch that held only a 党课 in a month still owes its 支委会', () => {
    expect(
      duties([committee], data, TZ).map((d) => [d.periodId, d.unitId, d.metAt !== null]),
    ).toEqual([
      ['2018-03', 'B1', false],
      ['2018-03', 'B2', true],
      ['2018-04', 'B1', true],
      ['2018-04', 'B2', false],
    ]);
  });

  test('without the condition, any record of the form meets it', () => {
    const { recordFilter: _none, ...anyMeeting } = committee;
    expect(
      duties([anyMeeting], data, TZ)
        .filter((d) => d.periodId === '2018-03')
        .map((d) => [d.unitId, d.metAt]),
    ).toEqual([
      ['B1', at('2018-03-10T20:00:00')],
      ['B2', at('2018-03-20T20:00:00')],
    ]);
  });
});
