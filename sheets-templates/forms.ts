/**
 * The four campaign forms, field by field (domain.md). *Activate* creates them with FormApp; the
 * intake validates answers against the same definitions; answers are stored by field key.
 */
import type { Label } from './config-sheets';

export type FieldKind =
  | 'unit' // dropdown of active unit names
  | 'text'
  | 'paragraph'
  | 'choice' // dropdown
  | 'checkbox'
  | 'date'
  | 'integer'
  | 'number'
  | 'email'
  | 'phone'
  | 'url'
  | 'rating'; // 1–5 scale

export interface FieldDef {
  key: string;
  label: Label;
  kind: FieldKind;
  required: boolean;
  help?: string;
  choices?: readonly string[];
  maxLength?: number;
  min?: number;
  max?: number;
}

export interface FormDef {
  key: 'application' | 'plan' | 'ledger' | 'selfAssessment';
  title: Label;
  description: string;
  fields: readonly FieldDef[];
}

export const PROJECT_TYPES = ['创新探索型', '典型示范型', '制度推广型'] as const;
export const THEMES = ['服务改革', '服务发展', '服务民生', '服务群众', '服务党员'] as const;

const projectRef: FieldDef = {
  key: 'projectRef',
  label: { zh: '项目', en: 'Project' },
  kind: 'text',
  required: true,
  maxLength: 80,
  help: '填写回执中的项目编号（如 SJXM-2014-007），或本单位申报的项目名称（须与申报时完全一致）',
};

const rating = (key: string, zh: string, en: string): FieldDef => ({
  key,
  label: { zh, en },
  kind: 'rating',
  required: true,
  min: 1,
  max: 5,
  help: '1 分最低，5 分最高',
});

export const APPLICATION_FORM: FormDef = {
  key: 'application',
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

export const PLAN_FORM: FormDef = {
  key: 'plan',
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

export const LEDGER_FORM: FormDef = {
  key: 'ledger',
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

export const SELF_ASSESSMENT_FORM: FormDef = {
  key: 'selfAssessment',
  title: { zh: '“书记项目”自查总结', en: 'Secretary Project self-assessment' },
  description: '对照“六强”标准开展自查，并总结经验做法。',
  fields: [
    projectRef,
    rating('leadership', '领导班子强', 'Strong leadership team'),
    rating('backbone', '骨干队伍强', 'Strong backbone team'),
    rating('venue', '场所阵地强', 'Strong venue'),
    rating('carrier', '服务载体强', 'Strong service carriers'),
    rating('system', '制度机制强', 'Strong systems'),
    rating('performance', '服务业绩强', 'Strong service results'),
    { key: 'summary', label: { zh: '总结', en: 'Summary' }, kind: 'paragraph', required: true },
    {
      key: 'experience',
      label: { zh: '经验做法', en: 'Lessons learnt' },
      kind: 'paragraph',
      required: true,
    },
  ],
};

export const FORMS: readonly FormDef[] = [
  APPLICATION_FORM,
  PLAN_FORM,
  LEDGER_FORM,
  SELF_ASSESSMENT_FORM,
];

export function formDef(key: string): FormDef | undefined {
  return FORMS.find((f) => f.key === key);
}

/** Sheets Google keeps for itself hold 50,000 characters a cell; derived sheets keep less. */
export const MAX_CELL_TEXT = 50000;
export const DERIVED_TEXT_LIMIT = 5000;
