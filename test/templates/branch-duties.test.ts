import type { QuotaRuleDef } from '../../src/domain/template';
import { validateTemplate } from '../../src/domain/template-schema';
import { BRANCH_DUTIES, MEETING_TYPES } from '../../sheets-templates/templates/branch-duties';
import { readSampleCsv } from '../support/sample-csv';

type CountRule = Extract<QuotaRuleDef, { kind: 'count' }>;
const countRules = BRANCH_DUTIES.quotaRules.filter((r): r is CountRule => r.kind === 'count');

describe('the branch-duties template', () => {
  it('is a valid template', () => {
    expect(validateTemplate(BRANCH_DUTIES)).toEqual([]);
  });

  it('requires each meeting type of 三会一课 per branch at its own cadence', () => {
    const expected: Record<(typeof MEETING_TYPES)[number], 'month' | 'quarter'> = {
      支部党员大会: 'quarter',
      支委会: 'month',
      党小组会: 'month',
      党课: 'quarter',
    };
    for (const meetingType of MEETING_TYPES) {
      const rules = countRules.filter(
        (r) =>
          r.form === 'meeting' &&
          r.filter?.field === 'meetingType' &&
          r.filter.in?.length === 1 &&
          r.filter.in?.[0] === meetingType,
      );
      expect(rules.map((r) => [r.per, r.period, r.atLeast])).toEqual([
        ['unit', expected[meetingType], 1],
      ]);
      // The rule waits for the deadline of the stage that asks for that meeting type, on the same cadence.
      const stage = BRANCH_DUTIES.stages.find((s) => s.stageId === rules[0].after);
      expect(stage?.form).toBe('meeting');
      expect(stage?.schedule).toMatchObject({ kind: 'recurring', every: expected[meetingType] });
    }
  });

  it('asks each cadre for two branch activities a year, one of them a party lecture', () => {
    const cadreRules = countRules.filter((r) => r.form === 'dualLife');
    expect(
      cadreRules.map((r) => [r.per, r.period, r.atLeast, r.filter?.in ?? null, r.among?.kind]),
    ).toEqual([
      ['person', 'year', 2, null, 'roster'],
      ['person', 'year', 1, ['讲党课'], 'roster'],
    ]);
  });

  it('warns 60 days before a term ends and caps the share of 优秀 ratings', () => {
    expect(BRANCH_DUTIES.quotaRules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'termExpiry',
          dateColumn: 'lastElection',
          termColumn: 'termYears',
          warnDays: 60,
        }),
        expect.objectContaining({
          kind: 'count',
          form: 'rating',
          atMostShare: 0.3,
          filter: { field: 'grade', in: ['优秀'] },
        }),
      ]),
    );
  });

  it('locates a typo: a stage naming a form that does not exist', () => {
    const stages = BRANCH_DUTIES.stages.map((s) =>
      s.stageId === 'groupMeeting' ? { ...s, form: 'meetings' } : s,
    );
    const at = BRANCH_DUTIES.stages.findIndex((s) => s.stageId === 'groupMeeting');
    expect(validateTemplate({ ...BRANCH_DUTIES, stages })).toEqual([
      { path: `stages[${at}].form`, message: 'no form "meetings"' },
    ]);
  });

  it('locates a typo: a rule filtering on a field the form does not have', () => {
    const quotaRules = BRANCH_DUTIES.quotaRules.map((r) =>
      r.id === 'cadreLecturePerYear' && r.kind === 'count'
        ? { ...r, filter: { field: 'type', in: ['讲党课'] } }
        : r,
    );
    const at = BRANCH_DUTIES.quotaRules.findIndex((r) => r.id === 'cadreLecturePerYear');
    expect(validateTemplate({ ...BRANCH_DUTIES, quotaRules })).toEqual([
      { path: `quotaRules[${at}].filter.field`, message: 'no field "type" on dualLife' },
    ]);
  });
});

describe('the branch-duties sample', () => {
  const units = readSampleCsv('sample-branch-duties', 'units.csv');
  const roster = readSampleCsv('sample-branch-duties', 'roster.csv');

  it('has branches of every category of the template, with the template’s unit columns', () => {
    expect(new Set(units.map((u) => u.category))).toEqual(
      new Set(Object.keys(BRANCH_DUTIES.categories)),
    );
    for (const u of units) {
      expect(u.lastElection).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number(u.termYears)).toBeGreaterThan(0);
    }
  });

  it('has one term ending late in 2018 (warned from September) and one already past in April', () => {
    const termEnds = units.map((u) => {
      const [y, rest] = [Number(u.lastElection.slice(0, 4)), u.lastElection.slice(4)];
      return [u.unitId, `${y + Number(u.termYears)}${rest}`];
    });
    expect(termEnds.filter(([, end]) => end.startsWith('2018'))).toEqual([
      ['B02', '2018-11-20'],
      ['B05', '2018-04-16'],
    ]);
  });

  it('lists cadres in branches of the sample, each with a role of the template', () => {
    const unitIds = new Set(units.map((u) => u.unitId));
    expect(roster.length).toBeGreaterThanOrEqual(6);
    for (const p of roster) {
      expect(unitIds.has(p.unitId)).toBe(true);
      expect(BRANCH_DUTIES.roster?.roles).toContain(p.role);
      expect(p.email).toMatch(/^[\w.]+@[\w.-]+\.example\.cn$/);
    }
  });
});
