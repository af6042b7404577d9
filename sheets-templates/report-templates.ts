/**
 * The default report templates, as data. *Activate* writes each as a Google Doc once and
 * remembers its id; staff may edit those Docs freely (wording, order, styles) as long as they use
 * the placeholders below. Generation copies the Doc and fills it:
 * - `{{name}}` — a value (scalars below), anywhere in a paragraph or a table cell;
 * - `{{list.field}}` — a table row holding these is that table's *repeat row*: it is written once
 *   per item of the list (rows above and below it stay as they are);
 * - `{{chart}}` — a paragraph holding it gets the report's bar chart.
 * Any other `{{…}}` is an error naming it, and no report is left behind.
 */
import type { Label } from './config-sheets';

export type ReportKind = 'stageReport' | 'dossier' | 'finalReport' | 'campaignReport';

export type TemplateBlock =
  | {
      kind: 'title' | 'subtitle' | 'heading' | 'subheading' | 'paragraph' | 'caption';
      text: string;
    }
  | { kind: 'table'; rows: string[][]; headerRows?: number };

export interface ReportTemplateDef {
  kind: ReportKind;
  name: Label;
  scalars: readonly string[];
  lists: Readonly<Record<string, readonly string[]>>;
  /** Whether the report has a chart (the `{{chart}}` placeholder is then allowed). */
  chart: boolean;
  blocks: { zh: TemplateBlock[]; en: TemplateBlock[] };
}

const h = (text: string): TemplateBlock => ({ kind: 'heading', text });
const sh = (text: string): TemplateBlock => ({ kind: 'subheading', text });
const p = (text: string): TemplateBlock => ({ kind: 'paragraph', text });
const cap = (text: string): TemplateBlock => ({ kind: 'caption', text });
/** A table: a header row and a repeat row of `{{list.field}}` for each column. */
const listTable = (list: string, columns: [string, string][]): TemplateBlock => ({
  kind: 'table',
  rows: [columns.map(([header]) => header), columns.map(([, field]) => `{{${list}.${field}}}`)],
  headerRows: 1,
});
/** A bordered two-column form table: label | value (the seed's 申报表 layout). */
const formTable = (rows: [string, string][]): TemplateBlock => ({
  kind: 'table',
  rows: rows.map(([label, value]) => [label, value]),
  headerRows: 0,
});

const VIOLATION_FIELDS = ['no', 'rule', 'subject', 'detail'] as const;
const TIMELINE_FIELDS = [
  'name',
  'opensOn',
  'deadline',
  'expected',
  'met',
  'late',
  'rate',
  'state',
] as const;

const timelineZh = listTable('timeline', [
  ['阶段', 'name'],
  ['开始日期', 'opensOn'],
  ['截止日期', 'deadline'],
  ['应报', 'expected'],
  ['已报', 'met'],
  ['逾期', 'late'],
  ['完成率', 'rate'],
  ['状态', 'state'],
]);
const timelineEn = listTable('timeline', [
  ['Stage', 'name'],
  ['Opens', 'opensOn'],
  ['Deadline', 'deadline'],
  ['Expected', 'expected'],
  ['Done', 'met'],
  ['Late', 'late'],
  ['Rate', 'rate'],
  ['State', 'state'],
]);
const violationsZh = listTable('violations', [
  ['序号', 'no'],
  ['规则', 'rule'],
  ['单位/项目', 'subject'],
  ['情况', 'detail'],
]);
const violationsEn = listTable('violations', [
  ['No.', 'no'],
  ['Rule', 'rule'],
  ['Unit / project', 'subject'],
  ['Finding', 'detail'],
]);
const footerZh = p(
  '本报告由系统根据工作簿「单位名册」「阶段设置」「项目库」「实施方案」「工作台账」「自查总结」自动生成。生成时间：{{generatedAt}}。',
);
const footerEn = p('Generated from the campaign workbook at {{generatedAt}}.');

