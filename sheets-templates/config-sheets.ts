/**
 * The configuration sheets that *setup* creates: their columns (key → label), types, dropdowns and
 * sample rows. Code addresses every column by key through the header row, never by position;
 * a header cell may show the Chinese label, the English label or the key itself.
 */

import {
  FIELD_KINDS,
  type Amount,
  type AudienceDef,
  type CampaignTemplate,
  type Filter,
  type Label,
  type SubjectType,
  type TemplateForm,
  type UnitColumn,
} from '../src/domain/template';
import { DEFAULT_TEMPLATE, TEMPLATES } from './templates';

export type { Label } from '../src/domain/template';

export type ColumnType =
  | 'text'
  | 'date'
  | 'dateTime'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'email'
  | 'emailList'
  | 'choice'
  | 'dayList';

/** Columns whose stored keys are shown as labels (src/domain/labels.ts). */
export type LabelKind =
  | 'form'
  | 'audience'
  | 'mailKind'
  | 'mailState'
  | 'status'
  | 'acceptance'
  | 'category'
  | 'reviewField'
  | 'fieldKind'
  | 'repeat'
  | 'ruleKind'
  | 'rulePer';

export interface ColumnDef {
  key: string;
  label: Label;
  type: ColumnType;
  required?: boolean;
  /** Stored keys; a dropdown shows their labels when `labels` is set. */
  choices?: readonly string[];
  labels?: LabelKind;
  help?: Label;
  width?: number;
}

export interface SheetDef {
  key: string;
  title: Label;
  columns: readonly ColumnDef[];
  /** Rows written when setup creates the sheet, by column key. */
  sampleRows: readonly Record<string, string | number | boolean | Label>[];
}

/** The Secretary Project's unit categories (a template's own are its `categories`). */
export const UNIT_CATEGORIES = ['机关事业单位', '驻深机关单位', '驻深企业', '驻深办事处'] as const;

export const AUDIENCES = [
  'allUnits',
  'unitsWithProjects',
  'keyProjects',
  'allProjects',
  'staff',
  'unitsOfCategory',
  'subjects',
  'roster',
] as const;

/** 阶段设置 repeat: a stage owed every month, quarter or year (empty: once). */
export const REPEATS = ['month', 'quarter', 'year'] as const;

export const FORM_KEYS = ['application', 'plan', 'ledger', 'selfAssessment'] as const;

/** Settings responderAccess: anyone with the form's link, or the owner's domain only. */
export const RESPONDER_ACCESS = ['anyone', 'domain'] as const;

export interface SettingDef {
  key: string;
  label: Label;
  type: 'text' | 'timeZone' | 'locale' | 'integer' | 'email' | 'emailList' | 'choice';
  required: boolean;
  /** The values a 'choice' setting accepts. */
  choices?: readonly string[];
  default?: string;
  min?: number;
  max?: number;
  note: Label;
}

