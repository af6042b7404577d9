import { acceptanceModel, stageObligations, stageReportModel } from '../../src/domain/report-model';
import { STAGES, config, linked, project, records, unit } from './report-fixtures';

const units = [
  unit('U01', '机关事业单位'),
  unit('U02', '机关事业单位'),
  unit('U03', '驻深企业'),
  unit('U04', '驻深办事处'),
  unit('U05', '机关事业单位', { active: false }),
];
const apply = STAGES[0];

describe('stage report model', () => {
  const r = records({
    projects: [
      project('P1', 'U01', {
        themes: ['服务改革', '服务发展'],
        status: '重点项目',
        budget: 5,
        fundingGranted: 3,
      }),
      project('P2', 'U01', { projectType: '典型示范型', status: '备案' }),
      // Submitted after the end of the deadline day (Asia/Shanghai): late.
      project('P3', 'U03', {
        themes: ['服务民生'],
        submittedAt: Date.parse('2014-05-31T00:00:00+08:00'),
        verified: false,
        status: '重点项目',
        budget: 2.5,
      }),
      project('P9', 'U05'),
    ],
  });
  const model = stageReportModel(config(units), r, apply, '2014-05-31');

  test('counts units by stage obligation: met, late, missing; inactive units owe nothing', () => {
    expect(model.progress).toMatchObject({
      subject: 'units',
      state: 'closed',
      expected: 4,
      met: 2,
      late: 1,
      missing: 2,
      rate: 0.5,
    });
    expect(model.missing.map((o) => o.unit.unitId)).toEqual(['U02', 'U04']);
    expect(model.late.map((o) => o.unit.unitId)).toEqual(['U03']);
  });

  test('tallies projects by type and theme (known values first, zeros included), rates over all projects', () => {
    expect(model.byType).toEqual([
      { key: '创新探索型', count: 3, rate: 0.75 },
      { key: '典型示范型', count: 1, rate: 0.25 },
      { key: '制度推广型', count: 0, rate: 0 },
    ]);
    expect(model.byTheme.map((t) => [t.key, t.count])).toEqual([
      ['服务改革', 3],
      ['服务发展', 1],
      ['服务民生', 1],
      ['服务群众', 0],
      ['服务党员', 0],
    ]);
  });

  test('coverage by category and department counts active units, their projects and the obligations met', () => {
    expect(model.byCategory.find((c) => c.key === '机关事业单位')).toEqual({
      key: '机关事业单位',
      units: 2,
      projects: 2,
      expected: 2,
      met: 1,
      late: 0,
      rate: 0.5,
    });
    expect(model.byDepartment.map((d) => [d.key, d.units, d.expected, d.met, d.late])).toEqual([
      ['org', 2, 2, 1, 0],
      ['enterprise', 2, 2, 1, 1],
    ]);
  });

  test('key projects with budgets and funding, totals summed; quota violations included', () => {
    expect(model.keyProjects.map((k) => [k.projectId, k.budget, k.fundingGranted])).toEqual([
      ['P1', 5, 3],
      ['P3', 2.5, null],
    ]);
    expect(model.budgetTotal).toBe(7.5);
    expect(model.fundingTotal).toBe(3);
    expect(model.projects).toMatchObject({ total: 4, key: 2, filed: 1, pending: 1, unverified: 1 });
    expect(model.violations.map((v) => [v.rule, v.unitId])).toEqual([
      ['minProjectsPerUnit', 'U02'],
      ['minProjectsPerUnit', 'U04'],
    ]);
  });

  test('the timeline has every stage with its state as of the day', () => {
    expect(model.timeline.map((t) => [t.stage.stageId, t.state, t.subject])).toEqual([
      ['apply', 'closed', 'units'],
      ['screen', 'upcoming', 'reviews'],
      ['plan', 'upcoming', 'projects'],
      ['implement', 'upcoming', 'projects'],
      ['summarize', 'upcoming', 'projects'],
    ]);
  });

  test('a staff stage is met for a project once it is no longer pending review', () => {
    const obligations = stageObligations(config(units), r, STAGES[1]);
    expect(obligations.map((o) => [o.project?.projectId, o.met])).toEqual([
      ['P1', true],
      ['P2', true],
      ['P3', true],
    ]);
  });

  test('a key-project stage is owed by key projects, met by the first record of its form', () => {
    const withPlans = { ...r, plans: [linked('P3', 'U03', '2014-08-02T10:00:00')] };
    const plan = stageObligations(config(units), withPlans, STAGES[2]);
    expect(plan.map((o) => [o.project?.projectId, o.met, o.late])).toEqual([
      ['P1', false, false],
      ['P3', true, true],
    ]);
  });
});

describe('acceptance model', () => {
  test('six self-ratings per project from the latest self-assessment, means per standard, per category and overall', () => {
    const ratings = (n: number) => ({
      leadership: n,
      backbone: n,
      venue: n,
      carrier: n,
      system: n,
      performance: n - 1,
    });
    const r = records({
      projects: [
        project('P1', 'U01', { acceptanceScore: 90, acceptanceResult: '优秀' }),
        project('P2', 'U03', { acceptanceScore: 70, acceptanceResult: '合格' }),
        project('P3', 'U02'),
      ],
      selfAssessments: [
        linked('P1', 'U01', '2015-01-20T10:00:00', ratings(3)),
        linked('P1', 'U01', '2015-01-25T10:00:00', ratings(5)),
        linked('P2', 'U03', '2015-02-17T10:00:00', ratings(4)),
      ],
    });
    const model = acceptanceModel(config(units), r);
    expect(model.rows.map((row) => [row.project.projectId, row.ratings, row.late])).toEqual([
      ['P1', [5, 5, 5, 5, 5, 4], false],
      ['P2', [4, 4, 4, 4, 4, 3], true],
      ['P3', [null, null, null, null, null, null], false],
    ]);
    expect(model.rows[0].selfAverage).toBeCloseTo(29 / 6);
    expect(model.standards.map((s) => [s.key, s.average, s.count])).toEqual([
      ['leadership', 4.5, 2],
      ['backbone', 4.5, 2],
      ['venue', 4.5, 2],
      ['carrier', 4.5, 2],
      ['system', 4.5, 2],
      ['performance', 3.5, 2],
    ]);
    expect(model.total).toMatchObject({
      projects: 3,
      assessed: 2,
      late: 1,
      scoreAverage: 80,
      excellent: 1,
      pass: 1,
      fail: 0,
    });
    expect(model.byCategory.find((g) => g.key === '机关事业单位')).toMatchObject({
      projects: 2,
      assessed: 1,
      scoreAverage: 90,
      excellent: 1,
    });
  });
});
