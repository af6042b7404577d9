/**
 * 支部组织生活与换届 (seeds 001–004): the standing duties of every party branch as a recurring
 * campaign. Each branch records its 三会一课 — a 支部党员大会 and a 党课 each quarter, a 支委会 and a
 * 党小组会 each month (seed 004 item 5, annex item 2); each leading cadre attends their own branch's
 * organisational life at least twice a year and gives at least one of those as a party lecture
 * (item 6, annex item 2); every branch is warned before its term ends (item 22, annex item 15); and
 * the year closes with the secretaries' appraisal and the branch rating 优秀 / 合格 / 不合格, with a
 * cap on the share rated 优秀 (items 24 and 41, annex items 17 and 27).
 *
 * One meeting form serves all four meeting types, so each stage below (one per meeting type) names
 * the same form; the quota rules, which can filter on the meeting type, carry the exact per-type
 * obligations.
 */
import { type CampaignTemplate, type TemplateForm } from '../../src/domain/template';
import { once, ratingField } from './parts';

export const MEETING_TYPES = ['支部党员大会', '支委会', '党小组会', '党课'] as const;
export const DUAL_LIFE_KINDS = ['参加组织生活', '讲党课'] as const;
export const BRANCH_GRADES = ['优秀', '合格', '不合格'] as const;

const MEETING_FORM: TemplateForm = {
  key: 'meeting',
  sheet: { zh: '三会一课台账', en: 'Meetings' },
  makes: { kind: 'entry', of: 'unit', dateField: 'meetingDate' },
  title: { zh: '“三会一课”记录', en: 'Branch meeting record' },
  description:
    '支部每召开一次支部党员大会、支委会、党小组会或上一次党课，请填报一条记录。支部党员大会、党课每季度至少一次，支委会、党小组会每月至少一次；请参照本季度“三会一课”主题内容指引安排议题。季度、月度记录请分别于期满后 10 日、5 日内报送。',
  fields: [
    { key: 'unitId', label: { zh: '党支部', en: 'Branch' }, kind: 'unit', required: true },
    {
      key: 'meetingType',
      label: { zh: '会议类型', en: 'Meeting type' },
      kind: 'choice',
      required: true,
      choices: MEETING_TYPES,
    },
    {
      key: 'meetingDate',
      label: { zh: '召开日期', en: 'Meeting date' },
      kind: 'date',
      required: true,
      help: '按实际召开日期填写，记录计入该日期所在的月份和季度',
    },
    {
      key: 'topic',
      label: { zh: '会议主题', en: 'Topic' },
      kind: 'text',
      required: true,
      maxLength: 80,
      help: '党课请填写党课题目',
    },
    {
      key: 'host',
      label: { zh: '主持人（授课人）', en: 'Chair or lecturer' },
      kind: 'text',
      required: true,
      maxLength: 40,
    },
    {
      key: 'followsGuide',
      label: { zh: '是否结合季度主题内容指引', en: 'Follows the quarterly theme guide' },
      kind: 'choice',
      required: true,
      choices: ['是', '否'],
    },
    {
      key: 'expected',
      label: { zh: '应到人数', en: 'Expected' },
      kind: 'integer',
      required: true,
      min: 1,
      max: 10000,
    },
    {
      key: 'attended',
      label: { zh: '实到人数', en: 'Attended' },
      kind: 'integer',
      required: true,
      min: 0,
      max: 10000,
    },
    {
      key: 'absence',
      label: { zh: '缺席人员及原因', en: 'Absentees and reasons' },
      kind: 'paragraph',
      required: false,
    },
    {
      key: 'summary',
      label: { zh: '主要内容', en: 'Summary' },
      kind: 'paragraph',
      required: true,
      help: '学习内容、讨论议题和形成的决定',
    },
    {
      key: 'recordUrl',
      label: { zh: '会议记录链接', en: 'Minutes link' },
      kind: 'url',
      required: false,
      help: '会议记录、签到表或照片的共享链接',
    },
  ],
};

