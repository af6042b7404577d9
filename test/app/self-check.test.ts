/**
 * 运行自检 on dist/Code.js: a healthy campaign passes every check; each condition the emulator can
 * break (a trigger deleted or duplicated, a form renamed, unpublished, unlinked or closed, the mail
 * quota below the reserve, a response that never reached the script, a time-zone mismatch, a
 * declined permission, a trashed template, staff outside the domain) fails with its precise line,
 * in 运行状况 and in the dialog, and the self-check changes no campaign data.
 */
import { CONFIG_SHEETS } from '../../sheets-templates/config-sheets';
import { DATA_SHEETS } from '../../sheets-templates/data-sheets';
import { DriveApp } from '../../src/offline/emulator/drive-app';
import { FormApp, type Form } from '../../src/offline/emulator/form-app';
import { PropertiesService } from '../../src/offline/emulator/properties-service';
import { ScriptApp } from '../../src/offline/emulator/script-app';
import { CampaignHarness } from '../../src/offline/harness';
import { fillConfiguration, type ReplayContext } from '../../src/offline/rehearsal/engine';
import type { ReplayedResponse } from '../../src/offline/rehearsal/replay-forms';
import type { Scenario } from '../../src/offline/rehearsal/scenario';
import { bundlePath } from '../support/bundle';
import {
  ADMIN,
  applicationAnswers,
  configured,
  replaySubmitEvent,
  sampleScenario,
} from '../support/campaign';

type Campaign = ReturnType<typeof configured>;

const STAFF = 'zzb@jggw.example';
const APPLICATION = '基层党建“书记项目”申报表';
const CHECKS = 17;
const REPAIR = '修复：运行菜单「书记项目 → 修复触发器」';

function active(scenario: Scenario = sampleScenario()): Campaign {
  const campaign = configured(scenario);
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  return campaign;
}

const props = (campaign: Campaign) => PropertiesService._store(campaign.ws, 'script');

/** Everything the self-check must leave alone: every sheet but 运行状况, properties, triggers. */
function campaignState(campaign: Campaign): string {
  const sheets = [...CONFIG_SHEETS, ...DATA_SHEETS]
    .map((def) => def.title.zh)
    .filter((title) => title !== '运行状况')
    .map((title) => [title, campaign.values(title)]);
  const responseSheets = campaign.spreadsheet
    .getSheets()
    .map((s) => s.getName())
    .filter((name) => name.startsWith('表单回复'))
    .map((title) => [title, campaign.values(title)]);
  return JSON.stringify({
    sheets,
    responseSheets,
    properties: props(campaign).getProperties(),
    triggers: campaign.triggers(),
    forms: FormApp._forms(campaign.ws).map((f) => [f.getTitle(), f.getResponses().length]),
  });
}

/** Runs 运行自检 from the menu as `user`; what the dialog, 运行状况 and the log say. */
function selfCheck(campaign: Campaign, user = ADMIN) {
  const before = campaignState(campaign);
  const alerts = campaign.alerts().length;
  const run = campaign.clickMenu('运行自检', user);
  expect({ ok: run.ok, error: run.error }).toEqual({ ok: true, error: undefined });
  expect(campaignState(campaign)).toBe(before);
  const shown = campaign.alerts().slice(alerts);
  expect(shown.map((a) => a.title)).toEqual(['运行自检']);
  const dialog = shown[0].prompt.split('\n');
  const health = (campaign.values('运行状况') ?? [])
    .slice(1)
    .map((r) => `${String(r[0])}｜${String(r[4])}`);
  const records = run.execution.logs
    .map((l) => l.json as { event?: string; check?: string; ok?: boolean })
    .filter((j) => j?.event === 'selfCheck');
  return { dialog, summary: dialog[0], health, records };
}

/** The failing lines of a self-check: in the dialog (✗ …) and in 运行状况 (错误｜…). */
function failures(result: ReturnType<typeof selfCheck>) {
  return {
    dialog: result.dialog.filter((l) => l.startsWith('✗ ')).map((l) => l.slice(2)),
    health: result.health.filter((l) => l.startsWith('错误｜')).map((l) => l.slice(3)),
  };
}

