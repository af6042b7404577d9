/**
 * Issue 13: defects a read of the bundle's Apps Script calls against Google's reference found,
 * each proven on dist/Code.js in the strict emulator.
 */
import { DocumentApp } from '../../src/offline/emulator/document-app';
import { DriveApp } from '../../src/offline/emulator/drive-app';
import { FormApp } from '../../src/offline/emulator/form-app';
import { formStore } from '../../src/offline/emulator/form-model';
import { DEFAULT_LATENCY, perCallMs } from '../../src/offline/bench/latency';
import { Ui } from '../../src/offline/emulator/spreadsheet-ui';
import { CampaignHarness } from '../../src/offline/harness';
import { fillConfiguration } from '../../src/offline/rehearsal/engine';
import { generatedScenario } from '../../src/offline/rehearsal/generated-scenario';
import { respondAs } from '../../src/offline/rehearsal/replay-forms';
import type { Scenario } from '../../src/offline/rehearsal/scenario';
import type { RunResult } from '../../src/offline/sandbox/sandbox';
import { ADMIN, applicationAnswers } from '../support/campaign';
import { bundlePath } from '../support/bundle';

const STAFF = { org: 'zzb@jggw.example', enterprise: 'qy@jggw.example' };

function scenarioOf(
  units: number,
  settings: Record<string, string> = {},
  stages: string[][] = [
    ['apply', '申报阶段', '2014-05-20', '2014-05-30', 'application', 'allUnits', '7,3,1', '3'],
  ],
): Scenario {
  return generatedScenario({
    units,
    settings: {
      campaignName: '缺陷测试',
      timeZone: 'Asia/Shanghai',
      reminderHour: '9',
      senderName: '工委',
      'staffEmails.org': STAFF.org,
      'staffEmails.enterprise': STAFF.enterprise,
      adminEmails: ADMIN,
      mailReserve: '5',
      ...settings,
    },
    stages,
  });
}

interface CampaignOptions {
  units?: number;
  settings?: Record<string, string>;
  stages?: string[][];
  latencyMs?: number | ((name: string) => number);
  accountType?: 'workspace' | 'consumer';
  spreadsheetTimeZone?: string;
  activate?: boolean;
  /** A unit's name by index (default 测试单位N机关党委). */
  unitName?: (index: number) => string;
}

function campaignOf(options: CampaignOptions = {}) {
  const runs: RunResult[] = [];
  const latency = options.latencyMs;
  const campaign = new CampaignHarness({
    now: Date.parse('2014-05-19T10:00:00+08:00'),
    seed: 5,
    owner: ADMIN,
    mailDailyQuota: 1500,
    bundlePath: bundlePath(),
    accountType: options.accountType,
    callLatencyMs:
      latency === undefined ? undefined : typeof latency === 'number' ? () => latency : latency,
    onRun: (r) => runs.push(r),
  });
  if (options.spreadsheetTimeZone)
    campaign.spreadsheet.setSpreadsheetTimeZone(options.spreadsheetTimeZone);
  campaign.open(ADMIN);
  campaign.clickMenu('setup', ADMIN);
  const scenario = scenarioOf(options.units ?? 3, options.settings, options.stages);
  if (options.unitName) scenario.units.rows.forEach((r, i) => (r[1] = options.unitName!(i)));
  fillConfiguration(campaign, scenario, ADMIN);
  if (options.activate !== false) {
    const activated = campaign.clickMenu('activate', ADMIN);
    expect(activated.error).toBeUndefined();
    expect(activated.ok).toBe(true);
  }
  return { campaign, runs };
}

const at = (iso: string) => Date.parse(iso);
const records = (runs: RunResult[], event: string) =>
  runs
    .flatMap((r) => r.execution.logs.map((l) => l.json as Record<string, unknown> | undefined))
    .filter((l): l is Record<string, unknown> => !!l && l.event === event);
const handlerOf = (r: RunResult) => r.execution.handler;

/** U001 applies with 项目一 and the form's submit triggers run: whether each execution succeeded. */
function applyAsU001(campaign: CampaignHarness): boolean[] {
  const { runs } = respondAs(
    campaign,
    'application',
    'dw1@u1.example',
    applicationAnswers('U001', '项目一'),
  );
  return runs.map((spec) => campaign.run(spec).ok);
}