export const STAGE_REPORT: ReportTemplateDef = {
  kind: 'stageReport',
  name: { zh: '报告模板：阶段总结报告', en: 'Report template: stage summary' },
  chart: true,
  scalars: [
    'campaignName',
    'stageName',
    'opensOn',
    'deadline',
    'today',
    'audience',
    'stageState',
    'progressSummary',
    'expected',
    'met',
    'late',
    'missing',
    'rate',
    'activeUnits',
    'projectCount',
    'keyCount',
    'filedCount',
    'pendingCount',
    'returnedCount',
    'unverifiedCount',
    'keyQuota',
    'budgetTotal',
    'fundingTotal',
    'violationCount',
    'violationSummary',
    'generatedAt',
  ],
  lists: {
    byType: ['label', 'count', 'rate'],
    byTheme: ['label', 'count', 'rate'],
    byCategory: ['label', 'units', 'projects', 'expected', 'met', 'late', 'rate'],
    byDepartment: ['no', 'label', 'units', 'projects', 'expected', 'met', 'late', 'rate'],
    missing: ['no', 'unitId', 'unitName', 'category', 'department', 'project'],
    late: ['no', 'unitName', 'project', 'submittedAt'],
    keyProjects: [
      'no',
      'projectId',
      'unitName',
      'projectName',
      'projectType',
      'budget',
      'fundingGranted',
    ],
    violations: VIOLATION_FIELDS,
    timeline: TIMELINE_FIELDS,
  },
  blocks: {
    zh: [
      { kind: 'title', text: '{{campaignName}}{{stageName}}总结报告' },
      { kind: 'subtitle', text: '统计截至 {{today}}' },
      h('一、总体情况'),
      p(
        '{{stageName}}自 {{opensOn}} 开始，至 {{deadline}} 截止（{{stageState}}），适用对象为{{audience}}。截至 {{today}}，{{progressSummary}}',
      ),
      p(
        '全活动共有参与单位 {{activeUnits}} 个，已受理项目 {{projectCount}} 个，其中重点项目 {{keyCount}} 个、备案项目 {{filedCount}} 个、待审核 {{pendingCount}} 个、退回修改 {{returnedCount}} 个；身份待核验的项目 {{unverifiedCount}} 个。',
      ),
      h('二、分类统计'),
      sh('（一）按项目类型'),
      listTable('byType', [
        ['项目类型', 'label'],
        ['项目数', 'count'],
        ['占比', 'rate'],
      ]),
      sh('（二）按服务主题（可多选，占比合计可超过100%）'),
      listTable('byTheme', [
        ['服务主题', 'label'],
        ['项目数', 'count'],
        ['占比', 'rate'],
      ]),
      sh('（三）按单位类别'),
      listTable('byCategory', [
        ['单位类别', 'label'],
        ['参与单位', 'units'],
        ['项目数', 'projects'],
        ['应报', 'expected'],
        ['已报', 'met'],
        ['逾期', 'late'],
        ['完成率', 'rate'],
      ]),
      sh('（四）按归口部门'),
      { kind: 'paragraph', text: '{{chart}}' },
      cap('图1  各归口部门本阶段完成率'),
      listTable('byDepartment', [
        ['归口部门', 'label'],
        ['参与单位', 'units'],
        ['项目数', 'projects'],
        ['应报', 'expected'],
        ['已报', 'met'],
        ['逾期', 'late'],
        ['完成率', 'rate'],
      ]),
      h('三、未报及逾期单位'),
      sh('（一）未报'),
      listTable('missing', [
        ['序号', 'no'],
        ['单位编号', 'unitId'],
        ['单位名称', 'unitName'],
        ['单位类别', 'category'],
        ['归口部门', 'department'],
        ['项目', 'project'],
      ]),
      sh('（二）逾期报送'),
      listTable('late', [
        ['序号', 'no'],
        ['单位名称', 'unitName'],
        ['项目', 'project'],
        ['首次提交时间', 'submittedAt'],
      ]),
      h('四、重点项目及专项经费'),
      p(
        '重点项目 {{keyCount}} 个（名额 {{keyQuota}} 个），申请经费合计 {{budgetTotal}} 万元，已下拨专项经费合计 {{fundingTotal}} 万元。',
      ),
      listTable('keyProjects', [
        ['序号', 'no'],
        ['项目编号', 'projectId'],
        ['申报单位', 'unitName'],
        ['项目名称', 'projectName'],
        ['项目类型', 'projectType'],
        ['申请经费（万元）', 'budget'],
        ['专项经费（万元）', 'fundingGranted'],
      ]),
      h('五、配额检查'),
      p('{{violationSummary}}'),
      violationsZh,
      h('六、阶段安排'),
      timelineZh,
      footerZh,
    ],
    en: [
      { kind: 'title', text: '{{campaignName}}: {{stageName}} summary report' },
      { kind: 'subtitle', text: 'As of {{today}}' },
      h('1. Overview'),
      p(
        '{{stageName}} ran from {{opensOn}} to {{deadline}} ({{stageState}}), for {{audience}}. As of {{today}}, {{progressSummary}}',
      ),
      p(
        '{{activeUnits}} units take part; {{projectCount}} projects: {{keyCount}} key, {{filedCount}} filed, {{pendingCount}} pending review, {{returnedCount}} returned; {{unverifiedCount}} unverified.',
      ),
      h('2. Breakdown'),
      sh('2.1 By project type'),
      listTable('byType', [
        ['Type', 'label'],
        ['Projects', 'count'],
        ['Share', 'rate'],
      ]),
      sh('2.2 By theme (several per project)'),
      listTable('byTheme', [
        ['Theme', 'label'],
        ['Projects', 'count'],
        ['Share', 'rate'],
      ]),
      sh('2.3 By unit category'),
      listTable('byCategory', [
        ['Category', 'label'],
        ['Units', 'units'],
        ['Projects', 'projects'],
        ['Expected', 'expected'],
        ['Done', 'met'],
        ['Late', 'late'],
        ['Rate', 'rate'],
      ]),
      sh('2.4 By department'),
      { kind: 'paragraph', text: '{{chart}}' },
      cap('Figure 1. Completion rate by department'),
      listTable('byDepartment', [
        ['Department', 'label'],
        ['Units', 'units'],
        ['Projects', 'projects'],
        ['Expected', 'expected'],
        ['Done', 'met'],
        ['Late', 'late'],
        ['Rate', 'rate'],
      ]),
      h('3. Missing and late'),
      sh('3.1 Missing'),
      listTable('missing', [
        ['No.', 'no'],
        ['Unit ID', 'unitId'],
        ['Unit', 'unitName'],
        ['Category', 'category'],
        ['Department', 'department'],
        ['Project', 'project'],
      ]),
      sh('3.2 Late'),
      listTable('late', [
        ['No.', 'no'],
        ['Unit', 'unitName'],
        ['Project', 'project'],
        ['First submitted', 'submittedAt'],
      ]),
      h('4. Key projects and funding'),
      p(
        '{{keyCount}} key projects (quota {{keyQuota}}); budgets requested {{budgetTotal}}, funding granted {{fundingTotal}} (10k CNY).',
      ),
      listTable('keyProjects', [
        ['No.', 'no'],
        ['Project ID', 'projectId'],
        ['Unit', 'unitName'],
        ['Project', 'projectName'],
        ['Type', 'projectType'],
        ['Budget', 'budget'],
        ['Funding', 'fundingGranted'],
      ]),
      h('5. Quota checks'),
      p('{{violationSummary}}'),
      violationsEn,
      h('6. Stages'),
      timelineEn,
      footerEn,
    ],
  },
};

