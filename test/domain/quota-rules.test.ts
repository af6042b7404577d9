import { checkQuotas } from '../../src/domain/quota-rules';
import { config, linked, project, records, unit } from './report-fixtures';

const units = [unit('U01', '机关事业单位'), unit('U02', '驻深企业'), unit('U03', '驻深办事处')];

describe('checkQuotas: the Secretary Project’s rules from the configuration (domain.md quota rules)', () => {
  test('minProjectsPerUnit flags active units without enough projects only after the apply deadline', () => {
    const c = config([...units, unit('U04', '机关事业单位', { active: false })]);
    const r = records({ projects: [project('P1', 'U01')] });
    expect(checkQuotas(c, r, '2014-05-30').filter((v) => v.rule === 'minProjectsPerUnit')).toEqual(
      [],
    );
    expect(checkQuotas(c, r, '2014-05-31').filter((v) => v.rule === 'minProjectsPerUnit')).toEqual([
      { rule: 'minProjectsPerUnit', unitId: 'U02', count: 0, limit: 1, since: '2014-05-31' },
      { rule: 'minProjectsPerUnit', unitId: 'U03', count: 0, limit: 1, since: '2014-05-31' },
    ]);
    const two = config(units, { minProjectsPerUnit: 2 });
    expect(
      checkQuotas(two, r, '2014-06-01')
        .filter((v) => v.rule === 'minProjectsPerUnit')
        .map((v) => [v.unitId, v.count]),
    ).toEqual([
      ['U01', 1],
      ['U02', 0],
      ['U03', 0],
    ]);
    expect(
      checkQuotas(config(units, { minProjectsPerUnit: 0 }), r, '2014-06-01').filter(
        (v) => v.rule === 'minProjectsPerUnit',
      ),
    ).toEqual([]);
  });

  test('keyProjectQuota flags more key projects than the quota (equal is fine), at any time', () => {
    const key = { status: '重点项目' };
    const two = records({ projects: [project('P1', 'U01', key), project('P2', 'U02', key)] });
    expect(checkQuotas(config(units), two, '2014-05-21')).toEqual([]);
    const three = records({ projects: [...two.projects, project('P3', 'U03', key)] });
    expect(checkQuotas(config(units), three, '2014-05-21')).toEqual([
      { rule: 'keyProjectQuota', count: 3, limit: 2 },
    ]);
  });

  test('rectificationRequired flags every project without the mandatory rectification measure', () => {
    const r = records({
      projects: [project('P2', 'U02', { rectification: '' }), project('P1', 'U01')],
    });
    expect(checkQuotas(config(units), r, '2014-05-21')).toEqual([
      { rule: 'rectificationRequired', unitId: 'U02', subjectId: 'P2' },
    ]);
  });

  test('planForKeyProjects flags key projects without a plan once the plan stage deadline has passed', () => {
    const key = { status: '重点项目' };
    const r = records({
      projects: [project('P1', 'U01', key), project('P2', 'U02', key), project('P3', 'U03')],
      plans: [linked('P1', 'U01', '2014-07-10T10:00:00')],
    });
    const c = config(units, { minProjectsPerUnit: 0 });
    expect(checkQuotas(c, r, '2014-07-31').filter((v) => v.rule === 'planForKeyProjects')).toEqual(
      [],
    );
    expect(checkQuotas(c, r, '2014-08-01').filter((v) => v.rule === 'planForKeyProjects')).toEqual([
      { rule: 'planForKeyProjects', unitId: 'U02', subjectId: 'P2', since: '2014-08-01' },
    ]);
  });

  test('ledgerCadenceDays flags key projects whose last entry is older than N days, or with none N days into the stage, only while implement runs', () => {
    const key = { status: '重点项目' };
    const r = records({
      projects: [project('P1', 'U01', key), project('P3', 'U03', key), project('P2', 'U02')],
      ledger: [
        linked('P1', 'U01', '2014-08-05T10:00:00'),
        linked('P1', 'U01', '2014-07-05T10:00:00'),
      ],
    });
    const c = config(units, { minProjectsPerUnit: 0 });
    const cadence = (today: string) =>
      checkQuotas(c, r, today).filter((v) => v.rule === 'ledgerCadenceDays');
    expect(cadence('2014-06-30')).toEqual([]);
    expect(cadence('2014-07-31')).toEqual([]);
    expect(cadence('2014-08-01')).toEqual([
      {
        rule: 'ledgerCadenceDays',
        unitId: 'U03',
        subjectId: 'P3',
        count: 31,
        limit: 30,
        since: '2014-08-01',
      },
    ]);
    // P1's last entry was logged 08-05: 30 days later it is still fine, 31 days later not.
    expect(cadence('2014-09-04').map((v) => v.subjectId)).toEqual(['P3']);
    expect(cadence('2014-09-05')).toContainEqual({
      rule: 'ledgerCadenceDays',
      unitId: 'U01',
      subjectId: 'P1',
      count: 31,
      limit: 30,
      since: '2014-09-05',
    });
    expect(cadence('2015-01-01')).toEqual([]);
  });

  test('selfAssessmentForAll flags every project without a self-assessment after the summarize deadline', () => {
    const r = records({
      projects: [project('P1', 'U01'), project('P2', 'U02'), project('P3', 'U03')],
      selfAssessments: [linked('P2', 'U02', '2015-02-17T10:00:00')],
    });
    const c = config(units, { minProjectsPerUnit: 0 });
    const rule = (today: string) =>
      checkQuotas(c, r, today).filter((v) => v.rule === 'selfAssessmentForAll');
    expect(rule('2015-02-15')).toEqual([]);
    expect(rule('2015-02-16').map((v) => [v.subjectId, v.since])).toEqual([
      ['P1', '2015-02-16'],
      ['P3', '2015-02-16'],
    ]);
  });

  test('violations come in rule order, and a campaign without a stage for a form skips its rule', () => {
    const c = { ...config(units), stages: [] };
    const r = records({
      projects: [project('P1', 'U01', { rectification: '', status: '重点项目' })],
    });
    expect(
      checkQuotas({ ...c, settings: { ...c.settings, keyProjectQuota: 0 } }, r, '2015-06-01'),
    ).toEqual([
      { rule: 'keyProjectQuota', count: 1, limit: 0 },
      { rule: 'rectificationRequired', unitId: 'U01', subjectId: 'P1' },
    ]);
  });
});