describe('issue 13 #9: writes past a sheet’s 1,000 rows grow it first', () => {
  test('a daily run whose quota view replaces 1,100 rows (a new sheet has 1,000) writes them all and sends every reminder', () => {
    const { campaign, runs } = campaignOf({ units: 1100 });
    const view = campaign.sheet('配额检查');
    expect(view.getMaxRows()).toBe(1000);
    runs.length = 0;
    campaign.fireClockTriggers(at('2014-05-31T12:00:00+08:00'));
    const daily = runs.filter((r) => handlerOf(r) === 'onDailyTick');
    expect(daily.map((r) => r.error ?? 'ok')).toEqual(daily.map(() => 'ok'));
    const rows = campaign.values('配额检查') ?? [];
    // Header + one row per unit below the minimum of one project.
    expect(rows.filter((r) => String(r[0]) === '每单位至少申报项目数').length).toBe(1100);
    expect(view.getMaxRows()).toBeGreaterThanOrEqual(1101);
    const reached = new Set(
      campaign
        .outbox()
        .filter((m) => m.sentAt >= at('2014-05-31T00:00:00+08:00'))
        .flatMap((m) => m.to),
    );
    expect(reached.has('dw1@u1.example') && reached.has('dw1100@u1100.example')).toBe(true);
  });
});

