import { BRANCH_DUTIES } from '../../sheets-templates/templates/branch-duties';
import { violationDescriber } from '../../src/app/review';
import { loggedViolation, violationTexts } from '../../src/app/violation-texts';
import type { Person } from '../../src/domain/campaign-data';
import type { CampaignConfig } from '../../src/domain/config';
import type { RuleViolation } from '../../src/domain/rule-vocabulary';
import { messages, type Messages } from '../../src/i18n';
import { config, unit } from '../domain/report-fixtures';

const zh = messages('zh-CN');
const en = messages('en');
const secretary = config([unit('U01', '机关事业单位'), unit('U02', '驻深企业')]);

/** A branch-duties campaign: its rules and forms are the template's. */
function branches(locale: 'zh-CN' | 'en' = 'zh-CN'): CampaignConfig {
  const base = config([
    { ...unit('B1', '机关事业单位'), name: '第一支部' },
    { ...unit('B2', '驻深企业'), name: '第二支部' },
  ]);
  return {
    ...base,
    settings: { ...base.settings, template: BRANCH_DUTIES.id, locale },
    forms: [],
    quotaRules: BRANCH_DUTIES.quotaRules,
    template: BRANCH_DUTIES,
  };
}
const describeViolation = (
  m: Messages,
  c: CampaignConfig,
  v: RuleViolation,
  roster: readonly Person[] = [],
) => violationDescriber(m, c, roster)(v);
const violationDetail = (m: Messages, c: CampaignConfig, v: RuleViolation) =>
  violationTexts(m, c).detail(v);
const ruleName = (c: CampaignConfig, names: Record<string, string>, id: string) =>
  violationTexts(zh, c).ruleName(names, id);
const placeOf = (m: Messages, c: CampaignConfig, v: RuleViolation) => violationTexts(m, c).place(v);
const people: Person[] = [
  { personId: 'C1', name: '张三', unitId: 'B1', role: '领导干部', email: '' },
];

describe('the Secretary Project’s violations read as they always have', () => {
  test('rule names come from i18n by rule id: the quota view’s and the report’s', () => {
    expect(ruleName(secretary, zh.quotaRules, 'minProjectsPerUnit')).toBe('每单位至少申报项目数');
    expect(ruleName(secretary, zh.reports.rules, 'minProjectsPerUnit')).toBe('每单位至少申报项目');
    expect(ruleName(secretary, en.quotaRules, 'ledgerCadenceDays')).toBe(
      'Ledger cadence of key projects',
    );
    expect(ruleName(secretary, zh.quotaRules, 'unknownRule')).toBe('unknownRule');
  });

  test('the digest line: unit · project, figures as count / limit', () => {
    expect(
      describeViolation(zh, secretary, {
        rule: 'ledgerCadenceDays',
        unitId: 'U02',
        subjectId: 'SJXM-2014-003',
        count: 92,
        limit: 30,
        since: '2014-08-01',
      }),
    ).toEqual({
      rule: '重点项目台账间隔',
      subject: '单位U02 · SJXM-2014-003',
      figures: '92 / 30',
    });
    expect(
      describeViolation(zh, secretary, { rule: 'keyProjectQuota', count: 5, limit: 3 }),
    ).toEqual({ rule: '重点项目名额', subject: '', figures: '5 / 3' });
    expect(
      describeViolation(zh, secretary, {
        rule: 'rectificationRequired',
        unitId: 'U09',
        subjectId: 'P2',
      }),
    ).toEqual({ rule: '须含整顿软弱涣散措施', subject: 'U09 · P2', figures: '' });
  });

  test('the report details are the rules’ own', () => {
    const detail = (v: RuleViolation) => violationDetail(zh, secretary, v);
    expect(
      detail({
        rule: 'minProjectsPerUnit',
        unitId: 'U01',
        count: 0,
        limit: 1,
        since: '2014-05-31',
      }),
    ).toBe('已申报 0 个，少于 1 个（自 2014-05-31 起）');
    expect(detail({ rule: 'planForKeyProjects', subjectId: 'P1', since: '2014-08-01' })).toBe(
      '实施方案截止后仍未提交（自 2014-08-01 起）',
    );
    expect(detail({ rule: 'selfAssessmentForAll', subjectId: 'P1', since: '2015-02-16' })).toBe(
      '总结阶段截止后仍未提交自查总结（自 2015-02-16 起）',
    );
    expect(violationDetail(en, secretary, { rule: 'rectificationRequired', subjectId: 'P1' })).toBe(
      'no rectification measure',
    );
  });

  test('the log keeps the field name projectId (rehearsal-format.md)', () => {
    expect(
      loggedViolation({ rule: 'planForKeyProjects', unitId: 'U01', subjectId: 'P1', since: 'x' }),
    ).toEqual({ rule: 'planForKeyProjects', unitId: 'U01', projectId: 'P1', since: 'x' });
  });
});