export const SETTINGS: readonly SettingDef[] = [
  {
    key: 'campaignName',
    label: { zh: '活动名称', en: 'Campaign name' },
    type: 'text',
    required: true,
    default: '2014年度基层党建“书记项目”',
    note: { zh: '出现在邮件、表单和报告中', en: 'Shown in emails, forms and reports' },
  },
  {
    key: 'timeZone',
    label: { zh: '时区', en: 'Time zone' },
    type: 'timeZone',
    required: true,
    default: 'Asia/Shanghai',
    note: {
      zh: '截止日期按该时区当天 24 时计算',
      en: 'A deadline ends at midnight in this time zone',
    },
  },
  {
    key: 'locale',
    label: { zh: '语言', en: 'Language' },
    type: 'locale',
    required: true,
    default: 'zh-CN',
    note: { zh: 'zh-CN 或 en', en: 'zh-CN or en' },
  },
  {
    key: 'reminderHour',
    label: { zh: '每日提醒时刻', en: 'Reminder hour' },
    type: 'integer',
    required: true,
    default: '9',
    min: 0,
    max: 23,
    note: { zh: '0–23，每天该小时内运行一次', en: '0–23: the daily run starts within this hour' },
  },
  {
    key: 'senderName',
    label: { zh: '发件人名称', en: 'Sender name' },
    type: 'text',
    required: true,
    default: '市直机关工委',
    note: { zh: '邮件显示的发件人', en: 'The sender name emails show' },
  },
  {
    key: 'replyTo',
    label: { zh: '回复地址', en: 'Reply-to' },
    type: 'email',
    required: false,
    note: { zh: '单位回复邮件时的收件地址', en: 'Where replies from units go' },
  },
  {
    key: 'staffEmails.org',
    label: { zh: '组织部员工邮箱', en: 'Organisation Dept. staff' },
    type: 'emailList',
    required: false,
    note: { zh: '多个地址用分号分隔', en: 'Separate several addresses with ;' },
  },
  {
    key: 'staffEmails.enterprise',
    label: { zh: '企业工作部员工邮箱', en: 'Enterprise Dept. staff' },
    type: 'emailList',
    required: false,
    note: { zh: '多个地址用分号分隔', en: 'Separate several addresses with ;' },
  },
  {
    key: 'adminEmails',
    label: { zh: '管理员邮箱', en: 'Administrators' },
    type: 'emailList',
    required: false,
    note: { zh: '接收运行异常通知', en: 'Receive notices when a run fails' },
  },
  {
    key: 'keyProjectQuota',
    label: { zh: '重点项目名额', en: 'Key project quota' },
    type: 'integer',
    required: true,
    default: '30',
    min: 0,
    max: 100000,
    note: { zh: '重点项目最多数量', en: 'At most this many key projects' },
  },
  {
    key: 'minProjectsPerUnit',
    label: { zh: '每单位最少项目数', en: 'Min. projects per unit' },
    type: 'integer',
    required: true,
    default: '1',
    min: 0,
    max: 1000,
    note: { zh: '申报阶段截止后检查', en: 'Checked after the application deadline' },
  },
  {
    key: 'mailReserve',
    label: { zh: '邮件配额保留数', en: 'Mail quota reserve' },
    type: 'integer',
    required: true,
    default: '10',
    min: 0,
    max: 2000,
    note: {
      zh: '每日邮件收件人配额中保留不用的数量',
      en: 'Recipients of the daily mail quota kept unused',
    },
  },
  {
    key: 'overdueMaxNotices',
    label: { zh: '逾期催报上限', en: 'Max. overdue notices' },
    type: 'integer',
    required: true,
    default: '3',
    min: 0,
    max: 100,
    note: { zh: '每项逾期义务最多催报次数', en: 'Overdue notices per obligation, at most' },
  },
  {
    key: 'ledgerCadenceDays',
    label: { zh: '台账间隔天数', en: 'Ledger cadence (days)' },
    type: 'integer',
    required: true,
    default: '30',
    min: 1,
    max: 366,
    note: { zh: '重点项目台账最长间隔', en: 'Longest gap between ledger entries of a key project' },
  },
  {
    // Form.setRequireLogin (https://developers.google.com/apps-script/reference/forms/form#setRequireLogin(Boolean)):
    // true admits only signed-in accounts of the owner's Google Workspace domain (and subdomains);
    // units answering from other addresses (163.com, qq.com, another domain) then cannot submit.
    key: 'responderAccess',
    label: { zh: '表单填写权限', en: 'Who may answer the forms' },
    type: 'choice',
    choices: RESPONDER_ACCESS,
    required: true,
    default: 'anyone',
    note: {
      zh: 'anyone：任何知道链接的人均可填写（单位邮箱不在本机构域内时须用此项）；domain：仅限本机构 Google Workspace 域内已登录的账号',
      en: 'anyone: anyone with the link may answer (needed when units use addresses outside your organisation); domain: only signed-in accounts of your Google Workspace domain',
    },
  },
  {
    key: 'reportFolderId',
    label: { zh: '报告文件夹 ID', en: 'Report folder ID' },
    type: 'text',
    required: false,
    note: { zh: '留空则由系统创建', en: 'Leave empty: the script creates one' },
  },
  {
    key: 'template',
    label: { zh: '活动模板', en: 'Campaign template' },
    type: 'choice',
    required: true,
    choices: TEMPLATES.map((t) => t.id),
    default: DEFAULT_TEMPLATE.id,
    note: {
      zh: `可选：${TEMPLATES.map((t) => `${t.id}（${t.name.zh}）`).join('；')}。初始化表格时按模板写入表单设计和阶段设置`,
      en: `One of: ${TEMPLATES.map((t) => `${t.id} (${t.name.en})`).join('; ')}. Setup writes the template's form design and stages`,
    },
  },
];