/** Every form link in an email's plain body. */
const formLinks = (body: string) =>
  body.match(/https:\/\/docs\.google\.com\/forms\/[^\s"<>]+/g) ?? [];
/** The pre-filled answers of a form link, decoded as a browser reads them. */
const answersOf = (url: string) =>
  (url.split('?')[1] ?? '')
    .split('&')
    .filter((p) => p.startsWith('entry.'))
    .map((p) => decodeURIComponent(p.slice(p.indexOf('=') + 1).replace(/\+/g, ' ')));

describe('issue 13 #11: pre-filled links never carry another unit, and a refused value gives the plain link', () => {
  const reminderDay = at('2014-05-27T12:00:00+08:00');

  test('unit names Google percent-encodes unlike encodeURIComponent ("(" → %28): each unit\'s reminder pre-fills its own name', () => {
    const names = ['测试单位(一)机关党委', "O'Brien & Sons 党支部", '测试单位 三!'];
    const { campaign } = campaignOf({ unitName: (i) => names[i] });
    campaign.fireClockTriggers(reminderDay);
    for (const [i, name] of names.entries()) {
      const mail = campaign.outbox().find((m) => m.to.includes(`dw${i + 1}@u${i + 1}.example`));
      expect(mail).toBeDefined();
      const links = formLinks(mail!.body);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(answersOf(link)).toEqual([name]);
    }
  });

  test('a sample unit outside the dropdown (choices edited by hand): the daily run still sends, every reminder has the plain form link, and the log says why', () => {
    const { campaign, runs } = campaignOf();
    campaign.asPerson(ADMIN, () => {
      const form = FormApp._forms(campaign.ws).find((f) => f.getTitle().includes('申报'))!;
      const list = form.getItems(FormApp.gasEnums.ItemType.LIST as never)[0].asListItem();
      list.setChoiceValues(['测试单位2机关党委', '测试单位3机关党委']);
    });
    runs.length = 0;
    campaign.fireClockTriggers(reminderDay);
    const daily = runs.filter((r) => handlerOf(r) === 'onDailyTick');
    expect(daily.length).toBeGreaterThan(0);
    expect(daily.map((r) => r.error ?? 'ok')).toEqual(daily.map(() => 'ok'));
    const reminders = campaign.outbox().filter((m) => m.to.some((t) => t.startsWith('dw')));
    expect(new Set(reminders.flatMap((m) => m.to)).size).toBe(3);
    for (const mail of reminders) {
      const links = formLinks(mail.body);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(answersOf(link)).toEqual([]);
    }
    expect(records(runs, 'prefillRefused').length).toBeGreaterThan(0);
    const skipped = records(runs, 'prefillSkipped');
    expect(skipped.length).toBeGreaterThan(0);
    for (const r of skipped)
      expect(r).toMatchObject({ form: 'application', reason: 'placeholderNotFound' });
  });
});

const TRANSIENT = "We're sorry, a server error occurred. Please wait a bit and try again.";

describe('issue 13 #4: only "not found" or trashed means re-create; a transient error is thrown and retried', () => {
  const forms = (c: CampaignHarness) => FormApp._forms(c.ws);
  /** The newest application form (a trashed one stays listed). */
  const applicationForm = (c: CampaignHarness) =>
    forms(c)
      .filter((f) => f.getTitle().includes('申报'))
      .pop()!;

  test('a transient FormApp.openById failure fails the daily run (no new form); the next run works with the same form', () => {
    const { campaign, runs } = campaignOf();
    const before = forms(campaign).map((f) => f.getId());
    campaign.ws.failNext('FormApp.openById', TRANSIENT);
    runs.length = 0;
    campaign.fireClockTriggers(at('2014-05-20T12:00:00+08:00'));
    expect(runs[0].ok).toBe(false);
    expect(runs[0].error).toContain('server error');
    expect(forms(campaign).map((f) => f.getId())).toEqual(before);
    campaign.fireClockTriggers(at('2014-05-21T12:00:00+08:00'));
    expect(runs.at(-1)!.ok).toBe(true);
    expect(forms(campaign).map((f) => f.getId())).toEqual(before);
  });

  test('a transient failure while activate opens a form fails activate without creating one; activate again changes nothing', () => {
    const { campaign } = campaignOf();
    const before = forms(campaign).map((f) => f.getId());
    campaign.ws.failNext('FormApp.openById', 'Service error: Forms');
    const failed = campaign.clickMenu('activate', ADMIN);
    expect(failed.ok).toBe(false);
    expect(failed.error).toContain('Service error: Forms');
    expect(forms(campaign).map((f) => f.getId())).toEqual(before);
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    expect(forms(campaign).map((f) => f.getId())).toEqual(before);
  });

  test('a deleted form: the daily run creates none and logs it (Chinese, naming the form and the fix); Repair creates it again, titled and published', () => {
    const { campaign, runs } = campaignOf();
    const gone = applicationForm(campaign).getId();
    formStore(campaign.ws).forms.delete(gone);
    const count = forms(campaign).length;
    runs.length = 0;
    campaign.fireClockTriggers(at('2014-05-20T12:00:00+08:00'));
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(forms(campaign).length).toBe(count);
    expect(records(runs, 'formMissing')).toEqual([
      expect.objectContaining({
        form: 'application',
        message: expect.stringContaining('每日运行不会新建表单'),
      }),
    ]);
    expect(campaign.clickMenu('repairTriggers', ADMIN).ok).toBe(true);
    const again = applicationForm(campaign);
    expect(again.getId()).not.toBe(gone);
    expect(again.isPublished()).toBe(true);
    expect(again.getTitle()).toContain('缺陷测试');
  });

  test('a form in the trash is created again by activate; a form found unpublished is published again by Repair', () => {
    const { campaign } = campaignOf();
    const trashed = applicationForm(campaign).getId();
    campaign.asPerson(ADMIN, () => new DriveApp(campaign.ws).getFileById(trashed).setTrashed(true));
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    const fresh = applicationForm(campaign);
    expect(fresh.getId()).not.toBe(trashed);
    campaign.asPerson(ADMIN, () => fresh.setPublished(false));
    expect(campaign.clickMenu('repairTriggers', ADMIN).ok).toBe(true);
    expect(FormApp._form(campaign.ws, fresh.getId())!.isPublished()).toBe(true);
  });

  test('a transient Drive failure while checking a report template fails the report and never replaces the staff-edited template', () => {
    const { campaign } = campaignOf();
    const templates = () => DocumentApp._documents(campaign.ws).filter((d) => !d.trashed);
    const before = templates().map((d) => d.id);
    expect(before.length).toBe(3);
    campaign.ws.failNext('DriveApp.getFileById', 'Service error: Drive');
    const run = campaign.clickMenu('generateStageReport', ADMIN);
    expect(run.ok).toBe(false);
    expect(templates().map((d) => d.id)).toEqual(before);
    expect(campaign.clickMenu('generateStageReport', ADMIN).ok).toBe(true);
    expect(
      templates()
        .map((d) => d.id)
        .slice(0, 3),
    ).toEqual(before);
  });
});

describe('issue 13 Deliver: responder access is a Settings choice (Form.setRequireLogin)', () => {
  const campaignForms = (c: CampaignHarness) => FormApp._forms(c.ws);

  test('default "anyone": every campaign form admits anyone with the link (requiresLogin false), titled, described and published', () => {
    const { campaign } = campaignOf({
      stages: [
        ['apply', '申报阶段', '2014-05-20', '2014-05-30', 'application', 'allUnits', '7,3,1', '3'],
        ['plan', '方案阶段', '2014-06-01', '2014-06-20', 'plan', 'keyProjects', '3,1', '3'],
      ],
    });
    const forms = campaignForms(campaign);
    expect(forms.length).toBe(2);
    for (const form of forms) {
      expect(form.requiresLogin()).toBe(false);
      expect(form.isPublished()).toBe(true);
      expect(form.getTitle()).toMatch(/^缺陷测试 · /);
      expect(form.getDescription()).not.toBe('');
    }
  });

  test('"domain": forms admit only signed-in accounts of the domain; switching back and activating again opens them to anyone', () => {
    const { campaign } = campaignOf({ settings: { responderAccess: 'domain' } });
    expect(campaignForms(campaign).map((f) => f.requiresLogin())).toEqual([true]);
    const settings = campaign.values('系统设置') ?? [];
    const row = settings.findIndex((r) => r[0] === 'responderAccess');
    campaign.paste('系统设置', row + 1, [['responderAccess', '表单填写权限', 'anyone']], ADMIN);
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    expect(campaignForms(campaign).map((f) => f.requiresLogin())).toEqual([false]);
  });

  test('a value other than anyone/domain is refused at activation, located in 运行状况', () => {
    const { campaign } = campaignOf({ settings: { responderAccess: 'everyone' }, activate: false });
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    const health = (campaign.values('运行状况') ?? []).map((r) => r.join('|'));
    expect(
      health.some(
        (l) => l.includes('系统设置') && l.includes('「everyone」不在可选范围内：anyone、domain'),
      ),
    ).toBe(true);
    expect(campaignForms(campaign)).toEqual([]);
  });
});

describe('issue 13 #7: the daily run starts a report only with time left; the continuation makes the rest, none twice', () => {
  /** The project's latency table × 3 (environment.json latencyScale 3). */
  const latencyScale3 = (name: string) => perCallMs(DEFAULT_LATENCY, name) * 3;

  function afterDeadline(units: number) {
    const { campaign, runs } = campaignOf({ units, latencyMs: latencyScale3 });
    campaign.fireClockTriggers(at('2014-05-30T12:00:00+08:00'));
    runs.length = 0;
    // 05-31: every unit is overdue, and the stage report and the final report are due.
    campaign.fireClockTriggers(at('2014-05-31T23:00:00+08:00'));
    const reports = DocumentApp._documents(campaign.ws).filter(
      (d) => !d.trashed && /（2014-05-31）$/.test(d.name),
    );
    return { campaign, runs, reports };
  }

  test('265 units at latencyScale 3: overdue notices fill the budget, so both reports go to the continuation (before: the run was killed at 6 min mid-report)', () => {
    const { runs, reports } = afterDeadline(265);
    expect(runs.map((r) => [handlerOf(r), r.error ?? 'ok'])).toEqual(
      runs.map((r) => [handlerOf(r), 'ok']),
    );
    for (const r of runs)
      expect(r.execution.endedAt! - r.execution.startedAt).toBeLessThan(6 * 60 * 1000);
    expect(reports.map((d) => d.name).sort()).toEqual([
      '缺陷测试申报阶段总结报告（2014-05-31）',
      '缺陷测试验收总结报告（2014-05-31）',
    ]);
    const madeBy = runs.flatMap((r) =>
      records([r], 'report').map((rec) => [handlerOf(r), rec.kind]),
    );
    expect(madeBy).toEqual([
      ['onDailyTickContinue', 'stageReport'],
      ['onDailyTickContinue', 'finalReport'],
    ]);
  });

  test('200 units: the daily run makes the stage report, has no time for the final one, and the continuation makes it — each report once', () => {
    const { runs, reports } = afterDeadline(200);
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(reports.length).toBe(2);
    const madeBy = runs.flatMap((r) =>
      records([r], 'report').map((rec) => [handlerOf(r), rec.kind]),
    );
    expect(madeBy).toEqual([
      ['onDailyTick', 'stageReport'],
      ['onDailyTickContinue', 'finalReport'],
    ]);
    expect(records(runs, 'checkpoint')).toEqual([
      expect.objectContaining({ reason: 'timeBudget', reports: 1 }),
    ]);
  });
});

describe('issue 13 #10: the spreadsheet’s, the script’s and the campaign’s time zones are compared', () => {
  test('a spreadsheet in Asia/Tokyo for a campaign in Europe/London: activation is refused, located at 系统设置 timeZone, in Chinese; no trigger is installed', () => {
    const { campaign } = campaignOf({
      settings: { timeZone: 'Europe/London' },
      spreadsheetTimeZone: 'Asia/Tokyo',
      activate: false,
    });
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    const health = campaign.values('运行状况') ?? [];
    const settings = campaign.values('系统设置') ?? [];
    const zoneRow = settings.findIndex((r) => r[0] === 'timeZone') + 1;
    expect(health.slice(1)).toEqual([
      [
        '错误',
        '系统设置',
        zoneRow,
        '值',
        '表格时区为 Asia/Tokyo，与活动时区 Europe/London 不一致，截止日期等日期会相差一天。请在「文件 > 设置 > 时区」中改为 Europe/London（或把本设置改为 Asia/Tokyo），再重新校验',
        expect.any(Date),
      ],
    ]);
    expect(campaign.triggers().filter((t) => t.handler === 'onDailyTick')).toEqual([]);
  });

  test('once the spreadsheet is set to the campaign’s zone, the typed deadline 2014-05-30 is 2014-05-30 in every reminder (a Tokyo sheet read in London made it 05-29); the script’s Asia/Shanghai zone is a located warning', () => {
    const { campaign } = campaignOf({
      settings: { timeZone: 'Europe/London' },
      spreadsheetTimeZone: 'Asia/Tokyo',
      activate: false,
    });
    campaign.spreadsheet.setSpreadsheetTimeZone('Europe/London');
    expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
    const health = (campaign.values('运行状况') ?? []).slice(1);
    expect(health.map((r) => r[0])).toEqual(['正常', '提醒']);
    expect(String(health[1][4])).toContain(
      '脚本项目时区（appsscript.json）为 Asia/Shanghai，活动时区为 Europe/London',
    );
    campaign.fireClockTriggers(at('2014-05-30T12:00:00+01:00'));
    const reminders = campaign.outbox().filter((m) => m.to.some((t) => t.startsWith('dw')));
    expect(reminders.length).toBeGreaterThan(0);
    for (const mail of reminders) {
      expect(mail.body).toContain('2014-05-30');
      expect(mail.body).not.toContain('2014-05-29');
    }
  });
});

describe('issue 13 #6: a review decision is attributed even when the edit trigger gives no e.user', () => {
  const STAGES = [
    ['apply', '申报阶段', '2014-05-20', '2014-05-30', 'application', 'allUnits', '7,3,1', '3'],
    ['screen', '筛选阶段', '2014-06-01', '2014-06-30', '', 'staff', '3', '0'],
  ];

  /** Two units, U001's application taken in, the screening stage under way (2014-06-20). */
  function campaignWithProject(accountType?: 'consumer') {
    const { campaign, runs } = campaignOf({ accountType, stages: STAGES, units: 2 });
    expect(applyAsU001(campaign)).toEqual([true]);
    campaign.advanceTo(at('2014-06-20T10:00:00+08:00'));
    const header = (campaign.values('项目库') ?? [])[0].map(String);
    const column = (label: string) => String.fromCharCode(65 + header.indexOf(label));
    return { campaign, runs, column, header };
  }
  const consumerCampaignWithProject = () => campaignWithProject('consumer');

  const audit = (c: CampaignHarness) =>
    (c.values('审核日志') ?? []).slice(1).filter((r) => r[0] !== '');

  test('consumer account: the decision is recorded as "identity unknown" (never blank), the reviewer is told, and 「确认我的审核决定」 signs it with the address of whoever clicked', () => {
    const { campaign, runs, column, header } = consumerCampaignWithProject();
    const edited = campaign.edit(STAFF.org, '项目库', `${column('审核状态')}2`, '重点项目');
    expect(edited.accepted).toBe(true);
    expect(edited.runs.map((r) => r.ok)).toEqual([true]);
    const unknown = '（身份未知：编辑触发器未提供操作人，待本人确认）';
    expect(audit(campaign).map((r) => [r[1], r[2], r[4], r[6]])).toEqual([
      [unknown, 'SJXM-2014-001', '审核状态', '重点项目'],
    ]);
    const project = (campaign.values('项目库') ?? [])[1];
    expect(project[header.indexOf('审核人')]).toBe(unknown);
    expect(records(runs, 'reviewerUnknown')).toEqual([expect.objectContaining({ decisions: 1 })]);

    campaign.open(STAFF.org);
    campaign.asPerson(STAFF.org, () =>
      new Ui(campaign.ws)._scriptAnswers([{ button: 'OK', text: '全部' }]),
    );
    const signed = campaign.clickMenu('确认我的审核决定', STAFF.org);
    expect(signed.error).toBeUndefined();
    const prompt = campaign
      .alerts()
      .find((a) => a.kind === 'prompt' && a.title === '确认我的审核决定');
    expect(prompt?.prompt).toContain('SJXM-2014-001  审核状态 → 重点项目');
    expect(
      audit(campaign)
        .map((r) => [r[1], r[2], r[4], r[5], r[6]])
        .slice(1),
    ).toEqual([[STAFF.org, 'SJXM-2014-001', '审核人', unknown, STAFF.org]]);
    expect(campaign.alerts().at(-1)?.prompt).toBe(
      `已将 1 条审核决定署名为 ${STAFF.org}，记入「审核日志」。`,
    );
    // Nothing is left to sign.
    campaign.clickMenu('确认我的审核决定', STAFF.org);
    expect(campaign.alerts().at(-1)?.prompt).toBe('没有待确认身份的审核决定。');
  });

  test('workspace account, staff of the owner’s domain: e.user is known and the decision carries their address directly', () => {
    const { campaign, column } = campaignWithProject();
    expect(campaign.edit(STAFF.org, '项目库', `${column('审核状态')}2`, '重点项目').accepted).toBe(
      true,
    );
    expect(audit(campaign).map((r) => r[1])).toEqual([STAFF.org]);
  });
});

describe('issue 13 #5 and Deliver: Activate and Repair work for any staff editor', () => {
  const SECOND = 'zzb2@jggw.example';

  test('a second staff member, an editor of the spreadsheet but in no protection and not shared on the forms, runs Activate and Repair: both succeed, no second form is made, and the log says who owns the forms', () => {
    const { campaign, runs } = campaignOf();
    campaign.shareWith([SECOND]);
    const formsBefore = FormApp._forms(campaign.ws).map((f) => f.getId());
    runs.length = 0;
    campaign.open(SECOND);
    const activated = campaign.clickMenu('activate', SECOND);
    expect(activated.error).toBeUndefined();
    expect(activated.ok).toBe(true);
    const repaired = campaign.clickMenu('repairTriggers', SECOND);
    expect(repaired.error).toBeUndefined();
    expect(FormApp._forms(campaign.ws).map((f) => f.getId())).toEqual(formsBefore);
    expect(records(runs, 'formMissing')).toContainEqual(
      expect.objectContaining({
        form: 'application',
        owner: ADMIN,
        message: expect.stringContaining(`请用 ${ADMIN} 运行菜单「修复触发器」`),
      }),
    );
    // The forms still take submissions into the same records.
    expect(applyAsU001(campaign)).toEqual([true]);
    expect((campaign.values('项目库') ?? []).length).toBe(2);
  });
});
