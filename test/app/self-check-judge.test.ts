/**
 * The self-check's judging alone (facts in, lines out), for what the emulator cannot create: a
 * consumer account, a transient Forms error, a runtime without granular scopes, a configured
 * report folder that is gone, an invalid configuration. The end-to-end cases are in
 * self-check.test.ts on dist/Code.js.
 */
import { judge, type CampaignFacts, type HealthFacts } from '../../src/app/self-check';
import type { CampaignConfig } from '../../src/domain/config';
import { messages } from '../../src/i18n';

const m = messages('zh-CN');
const SHEET = 'sheet-1';
const OWNER = 'admin@jggw.example';

function facts(change: Partial<CampaignFacts> = {}): HealthFacts {
  const config = {
    settings: {
      timeZone: 'Asia/Shanghai',
      reminderHour: 9,
      mailReserve: 10,
      staffEmails: { org: ['zzb@jggw.example'] },
      locale: 'zh-CN',
    },
    stages: [{}],
    units: [{ active: true }],
  } as unknown as CampaignConfig;
  const campaign: CampaignFacts = {
    config,
    now: 0,
    active: true,
    activatedAt: null,
    activatedBy: OWNER,
    runner: OWNER,
    dailyTriggers: { ok: true, value: [{ id: 'd', hour: 9 }] },
    triggers: {
      ok: true,
      value: [
        { id: 'e', handler: 'onReviewEdit', event: 'ON_EDIT', sourceId: SHEET },
        { id: 's', handler: 'onFormSubmit', event: 'ON_FORM_SUBMIT', sourceId: 'form-1' },
      ],
    },
    spreadsheetId: SHEET,
    forms: [
      {
        key: 'application',
        name: '申报表',
        expectedTitle: '活动 · 申报表',
        facts: {
          state: 'open',
          id: 'form-1',
          title: '活动 · 申报表',
          published: true,
          destinationId: SHEET,
          acceptingResponses: true,
          collectsEmail: true,
          responseIds: ['r1'],
        },
      },
    ],
    recorded: new Set(['r1']),
    mailFailures: [],
    mailQuota: { ok: true, value: 100 },
    reportFolder: { configuredId: '', configured: null, storedId: 'f', stored: { ok: true } },
    templates: [{ kind: 'stageReport', name: '模板', id: 't', reach: { ok: true } }],
    timeZones: { spreadsheet: 'Asia/Shanghai', script: 'Asia/Shanghai', campaign: 'Asia/Shanghai' },
    ...change,
  };
  return {
    authorization: { required: ['s1'], authorized: ['s1'], needsAuthorization: false, url: null },
    campaign,
    configProblems: [],
  };
}

const notPassed = (f: HealthFacts) =>
  judge(m, f)
    .filter((l) => l.level !== 'pass')
    .map((l) => `${l.level} ${l.text}`);

test('all facts healthy: every line passes', () => {
  expect(notPassed(facts())).toEqual([]);
});

test('an invalid configuration: a failing line, each located problem, then only what needs no configuration', () => {
  const problem =
    '「阶段设置」第 4 行「截止日期」：截止日期（2014-05-20）早于开始日期（2014-05-30）';
  const lines = judge(m, { ...facts(), campaign: null, configProblems: [problem] });
  expect(lines.map((l) => `${l.level} ${l.text}`)).toEqual([
    'fail 配置：有 1 处问题，其余各项未检查。修复：运行菜单「书记项目 → 仅校验配置」查看并改正全部问题，然后再次运行自检',
    `fail ${problem}`,
    'pass 授权范围：已授予脚本需要的全部 1 项权限',
  ]);
});

test('a runtime that cannot tell granted scopes: not checked, said so', () => {
  expect(notPassed({ ...facts(), authorization: null })).toEqual([
    'skip 授权范围：此运行环境无法读取已授予的权限（ScriptApp.getAuthorizationInfo），未检查',
  ]);
});

test('a form that cannot be opened right now (a transient error) is a failing line, not a crash', () => {
  const f = facts();
  f.campaign!.forms[0].facts = { state: 'unreachable', message: 'Service error: Forms' };
  expect(notPassed(f)).toEqual([
    'fail 表单「申报表」：无法打开（Service error: Forms）。修复：确认表单未被删除、当前账号可以编辑它，然后再次运行自检',
  ]);
});

test('a daily trigger at another hour than the settings', () => {
  expect(notPassed(facts({ dailyTriggers: { ok: true, value: [{ id: 'd', hour: 7 }] } }))).toEqual([
    'fail 每日触发器：在每天 7 时运行，设置为 9 时。修复：运行菜单「书记项目 → 修复触发器」',
  ]);
});

test('a consumer (gmail.com) activating account: staff identity is a warning', () => {
  expect(
    notPassed(facts({ activatedBy: 'someone@gmail.com', runner: 'someone@gmail.com' })),
  ).toEqual([
    'warn 工作人员身份：someone@gmail.com 是个人账号，编辑触发器看不到其他人的地址。修复：工作人员使用与启动账号同域的 Google Workspace 账号；否则审核人由菜单操作记录',
  ]);
});

test('the report folder named in Settings is gone', () => {
  const f = facts({
    reportFolder: {
      configuredId: 'x',
      configured: {
        ok: false,
        reason: 'missing',
        message: 'No item with the given ID could be found',
      },
      storedId: 'f',
      stored: { ok: true },
    },
  });
  expect(notPassed(f)).toEqual([
    'fail 报告文件夹：「系统设置」中 reportFolderId 指定的文件夹不存在或当前账号无权访问。修复：在「系统设置」中填写可访问的文件夹 ID，或清空 reportFolderId（生成报告时会自动新建文件夹）',
  ]);
});

test('more than five unrecorded responses: five ids shown, then 等', () => {
  const f = facts();
  const form = f.campaign!.forms[0].facts;
  if (form.state === 'open') form.responseIds = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  expect(notPassed(f)[0]).toBe(
    'fail 表单回复：「申报表」有 7 份回复没有记录（回复编号 a、b、c、d、e 等）。修复：这些回复的提交触发器未运行或运行失败；每日运行会补收未记录的回复，检查表单提交触发器后再次运行自检',
  );
});

test('mail that failed for good in the last 7 days is a failing line naming unit, address and reason', () => {
  const lines = judge(
    m,
    facts({
      mailFailures: [
        {
          kind: 'reminder',
          recipient: 'U02',
          to: 'dw@u2.example',
          reason: 'Invalid email: dw@u2.example',
        },
      ],
    }),
  );
  const line = lines.find((l) => l.check === 'mailFailures');
  expect(line?.level).toBe('fail');
  expect(line?.text).toContain(
    '近 7 天有 1 封邮件无法发送、不会自动重试：提醒（U02｜dw@u2.example｜Invalid email: dw@u2.example）',
  );
});