export const SETTINGS_SHEET: SheetDef = {
  key: 'settings',
  title: { zh: '系统设置', en: 'Settings' },
  columns: [
    { key: 'key', label: { zh: '设置项', en: 'Key' }, type: 'text', required: true, width: 190 },
    { key: 'label', label: { zh: '名称', en: 'Name' }, type: 'text', width: 150 },
    { key: 'value', label: { zh: '值', en: 'Value' }, type: 'text', width: 260 },
    { key: 'note', label: { zh: '说明', en: 'Note' }, type: 'text', width: 320 },
  ],
  // Label values are written in the language setup runs in (the spreadsheet's, before locale is set).
  sampleRows: SETTINGS.map((s) => ({
    key: s.key,
    label: s.label,
    value: s.key === 'locale' ? { zh: 'zh-CN', en: 'en' } : (s.default ?? ''),
    note: s.note,
  })),
};

export const UNITS_SHEET: SheetDef = {
  key: 'units',
  title: { zh: '单位名册', en: 'Units' },
  columns: [
    {
      key: 'unitId',
      label: { zh: '单位编号', en: 'Unit ID' },
      type: 'text',
      required: true,
      width: 90,
    },
    {
      key: 'name',
      label: { zh: '单位名称', en: 'Unit name' },
      type: 'text',
      required: true,
      width: 260,
    },
    {
      key: 'category',
      label: { zh: '单位类别', en: 'Category' },
      type: 'choice',
      required: true,
      choices: UNIT_CATEGORIES,
      labels: 'category',
      width: 150,
    },
    { key: 'secretary', label: { zh: '书记', en: 'Secretary' }, type: 'text', width: 80 },
    { key: 'contactName', label: { zh: '联系人', en: 'Contact' }, type: 'text', width: 80 },
    {
      key: 'email',
      label: { zh: '联系邮箱', en: 'Email(s)' },
      type: 'emailList',
      required: true,
      help: { zh: '多个地址用分号分隔', en: 'Separate several addresses with ;' },
      width: 240,
    },
    { key: 'phone', label: { zh: '联系电话', en: 'Phone' }, type: 'text', width: 120 },
    { key: 'memberCount', label: { zh: '党员人数', en: 'Members' }, type: 'integer', width: 80 },
    { key: 'active', label: { zh: '是否参与', en: 'Active' }, type: 'boolean', width: 70 },
  ],
  sampleRows: [
    {
      unitId: 'U01',
      name: '示例单位一机关党委（请替换）',
      category: '机关事业单位',
      secretary: '张三',
      contactName: '李四',
      email: 'dw@unit1.example',
      phone: '0755-00000001',
      memberCount: 100,
      active: true,
    },
    {
      unitId: 'U02',
      name: '示例企业党委（请替换）',
      category: '驻深企业',
      secretary: '王五',
      contactName: '赵六',
      email: 'dw@unit2.example',
      phone: '0755-00000002',
      memberCount: 200,
      active: true,
    },
  ],
};

