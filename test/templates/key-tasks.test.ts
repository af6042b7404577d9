import { passesFilter } from '../../src/domain/campaign-data';
import { validateTemplate } from '../../src/domain/template-schema';
import { KEY_TASKS, KEY_TASKS_2018 } from '../../sheets-templates/templates/key-tasks';
import { readSampleCsv } from '../support/sample-csv';

const leadUnitsOf = (row: { leadUnits: string }) => row.leadUnits.split(';').map((u) => u.trim());

describe('the key-tasks template', () => {
  it('is a valid template', () => {
    expect(validateTemplate(KEY_TASKS)).toEqual([]);
  });

  it('lists the 27 key tasks of the 2018 annex as RW-01 … RW-27', () => {
    const task = KEY_TASKS.subjects.find((s) => s.key === 'task');
    expect(task?.rows).toBe(KEY_TASKS_2018);
    expect(KEY_TASKS_2018.map((r) => r.taskId)).toEqual(
      Array.from({ length: 27 }, (_, i) => `RW-${String(i + 1).padStart(2, '0')}`),
    );
    expect(KEY_TASKS_2018[22].taskName).toBe('加强街道党校建设');
    expect(KEY_TASKS_2018[22].deadlineText).toBe('力争年底前全面完成挂牌、开班');
  });

  it('gives every task a name, at least one lead unit and a real day as its deadline', () => {
    for (const row of KEY_TASKS_2018) {
      expect(row.taskName.length).toBeGreaterThan(0);
      expect(row.deadlineText.length).toBeGreaterThan(0);
      expect(leadUnitsOf(row).every((u) => u.length > 0)).toBe(true);
      expect(row.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${row.deadline}T00:00:00Z`).toISOString().slice(0, 10)).toBe(row.deadline);
    }
  });

  it('reminds the lead units of every task not marked 完成, a blank status included', () => {
    const stage = KEY_TASKS.stages.find((s) => s.stageId === 'monthlyProgress');
    expect(stage?.audience.kind).toBe('subjects');
    const filter = stage?.audience.kind === 'subjects' ? stage.audience.filter : undefined;
    // Every status but 完成 — a blank one (a task not yet reviewed) and any status added later too.
    expect(filter).toEqual({ field: 'status', notIn: ['完成'] });
    const unfinished = (status: string) => passesFilter(status, filter!);
    expect(['', '推进中', '滞后', '暂缓'].map(unfinished)).toEqual([true, true, true, true]);
    expect(unfinished('完成')).toBe(false);
    const rule = KEY_TASKS.quotaRules.find((r) => r.id === 'progressPerTaskMonth');
    expect(rule).toMatchObject({ per: 'subject', period: 'month', atLeast: 1 });
    expect(rule?.kind === 'count' && rule.among).toEqual(stage?.audience);
  });

  it('locates a typo: a review column on a subject type that does not exist', () => {
    const review = KEY_TASKS.review.map((r) => (r.key === 'status' ? { ...r, on: 'tasks' } : r));
    const problems = validateTemplate({ ...KEY_TASKS, review });
    expect(problems).toContainEqual({
      path: 'review[0].on',
      message: 'no form or subject "tasks"',
    });
    // Without its status column, the stage's filter on status names a field the task lacks.
    expect(problems).toContainEqual({
      path: 'stages[0].audience.filter.field',
      message: 'no field "status" on task',
    });
  });
});

describe('the key-tasks sample', () => {
  const units = readSampleCsv('sample-key-tasks', 'units.csv');

  it('has every lead unit of the 27 tasks, by name, and no other', () => {
    const leads = new Set(KEY_TASKS_2018.flatMap(leadUnitsOf));
    expect(new Set(units.map((u) => u.name))).toEqual(leads);
  });

  it('puts each unit in a category of the template, with an address on example.cn', () => {
    for (const u of units) {
      expect(Object.keys(KEY_TASKS.categories)).toContain(u.category);
      for (const email of u.email.split(';'))
        expect(email).toMatch(/^[\w.]+@[\w.-]+\.example\.cn$/);
    }
  });
});
