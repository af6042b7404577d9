/**
 * The canonical sheets the intake writes (one row per response, upserted by response id) and
 * staff review in. Columns are addressed by key through the header, never by position.
 */
import type { ColumnDef, SheetDef } from './config-sheets';
import {
  APPLICATION_FORM,
  LEDGER_FORM,
  PLAN_FORM,
  SELF_ASSESSMENT_FORM,
  type FormDef,
} from './forms';
import type { CampaignTemplate } from '../src/domain/template';
import { TEMPLATES } from './templates';

export const REVIEW_STATUSES = ['待审核', '重点项目', '备案', '退回修改'] as const;
export const ACCEPTANCE_RESULTS = ['优秀', '合格', '不合格'] as const;

const col = (key: string, zh: string, en: string, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  label: { zh, en },
  type: 'text',
  ...extra,
});

/** The answer columns of a form, minus the ones the record carries elsewhere. */
function answerColumns(form: FormDef, skip: readonly string[] = []): ColumnDef[] {
  return form.fields
    .filter((f) => !skip.includes(f.key))
    .map((f) =>
      col(f.key, f.label.zh, f.label.en, {
        type:
          f.kind === 'date'
            ? 'date'
            : f.kind === 'number' || f.kind === 'integer' || f.kind === 'rating'
              ? 'number'
              : 'text',
        width: f.kind === 'paragraph' ? 260 : 120,
      }),
    );
}

const provenance: ColumnDef[] = [
  col('respondentEmail', '填报邮箱', 'Respondent email', { width: 180 }),
  col('verified', '身份核验', 'Verified', { width: 80 }),
  col('submittedAt', '首次提交时间', 'First submitted', { type: 'dateTime', width: 140 }),
  col('updatedAt', '最近更新时间', 'Last updated', { type: 'dateTime', width: 140 }),
  col('late', '是否逾期', 'Late', { width: 70 }),
  col('responseId', '回复编号', 'Response ID', { width: 120 }),
  col('editUrl', '修改链接', 'Edit link', { width: 160 }),
];

export const REVIEW_COLUMNS: ColumnDef[] = [
  col('status', '审核状态', 'Status', {
    type: 'choice',
    choices: REVIEW_STATUSES,
    labels: 'status',
    width: 120,
  }),
  col('score', '评分', 'Score', { type: 'number', width: 60 }),
  col('comment', '审核意见', 'Review comment', { width: 200 }),
  col('reviewer', '审核人', 'Reviewer', { width: 150 }),
  col('reviewedAt', '审核时间', 'Reviewed at', { type: 'dateTime', width: 140 }),
  col('fundingGranted', '专项经费（万元）', 'Funding granted', { type: 'number', width: 110 }),
  col('acceptanceScore', '验收评分', 'Acceptance score', { type: 'number', width: 80 }),
  col('acceptanceResult', '验收结论', 'Acceptance result', {
    type: 'choice',
    choices: ACCEPTANCE_RESULTS,
    labels: 'acceptance',
    width: 80,
  }),
];

/** The columns of the subject a form makes (a project): id, owner, the answers, review, provenance. */
function subjectColumns(form: FormDef): ColumnDef[] {
  return [
    col('projectId', '项目编号', 'Project ID', { width: 120 }),
    col('unitId', '单位编号', 'Unit ID', { width: 80 }),
    col('unitName', '单位名称', 'Unit', { width: 220 }),
    col('category', '单位类别', 'Category', { labels: 'category', width: 120 }),
    col('department', '归口部门', 'Department', { width: 90 }),
    ...answerColumns(
      form,
      form.fields.filter((f) => f.kind === 'unit').map((f) => f.key),
    ),
    ...REVIEW_COLUMNS,
    ...provenance,
  ];
}

const projectLink: ColumnDef[] = [
  col('projectId', '项目编号', 'Project ID', { width: 120 }),
  col('unitId', '单位编号', 'Unit ID', { width: 80 }),
  col('projectName', '项目名称', 'Project name', { width: 200 }),
];