function expectOnlyFailure(result: ReturnType<typeof selfCheck>, ...lines: string[]): void {
  expect(failures(result)).toEqual({ dialog: lines, health: lines });
  expect(result.summary).toBe(
    `运行自检：${CHECKS - lines.length} 项通过，${lines.length} 项未通过`,
  );
}

/** A unit submits the application form; the installed submit triggers fire (if any are left). */
function submitApplication(campaign: Campaign, unitId: string, name: string): ReplayedResponse {
  const context: ReplayContext = { scenario: sampleScenario(), responses: new Map() };
  const { id } = replaySubmitEvent(campaign, context, {
    form: 'application',
    email: 'dw@fgw.example',
    answers: applicationAnswers(unitId, name),
    at: '2014-05-21T10:00:00+08:00',
  });
  return context.responses.get(id) as ReplayedResponse;
}

function campaignForm(campaign: Campaign, key: string): Form {
  return FormApp._form(campaign.ws, props(campaign).getProperty(`form.${key}.id`)!)!;
}

function ownTrigger(campaign: Campaign, match: (handler: string, sourceId: string) => boolean) {
  const script = ScriptApp._as(campaign.ws, ADMIN);
  const trigger = script
    .getProjectTriggers()
    .find((t) => match(t.getHandlerFunction(), t.getTriggerSourceId()));
  expect(trigger).toBeDefined();
  return { script, trigger: trigger! };
}

describe('运行自检 on a healthy campaign', () => {
  test(`every check passes: ${CHECKS} lines in 运行状况 and the dialog, one selfCheck log record each, nothing else changed`, () => {
    const campaign = active();
    submitApplication(campaign, 'U01', '“党员先锋岗”服务品牌');
    const result = selfCheck(campaign);
    expect(result.summary).toBe(`运行自检：${CHECKS} 项通过`);
    const lines = result.dialog.slice(2);
    expect(lines).toHaveLength(CHECKS);
    expect(lines.every((l) => l.startsWith('✓ '))).toBe(true);
    expect(result.health).toEqual(lines.map((l) => `正常｜${l.slice(2)}`));
    expect(lines).toEqual(
      expect.arrayContaining([
        '✓ 配置：有效（5 个阶段、32 个参与单位）',
        '✓ 活动状态：已启动（2014-05-19 10:00，由 admin@jggw.example 启动）',
        '✓ 授权范围：已授予脚本需要的全部 8 项权限',
        '✓ 每日触发器：1 个（onDailyTick，每天 9 时）',
        '✓ 审核编辑触发器：1 个（onReviewEdit）',
        '✓ 表单提交触发器：4 个表单各 1 个（onFormSubmit）',
        `✓ 表单「${APPLICATION}」：标题「2014年度基层党建“书记项目”（示例） · ${APPLICATION}」，已发布，回复写入本表格，正在接受回复，收集邮箱`,
        `✓ 表单回复：共 1 份，均已记录（${APPLICATION} 1 份、“书记项目”实施方案 0 份、“书记项目”工作台账 0 份、“书记项目”自查总结 0 份）`,
        '✓ 邮件配额：今日剩余 1499 个收件人，高于保留数 10',
        '✓ 报告文件夹：脚本创建的文件夹可以访问',
        '✓ 报告模板：3 个模板均可访问',
        '✓ 时区：表格、脚本与活动设置一致（Asia/Shanghai）',
        '✓ 工作人员身份：2 个工作人员地址与 admin@jggw.example 同属一个域，审核人可识别',
      ]),
    );
    expect(result.records).toHaveLength(CHECKS);
    expect(result.records.every((r) => r.ok === true)).toBe(true);
    expect(result.records.map((r) => r.check)).toEqual(
      expect.arrayContaining(['scopes', 'dailyTrigger', 'form.application', 'responses']),
    );
  });

  test('service calls do not grow with the records: only one getId per form response', () => {
    const campaign = active();
    const calls = () => {
      const run = campaign.clickMenu('selfCheck', ADMIN);
      const { ['FormApp.FormResponse.getId']: ids = 0, ...rest } = run.execution.counts;
      return { ids, rest };
    };
    submitApplication(campaign, 'U01', '“党员先锋岗”服务品牌');
    const one = calls();
    submitApplication(campaign, 'U02', '“红色引擎”党建带群建');
    submitApplication(campaign, 'U03', '“健康卫士”志愿服务');
    const three = calls();
    expect([one.ids, three.ids]).toEqual([1, 3]);
    expect(three.rest).toEqual(one.rest);
  });

  test('with locale en the lines are English', () => {
    const scenario = sampleScenario();
    scenario.settings = scenario.settings.map((s) =>
      s.key === 'locale' ? { ...s, value: 'en' } : s,
    );
    const campaign = active(scenario);
    const alerts = campaign.alerts().length;
    expect(campaign.clickMenu('selfCheck', ADMIN).ok).toBe(true);
    const [alert] = campaign.alerts().slice(alerts);
    expect(alert.title).toBe('Self-check');
    expect(alert.prompt.split('\n')[0]).toBe(`Self-check: ${CHECKS} passed`);
    expect(alert.prompt).toContain('✓ Daily trigger: 1 (onDailyTick, daily at 9:00)');
    expect(campaign.values('Health') ?? campaign.values('运行状况')).toEqual(
      expect.arrayContaining([
        expect.arrayContaining([
          'OK',
          'Time zones: the spreadsheet, the script and the settings agree (Asia/Shanghai)',
        ]),
      ]),
    );
  });
});