export const STAGES_SHEET: SheetDef = {
  key: 'stages',
  title: { zh: '阶段设置', en: 'Stages' },
  columns: [
    {
      key: 'stageId',
      label: { zh: '阶段编号', en: 'Stage ID' },
      type: 'text',
      required: true,
      width: 90,
    },
    {
      key: 'name',
      label: { zh: '阶段名称', en: 'Stage name' },
      type: 'text',
      required: true,
      width: 120,
    },
    {
      key: 'opensOn',
      label: { zh: '开始日期', en: 'Opens on' },
      type: 'date',
      required: true,
      width: 100,
    },
    {
      key: 'deadline',
      label: { zh: '截止日期', en: 'Deadline' },
      type: 'date',
      required: true,
      width: 100,
    },
    {
      key: 'form',
      label: { zh: '对应表单', en: 'Form' },
      type: 'choice',
      choices: FORM_KEYS,
      labels: 'form',
      width: 130,
    },
    {
      key: 'audience',
      label: { zh: '适用对象', en: 'Audience' },
      type: 'choice',
      required: true,
      choices: AUDIENCES,
      labels: 'audience',
      width: 140,
    },
    {
      key: 'remindDaysBefore',
      label: { zh: '提前提醒天数', en: 'Remind days before' },
      type: 'dayList',
      help: { zh: '以逗号分隔，例如 7,3,1', en: 'Separated by commas, e.g. 7,3,1' },
      width: 110,
    },
    {
      key: 'overdueEveryDays',
      label: { zh: '逾期催报间隔', en: 'Overdue every (days)' },
      type: 'integer',
      help: { zh: '0 表示只催报一次', en: '0: one overdue notice only' },
      width: 110,
    },
    {
      key: 'repeat',
      label: { zh: '重复周期', en: 'Repeat' },
      type: 'choice',
      choices: REPEATS,
      labels: 'repeat',
      help: {
        zh: '留空：一次性阶段。每月/每季度/每年：开始日期至截止日期之间每期都要报送',
        en: 'Empty: once. Monthly / quarterly / yearly: owed every period from the opening day to the deadline',
      },
      width: 90,
    },
    {
      key: 'dueDaysAfter',
      label: { zh: '每期截止（期末后天数）', en: 'Due days after each period' },
      type: 'integer',
      help: {
        zh: '重复阶段：每期在期末后第几天截止，例如 10 表示季度结束后第 10 天',
        en: 'Repeating stages: each period is due this many days after it ends',
      },
      width: 110,
    },
    {
      key: 'scope',
      label: { zh: '对象范围', en: 'Scope' },
      type: 'text',
      help: {
        zh: 'unitsOfCategory：单位类别；roster：人员身份；subjects：对象条件，如 status=重点项目 或 status≠完成（多个值以顿号分隔）',
        en: 'unitsOfCategory: unit categories; roster: roles; subjects: a condition such as status=重点项目 or status≠完成 (values separated by 、)',
      },
      width: 160,
    },
    {
      key: 'recordFilter',
      label: { zh: '记录条件', en: 'Record condition' },
      type: 'text',
      help: {
        zh: '只有符合条件的记录才算报送了本阶段，如 meetingType=支部党员大会',
        en: 'Only records meeting it count for this stage, e.g. meetingType=支部党员大会',
      },
      width: 160,
    },
  ],
  // Written from the chosen template (configSheetsFor).
  sampleRows: [],
};

export const HEALTH_SHEET: SheetDef = {
  key: 'health',
  title: { zh: '运行状况', en: 'Health' },
  columns: [
    { key: 'level', label: { zh: '级别', en: 'Level' }, type: 'text', width: 60 },
    { key: 'sheet', label: { zh: '工作表', en: 'Sheet' }, type: 'text', width: 100 },
    { key: 'row', label: { zh: '行号', en: 'Row' }, type: 'integer', width: 60 },
    { key: 'column', label: { zh: '列', en: 'Column' }, type: 'text', width: 120 },
    { key: 'problem', label: { zh: '问题', en: 'Problem' }, type: 'text', width: 480 },
    {
      key: 'checkedAt',
      label: { zh: '检查时间', en: 'Checked at' },
      type: 'dateTime',
      width: 150,
    },
  ],
  sampleRows: [],
};

/**
 * 表单设计: every field of every form, one row each, in the order the form shows them. Setup writes
 * the template's fields; the administrator adds, edits or deletes rows, and Activate rebuilds the
 * forms to match (a deleted field's item goes, its old answers stay in the record sheet).
 */