/**
 * The columns of an entry attached to a subject: the reference a unit typed is resolved into the
 * subject's id and name, so it is not shown twice.
 */
function entryColumns(form: FormDef): ColumnDef[] {
  const reference = form.fields.filter((f) => f.kind === 'subject').map((f) => f.key);
  return [...projectLink, ...answerColumns(form, reference), ...provenance];
}

/** The sheet keys the Secretary Project's record sheets had before forms were data. */
const LEGACY_SHEET_KEYS: Record<string, string> = {
  application: 'projects',
  plan: 'plans',
  selfAssessment: 'selfAssessments',
};

const unitLink: ColumnDef[] = [
  col('unitId', '单位编号', 'Unit ID', { width: 80 }),
  col('unitName', '单位名称', 'Unit', { width: 220 }),
];

/** The template a form belongs to (form keys are unique across the shipped templates). */
const templateOf = (form: FormDef): CampaignTemplate | undefined =>
  TEMPLATES.find((t) => t.forms.some((f) => f.key === form.key));

/** The template's review columns on a form's own records (e.g. a branch rating's 评定等次). */
function reviewColumnsOn(form: FormDef): ColumnDef[] {
  return (templateOf(form)?.review ?? [])
    .filter((r) => r.on === form.key)
    .map((r) =>
      col(r.key, r.label.zh, r.label.en, {
        type: r.type === 'choice' ? 'choice' : r.type === 'number' ? 'number' : 'text',
        ...(r.choices ? { choices: r.choices } : {}),
        width: r.type === 'text' ? 200 : 100,
      }),
    );
}

const fieldsOfKind = (form: FormDef, ...kinds: string[]) =>
  form.fields.filter((f) => kinds.includes(f.kind)).map((f) => f.key);

/**
 * The columns of an entry about a unit, a person or a subject staff list: what the intake resolved
 * (the unit; the person; the subject's id and name) first, then the other answers, the template's
 * review columns on the form, provenance. The unit, person or subject as typed is not shown twice.
 */
function resolvedEntryColumns(form: FormDef, of: string): ColumnDef[] {
  const review = reviewColumnsOn(form);
  if (of === 'unit')
    return [
      ...unitLink,
      ...answerColumns(form, fieldsOfKind(form, 'unit')),
      ...review,
      ...provenance,
    ];
  if (of === 'person')
    return [
      col('personId', '人员编号', 'Person ID', { width: 90 }),
      col('personName', '姓名', 'Name', { width: 90 }),
      ...unitLink,
      ...answerColumns(form, fieldsOfKind(form, 'unit', 'person')),
      ...review,
      ...provenance,
    ];
  const subject = templateOf(form)?.subjects.find((s) => s.key === of);
  const label = subject?.label ?? { zh: '对象', en: 'Subject' };
  const idColumn = subject?.columns?.[0];
  const nameColumn = subject?.columns?.find((c) => c.key === subject.nameField);
  return [
    col(
      'subjectId',
      idColumn?.label.zh ?? `${label.zh}编号`,
      idColumn?.label.en ?? `${label.en} ID`,
      {
        width: 90,
      },
    ),
    col(
      'subjectName',
      nameColumn?.label.zh ?? `${label.zh}名称`,
      nameColumn?.label.en ?? label.en,
      { width: 240 },
    ),
    ...unitLink,
    ...answerColumns(form, fieldsOfKind(form, 'unit', 'subject')),
    ...review,
    ...provenance,
  ];
}

/** Whether a form's entries hang on a subject another form makes (a plan on a project). */
function onFormSubject(form: FormDef): boolean {
  const makes = form.makes;
  if (makes.kind !== 'entry' || makes.of === 'unit' || makes.of === 'person') return false;
  const subject = templateOf(form)?.subjects.find((s) => s.key === makes.of);
  return !subject || subject.source === 'form';
}