export const DOSSIER: ReportTemplateDef = {
  kind: 'dossier',
  name: { zh: '报告模板：项目档案', en: 'Report template: project dossier' },
  chart: false,
  scalars: [
    'campaignName',
    'projectId',
    'unitName',
    'category',
    'department',
    'projectName',
    'projectType',
    'themes',
    'rectification',
    'leader',
    'leaderTitle',
    'goals',
    'measures',
    'dueDate',
    'contactName',
    'contactPhone',
    'contactEmail',
    'budget',
    'submittedAt',
    'verified',
    'status',
    'score',
    'comment',
    'reviewer',
    'fundingGranted',
    'acceptanceScore',
    'acceptanceResult',
    'planOrganization',
    'planMeasures',
    'planSafeguards',
    'planTimeline',
    'selfSummary',
    'generatedAt',
  ],
  lists: {
    answers: ['label', 'value'],
    ledger: ['activityDate', 'activity', 'participants', 'outcome'],
    ratings: ['label', 'score'],
  },
  blocks: {
    zh: [
      { kind: 'subtitle', text: '{{campaignName}}' },
      { kind: 'title', text: '基层党建“书记项目”申报表' },
      p('项目编号：{{projectId}}　　首次提交：{{submittedAt}}　　身份核验：{{verified}}'),
      formTable([
        ['申报单位', '{{unitName}}'],
        ['单位类别', '{{category}}（{{department}}）'],
      ]),
      // The application's answers in 表单设计 order: a field added there shows here too.
      formTable([['{{answers.label}}', '{{answers.value}}']]),
      h('审核结果'),
      formTable([
        ['审核状态', '{{status}}'],
        ['评分', '{{score}}'],
        ['审核意见', '{{comment}}'],
        ['审核人', '{{reviewer}}'],
        ['专项经费（万元）', '{{fundingGranted}}'],
        ['验收评分', '{{acceptanceScore}}'],
        ['验收结论', '{{acceptanceResult}}'],
      ]),
      h('实施方案'),
      formTable([
        ['工作机构', '{{planOrganization}}'],
        ['主要措施', '{{planMeasures}}'],
        ['保障措施', '{{planSafeguards}}'],
        ['完成时限', '{{planTimeline}}'],
      ]),
      h('工作台账'),
      listTable('ledger', [
        ['活动日期', 'activityDate'],
        ['活动内容', 'activity'],
        ['参与人数', 'participants'],
        ['成效', 'outcome'],
      ]),
      h('自查评分'),
      listTable('ratings', [
        ['标准', 'label'],
        ['自评分', 'score'],
      ]),
      p('自查总结：{{selfSummary}}'),
      footerZh,
    ],
    en: [
      { kind: 'subtitle', text: '{{campaignName}}' },
      { kind: 'title', text: 'Secretary Project application' },
      p('Project {{projectId}} · first submitted {{submittedAt}} · {{verified}}'),
      formTable([
        ['Unit', '{{unitName}}'],
        ['Category', '{{category}} ({{department}})'],
      ]),
      formTable([['{{answers.label}}', '{{answers.value}}']]),
      h('Review'),
      formTable([
        ['Status', '{{status}}'],
        ['Score', '{{score}}'],
        ['Comment', '{{comment}}'],
        ['Reviewer', '{{reviewer}}'],
        ['Funding granted', '{{fundingGranted}}'],
        ['Acceptance score', '{{acceptanceScore}}'],
        ['Acceptance result', '{{acceptanceResult}}'],
      ]),
      h('Implementation plan'),
      formTable([
        ['Working body', '{{planOrganization}}'],
        ['Measures', '{{planMeasures}}'],
        ['Safeguards', '{{planSafeguards}}'],
        ['Time limit', '{{planTimeline}}'],
      ]),
      h('Ledger'),
      listTable('ledger', [
        ['Date', 'activityDate'],
        ['Activity', 'activity'],
        ['Participants', 'participants'],
        ['Outcome', 'outcome'],
      ]),
      h('Self-assessment'),
      listTable('ratings', [
        ['Standard', 'label'],
        ['Rating', 'score'],
      ]),
      p('Summary: {{selfSummary}}'),
      footerEn,
    ],
  },
};

