/**
 * The Secretary Project (书记项目, seed 000): the reference campaign as a template. Units apply with
 * projects; staff pick key projects; key projects file a plan and keep a ledger; every project
 * closes with a self-assessment against the six standards.
 */
import {
  type CampaignTemplate,
  type TemplateField,
  type TemplateForm,
} from '../../src/domain/template';
import { once, ratingField } from './parts';

export const PROJECT_TYPES = ['创新探索型', '典型示范型', '制度推广型'] as const;
export const THEMES = ['服务改革', '服务发展', '服务民生', '服务群众', '服务党员'] as const;

const projectRef: TemplateField = {
  key: 'projectRef',
  label: { zh: '项目', en: 'Project' },
  kind: 'subject',
  required: true,
  maxLength: 80,
  help: '填写回执中的项目编号（如 SJXM-2014-007），或本单位申报的项目名称（须与申报时完全一致）',
};

const APPLICATION_FORM: TemplateForm = {
  key: 'application',
  sheet: { zh: '项目库', en: 'Projects' },
  makes: { kind: 'subject', subject: 'project' },
  title: { zh: '基层党建“书记项目”申报表', en: 'Secretary Project application' },
  description:
    '请各直属党组织书记围绕建设服务型党组织确定项目，如实填写本表。每个单位至少申报 1 个项目；每个项目须包含整顿软弱涣散基层党组织的措施（规定动作）。提交后将收到回执邮件，可通过回执中的链接修改。',
  fields: [
    { key: 'unitId', label: { zh: '申报单位', en: 'Unit' }, kind: 'unit', required: true },
    {
      key: 'projectName',
      label: { zh: '项目名称', en: 'Project name' },
      kind: 'text',
      required: true,
      maxLength: 60,
      help: '不超过 60 字，本单位内不得重名',
    },
    {
      key: 'projectType',
      label: { zh: '项目类型', en: 'Project type' },
      kind: 'choice',
      required: true,
      choices: PROJECT_TYPES,
    },
    {
      key: 'themes',
      label: { zh: '服务主题', en: 'Service themes' },
      kind: 'checkbox',
      required: true,
      choices: THEMES,
      help: '可多选，至少选一项',
    },
    {
      key: 'rectification',
      label: { zh: '整顿软弱涣散基层党组织措施', en: 'Rectifying weak party organisations' },
      kind: 'paragraph',
      required: true,
      help: '规定动作，必填',
    },
    {
      key: 'leader',
      label: { zh: '项目负责人', en: 'Project leader' },
      kind: 'text',
      required: true,
      maxLength: 40,
    },
    {
      key: 'leaderTitle',
      label: { zh: '职务', en: 'Title' },
      kind: 'text',
      required: true,
      maxLength: 40,
    },
    { key: 'goals', label: { zh: '目标任务', en: 'Goals' }, kind: 'paragraph', required: true },
    {
      key: 'measures',
      label: { zh: '主要措施', en: 'Main measures' },
      kind: 'paragraph',
      required: true,
    },
    {
      key: 'dueDate',
      label: { zh: '完成期限', en: 'Completion date' },
      kind: 'date',
      required: true,
      help: '不得晚于实施阶段截止日期',
      notAfter: 'implement',
    },
    {
      key: 'contactName',
      label: { zh: '项目联系人', en: 'Contact person' },
      kind: 'text',
      required: true,
      maxLength: 40,
    },
    {
      key: 'contactPhone',
      label: { zh: '联系电话', en: 'Contact phone' },
      kind: 'phone',
      required: true,
    },
    {
      key: 'contactEmail',
      label: { zh: '联系邮箱', en: 'Contact email' },
      kind: 'email',
      required: true,
    },
    {
      key: 'budget',
      label: { zh: '经费需求（万元）', en: 'Budget (10k CNY)' },
      kind: 'number',
      required: false,
      min: 0,
      max: 100000,
    },
  ],
};

const PLAN_FORM: TemplateForm = {
  key: 'plan',
  sheet: { zh: '实施方案', en: 'Plans' },
  makes: { kind: 'entry', of: 'project' },
  title: { zh: '“书记项目”实施方案', en: 'Secretary Project implementation plan' },
  description: '重点项目须制定实施方案，报工委备案。',
  fields: [
    projectRef,
    { key: 'goals', label: { zh: '目标任务', en: 'Goals' }, kind: 'paragraph', required: true },
    {
      key: 'organization',
      label: { zh: '工作机构', en: 'Working body' },
      kind: 'paragraph',
      required: true,
    },
    {
      key: 'measures',
      label: { zh: '主要措施', en: 'Main measures' },
      kind: 'paragraph',
      required: true,
    },
    {
      key: 'safeguards',
      label: { zh: '保障措施', en: 'Safeguards' },
      kind: 'paragraph',
      required: true,
    },
    { key: 'timeline', label: { zh: '完成时限', en: 'Time limit' }, kind: 'date', required: true },
  ],
};