describe('any other template’s violations read from the rule’s label and kind', () => {
  const c = branches();

  test('a branch without a 党员大会 in a quarter: 第一支部 · 2018年第一季度', () => {
    const v = {
      rule: 'generalMeetingPerQuarter',
      unitId: 'B1',
      periodId: '2018-Q1',
      count: 0,
      limit: 1,
      since: '2018-04-11',
    };
    expect(describeViolation(zh, c, v)).toEqual({
      rule: '每个支部每季度至少召开 1 次支部党员大会',
      subject: '第一支部 · 2018年第一季度',
      figures: '0 / 1',
    });
    expect(violationDetail(zh, c, v)).toBe('已报送 0 次，少于要求的 1 次（自 2018-04-11 起）');
    expect(describeViolation(en, branches('en'), v).subject).toBe('第一支部 · Q1 2018');
    expect(describeViolation(en, branches('en'), v).rule).toBe(
      'A branch general meeting per branch and quarter',
    );
    expect(violationDetail(en, branches('en'), v)).toBe(
      '0 submitted, fewer than the 1 required (since 2018-04-11)',
    );
  });

  test('a cadre with one attendance by year end: 张三（第一支部） · 2018年度', () => {
    const v = {
      rule: 'cadreBranchLifePerYear',
      unitId: 'B1',
      personId: 'C1',
      periodId: '2018',
      count: 1,
      limit: 2,
      since: '2019-01-01',
    };
    expect(describeViolation(zh, c, v, people).subject).toBe('张三（第一支部） · 2018年度');
    expect(describeViolation(en, branches('en'), v, people).subject).toBe('张三 (第一支部) · 2018');
    // Without the roster the person is named by id.
    expect(placeOf(zh, c, v).who).toBe('C1（第一支部）');
  });

  test('a share over its cap, per category, and a missing record per subject', () => {
    const share = { rule: 'excellentShare', count: 4, limit: 3 };
    expect(describeViolation(zh, c, share)).toEqual({
      rule: '评为优秀的支部不超过 30%',
      subject: '',
      figures: '4 / 3',
    });
    expect(violationDetail(zh, c, share)).toBe('共 4 条，超过上限 3 条');
    expect(violationDetail(en, branches('en'), share)).toBe('4, more than the 3 allowed');
    expect(placeOf(zh, c, { rule: 'x', category: '驻深企业' }).who).toBe('驻深企业');
    const missing = {
      ...c,
      quotaRules: [{ ...c.quotaRules[0], id: 'm', per: 'subject' as const }],
    };
    expect(violationDetail(zh, missing, { rule: 'm', subjectId: 'T1', since: '2018-04-01' })).toBe(
      '尚未提交“三会一课”记录（自 2018-04-01 起）',
    );
  });

  test('a term expiring: the days left and the end in the subject, not as count / limit', () => {
    const soon = { rule: 'termExpiry', unitId: 'B1', count: 45, limit: 60, since: '2018-09-21' };
    expect(describeViolation(zh, c, soon)).toEqual({
      rule: '支部任期届满提醒（提前 60 天）',
      subject: '第一支部 · 任期将于 2018-11-20 届满，还剩 45 天',
      figures: '',
    });
    expect(violationDetail(zh, c, soon)).toBe('任期将于 2018-11-20 届满，还剩 45 天');
    expect(violationDetail(zh, c, { ...soon, count: 0 })).toBe('任期于今天（2018-11-20）届满');
    expect(violationDetail(zh, c, { ...soon, count: -3 })).toBe(
      '任期已于 2018-11-20 届满，已超过 3 天',
    );
    expect(violationDetail(en, branches('en'), soon)).toBe('term ends on 2018-11-20, 45 days left');
  });

  test('required and cadence rules name the field and the form', () => {
    const rules = [
      {
        id: 'topic',
        label: { zh: '会议须填写主题', en: 'Topic required' },
        kind: 'required' as const,
        form: 'meeting',
        field: 'topic',
      },
      {
        id: 'every45',
        label: { zh: '每 45 天至少一次', en: 'Every 45 days' },
        kind: 'cadence' as const,
        form: 'meeting',
        everyDays: 45,
        during: 'meetings',
        among: { kind: 'allUnits' as const },
      },
    ];
    const withRules = { ...c, quotaRules: rules };
    expect(violationDetail(zh, withRules, { rule: 'topic', unitId: 'B1', recordId: 'r1' })).toBe(
      '未填写“会议主题”',
    );
    expect(
      violationDetail(zh, withRules, { rule: 'every45', unitId: 'B1', count: 46, limit: 45 }),
    ).toBe('已 46 天未报送“三会一课”记录（间隔不应超过 45 天）');
  });
});