const RATING_FIELDS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'] as const;

export const FINAL_REPORT: ReportTemplateDef = {
  kind: 'finalReport',
  name: { zh: '报告模板：验收总结报告', en: 'Report template: final acceptance' },
  chart: true,
  scalars: [
    'campaignName',
    'today',
    'projectCount',
    'assessedCount',
    'lateCount',
    'acceptedCount',
    'excellentCount',
    'passCount',
    'failCount',
    'selfAverage',
    'scoreAverage',
    'violationCount',
    'violationSummary',
    'generatedAt',
  ],
  lists: {
    standards: ['no', 'label', 'average', 'count'],
    projects: [
      'projectId',
      'unitName',
      'projectName',
      ...RATING_FIELDS,
      'selfAverage',
      'acceptanceScore',
      'acceptanceResult',
    ],
    byCategory: [
      'label',
      'projects',
      'assessed',
      'selfAverage',
      'scoreAverage',
      'excellent',
      'pass',
      'fail',
    ],
    violations: VIOLATION_FIELDS,
    timeline: TIMELINE_FIELDS,
  },
  blocks: {
    zh: [
      { kind: 'title', text: '{{campaignName}}验收总结报告' },
      { kind: 'subtitle', text: '统计截至 {{today}}' },
      h('一、总体情况'),
      p(
        '全活动共有项目 {{projectCount}} 个，提交自查总结 {{assessedCount}} 个（其中逾期 {{lateCount}} 个）；已验收 {{acceptedCount}} 个，其中优秀 {{excellentCount}} 个、合格 {{passCount}} 个、不合格 {{failCount}} 个。“六个强”自评平均 {{selfAverage}} 分，验收评分平均 {{scoreAverage}} 分。',
      ),
      h('二、“六个强”自查评分'),
      { kind: 'paragraph', text: '{{chart}}' },
      cap('图1  “六个强”各项标准自评平均分（满分5分）'),
      listTable('standards', [
        ['序号', 'no'],
        ['标准', 'label'],
        ['平均分', 'average'],
        ['评分项目数', 'count'],
      ]),
      h('三、各项目验收情况'),
      listTable('projects', [
        ['项目编号', 'projectId'],
        ['申报单位', 'unitName'],
        ['项目名称', 'projectName'],
        ['自评均分', 'selfAverage'],
        ['验收评分', 'acceptanceScore'],
        ['验收结论', 'acceptanceResult'],
      ]),
      h('四、各项目“六个强”自评分'),
      listTable('projects', [
        ['项目编号', 'projectId'],
        ['领导班子强', 'r1'],
        ['骨干队伍强', 'r2'],
        ['场所阵地强', 'r3'],
        ['服务载体强', 'r4'],
        ['制度机制强', 'r5'],
        ['服务业绩强', 'r6'],
        ['自评均分', 'selfAverage'],
      ]),
      h('五、按单位类别汇总'),
      listTable('byCategory', [
        ['单位类别', 'label'],
        ['项目数', 'projects'],
        ['已自查', 'assessed'],
        ['自评均分', 'selfAverage'],
        ['验收均分', 'scoreAverage'],
        ['优秀', 'excellent'],
        ['合格', 'pass'],
        ['不合格', 'fail'],
      ]),
      h('六、配额检查'),
      p('{{violationSummary}}'),
      violationsZh,
      h('七、阶段安排'),
      timelineZh,
      footerZh,
    ],
    en: [
      { kind: 'title', text: '{{campaignName}}: final acceptance report' },
      { kind: 'subtitle', text: 'As of {{today}}' },
      h('1. Overview'),
      p(
        '{{projectCount}} projects; {{assessedCount}} self-assessments ({{lateCount}} late); {{acceptedCount}} accepted: {{excellentCount}} excellent, {{passCount}} pass, {{failCount}} fail. Mean self-rating {{selfAverage}}, mean acceptance score {{scoreAverage}}.',
      ),
      h('2. Self-ratings by standard'),
      { kind: 'paragraph', text: '{{chart}}' },
      cap('Figure 1. Mean self-rating per standard (out of 5)'),
      listTable('standards', [
        ['No.', 'no'],
        ['Standard', 'label'],
        ['Mean', 'average'],
        ['Rated', 'count'],
      ]),
      h('3. Acceptance by project'),
      listTable('projects', [
        ['Project ID', 'projectId'],
        ['Unit', 'unitName'],
        ['Project', 'projectName'],
        ['Mean rating', 'selfAverage'],
        ['Score', 'acceptanceScore'],
        ['Result', 'acceptanceResult'],
      ]),
      h('4. Self-ratings by project'),
      listTable('projects', [
        ['Project ID', 'projectId'],
        ['Leadership', 'r1'],
        ['Backbone', 'r2'],
        ['Venue', 'r3'],
        ['Carrier', 'r4'],
        ['System', 'r5'],
        ['Performance', 'r6'],
        ['Mean', 'selfAverage'],
      ]),
      h('5. By unit category'),
      listTable('byCategory', [
        ['Category', 'label'],
        ['Projects', 'projects'],
        ['Assessed', 'assessed'],
        ['Mean rating', 'selfAverage'],
        ['Mean score', 'scoreAverage'],
        ['Excellent', 'excellent'],
        ['Pass', 'pass'],
        ['Fail', 'fail'],
      ]),
      h('6. Quota checks'),
      p('{{violationSummary}}'),
      violationsEn,
      h('7. Stages'),
      timelineEn,
      footerEn,
    ],
  },
};