const DUAL_LIFE_FORM: TemplateForm = {
  key: 'dualLife',
  sheet: { zh: '双重组织生活', en: 'Dual organisational life' },
  makes: { kind: 'entry', of: 'person', dateField: 'activityDate' },
  title: { zh: '党员领导干部双重组织生活登记', en: 'Leading cadres: branch life and lectures' },
  description:
    '党员领导干部每参加一次党组织关系所在支部的组织生活或讲一次党课，请登记一条。每年不少于 2 次，其中至少讲 1 次党课。',
  fields: [
    {
      key: 'personId',
      label: { zh: '领导干部', en: 'Cadre' },
      kind: 'person',
      required: true,
    },
    {
      key: 'unitId',
      label: { zh: '所在党支部', en: 'Branch' },
      kind: 'unit',
      required: true,
      help: '应为本人党组织关系所在支部',
    },
    {
      key: 'kind',
      label: { zh: '参加形式', en: 'Kind' },
      kind: 'choice',
      required: true,
      choices: DUAL_LIFE_KINDS,
    },
    {
      key: 'activityDate',
      label: { zh: '日期', en: 'Date' },
      kind: 'date',
      required: true,
    },
    {
      key: 'topic',
      label: { zh: '组织生活主题或党课题目', en: 'Topic or lecture title' },
      kind: 'text',
      required: true,
      maxLength: 80,
    },
    {
      key: 'summary',
      label: { zh: '主要内容', en: 'Summary' },
      kind: 'paragraph',
      required: false,
    },
    {
      key: 'recordUrl',
      label: { zh: '记录或讲稿链接', en: 'Record or lecture notes link' },
      kind: 'url',
      required: false,
    },
  ],
};

const RATING_FORM: TemplateForm = {
  key: 'rating',
  sheet: { zh: '述职评议与定级', en: 'Appraisal and rating' },
  makes: { kind: 'entry', of: 'unit' },
  title: { zh: '支部书记述职与支部定级自评', en: 'Secretary appraisal and branch self-rating' },
  description:
    '年终由支部书记对照“五个好”标准述职并自评支部等次，上级党组织评议后评定优秀、合格、不合格等次。评为优秀的支部比例有上限。',
  fields: [
    { key: 'unitId', label: { zh: '党支部', en: 'Branch' }, kind: 'unit', required: true },
    {
      key: 'secretary',
      label: { zh: '支部书记', en: 'Secretary' },
      kind: 'text',
      required: true,
      maxLength: 40,
    },
    ratingField('leadership', '领导班子好', 'Good leadership team'),
    ratingField('members', '党员队伍好', 'Good membership'),
    ratingField('mechanisms', '工作机制好', 'Good working mechanisms'),
    ratingField('results', '工作业绩好', 'Good results'),
    ratingField('reputation', '群众反映好', 'Good standing with the public'),
    {
      key: 'report',
      label: { zh: '述职报告摘要', en: 'Appraisal report' },
      kind: 'paragraph',
      required: true,
      help: '履行党建工作职责、落实“三会一课”和完成年度任务的情况',
    },
    {
      key: 'problems',
      label: { zh: '存在问题及整改措施', en: 'Problems and remedies' },
      kind: 'paragraph',
      required: true,
    },
    {
      key: 'selfGrade',
      label: { zh: '自评等次', en: 'Self-rating' },
      kind: 'choice',
      required: true,
      choices: BRANCH_GRADES,
    },
    {
      key: 'reportUrl',
      label: { zh: '述职报告全文链接', en: 'Full report link' },
      kind: 'url',
      required: false,
    },
  ],
};

const YEAR = { from: '2018-01-01', until: '2018-12-31' } as const;
const monthly = { kind: 'recurring', every: 'month', ...YEAR, dueDaysAfter: 5 } as const;
const quarterly = { kind: 'recurring', every: 'quarter', ...YEAR, dueDaysAfter: 10 } as const;
const cadres = { kind: 'roster' } as const;