const LEDGER_FORM: TemplateForm = {
  key: 'ledger',
  sheet: { zh: '工作台账', en: 'Ledger' },
  makes: { kind: 'entry', of: 'project', dateField: 'activityDate' },
  title: { zh: '“书记项目”工作台账', en: 'Secretary Project activity ledger' },
  description: '实施期间每开展一次活动填报一条台账。',
  fields: [
    projectRef,
    {
      key: 'activityDate',
      label: { zh: '活动日期', en: 'Activity date' },
      kind: 'date',
      required: true,
      help: '不得晚于填报当天',
      notAfter: 'submission',
    },
    {
      key: 'activity',
      label: { zh: '活动内容', en: 'Activity' },
      kind: 'paragraph',
      required: true,
    },
    {
      key: 'participants',
      label: { zh: '参与人数', en: 'Participants' },
      kind: 'integer',
      required: true,
      min: 0,
      max: 1000000,
    },
    { key: 'outcome', label: { zh: '成效', en: 'Outcome' }, kind: 'paragraph', required: true },
    {
      key: 'evidenceUrl',
      label: { zh: '佐证材料链接', en: 'Evidence link' },
      kind: 'url',
      required: false,
    },
  ],
};

const SELF_ASSESSMENT_FORM: TemplateForm = {
  key: 'selfAssessment',
  sheet: { zh: '自查总结', en: 'Self-assessments' },
  makes: { kind: 'entry', of: 'project' },
  title: { zh: '“书记项目”自查总结', en: 'Secretary Project self-assessment' },
  description: '对照“六强”标准开展自查，并总结经验做法。',
  fields: [
    projectRef,
    ratingField('leadership', '领导班子强', 'Strong leadership team'),
    ratingField('backbone', '骨干队伍强', 'Strong backbone team'),
    ratingField('venue', '场所阵地强', 'Strong venue'),
    ratingField('carrier', '服务载体强', 'Strong service carriers'),
    ratingField('system', '制度机制强', 'Strong systems'),
    ratingField('performance', '服务业绩强', 'Strong service results'),
    { key: 'summary', label: { zh: '总结', en: 'Summary' }, kind: 'paragraph', required: true },
    {
      key: 'experience',
      label: { zh: '经验做法', en: 'Lessons learnt' },
      kind: 'paragraph',
      required: true,
    },
  ],
};

const keyProjects = {
  kind: 'subjects',
  subject: 'project',
  filter: { field: 'status', in: ['重点项目'] },
} as const;
const allProjects = { kind: 'subjects', subject: 'project' } as const;