export const FORM_DESIGN_SHEET: SheetDef = {
  key: 'formDesign',
  title: { zh: '表单设计', en: 'Form design' },
  columns: [
    {
      key: 'form',
      label: { zh: '表单', en: 'Form' },
      type: 'text',
      required: true,
      labels: 'form',
      width: 100,
    },
    {
      key: 'fieldKey',
      label: { zh: '字段编号', en: 'Field key' },
      type: 'text',
      required: true,
      width: 120,
      help: {
        zh: '英文字母开头；答案按编号存放，已有答案的字段请勿改编号',
        en: 'Starts with a letter; answers are stored by it — do not rename a field that has answers',
      },
    },
    {
      key: 'label',
      label: { zh: '题目', en: 'Question' },
      type: 'text',
      required: true,
      width: 200,
    },
    {
      key: 'labelEn',
      label: { zh: '英文题目', en: 'Question (English)' },
      type: 'text',
      width: 160,
    },
    {
      key: 'kind',
      label: { zh: '字段类型', en: 'Kind' },
      type: 'choice',
      required: true,
      choices: FIELD_KINDS,
      labels: 'fieldKind',
      width: 130,
    },
    { key: 'required', label: { zh: '必填', en: 'Required' }, type: 'boolean', width: 60 },
    {
      key: 'choices',
      label: { zh: '选项', en: 'Choices' },
      type: 'text',
      width: 220,
      help: {
        zh: '单选、多选字段的选项，以顿号或分号分隔',
        en: 'Choices of a choice or checkbox field, separated by 、 or ;',
      },
    },
    { key: 'min', label: { zh: '最小值', en: 'Min' }, type: 'number', width: 70 },
    { key: 'max', label: { zh: '最大值', en: 'Max' }, type: 'number', width: 70 },
    { key: 'maxLength', label: { zh: '最多字数', en: 'Max length' }, type: 'integer', width: 80 },
    {
      key: 'notAfter',
      label: { zh: '日期不得晚于', en: 'Date not after' },
      type: 'text',
      width: 110,
      help: {
        zh: '日期字段：填“填报当天”，或一个阶段编号（不得晚于该阶段截止日期）；留空或该阶段不存在时不限',
        en: 'Date fields: "submission" (the day of reporting) or a stage ID (its deadline); empty, or a stage the campaign lacks: no limit',
      },
    },
    { key: 'help', label: { zh: '填写说明', en: 'Help text' }, type: 'text', width: 260 },
  ],
  sampleRows: [],
};

/** How 表单设计 writes a date limit of the day of reporting. */
export const SUBMISSION_DAY: Label = { zh: '填报当天', en: 'submission' };

/** The 表单设计 rows of a template's forms. */
export function formDesignRows(forms: readonly TemplateForm[]): SheetDef['sampleRows'] {
  return forms.flatMap((form) =>
    form.fields.map((f) => ({
      form: form.key,
      fieldKey: f.key,
      label: f.label.zh,
      labelEn: f.label.en,
      kind: f.kind,
      required: f.required,
      choices: (f.choices ?? []).join('、'),
      min: f.min ?? '',
      max: f.max ?? '',
      maxLength: f.maxLength ?? '',
      notAfter: f.notAfter === 'submission' ? SUBMISSION_DAY.zh : (f.notAfter ?? ''),
      help: f.help ?? '',
    })),
  );
}

/** A filter as 阶段设置 writes it: field=值1、值2 or field≠值. */
export function conditionText(filter: Filter): string {
  return filter.notIn
    ? `${filter.field}≠${filter.notIn.join('、')}`
    : `${filter.field}=${filter.in.join('、')}`;
}

/** A template audience as 阶段设置 writes it: the audience key and its scope. */
function audienceCells(
  a: AudienceDef,
  template: CampaignTemplate,
): { audience: string; scope: string } {
  const byForm = (subject: string) =>
    template.subjects.find((s) => s.key === subject)?.source === 'form';
  switch (a.kind) {
    case 'unitsWithSubject':
      return { audience: 'unitsWithProjects', scope: '' };
    case 'unitsOfCategory':
      return { audience: a.kind, scope: a.categories.join('、') };
    case 'roster':
      return { audience: a.kind, scope: (a.roles ?? []).join('、') };
    case 'subjects':
      if (byForm(a.subject) && !a.filter) return { audience: 'allProjects', scope: '' };
      if (byForm(a.subject) && a.filter?.field === 'status' && a.filter.in?.join() === '重点项目')
        return { audience: 'keyProjects', scope: '' };
      return { audience: a.kind, scope: a.filter ? conditionText(a.filter) : '' };
    default:
      return { audience: a.kind, scope: '' };
  }
}

