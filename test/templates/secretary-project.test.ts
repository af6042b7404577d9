import { validateTemplate } from '../../src/domain/template-schema';
import { SECRETARY_PROJECT } from '../../sheets-templates/templates/secretary-project';

describe('the secretary-project template', () => {
  it('is a valid template', () => {
    expect(validateTemplate(SECRETARY_PROJECT)).toEqual([]);
  });

  it('keeps the reference campaign: four forms, five stages, six quota rules', () => {
    expect(SECRETARY_PROJECT.forms.map((f) => f.key)).toEqual([
      'application',
      'plan',
      'ledger',
      'selfAssessment',
    ]);
    expect(SECRETARY_PROJECT.stages.map((s) => s.stageId)).toEqual([
      'apply',
      'screen',
      'plan',
      'implement',
      'summarize',
    ]);
    expect(SECRETARY_PROJECT.quotaRules.map((r) => r.id)).toEqual([
      'minProjectsPerUnit',
      'keyProjectQuota',
      'rectificationRequired',
      'planForKeyProjects',
      'ledgerCadenceDays',
      'selfAssessmentForAll',
    ]);
  });
});