export const SECRETARY_PROJECT: CampaignTemplate = {
  id: 'secretary-project',
  name: { zh: '基层党建“书记项目”', en: 'Secretary Project' },
  description: {
    zh: '申报—筛选—实施方案—实施台账—自查总结，五个阶段；重点项目有名额上限。',
    en: 'Apply, screen, plan, implement with a ledger, self-assess; key projects have a quota.',
  },
  categories: {
    机关事业单位: 'org',
    驻深机关单位: 'org',
    驻深企业: 'enterprise',
    驻深办事处: 'enterprise',
  },
  subjects: [
    {
      key: 'project',
      label: { zh: '项目', en: 'Project' },
      source: 'form',
      idPrefix: 'SJXM',
      nameField: 'projectName',
    },
  ],
  forms: [APPLICATION_FORM, PLAN_FORM, LEDGER_FORM, SELF_ASSESSMENT_FORM],
  stages: [
    {
      stageId: 'apply',
      name: { zh: '申报阶段', en: 'Application' },
      form: 'application',
      audience: { kind: 'allUnits' },
      schedule: once('2014-05-20', '2014-05-30'),
      remindDaysBefore: [7, 3, 1],
      overdueEveryDays: 3,
    },
    {
      stageId: 'screen',
      name: { zh: '筛选阶段', en: 'Screening' },
      form: null,
      audience: { kind: 'staff' },
      schedule: once('2014-06-01', '2014-06-30'),
      remindDaysBefore: [3],
      overdueEveryDays: 0,
    },
    {
      stageId: 'plan',
      name: { zh: '实施方案备案', en: 'Plans' },
      form: 'plan',
      audience: keyProjects,
      schedule: once('2014-07-01', '2014-07-31'),
      remindDaysBefore: [7, 3, 1],
      overdueEveryDays: 3,
    },
    {
      stageId: 'implement',
      name: { zh: '实施阶段', en: 'Implementation' },
      form: 'ledger',
      audience: keyProjects,
      schedule: once('2014-07-01', '2014-12-31'),
      remindDaysBefore: [14, 7, 1],
      overdueEveryDays: 7,
    },
    {
      stageId: 'summarize',
      name: { zh: '总结阶段', en: 'Self-assessment' },
      form: 'selfAssessment',
      audience: allProjects,
      schedule: once('2015-01-05', '2015-02-15'),
      remindDaysBefore: [7, 3, 1],
      overdueEveryDays: 3,
    },
  ],
  review: [
    {
      key: 'status',
      label: { zh: '审核状态', en: 'Status' },
      on: 'application',
      type: 'choice',
      choices: ['待审核', '重点项目', '备案', '退回修改'],
    },
    {
      key: 'score',
      label: { zh: '评分', en: 'Score' },
      on: 'application',
      type: 'number',
      min: 0,
      max: 100,
    },
    {
      key: 'comment',
      label: { zh: '审核意见', en: 'Review comment' },
      on: 'application',
      type: 'text',
    },
    {
      key: 'fundingGranted',
      label: { zh: '专项经费（万元）', en: 'Funding granted' },
      on: 'application',
      type: 'number',
      min: 0,
    },
    {
      key: 'acceptanceScore',
      label: { zh: '验收评分', en: 'Acceptance score' },
      on: 'application',
      type: 'number',
      min: 0,
      max: 100,
    },
    {
      key: 'acceptanceResult',
      label: { zh: '验收结论', en: 'Acceptance result' },
      on: 'application',
      type: 'choice',
      choices: ['优秀', '合格', '不合格'],
    },
  ],
  quotaRules: [
    {
      id: 'minProjectsPerUnit',
      label: { zh: '每个单位至少申报的项目数', en: 'Projects per unit, at least' },
      kind: 'count',
      form: 'application',
      per: 'unit',
      atLeast: { setting: 'minProjectsPerUnit' },
      after: 'apply',
    },
    {
      id: 'keyProjectQuota',
      label: { zh: '重点项目名额', en: 'Key project quota' },
      kind: 'count',
      form: 'application',
      per: 'campaign',
      atMost: { setting: 'keyProjectQuota' },
      filter: { field: 'status', in: ['重点项目'] },
    },
    {
      id: 'rectificationRequired',
      label: { zh: '整顿软弱涣散措施（规定动作）必填', en: 'Rectification measures required' },
      kind: 'required',
      form: 'application',
      field: 'rectification',
    },
    {
      id: 'planForKeyProjects',
      label: { zh: '重点项目须备案实施方案', en: 'Key projects file a plan' },
      kind: 'count',
      form: 'plan',
      per: 'subject',
      atLeast: 1,
      among: keyProjects,
      after: 'plan',
    },
    {
      id: 'ledgerCadenceDays',
      label: { zh: '重点项目台账填报间隔', en: 'Ledger entry cadence' },
      kind: 'cadence',
      form: 'ledger',
      everyDays: { setting: 'ledgerCadenceDays' },
      during: 'implement',
      among: keyProjects,
    },
    {
      id: 'selfAssessmentForAll',
      label: { zh: '所有项目须提交自查总结', en: 'Every project self-assesses' },
      kind: 'count',
      form: 'selfAssessment',
      per: 'subject',
      atLeast: 1,
      among: allProjects,
      after: 'summarize',
    },
  ],
  report: [
    { kind: 'overview' },
    { kind: 'stageProgress' },
    { kind: 'quota' },
    { kind: 'fieldCounts', form: 'application', field: 'projectType' },
    { kind: 'fieldCounts', form: 'application', field: 'themes' },
    {
      kind: 'subjects',
      subject: 'project',
      fields: ['projectName', 'projectType', 'status', 'fundingGranted', 'acceptanceResult'],
    },
    { kind: 'byUnit', form: 'ledger' },
  ],
  settings: {
    campaignName: '2014年度基层党建“书记项目”',
    keyProjectQuota: '30',
    minProjectsPerUnit: '1',
    ledgerCadenceDays: '30',
    projectIdPrefix: 'SJXM',
  },
};