/** The 阶段设置 rows of a template's stages. */
export function stageRows(template: CampaignTemplate): SheetDef['sampleRows'] {
  return template.stages.map((s) => {
    const sc = s.schedule;
    const { audience, scope } = audienceCells(s.audience, template);
    return {
      stageId: s.stageId,
      name: s.name.zh,
      opensOn: sc.kind === 'once' ? sc.opensOn : sc.from,
      deadline: sc.kind === 'once' ? sc.deadline : sc.until,
      form: s.form ?? '',
      audience,
      remindDaysBefore: s.remindDaysBefore.join(','),
      overdueEveryDays: s.overdueEveryDays,
      ...(sc.kind === 'recurring' ? { repeat: sc.every, dueDaysAfter: sc.dueDaysAfter } : {}),
      ...(scope ? { scope } : {}),
      ...(s.recordFilter ? { recordFilter: conditionText(s.recordFilter) } : {}),
    };
  });
}

const COLUMN_TYPES: Record<UnitColumn['type'], ColumnType> = {
  text: 'text',
  date: 'date',
  integer: 'integer',
};

/** A template's own column (an extra unit column, a subject sheet's column) as a sheet column. */
function templateColumn(c: UnitColumn): ColumnDef {
  return {
    key: c.key,
    label: c.label,
    type: COLUMN_TYPES[c.type],
    width: c.type === 'text' ? 160 : 100,
  };
}

/**
 * 单位名册 for a template: its unit categories in the category dropdown, its extra columns (e.g.
 * 上次换届日期, 任期（年）) after the common ones. The sample rows take the template's categories.
 */
export function unitsSheetFor(template: CampaignTemplate): SheetDef {
  const categories = Object.keys(template.categories);
  const extra = (template.unitColumns ?? []).map(templateColumn);
  if (categories.join() === UNIT_CATEGORIES.join() && extra.length === 0) return UNITS_SHEET;
  return {
    ...UNITS_SHEET,
    columns: [
      ...UNITS_SHEET.columns.map((c) => (c.key === 'category' ? { ...c, choices: categories } : c)),
      ...extra,
    ],
    sampleRows: UNITS_SHEET.sampleRows.map((row, i) => ({
      ...row,
      category: categories[Math.min(i * 2, categories.length - 1)] ?? '',
    })),
  };
}

/** The roster sheet (e.g. 领导干部名册) of a template that tracks people, or null. */
export function rosterSheetFor(template: CampaignTemplate): SheetDef | null {
  const roster = template.roster;
  if (!roster) return null;
  return {
    key: 'roster',
    title: roster.sheet,
    columns: [
      {
        key: 'personId',
        label: { zh: '人员编号', en: 'Person ID' },
        type: 'text',
        required: true,
        width: 90,
      },
      { key: 'name', label: { zh: '姓名', en: 'Name' }, type: 'text', required: true, width: 90 },
      {
        key: 'unitId',
        label: { zh: '所在单位编号', en: 'Unit ID' },
        type: 'text',
        required: true,
        help: { zh: '单位名册中的单位编号', en: 'The unit ID in Units' },
        width: 100,
      },
      {
        key: 'role',
        label: { zh: '身份', en: 'Role' },
        type: 'choice',
        required: true,
        choices: roster.roles,
        width: 130,
      },
      { key: 'email', label: { zh: '邮箱', en: 'Email' }, type: 'email', width: 220 },
    ],
    sampleRows: roster.rows ?? [],
  };
}

/** The config-sheet key of a subject type staff list in its own sheet. */
export const subjectSheetKey = (subject: string): `subjects.${string}` => `subjects.${subject}`;

/**
 * The sheet of a subject type staff list beforehand (e.g. 重点任务清单): its columns and rows, then
 * the template's review columns on that subject, where staff mark each one (e.g. 推进状态).
 */