/** The sheet a form's accepted records go to, with a column for every field 表单设计 gives it. */
export function recordSheetOf(form: FormDef): SheetDef {
  const makes = form.makes;
  return {
    key: LEGACY_SHEET_KEYS[form.key] ?? form.key,
    title: form.sheet,
    columns:
      makes.kind === 'subject'
        ? subjectColumns(form)
        : onFormSubject(form)
          ? entryColumns(form)
          : resolvedEntryColumns(form, makes.of),
    sampleRows: [],
  };
}

export const PROJECTS_SHEET: SheetDef = recordSheetOf(APPLICATION_FORM);
export const PLANS_SHEET: SheetDef = recordSheetOf(PLAN_FORM);
export const LEDGER_SHEET: SheetDef = recordSheetOf(LEDGER_FORM);
export const SELF_ASSESSMENTS_SHEET: SheetDef = recordSheetOf(SELF_ASSESSMENT_FORM);

export const REJECTIONS_SHEET: SheetDef = {
  key: 'rejections',
  title: { zh: '退回记录', en: 'Rejections' },
  columns: [
    col('responseId', '回复编号', 'Response ID', { width: 120 }),
    col('form', '表单', 'Form', { labels: 'form', width: 90 }),
    col('respondentEmail', '填报邮箱', 'Respondent email', { width: 180 }),
    col('unit', '填报单位', 'Unit as given', { width: 160 }),
    col('submittedAt', '提交时间', 'Submitted', { type: 'dateTime', width: 140 }),
    col('reasons', '退回原因', 'Reasons', { width: 360 }),
    col('answers', '原始填报内容', 'Answers as given', { width: 360 }),
    col('state', '处理状态', 'State', { width: 90 }),
    col('editUrl', '修改链接', 'Edit link', { width: 160 }),
  ],
  sampleRows: [],
};

export const MAIL_LOG_SHEET: SheetDef = {
  key: 'mailLog',
  title: { zh: '邮件记录', en: 'Mail log' },
  columns: [
    col('key', '去重键', 'Key', { width: 220 }),
    col('kind', '类型', 'Kind', { labels: 'mailKind', width: 90 }),
    col('to', '收件人', 'To', { width: 220 }),
    col('subject', '主题', 'Subject', { width: 300 }),
    col('unitId', '单位编号', 'Unit ID', { width: 80 }),
    col('projectId', '项目编号', 'Project ID', { width: 120 }),
    col('stageId', '阶段', 'Stage', { width: 80 }),
    col('at', '时间', 'At', { type: 'dateTime', width: 140 }),
    col('state', '状态', 'State', { labels: 'mailState', width: 80 }),
  ],
  sampleRows: [],
};

/**
 * Email owed but not sent yet (receipts and rejections the quota or a failure held back), kept whole
 * so the daily run can send it later. Append-only: the last row of a key is its state — queued,
 * sent, superseded (a newer email for the same response replaced it) or failed (never retried
 * blindly; staff are told).
 */
export const MAIL_QUEUE_SHEET: SheetDef = {
  key: 'mailQueue',
  title: { zh: '待发邮件', en: 'Mail queue' },
  columns: [
    col('key', '去重键', 'Key', { width: 220 }),
    col('group', '所属回复', 'Response', { width: 160 }),
    col('kind', '类型', 'Kind', { labels: 'mailKind', width: 90 }),
    col('to', '收件人', 'To', { width: 220 }),
    col('subject', '主题', 'Subject', { width: 300 }),
    col('body', '正文', 'Body', { width: 300 }),
    col('htmlBody', 'HTML 正文', 'HTML body', { width: 120 }),
    col('unitId', '单位编号', 'Unit ID', { width: 80 }),
    col('projectId', '项目编号', 'Project ID', { width: 120 }),
    col('stageId', '阶段', 'Stage', { width: 80 }),
    col('state', '状态', 'State', { labels: 'mailState', width: 80 }),
    col('attempts', '尝试次数', 'Attempts', { type: 'number', width: 70 }),
    col('reason', '原因', 'Reason', { width: 220 }),
    col('at', '时间', 'At', { type: 'dateTime', width: 140 }),
  ],
  sampleRows: [],
};