export const REPORT_TEMPLATES: readonly ReportTemplateDef[] = [STAGE_REPORT, DOSSIER, FINAL_REPORT];

export function reportTemplate(kind: ReportKind): ReportTemplateDef {
  return REPORT_TEMPLATES.find((t) => t.kind === kind)!;
}

/**
 * The campaign report's template, built at run time from the campaign's report sections (any
 * template): a title, then per section its heading as text, its sentences as `{{sNText}}` and, when it
 * has a table, a table of list `sN` with columns `c0`, `c1`, …. Headings and table headers depend
 * only on the configuration, so the Doc made from it once stays valid for every later report.
 */
export function campaignReportTemplate(
  name: Label,
  texts: { title: string; subtitle: string; footer: string },
  sections: readonly { heading: string; table?: { header: readonly string[] } }[],
): ReportTemplateDef {
  const lists: Record<string, string[]> = {};
  const blocks: TemplateBlock[] = [
    { kind: 'title', text: texts.title },
    { kind: 'subtitle', text: texts.subtitle },
  ];
  sections.forEach((section, i) => {
    const list = `s${i + 1}`;
    blocks.push(h(section.heading), p(`{{${list}Text}}`));
    if (!section.table) return;
    const columns = section.table.header.map((header, c): [string, string] => [header, `c${c}`]);
    lists[list] = columns.map(([, field]) => field);
    blocks.push(listTable(list, columns));
  });
  blocks.push(p(texts.footer));
  return {
    kind: 'campaignReport',
    name,
    chart: false,
    scalars: ['campaignName', 'today', 'generatedAt', ...sections.map((_, i) => `s${i + 1}Text`)],
    lists,
    // Built in the campaign's language already.
    blocks: { zh: blocks, en: blocks },
  };
}