export function subjectSheetFor(template: CampaignTemplate, subject: SubjectType): SheetDef {
  const review = template.review
    .filter((r) => r.on === subject.key)
    .map((r): ColumnDef => ({
      key: r.key,
      label: r.label,
      type: r.type === 'choice' ? 'choice' : r.type === 'number' ? 'number' : 'text',
      ...(r.choices ? { choices: r.choices } : {}),
      width: r.type === 'text' ? 200 : 100,
    }));
  const columns = (subject.columns ?? []).map((c) =>
    c.key === subject.ownerColumn
      ? {
          ...templateColumn(c),
          required: true,
          help: {
            zh: '单位名册中的单位名称或编号，多个以分号或顿号分隔',
            en: 'Unit names or IDs as in Units, separated by ; or 、',
          },
          width: 220,
        }
      : c.key === subject.nameField
        ? { ...templateColumn(c), required: true, width: 260 }
        : templateColumn(c),
  );
  return {
    key: subjectSheetKey(subject.key),
    title: subject.sheet ?? subject.label,
    columns: [...columns, ...review],
    sampleRows: subject.rows ?? [],
  };
}

/** The subject types staff list in their own sheets. */
export const sheetSubjects = (template: CampaignTemplate): SubjectType[] =>
  template.subjects.filter((s) => s.source === 'sheet');

export const RULE_KINDS = ['count', 'required', 'cadence', 'termExpiry'] as const;
export const RULE_PERS = ['unit', 'person', 'category', 'subject', 'campaign'] as const;