describe('运行自检 names each broken condition precisely', () => {
  test('a deleted daily trigger', () => {
    const campaign = active();
    const { script, trigger } = ownTrigger(campaign, (h) => h === 'onDailyTick');
    script.deleteTrigger(trigger);
    expectOnlyFailure(selfCheck(campaign), `每日触发器：缺失，每日提醒和报告不会运行。${REPAIR}`);
  });

  test('a duplicated edit trigger', () => {
    const campaign = active();
    ScriptApp._as(campaign.ws, ADMIN)
      .newTrigger('onReviewEdit')
      .forSpreadsheet(campaign.spreadsheet)
      .onEdit()
      .create();
    expectOnlyFailure(selfCheck(campaign), `审核编辑触发器：有 2 个（应为 1 个）。${REPAIR}`);
  });

  test('a renamed form: empty title', () => {
    const campaign = active();
    const form = campaignForm(campaign, 'application');
    campaign.asPerson(ADMIN, () => form.setTitle(''));
    expectOnlyFailure(
      selfCheck(campaign),
      `表单「${APPLICATION}」：标题为空（应为「2014年度基层党建“书记项目”（示例） · ${APPLICATION}」）。修复：在表单编辑器中把标题改为「2014年度基层党建“书记项目”（示例） · ${APPLICATION}」`,
    );
  });

  test('an unpublished form (setPublished(false))', () => {
    const campaign = active();
    const form = campaignForm(campaign, 'plan');
    campaign.asPerson(ADMIN, () => form.setPublished(false));
    expectOnlyFailure(
      selfCheck(campaign),
      '表单「“书记项目”实施方案」：未发布，填报人无法提交。修复：在表单编辑器中点击「发布」',
    );
  });

  test('a removed destination (removeDestination)', () => {
    const campaign = active();
    const form = campaignForm(campaign, 'ledger');
    campaign.asPerson(ADMIN, () => form.removeDestination());
    expectOnlyFailure(
      selfCheck(campaign),
      '表单「“书记项目”工作台账」：未关联回复表格，回复不会写入本表格。修复：在表单「回复」选项卡中选择「关联到表格」并选本表格',
    );
  });

  test('a form that no longer accepts responses', () => {
    const campaign = active();
    const form = campaignForm(campaign, 'selfAssessment');
    campaign.asPerson(ADMIN, () => form.setAcceptingResponses(false));
    expectOnlyFailure(
      selfCheck(campaign),
      '表单「“书记项目”自查总结」：不接受回复。修复：在表单「回复」选项卡中打开「接受回复」',
    );
  });

  test('the mail quota below the reserve (mailDailyQuota 8, mailReserve 10)', () => {
    const campaign = new CampaignHarness({
      now: Date.parse('2014-05-19T10:00:00+08:00'),
      seed: 7,
      owner: ADMIN,
      mailDailyQuota: 8,
      bundlePath: bundlePath(),
    });
    campaign.open(ADMIN);
    campaign.clickMenu('setup', ADMIN);
    fillConfiguration(campaign, sampleScenario(), ADMIN);
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    expectOnlyFailure(
      selfCheck(campaign),
      '邮件配额：今日剩余 8 个收件人，不高于保留数 10，回执和提醒将推迟发送。修复：配额每日恢复后自动补发；如经常不足，请减少收件人或调低「系统设置」中的 mailReserve',
    );
  });

  test('a receipt the mail service refused (for good) in the last 7 days: listed with unit, address and reason', () => {
    const campaign = active();
    const { MailApp } = jest.requireActual(
      '../../src/offline/emulator/mail-app',
    ) as typeof import('../../src/offline/emulator/mail-app');
    MailApp._refuseAddresses(campaign.ws, ['dw@fgw.example']);
    submitApplication(campaign, 'U01', '“党员先锋岗”服务品牌');
    expectOnlyFailure(
      selfCheck(campaign),
      '发送失败的邮件：近 7 天有 1 封邮件无法发送、不会自动重试：回执（市发展和改革委员会机关党委（U01）｜dw@fgw.example｜Invalid email: dw@fgw.example）。修复：核实「单位名册」或「系统设置」中的地址（或邮件内容）；改正后，之后的邮件发往新地址',
    );
  });

  test('a lost response: submitted while the submit trigger was deleted, it has no record', () => {
    const campaign = active();
    const formId = props(campaign).getProperty('form.application.id');
    const { script, trigger } = ownTrigger(
      campaign,
      (h, source) => h === 'onFormSubmit' && source === formId,
    );
    script.deleteTrigger(trigger);
    const lost = submitApplication(campaign, 'U02', '“红色引擎”党建带群建');
    expect(campaign.values('项目库')).toHaveLength(1); // the header only: nothing was taken in
    expectOnlyFailure(
      selfCheck(campaign),
      `表单提交触发器：「${APPLICATION}」缺失，提交不会被收录。${REPAIR}`,
      `表单回复：「${APPLICATION}」有 1 份回复没有记录（回复编号 ${lost.responseId}）。修复：这些回复的提交触发器未运行或运行失败；每日运行会补收未记录的回复，检查表单提交触发器后再次运行自检`,
    );
  });

  test('a lost response: written by FormResponse.submit(), which fires no trigger', () => {
    const campaign = active();
    const form = campaignForm(campaign, 'plan');
    const response = campaign.asPerson(ADMIN, () => form.createResponse().submit());
    expectOnlyFailure(
      selfCheck(campaign),
      `表单回复：「“书记项目”实施方案」有 1 份回复没有记录（回复编号 ${response.getId()}）。修复：这些回复的提交触发器未运行或运行失败；每日运行会补收未记录的回复，检查表单提交触发器后再次运行自检`,
    );
  });

  test("a time-zone mismatch: the spreadsheet's zone differs from the campaign's", () => {
    const campaign = active();
    campaign.spreadsheet.setSpreadsheetTimeZone('Europe/London');
    // The configuration no longer validates (typed dates would be a day off): the self-check
    // says so, located, and checks only what needs no configuration.
    const result = selfCheck(campaign);
    expect(failures(result).dialog).toEqual([
      '配置：有 1 处问题，其余各项未检查。修复：运行菜单「书记项目 → 仅校验配置」查看并改正全部问题，然后再次运行自检',
      '「系统设置」第 3 行「值」：表格时区为 Europe/London，与活动时区 Asia/Shanghai 不一致，截止日期等日期会相差一天。请在「文件 > 设置 > 时区」中改为 Asia/Shanghai（或把本设置改为 Europe/London），再重新校验',
    ]);
  });

  test('a permission left unticked on the consent screen (granular consent)', () => {
    const campaign = active();
    ScriptApp._declineScopes(campaign.ws, ADMIN, ['https://www.googleapis.com/auth/forms']);
    expectOnlyFailure(
      selfCheck(campaign),
      '授权范围：缺少权限 forms。修复：在 Apps Script 编辑器中运行 selfCheck，在授权页面勾选全部权限（或打开 https://script.google.com/macros/d/1OfflineEmulatedCampaignScript0000000000000000000000000/authorize）',
    );
  });

  test('a report template moved to the trash', () => {
    const campaign = active();
    const id = props(campaign).getProperty('reports.template.stageReport.id')!;
    campaign.asPerson(ADMIN, () => new DriveApp(campaign.ws).getFileById(id).setTrashed(true));
    expectOnlyFailure(
      selfCheck(campaign),
      '报告模板：「报告模板：阶段总结报告」已移入回收站。修复：从回收站恢复模板；或运行「校验配置并启动」为缺失的模板重新创建默认模板（不会改动其他模板）',
    );
  });

  test('staff outside the activating account’s domain: a warning, since the edit trigger cannot name them', () => {
    const scenario = sampleScenario();
    scenario.settings = scenario.settings.map((s) =>
      s.key === 'staffEmails.org' ? { ...s, value: 'zzb@partner.example' } : s,
    );
    const result = selfCheck(active(scenario));
    expect(failures(result)).toEqual({ dialog: [], health: [] });
    const line =
      '工作人员身份：zzb@partner.example 与启动账号不在同一域，编辑触发器中审核人将为空。修复：工作人员使用与启动账号同域的 Google Workspace 账号；否则审核人由菜单操作记录';
    expect(result.dialog).toContain(`! ${line}`);
    expect(result.health).toContain(`提醒｜${line}`);
    expect(result.summary).toBe(`运行自检：${CHECKS - 1} 项通过，1 项提醒`);
  });

  test('a configuration broken after activation: the located problem, and nothing judged against it', () => {
    const campaign = active();
    const broken = sampleScenario();
    broken.settings = broken.settings.map((s) =>
      s.key === 'timeZone' ? { ...s, value: 'Mars/Olympus_Mons' } : s,
    );
    fillConfiguration(campaign, broken, ADMIN);
    const result = selfCheck(campaign);
    const { dialog, health } = failures(result);
    expect(dialog).toEqual(health);
    expect(dialog).toEqual([
      '配置：有 1 处问题，其余各项未检查。修复：运行菜单「书记项目 → 仅校验配置」查看并改正全部问题，然后再次运行自检',
      expect.stringMatching(/^「系统设置」第 \d+ 行「值」：「Mars\/Olympus_Mons」不是有效的时区/),
    ]);
    expect(result.summary).toBe('运行自检：1 项通过，2 项未通过');
  });

  test('run by another staff member: the triggers are the activating account’s, so they are not reported missing', () => {
    const campaign = active();
    campaign.open(STAFF);
    const result = selfCheck(campaign, STAFF);
    const notMine = (name: string) =>
      `${name}：由启动活动的账号 ${ADMIN} 安装，当前账号 ${STAFF} 看不到他人的触发器，未检查。修复：请 ${ADMIN} 运行自检`;
    for (const name of ['每日触发器', '审核编辑触发器', '表单提交触发器']) {
      expect(result.dialog).toContain(`– ${notMine(name)}`);
      expect(result.health).toContain(`未检查｜${notMine(name)}`);
    }
    // The mail quota is per account: the staff member's says nothing about the activator's.
    expect(result.dialog).toContain(
      `– 邮件配额：按账号计算：邮件由 ${ADMIN} 的触发器发送，当前账号 ${STAFF} 的配额不代表它，未检查。修复：请 ${ADMIN} 运行自检`,
    );
    // Forms open only for their owner and collaborators (the staff member is neither here).
    expect(result.dialog).toContain(
      `– 表单「基层党建“书记项目”申报表」：由启动活动的账号 ${ADMIN} 创建，当前账号 ${STAFF} 不是它的协作者、打不开它，未检查。修复：请 ${ADMIN} 运行自检`,
    );
    expect(result.summary).toBe(`运行自检：${CHECKS - 8} 项通过，8 项无法检查`);
    expect(result.dialog.join('\n')).not.toContain('缺失');
  });
});