/**
 * Every notice the daily run decided on, keyed by recipient, stage, project, kind and offset, and
 * written before the email goes out — so a re-run, a duplicate trigger or a resumed run never sends
 * one twice. `deferred` rows are retried first on the next run.
 */
export const SEND_LEDGER_SHEET: SheetDef = {
  key: 'sendLedger',
  title: { zh: '发送台账', en: 'Send ledger' },
  columns: [
    col('key', '去重键', 'Key', { width: 260 }),
    col('day', '日期', 'Day', { width: 90 }),
    col('recipient', '收件单位/部门', 'Recipient', { width: 120 }),
    col('stageId', '阶段', 'Stage', { width: 80 }),
    col('projectId', '项目编号', 'Project ID', { width: 120 }),
    col('kind', '类型', 'Kind', { labels: 'mailKind', width: 90 }),
    col('offsetDays', '距截止天数', 'Offset (days)', { type: 'number', width: 80 }),
    col('state', '状态', 'State', { labels: 'mailState', width: 80 }),
    col('reason', '原因', 'Reason', { width: 120 }),
    col('at', '时间', 'At', { type: 'dateTime', width: 140 }),
  ],
  sampleRows: [],
};

/** Every accepted review edit, appended and never rewritten: who, when, project, key, old → new. */
export const AUDIT_LOG_SHEET: SheetDef = {
  key: 'auditLog',
  title: { zh: '审核日志', en: 'Audit log' },
  columns: [
    col('at', '时间', 'At', { type: 'dateTime', width: 140 }),
    col('editor', '操作人', 'Editor', { width: 180 }),
    col('projectId', '项目编号', 'Project ID', { width: 120 }),
    col('unitId', '单位编号', 'Unit ID', { width: 80 }),
    col('key', '字段', 'Field', { labels: 'reviewField', width: 130 }),
    col('oldValue', '原值', 'Old value', { width: 160 }),
    col('newValue', '新值', 'New value', { width: 160 }),
  ],
  sampleRows: [],
};

/** The campaign's quota checks as of the last check, rewritten in one batch each time. */
export const QUOTA_VIEW_SHEET: SheetDef = {
  key: 'quotaView',
  title: { zh: '配额检查', en: 'Quota checks' },
  columns: [
    col('rule', '规则', 'Rule', { width: 200 }),
    col('subject', '对象', 'Subject', { width: 260 }),
    col('count', '实际', 'Found', { width: 70 }),
    col('limit', '要求', 'Limit', { width: 70 }),
    col('since', '起始日期', 'Since', { width: 100 }),
    col('result', '结果', 'Result', { width: 70 }),
    col('checkedAt', '检查时间', 'Checked at', { type: 'dateTime', width: 140 }),
  ],
  sampleRows: [],
};

/** The keys of the record sheets among DATA_SHEETS (each form's, as the template shapes it). */
export const RECORD_SHEET_KEYS: readonly string[] = [
  PROJECTS_SHEET.key,
  PLANS_SHEET.key,
  LEDGER_SHEET.key,
  SELF_ASSESSMENTS_SHEET.key,
];

/** Where each form's accepted records go. */
export const RECORD_SHEETS: Record<FormDef['key'], SheetDef> = {
  application: PROJECTS_SHEET,
  plan: PLANS_SHEET,
  ledger: LEDGER_SHEET,
  selfAssessment: SELF_ASSESSMENTS_SHEET,
};

export const DATA_SHEETS: readonly SheetDef[] = [
  PROJECTS_SHEET,
  PLANS_SHEET,
  LEDGER_SHEET,
  SELF_ASSESSMENTS_SHEET,
  REJECTIONS_SHEET,
  MAIL_LOG_SHEET,
  MAIL_QUEUE_SHEET,
  SEND_LEDGER_SHEET,
  AUDIT_LOG_SHEET,
  QUOTA_VIEW_SHEET,
];