/** At least one `meetingType` meeting per branch in each `period`, checked after its deadline. */
const meetingsOfType = (
  id: string,
  zh: string,
  en: string,
  meetingType: (typeof MEETING_TYPES)[number],
  period: 'month' | 'quarter',
  stage: string,
) =>
  ({
    id,
    label: { zh, en },
    kind: 'count',
    form: 'meeting',
    per: 'unit',
    period,
    atLeast: 1,
    filter: { field: 'meetingType', in: [meetingType] },
    after: stage,
  }) as const;

export const BRANCH_DUTIES: CampaignTemplate = {
  id: 'branch-duties',
  name: { zh: '支部组织生活与换届', en: 'Branch duties and elections' },
  description: {
    zh: '“三会一课”按月、按季度记录，党员领导干部双重组织生活，支部任期届满提醒，年终述职评议与定级。',
    en: 'Monthly and quarterly branch meetings, leading cadres in their branches, term expiry, the year-end rating.',
  },
  categories: {
    机关支部: 'org',
    事业单位支部: 'org',
    国有企业支部: 'enterprise',
    非公企业支部: 'enterprise',
  },
  unitColumns: [
    { key: 'lastElection', label: { zh: '上次换届日期', en: 'Last election' }, type: 'date' },
    { key: 'termYears', label: { zh: '任期（年）', en: 'Term (years)' }, type: 'integer' },
  ],
  roster: {
    sheet: { zh: '领导干部名册', en: 'Leading cadres' },
    roles: ['局级领导干部', '处级领导干部'],
  },
  subjects: [],
  forms: [MEETING_FORM, DUAL_LIFE_FORM, RATING_FORM],
  stages: [
    {
      stageId: 'generalMeeting',
      name: { zh: '支部党员大会（每季度）', en: 'Branch general meeting (quarterly)' },
      form: 'meeting',
      audience: { kind: 'allUnits' },
      schedule: quarterly,
      recordFilter: { field: 'meetingType', in: ['支部党员大会'] },
      remindDaysBefore: [10, 3, 1],
      overdueEveryDays: 7,
    },
    {
      stageId: 'committeeMeeting',
      name: { zh: '支委会（每月）', en: 'Branch committee (monthly)' },
      form: 'meeting',
      audience: { kind: 'allUnits' },
      schedule: monthly,
      recordFilter: { field: 'meetingType', in: ['支委会'] },
      remindDaysBefore: [5, 1],
      overdueEveryDays: 5,
    },
    {
      stageId: 'groupMeeting',
      name: { zh: '党小组会（每月）', en: 'Party group meeting (monthly)' },
      form: 'meeting',
      audience: { kind: 'allUnits' },
      schedule: monthly,
      recordFilter: { field: 'meetingType', in: ['党小组会'] },
      remindDaysBefore: [5, 1],
      overdueEveryDays: 5,
    },
    {
      stageId: 'partyLecture',
      name: { zh: '党课（每季度）', en: 'Party lecture (quarterly)' },
      form: 'meeting',
      audience: { kind: 'allUnits' },
      schedule: quarterly,
      recordFilter: { field: 'meetingType', in: ['党课'] },
      remindDaysBefore: [10, 3, 1],
      overdueEveryDays: 7,
    },
    {
      stageId: 'dualLife',
      name: { zh: '领导干部双重组织生活（年度）', en: 'Leading cadres in their branches (yearly)' },
      form: 'dualLife',
      audience: cadres,
      schedule: { kind: 'recurring', every: 'year', ...YEAR, dueDaysAfter: 0 },
      remindDaysBefore: [60, 30, 7],
      overdueEveryDays: 7,
    },
    {
      stageId: 'annualRating',
      name: { zh: '年终述职与定级自评', en: 'Year-end appraisal and self-rating' },
      form: 'rating',
      audience: { kind: 'allUnits' },
      schedule: once('2018-12-01', '2019-01-15'),
      remindDaysBefore: [7, 3, 1],
      overdueEveryDays: 3,
    },
    {
      stageId: 'ratingReview',
      name: { zh: '评议定级', en: 'Rating review' },
      form: null,
      audience: { kind: 'staff' },
      schedule: once('2019-01-16', '2019-01-31'),
      remindDaysBefore: [3],
      overdueEveryDays: 0,
    },
  ],
  review: [
    {
      key: 'grade',
      label: { zh: '评定等次', en: 'Grade' },
      on: 'rating',
      type: 'choice',
      choices: BRANCH_GRADES,
    },
    {
      key: 'score',
      label: { zh: '评议得分', en: 'Appraisal score' },
      on: 'rating',
      type: 'number',
      min: 0,
      max: 100,
    },
    {
      key: 'comment',
      label: { zh: '评议意见', en: 'Review comment' },
      on: 'rating',
      type: 'text',
    },
  ],
  quotaRules: [
    meetingsOfType(
      'generalMeetingPerQuarter',
      '每个支部每季度至少召开 1 次支部党员大会',
      'A branch general meeting per branch and quarter',
      '支部党员大会',
      'quarter',
      'generalMeeting',
    ),
    meetingsOfType(
      'committeeMeetingPerMonth',
      '每个支部每月至少召开 1 次支委会',
      'A branch committee meeting per branch and month',
      '支委会',
      'month',
      'committeeMeeting',
    ),
    meetingsOfType(
      'groupMeetingPerMonth',
      '每个支部每月至少召开 1 次党小组会',
      'A party group meeting per branch and month',
      '党小组会',
      'month',
      'groupMeeting',
    ),
    meetingsOfType(
      'partyLecturePerQuarter',
      '每个支部每季度至少上 1 次党课',
      'A party lecture per branch and quarter',
      '党课',
      'quarter',
      'partyLecture',
    ),
    {
      // 党课 count as organisational life: "不少于2次，其中至少讲1次党课".
      id: 'cadreBranchLifePerYear',
      label: {
        zh: '领导干部每年参加所在支部组织生活不少于 2 次',
        en: 'Each cadre in their branch twice a year',
      },
      kind: 'count',
      form: 'dualLife',
      per: 'person',
      period: 'year',
      atLeast: 2,
      among: cadres,
      after: 'dualLife',
    },
    {
      id: 'cadreLecturePerYear',
      label: { zh: '领导干部每年至少讲 1 次党课', en: 'Each cadre lectures once a year' },
      kind: 'count',
      form: 'dualLife',
      per: 'person',
      period: 'year',
      atLeast: 1,
      filter: { field: 'kind', in: ['讲党课'] },
      among: cadres,
      after: 'dualLife',
    },
    {
      id: 'termExpiry',
      label: { zh: '支部任期届满提醒（提前 60 天）', en: 'Branch term ends within 60 days' },
      kind: 'termExpiry',
      dateColumn: 'lastElection',
      termColumn: 'termYears',
      warnDays: 60,
    },
    {
      id: 'ratingPerBranch',
      label: { zh: '每个支部须报送年终述职与定级自评', en: 'Every branch files its appraisal' },
      kind: 'count',
      form: 'rating',
      per: 'unit',
      atLeast: 1,
      after: 'annualRating',
    },
    {
      // Checked on every review edit, like the key-project quota: a grade past the cap is refused.
      id: 'excellentShare',
      label: { zh: '评为优秀的支部不超过 30%', en: 'At most 30% of branches rated 优秀' },
      kind: 'count',
      form: 'rating',
      per: 'campaign',
      atMostShare: 0.3,
      filter: { field: 'grade', in: ['优秀'] },
    },
  ],
  report: [
    { kind: 'overview' },
    { kind: 'stageProgress' },
    { kind: 'quota' },
    { kind: 'fieldCounts', form: 'meeting', field: 'meetingType' },
    { kind: 'byPeriod', form: 'meeting', stage: 'committeeMeeting' },
    { kind: 'byUnit', form: 'meeting' },
    { kind: 'fieldCounts', form: 'dualLife', field: 'kind' },
    { kind: 'byPeriod', form: 'dualLife', stage: 'dualLife' },
    { kind: 'fieldCounts', form: 'rating', field: 'grade' },
  ],
  settings: {
    campaignName: '2018年度支部组织生活与换届',
  },
};
