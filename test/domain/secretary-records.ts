import { SECRETARY_PROJECT } from '../../sheets-templates/templates/secretary-project';
import type { CampaignConfig, Stage } from '../../src/domain/config';
import type { CampaignRecords } from '../../src/domain/records';
import { at, config, linked, project, records, unit } from './report-fixtures';

/**
 * A realistic Secretary Project for the equivalence tests: six units (one inactive), key and
 * filed projects, one without its rectification measure, late and unverified submissions, plans,
 * ledger entries and self-assessments on both sides of every deadline.
 */

const AUDIENCE_OF: Record<string, Stage['audience']> = {
  allUnits: 'allUnits',
  staff: 'staff',
  keyProjects: 'keyProjects',
  allProjects: 'allProjects',
};

/** Today's stages, written from the template's so both engines run the same calendar. */
export function stagesFromTemplate(): Stage[] {
  return SECRETARY_PROJECT.stages.map((s, i) => {
    if (s.schedule.kind !== 'once') throw new Error('the Secretary Project has one-off stages');
    const a = s.audience;
    const audience =
      a.kind === 'subjects' ? (a.filter ? 'keyProjects' : 'allProjects') : AUDIENCE_OF[a.kind];
    return {
      row: i + 2,
      stageId: s.stageId,
      name: s.name.zh,
      opensOn: s.schedule.opensOn,
      deadline: s.schedule.deadline,
      form: s.form as Stage['form'],
      audience,
      audienceDef: s.audience,
      schedule: s.schedule,
      remindDaysBefore: [...s.remindDaysBefore],
      overdueEveryDays: s.overdueEveryDays,
    };
  });
}

const KEY = { status: '重点项目' };
const FILED = { status: '备案' };

export function secretaryCampaign(): { config: CampaignConfig; records: CampaignRecords } {
  const units = [
    unit('U03', '机关事业单位'),
    unit('U01', '驻深企业'),
    unit('U02', '驻深办事处'),
    unit('U05', '驻深机关单位'),
    unit('U04', '机关事业单位', { active: false }),
    unit('U06', '驻深企业'),
  ];
  const c = { ...config(units, { keyProjectQuota: 3 }), stages: stagesFromTemplate() };
  const r = records({
    projects: [
      project('SJXM-2014-004', 'U03', { ...KEY, submittedAt: at('2014-05-22T09:00:00') }),
      project('SJXM-2014-001', 'U01', { ...KEY, submittedAt: at('2014-05-21T09:00:00') }),
      project('SJXM-2014-002', 'U01', { ...FILED, submittedAt: at('2014-05-29T23:59:00') }),
      // Late (after the end of 30 May) and unverified.
      project('SJXM-2014-003', 'U02', {
        ...KEY,
        rectification: '',
        verified: false,
        submittedAt: at('2014-05-31T00:00:00'),
      }),
      // An inactive unit's key project: owes no duty, but today's rules still check it.
      project('SJXM-2014-005', 'U04', { ...KEY, submittedAt: at('2014-05-25T10:00:00') }),
      project('SJXM-2014-006', 'U05', { status: '待审核', submittedAt: null }),
      project('SJXM-2014-007', 'U03', { ...KEY, submittedAt: at('2014-05-30T23:59:59') }),
    ],
    plans: [
      linked('SJXM-2014-001', 'U01', '2014-07-10T10:00:00'),
      linked('SJXM-2014-001', 'U01', '2014-07-05T10:00:00'),
      linked('SJXM-2014-003', 'U02', '2014-08-01T00:00:00'),
      linked('SJXM-2014-005', 'U04', '2014-07-20T10:00:00'),
      // A filed project's plan: nobody owed it.
      linked('SJXM-2014-002', 'U01', '2014-07-12T10:00:00'),
    ],
    ledger: [
      linked('SJXM-2014-001', 'U01', '2014-07-15T10:00:00', { activityDate: '2014-07-14' }),
      linked('SJXM-2014-001', 'U01', '2014-09-20T10:00:00', { activityDate: '2014-09-01' }),
      linked('SJXM-2014-004', 'U03', '2014-08-30T10:00:00', { activityDate: '2014-08-30' }),
      linked('SJXM-2014-003', 'U02', '2015-01-02T10:00:00', { activityDate: '2014-12-30' }),
      // Logged before the stage opened: counts for the cadence from that day.
      linked('SJXM-2014-007', 'U03', '2014-06-25T10:00:00', { activityDate: '2014-06-25' }),
      {
        ...linked('SJXM-2014-007', 'U03', '2014-01-01T00:00:00', {
          activityDate: new Date(at('2014-10-15T00:00:00')),
        }),
        submittedAt: null,
      },
    ],
    selfAssessments: [
      linked('SJXM-2014-001', 'U01', '2015-01-20T10:00:00'),
      linked('SJXM-2014-002', 'U01', '2015-02-16T08:00:00'),
      linked('SJXM-2014-004', 'U03', '2015-02-15T23:00:00'),
      { ...linked('SJXM-2014-006', 'U05', '2015-02-01T10:00:00'), verified: false },
    ],
  });
  return { config: c, records: r };
}

/** Every day from `from` to `until`. */
export function daysFrom(from: string, until: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${until}T00:00:00Z`);) {
    out.push(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() + 86400000);
  }
  return out;
}
