import { MailApp } from '../../src/offline/emulator/mail-app';
import { PropertiesService } from '../../src/offline/emulator/properties-service';
import { ScriptApp } from '../../src/offline/emulator/script-app';
import { CampaignHarness } from '../../src/offline/harness';
import type { RunResult } from '../../src/offline/sandbox/sandbox';
import { activatedCampaign, ADMIN, applicationStageScenario } from '../support/campaign';

function campaignOf(
  n: number,
  options: {
    quota?: number;
    latencyMs?: number;
    settings?: Record<string, string>;
    remindDays?: string;
  } = {},
) {
  return activatedCampaign(
    applicationStageScenario(
      n,
      { campaignName: '提醒测试', ...options.settings },
      options.remindDays,
    ),
    {
      quota: options.quota,
      latencyMs: options.latencyMs,
    },
  );
}

const at = (s: string) => Date.parse(s);
/** Unit notices in the outbox (everything but staff mail), as "day unit" strings. */
function unitNotices(campaign: CampaignHarness, from = 0): string[] {
  return campaign
    .outbox()
    .slice(from)
    .filter((m) => !m.to.some((t) => t.endsWith('@jggw.example')))
    .map((m) => `${new Date(m.sentAt + 8 * 3600000).toISOString().slice(0, 10)} ${m.to.join(',')}`);
}
const records = (runs: RunResult[], event: string) =>
  runs
    .flatMap((r) => r.execution.logs.map((l) => l.json as Record<string, unknown>))
    .filter((r) => r?.event === event);

