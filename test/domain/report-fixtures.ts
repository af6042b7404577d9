import { FORMS } from '../../sheets-templates/forms';
import { SECRETARY_PROJECT } from '../../sheets-templates/templates/secretary-project';
import { audienceOf, type CampaignConfig, type Stage, type Unit } from '../../src/domain/config';
import type { AudienceDef } from '../../src/domain/template';
import type { CampaignRecords, LinkedRecord, ProjectRecord } from '../../src/domain/records';

/** Test data for the pure report and quota modules: a small campaign on the 2014 calendar. */
export const TZ = 'Asia/Shanghai';
export const at = (iso: string) => Date.parse(`${iso}+08:00`);

export function unit(unitId: string, category: string, extra: Partial<Unit> = {}): Unit {
  const department = category === '驻深企业' || category === '驻深办事处' ? 'enterprise' : 'org';
  return {
    row: 2,
    unitId,
    name: `单位${unitId}`,
    category,
    department,
    secretary: '',
    contactName: '',
    emails: [`${unitId.toLowerCase()}@x.example`],
    phone: '',
    memberCount: null,
    active: true,
    ...extra,
  };
}

const stage = (
  stageId: string,
  opensOn: string,
  deadline: string,
  form: Stage['form'],
  audience: Stage['audience'],
): Stage => ({
  row: 2,
  stageId,
  name: stageId,
  opensOn,
  deadline,
  form,
  audience,
  audienceDef: audienceOf(audience, '', SECRETARY_PROJECT) as AudienceDef,
  schedule: { kind: 'once', opensOn, deadline },
  remindDaysBefore: [],
  overdueEveryDays: 0,
});

export const STAGES: Stage[] = [
  stage('apply', '2014-05-20', '2014-05-30', 'application', 'allUnits'),
  stage('screen', '2014-06-01', '2014-06-30', null, 'staff'),
  stage('plan', '2014-07-01', '2014-07-31', 'plan', 'keyProjects'),
  stage('implement', '2014-07-01', '2014-12-31', 'ledger', 'keyProjects'),
  stage('summarize', '2015-01-05', '2015-02-15', 'selfAssessment', 'allProjects'),
];

export function config(units: Unit[], settings: Partial<CampaignConfig['settings']> = {}) {
  return {
    settings: {
      campaignName: '测试活动',
      template: 'secretary-project',
      timeZone: TZ,
      locale: 'zh-CN' as const,
      reminderHour: 9,
      senderName: '工委',
      replyTo: '',
      staffEmails: { org: ['org@x.example'], enterprise: ['ent@x.example'] },
      routing: {
        机关事业单位: 'org',
        驻深机关单位: 'org',
        驻深企业: 'enterprise',
        驻深办事处: 'enterprise',
      },
      adminEmails: [],
      keyProjectQuota: 2,
      minProjectsPerUnit: 1,
      mailReserve: 10,
      overdueMaxNotices: 3,
      ledgerCadenceDays: 30,
      projectIdPrefix: 'SJXM',
      reportFolderId: '',
      responderAccess: 'anyone',
      ...settings,
    },
    units,
    stages: STAGES,
    forms: [...FORMS],
    quotaRules: SECRETARY_PROJECT.quotaRules,
    template: SECRETARY_PROJECT,
  } satisfies CampaignConfig;
}

let row = 2;
export function project(
  projectId: string,
  unitId: string,
  extra: Partial<ProjectRecord> = {},
): ProjectRecord {
  return {
    row: row++,
    projectId,
    unitId,
    projectName: `项目${projectId}`,
    projectType: '创新探索型',
    themes: ['服务改革'],
    rectification: '整改措施',
    budget: null,
    status: '待审核',
    score: null,
    comment: '',
    reviewer: '',
    fundingGranted: null,
    acceptanceScore: null,
    acceptanceResult: '',
    verified: true,
    late: false,
    submittedAt: at('2014-05-25T10:00:00'),
    respondentEmail: '',
    ...extra,
  };
}

export function linked(
  projectId: string,
  unitId: string,
  submittedAt: string,
  values: LinkedRecord['values'] = {},
): LinkedRecord {
  return {
    row: row++,
    projectId,
    unitId,
    verified: true,
    late: false,
    submittedAt: at(submittedAt),
    values,
  };
}

export function records(partial: Partial<CampaignRecords>): CampaignRecords {
  return { projects: [], plans: [], ledger: [], selfAssessments: [], ...partial };
}