const ruleColumn = (
  key: string,
  zh: string,
  en: string,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({ key, label: { zh, en }, type: 'text', width: 100, ...extra });

/**
 * 配额规则: the campaign's quota rules, one row each, in the vocabulary of template.ts. Setup
 * writes the template's; the administrator edits a limit, a condition or a stage, adds or deletes
 * a rule, and the next check runs what the sheet says. A limit is a number or a setting's key
 * (keyProjectQuota): the setting's value then counts.
 */
export const QUOTA_RULES_SHEET: SheetDef = {
  key: 'quotaRules',
  title: { zh: '配额规则', en: 'Quota rules' },
  columns: [
    ruleColumn('id', '规则编号', 'Rule ID', { required: true, width: 150 }),
    ruleColumn('label', '规则名称', 'Rule', { required: true, width: 260 }),
    ruleColumn('labelEn', '英文名称', 'Rule (English)', { width: 200 }),
    ruleColumn('kind', '类型', 'Kind', {
      type: 'choice',
      required: true,
      choices: RULE_KINDS,
      labels: 'ruleKind',
    }),
    ruleColumn('form', '表单', 'Form', { labels: 'form' }),
    ruleColumn('per', '统计对象', 'Per', { type: 'choice', choices: RULE_PERS, labels: 'rulePer' }),
    ruleColumn('period', '周期', 'Period', { type: 'choice', choices: REPEATS, labels: 'repeat' }),
    ruleColumn('atLeast', '至少', 'At least', {
      help: { zh: '数字，或一个设置项（如 minProjectsPerUnit）', en: 'A number, or a setting key' },
    }),
    ruleColumn('atMost', '至多', 'At most', {
      help: { zh: '数字，或一个设置项（如 keyProjectQuota）', en: 'A number, or a setting key' },
    }),
    ruleColumn('atMostShare', '比例上限', 'Share at most', {
      help: { zh: '0 到 1 之间，如 0.3 表示 30%', en: 'Between 0 and 1, e.g. 0.3 for 30 %' },
    }),
    ruleColumn('filter', '记录条件', 'Condition', {
      width: 160,
      help: { zh: '如 status=重点项目 或 meetingType=党课', en: 'e.g. status=重点项目' },
    }),
    ruleColumn('field', '必填字段', 'Required field'),
    ruleColumn('among', '适用对象', 'Among', {
      type: 'choice',
      choices: AUDIENCES,
      labels: 'audience',
    }),
    ruleColumn('scope', '对象范围', 'Scope', { width: 140 }),
    ruleColumn('after', '检查时点（阶段截止后）', 'After stage'),
    ruleColumn('everyDays', '间隔天数', 'Every (days)'),
    ruleColumn('during', '间隔适用阶段', 'During stage'),
    ruleColumn('dateColumn', '日期列', 'Date column'),
    ruleColumn('termYears', '任期（年）', 'Term (years)', { type: 'integer' }),
    ruleColumn('termColumn', '任期列', 'Term column'),
    ruleColumn('warnDays', '提前提醒天数', 'Warn days before', { type: 'integer' }),
  ],
  sampleRows: [],
};

/** An amount as 配额规则 writes it: the number, or the setting's key. */
const amountText = (a: Amount | undefined) =>
  a === undefined ? '' : typeof a === 'number' ? a : a.setting;

/** The 配额规则 rows of a template's rules. */
export function quotaRuleRows(template: CampaignTemplate): SheetDef['sampleRows'] {
  return template.quotaRules.map((r) => {
    const base = { id: r.id, label: r.label.zh, labelEn: r.label.en, kind: r.kind };
    switch (r.kind) {
      case 'count': {
        const among = r.among ? audienceCells(r.among, template) : null;
        return {
          ...base,
          form: r.form,
          per: r.per,
          period: r.period ?? '',
          atLeast: amountText(r.atLeast),
          atMost: amountText(r.atMost),
          atMostShare: r.atMostShare ?? '',
          filter: r.filter ? conditionText(r.filter) : '',
          among: among?.audience ?? '',
          scope: among?.scope ?? '',
          after: r.after ?? '',
        };
      }
      case 'required':
        return { ...base, form: r.form, field: r.field };
      case 'cadence': {
        const among = audienceCells(r.among, template);
        return {
          ...base,
          form: r.form,
          everyDays: amountText(r.everyDays),
          during: r.during,
          among: among.audience,
          scope: among.scope,
        };
      }
      default:
        return {
          ...base,
          dateColumn: r.dateColumn,
          termYears: r.termYears ?? '',
          termColumn: r.termColumn ?? '',
          warnDays: r.warnDays,
        };
    }
  });
}

/** The configuration sheets as Setup writes them for a template. */
export function configSheetsFor(template: CampaignTemplate): readonly SheetDef[] {
  const formDesign = { ...FORM_DESIGN_SHEET, sampleRows: formDesignRows(template.forms) };
  const formKeys = template.forms.map((f) => f.key);
  const stages: SheetDef = {
    ...STAGES_SHEET,
    columns: STAGES_SHEET.columns.map((c) => (c.key === 'form' ? { ...c, choices: formKeys } : c)),
    sampleRows: stageRows(template),
  };
  const settings: SheetDef = {
    ...SETTINGS_SHEET,
    sampleRows: SETTINGS_SHEET.sampleRows.map((row) =>
      row.key === 'template'
        ? { ...row, value: template.id }
        : template.settings[String(row.key)] !== undefined
          ? { ...row, value: template.settings[String(row.key)] }
          : row,
    ),
  };
  const roster = rosterSheetFor(template);
  return [
    settings,
    unitsSheetFor(template),
    ...(roster ? [roster] : []),
    ...sheetSubjects(template).map((s) => subjectSheetFor(template, s)),
    stages,
    formDesign,
    { ...QUOTA_RULES_SHEET, sampleRows: quotaRuleRows(template) },
    HEALTH_SHEET,
  ];
}

export const CONFIG_SHEETS: readonly SheetDef[] = configSheetsFor(DEFAULT_TEMPLATE);

/**
 * The configuration sheet a problem names, by key: the template's own (its 单位名册, roster and
 * subject sheets), else any shipped template's — the one table located problems are described by.
 */
export function configSheetDef(
  key: string,
  template: CampaignTemplate = DEFAULT_TEMPLATE,
): SheetDef {
  const own = configSheetsFor(template).find((d) => d.key === key);
  if (own) return own;
  for (const t of TEMPLATES) {
    const def = configSheetsFor(t).find((d) => d.key === key);
    if (def) return def;
  }
  return { key, title: { zh: key, en: key }, columns: [], sampleRows: [] };
}