describe('daily reminders (dist/Code.js, simulated days)', () => {
  test('reminders go out on deadline − 7, − 3, − 1 and overdue notices every 3 days after, at most 3, at 09:xx — one per unit per day', () => {
    const { campaign } = campaignOf(3);
    campaign.fireClockTriggers(at('2014-06-12T00:00:00+08:00'));
    const notices = unitNotices(campaign);
    const days = [...new Set(notices.map((n) => n.slice(0, 10)))];
    expect(days).toEqual([
      '2014-05-23',
      '2014-05-27',
      '2014-05-29',
      '2014-05-31',
      '2014-06-03',
      '2014-06-06',
    ]);
    expect(notices.filter((n) => n.endsWith('dw1@u1.example'))).toHaveLength(6);
    for (const m of campaign.outbox()) {
      const hour = new Date(m.sentAt + 8 * 3600000).getUTCHours();
      expect(hour).toBe(9);
    }
  });

  test('running the daily run three times on one day, or with two duplicate daily triggers, sends nothing more than once', () => {
    const { campaign } = campaignOf(5);
    campaign.fireClockTriggers(at('2014-05-23T12:00:00+08:00'));
    const once = campaign.outbox().length;
    expect(unitNotices(campaign)).toHaveLength(5);
    for (let i = 0; i < 2; i++) {
      expect(
        campaign.run({ handler: 'onDailyTick', trigger: 'time', effectiveUser: ADMIN }).ok,
      ).toBe(true);
    }
    expect(campaign.outbox()).toHaveLength(once);
    // A duplicate daily trigger (a second account's ghost, invisible to getProjectTriggers) fires too.
    campaign.asPerson('other@jggw.example', () =>
      ScriptApp._as(campaign.ws, 'other@jggw.example')
        .newTrigger('onDailyTick')
        .timeBased()
        .everyDays(1)
        .atHour(9)
        .create(),
    );
    campaign.fireClockTriggers(at('2014-05-27T12:00:00+08:00'));
    expect(unitNotices(campaign)).toHaveLength(10);
    expect(campaign.outbox().length - once).toBeLessThanOrEqual(5 + 2 * 4);
  });

  test('two daily runs at the same moment (simultaneous executions) send each notice once', () => {
    const { campaign } = campaignOf(20);
    campaign.advanceTo(at('2014-05-23T09:30:00+08:00'));
    const results = campaign.runTogether(
      [0, 1].map(() => ({
        handler: 'onDailyTick',
        trigger: 'time' as const,
        effectiveUser: ADMIN,
      })),
      { seed: 5 },
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const notices = unitNotices(campaign);
    expect(notices).toHaveLength(20);
    expect(new Set(notices).size).toBe(20);
  });

  test('with a 100-recipient quota and 150 units owing: the most urgent go first up to quota − reserve, the rest the next day(s); none lost, none twice', () => {
    const { campaign, runs } = campaignOf(150, { quota: 100 });
    campaign.fireClockTriggers(at('2014-05-24T00:00:00+08:00'));
    const day1 = unitNotices(campaign);
    // 100 recipients − reserve 5 − two staff digests.
    expect(day1).toHaveLength(100 - 5 - 2);
    expect(records(runs, 'mailDeferred').filter((r) => r.reason === 'quota')).toHaveLength(
      150 - 93,
    );
    const digest = campaign
      .outbox()
      .find((m) => m.to.includes('zzb@jggw.example') && m.subject.includes('2014-05-23'))!;
    expect(digest.body).toContain('今天有 57 封提醒顺延至下次运行发送');
    campaign.fireClockTriggers(at('2014-05-26T00:00:00+08:00'));
    const all = unitNotices(campaign);
    expect(all).toHaveLength(150);
    const recipients = all.map((n) => n.split(' ')[1]);
    expect(new Set(recipients).size).toBe(150);
    // The deferred ones went first on the next day.
    const day2 = all.slice(day1.length);
    expect(day2.every((n) => n.startsWith('2014-05-24'))).toBe(true);
    expect(
      MailApp._recipientsUsed(campaign.ws, at('2014-05-23T12:00:00+08:00')),
    ).toBeLessThanOrEqual(100);
  });

  test('fair under a short quota: 300 units owing, quota 100 — every unit gets its first notice within ceil(300 ÷ daily capacity) days, and none its second before all have one', () => {
    // Reminders 3 and 1 days before: the deadline-eve notices arrive while the first round is still
    // being worked through, which is where ordering by unit id starved the highest ids.
    const { campaign } = campaignOf(300, { quota: 100, remindDays: '3,1' });
    campaign.fireClockTriggers(at('2014-06-12T00:00:00+08:00'));
    const notices = unitNotices(campaign);
    const first = new Map<string, string>();
    const order: string[] = [];
    for (const n of notices) {
      const [day, to] = n.split(' ');
      if (!first.has(to)) first.set(to, day);
      order.push(to);
    }
    // Everyone owing got a notice.
    expect(first.size).toBe(300);
    // Daily capacity for units: 100 recipients − reserve 5 − two staff digests = 93.
    const capacity = 93;
    const maxWaitDays = Math.ceil(300 / capacity);
    const startDay = '2014-05-27';
    const dayIndex = (d: string) => (Date.parse(d) - Date.parse(startDay)) / 86_400_000;
    const waits = [...first.values()].map(dayIndex);
    expect(Math.max(...waits)).toBeLessThan(maxWaitDays);
    // No unit got a second notice before every unit had its first.
    const seen = new Set<string>();
    for (const to of order) {
      if (seen.has(to)) {
        expect(seen.size).toBe(300);
        break;
      }
      seen.add(to);
    }
    // And the highest ids are not the ones left waiting: the last unit got its first notice no
    // later than anyone else in the last batch.
    expect(dayIndex(first.get('dw300@u300.example')!)).toBeLessThan(maxWaitDays);
  });

  test('an address the mail service refuses: the reminder is marked failed (never silently sent, never retried blindly), 运行状况 and the next digest name unit, address and reason', () => {
    const { campaign, runs } = campaignOf(5);
    MailApp._refuseAddresses(campaign.ws, ['dw2@u2.example']);
    campaign.fireClockTriggers(at('2014-05-23T23:00:00+08:00'));
    // Deadline − 7 (05-23): four units reminded, U002's send refused.
    expect(unitNotices(campaign).map((n) => n.split(' ')[1])).toEqual([
      'dw1@u1.example',
      'dw3@u3.example',
      'dw4@u4.example',
      'dw5@u5.example',
    ]);
    const ledger = (campaign.values('发送台账') ?? []).slice(1).filter((r) => r[0] !== '');
    const header = (campaign.values('发送台账') ?? [])[0].map(String);
    const u2 = ledger.filter((r) => String(r[header.indexOf('去重键')]).startsWith('U002|'));
    expect(u2.map((r) => r[header.indexOf('状态')])).toEqual(['已发送', '发送失败']);
    expect(u2[1][header.indexOf('原因')]).toBe('Invalid email: dw2@u2.example');
    const health = (campaign.values('运行状况') ?? []).slice(1).map((r) => r.map(String).join('|'));
    expect(health).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^错误\|邮件记录\|.*提醒无法发送，不会自动重试：.*（U002）｜收件人 dw2@u2\.example｜原因：Invalid email: dw2@u2\.example/,
        ),
      ]),
    );
    // The next morning's digest of the unit's department names it; the failed notice is not sent
    // again (the next one, on deadline − 3, is a new notice and is tried once more).
    campaign.fireClockTriggers(at('2014-05-24T23:00:00+08:00'));
    const digests = campaign
      .outbox()
      .filter(
        (m) => m.subject.includes('2014-05-24') && m.to.some((t) => t.endsWith('@jggw.example')),
      );
    const named = digests.filter((d) =>
      d.body.includes('以下邮件无法发送（不会自动重试，请核实地址或内容后处理）：'),
    );
    expect(named).toHaveLength(1);
    expect(named[0].body).toMatch(/（U002）｜dw2@u2\.example｜Invalid email: dw2@u2\.example/);
    const attempts = records(runs, 'mailDeferred').filter((r) =>
      (r.to as string[] | undefined)?.includes('dw2@u2.example'),
    );
    expect(attempts).toHaveLength(1);
  });

  test('staff digests only with news: a change, a deadline reminder day, or a weekly repeat that says since when nothing changed — never the same digest twice in a row', () => {
    const { campaign, runs } = campaignOf(6);
    campaign.fireClockTriggers(at('2014-05-24T23:00:00+08:00'));
    const { respondAs } = jest.requireActual(
      '../../src/offline/rehearsal/replay-forms',
    ) as typeof import('../../src/offline/rehearsal/replay-forms');
    const { applicationAnswers } = jest.requireActual(
      '../support/campaign',
    ) as typeof import('../support/campaign');
    campaign.advanceTo(at('2014-05-25T08:00:00+08:00'));
    for (const spec of respondAs(
      campaign,
      'application',
      'dw2@u2.example',
      applicationAnswers('U002', '新项目'),
    ).runs)
      expect(campaign.run(spec).ok).toBe(true);
    campaign.fireClockTriggers(at('2014-06-16T23:00:00+08:00'));
    const digests = campaign
      .outbox()
      .filter((m) => m.to.includes('zzb@jggw.example') && m.subject.includes('活动汇总'));
    const day = (m: { subject: string }) => /\d{4}-\d{2}-\d{2}/.exec(m.subject)![0];
    expect(digests.map(day)).toEqual([
      '2014-05-20', // the stage opened: first digest
      '2014-05-23', // deadline − 7: units reminded today
      '2014-05-25', // U002 submitted that morning: the list changed
      '2014-05-27', // deadline − 3
      '2014-05-29', // deadline − 1
      '2014-05-31', // the stage is overdue now
      '2014-06-07', // a week without news: still open, said once a week
      '2014-06-14',
    ]);
    const withoutDate = (m: { body: string }) => m.body.replace(/\d{4}-\d{2}-\d{2}/g, '');
    for (let i = 1; i < digests.length; i++)
      expect(withoutDate(digests[i])).not.toBe(withoutDate(digests[i - 1]));
    expect(digests[6].body).toContain(
      '以下情况自 2014-05-31 起已 1 周没有变化（没有新情况时每 7 天提示一次）。',
    );
    expect(digests[1].body).toContain(
      '「申报阶段」将于 2014-05-30 截止（还有 7 天），今天已提醒尚未提交的单位。',
    );
    expect(records(runs, 'digestSkipped').length).toBeGreaterThan(10);
  });

  test('with an artificially small time budget, the run completes over several executions, without duplicates', () => {
    const { campaign, runs } = campaignOf(60, { latencyMs: 200 });
    PropertiesService._store(campaign.ws, 'script').setProperty('dailyRun.budgetMs', '5000');
    campaign.fireClockTriggers(at('2014-05-23T12:00:00+08:00'));
    const notices = unitNotices(campaign);
    expect(notices).toHaveLength(60);
    expect(new Set(notices).size).toBe(60);
    const continuations = runs.filter((r) => r.execution.handler === 'onDailyTickContinue');
    expect(continuations.length).toBeGreaterThanOrEqual(2);
    expect(continuations.every((r) => r.ok)).toBe(true);
    expect(records(runs, 'checkpoint').length).toBe(continuations.length);
    // One-off continuation triggers do not pile up.
    expect(campaign.triggers().filter((t) => t.handler === 'onDailyTickContinue')).toHaveLength(0);
  });

  test('the preview menu item shows what would be sent on a chosen day and sends nothing', () => {
    const { campaign } = campaignOf(3);
    campaign.open(ADMIN);
    const before = campaign.outbox().length;
    uiAnswer(campaign, '2014-05-27');
    expect(campaign.clickMenu('previewReminders', ADMIN).ok).toBe(true);
    expect(campaign.outbox()).toHaveLength(before);
    const alert = campaign.alerts().at(-1)!;
    expect(alert.title).toBe('2014-05-27 的提醒预览（未发送）');
    expect(alert.prompt.split('\n').filter((l) => l.includes('还有 3 天截止'))).toHaveLength(3);
  });

  test('reminders, overdue notices and staff digests carry single-line headers of at most 250 characters, even from a 200-character campaign name with line breaks', () => {
    const campaignName = `提醒\r\n测试\t${'长'.repeat(190)}`;
    expect(campaignName.length).toBeLessThanOrEqual(200);
    const { campaign } = campaignOf(3, {
      settings: { campaignName, senderName: '工委\r\nBcc: x@evil.example' },
    });
    campaign.fireClockTriggers(at('2014-06-12T00:00:00+08:00'));
    const outbox = campaign.outbox();
    expect(unitNotices(campaign).length).toBeGreaterThanOrEqual(6);
    expect(outbox.some((m) => m.subject.includes('逾期'))).toBe(true);
    expect(outbox.some((m) => m.to.some((t) => t.endsWith('@jggw.example')))).toBe(true);
    for (const m of outbox) {
      expect(m.subject).not.toMatch(/[\r\n\t]/);
      expect(m.subject.length).toBeLessThanOrEqual(250);
      expect(m.subject).toMatch(/^【提醒 测试 长+(…)?】/);
      expect(m.name).toBe('工委 Bcc: x@evil.example');
    }
    // The report link mail names the campaign once (cut if need be) and the report whole.
    expect(outbox.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^【提醒 测试 长+…?】申报阶段总结报告（2014-05-31）$/),
      ]),
    );
  });
});

function uiAnswer(campaign: CampaignHarness, text: string) {
  campaign.asPerson(ADMIN, () => {
    const { Ui } = jest.requireActual(
      '../../src/offline/emulator/spreadsheet-ui',
    ) as typeof import('../../src/offline/emulator/spreadsheet-ui');
    new Ui(campaign.ws)._scriptAnswers([{ button: 'OK', text }]);
  });
}
