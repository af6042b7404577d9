import { validateTemplate } from '../../src/domain/template-schema';
import type { CampaignTemplate } from '../../src/domain/template';
import { SECRETARY_PROJECT } from '../../sheets-templates/templates/secretary-project';

const broken = (change: (t: CampaignTemplate) => unknown) =>
  validateTemplate(change(structuredClone(SECRETARY_PROJECT) as CampaignTemplate));

describe('validateTemplate', () => {
  it('locates a bad field kind by its path', () => {
    const problems = broken((t) => {
      (t.forms[1].fields[2] as { kind: string }).kind = 'slider';
      return t;
    });
    expect(problems.map((p) => p.path)).toEqual(['forms[1].fields[2].kind']);
  });

  it('names a stage whose form does not exist', () => {
    const problems = broken((t) => {
      (t.stages[2] as { form: string }).form = 'budget';
      return t;
    });
    expect(problems).toEqual([{ path: 'stages[2].form', message: 'no form "budget"' }]);
  });

  it('names a duplicate field key, a choice field without choices and a rule on a missing field', () => {
    const problems = broken((t) => {
      const fields = t.forms[0].fields as TemplateFieldLike[];
      fields[2] = { ...fields[2], key: 'projectName' };
      fields[3] = { ...fields[3], choices: [] };
      (t.quotaRules[2] as { field: string }).field = 'nothing';
      return t;
    });
    expect(problems.map((p) => p.path)).toEqual([
      'forms[0].fields[2].key',
      'forms[0].fields[3].choices',
      'quotaRules[2].field',
    ]);
  });

  it('refuses a recurring stage that ends before it starts', () => {
    const problems = broken((t) => {
      (t.stages as unknown[])[3] = {
        ...t.stages[3],
        schedule: {
          kind: 'recurring',
          every: 'month',
          from: '2014-07-01',
          until: '2014-06-30',
          dueDaysAfter: 10,
        },
      };
      return t;
    });
    expect(problems).toEqual([
      { path: 'stages[3].schedule.until', message: 'until 2014-06-30 is before 2014-07-01' },
    ]);
  });
});

type TemplateFieldLike = CampaignTemplate['forms'][number]['fields'][number];
