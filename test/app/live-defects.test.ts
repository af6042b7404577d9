/**
 * Issue 13: defects a read of the bundle's Apps Script calls against Google's reference found,
 * each proven on dist/Code.js in the strict emulator.
 */
import { CampaignHarness } from '../../src/offline/harness';
import { fillConfiguration } from '../../src/offline/rehearsal/engine';
import { generatedScenario } from '../../src/offline/rehearsal/generated-scenario';
import type { Scenario } from '../../src/offline/rehearsal/scenario';
import type { RunResult } from '../../src/offline/sandbox/sandbox';
import { ADMIN } from '../support/campaign';
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
  fillConfiguration(
    campaign,
    scenarioOf(options.units ?? 3, options.settings, options.stages),
    ADMIN,
  );
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
