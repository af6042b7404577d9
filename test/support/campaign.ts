import * as path from 'node:path';
import { CampaignHarness } from '../../src/offline/harness';
import {
  fillConfiguration,
  REPLAYERS,
  type ReplayContext,
} from '../../src/offline/rehearsal/engine';
import { generatedScenario } from '../../src/offline/rehearsal/generated-scenario';
import {
  readScenario,
  type Scenario,
  type ScenarioEvent,
} from '../../src/offline/rehearsal/scenario';
import type { RunResult } from '../../src/offline/sandbox/sandbox';
import { DEFAULT_LATENCY, perCallMs } from '../../src/offline/bench/latency';
import { projectRoot } from '../../src/offline/project-root';
import { bundlePath } from './bundle';

export const ADMIN = 'admin@jggw.example';

/** A complete, valid application (申报表) answer set; tests override what they vary. */
export function applicationAnswers(
  unitId: string,
  projectName: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    unitId,
    projectName,
    projectType: '典型示范型',
    themes: ['服务民生'],
    rectification: '分类定级，整顿软弱涣散支部。',
    leader: '书记',
    leaderTitle: '书记',
    goals: '目标',
    measures: '措施',
    dueDate: '2014-12-01',
    contactName: '联系人',
    contactPhone: '0755-82100000',
    contactEmail: 'x@y.example',
    budget: '3',
    ...overrides,
  };
}

/** The bundled sample campaign (sheets-templates/sample-campaign), read as the rehearsal reads it. */
export function sampleScenario(): Scenario {
  return readScenario(path.join(projectRoot(), 'sheets-templates/sample-campaign'));
}

/** The public example of the rehearsal format, shipped in the project (sheets-templates/). */
export function exampleDir(): string {
  return path.join(projectRoot(), 'sheets-templates', 'example-2014');
}

/**
 * How much simulated time each service call costs: the bench's latency table times `scale`
 * (environment.json `latencyScale`); 0, the default, makes calls instant. A test may change the
 * scale as it goes (e.g. set up instantly, then submit under load).
 */
export interface Latency {
  scale: number;
}

/** A new campaign spreadsheet with dist/Code.js bound to it, at a moment in 2014 (Asia/Shanghai). */
export function newCampaign(
  at = '2014-05-19T10:00:00+08:00',
  options: { seed?: number; latency?: Latency } = {},
) {
  const latency = options.latency;
  return new CampaignHarness({
    now: Date.parse(at),
    seed: options.seed ?? 7,
    owner: ADMIN,
    mailDailyQuota: 1500,
    bundlePath: bundlePath(),
    ...(latency
      ? { callLatencyMs: (name: string) => perCallMs(DEFAULT_LATENCY, name) * latency.scale }
      : {}),
  });
}

/** Opens the spreadsheet, runs setup and pastes a scenario's configuration, as an admin would. */
export function configured(
  scenario: Scenario = sampleScenario(),
  at?: string,
  options: { latency?: Latency } = {},
) {
  const campaign = newCampaign(at, options);
  campaign.open(ADMIN);
  expect(campaign.clickMenu('setup', ADMIN).ok).toBe(true);
  fillConfiguration(campaign, scenario, ADMIN);
  return campaign;
}

/**
 * A campaign made from `scenario` as an administrator would (setup, configuration, activate) on a
 * new spreadsheet, recording every execution in `runs`.
 */
export function activatedCampaign(
  scenario: Scenario,
  options: { at?: string; seed?: number; quota?: number; latencyMs?: number } = {},
): { campaign: CampaignHarness; runs: RunResult[] } {
  const runs: RunResult[] = [];
  const campaign = new CampaignHarness({
    now: Date.parse(options.at ?? '2014-05-19T10:00:00+08:00'),
    seed: options.seed ?? 3,
    owner: ADMIN,
    mailDailyQuota: options.quota ?? 1500,
    bundlePath: bundlePath(),
    callLatencyMs: options.latencyMs ? () => options.latencyMs as number : undefined,
    onRun: (r) => runs.push(r),
  });
  campaign.open(ADMIN);
  campaign.clickMenu('setup', ADMIN);
  fillConfiguration(campaign, scenario, ADMIN);
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  return { campaign, runs };
}

/**
 * The bundled sample, configured and activated on 2014-05-19, with a replay context for its form
 * submissions (replaySubmitEvent).
 */
export function activeSample(): {
  campaign: ReturnType<typeof configured>;
  context: ReplayContext;
} {
  const scenario = sampleScenario();
  const campaign = configured(scenario, '2014-05-19T10:00:00+08:00');
  expect(campaign.clickMenu('activate', ADMIN).ok).toBe(true);
  return { campaign, context: { scenario, responses: new Map() } };
}

/**
 * `n` generated units (U001…, every third a 驻深企业), one application stage from 2014-05-20 to
 * 2014-05-30 (reminders `remindDays` before, overdue notices every 3 days), staff of both
 * departments at jggw.example, mailReserve 5; `settings` overrides or adds settings.
 */
export function applicationStageScenario(
  n: number,
  settings: Record<string, string> = {},
  remindDays = '7,3,1',
): Scenario {
  return generatedScenario({
    units: n,
    settings: {
      campaignName: '测试活动',
      timeZone: 'Asia/Shanghai',
      reminderHour: '9',
      senderName: '工委',
      'staffEmails.org': 'zzb@jggw.example',
      'staffEmails.enterprise': 'qy@jggw.example',
      adminEmails: ADMIN,
      mailReserve: '5',
      ...settings,
    },
    stages: [
      ['apply', '申报阶段', '2014-05-20', '2014-05-30', 'application', 'allUnits', remindDays, '3'],
    ],
  });
}

let replayedEvents = 0;
/**
 * A respondent submits `form` at `at` as a scenario `submit` event would (the rehearsal's own
 * replay: answers mapped to the form's items, the installed submit triggers fired); the event's id
 * is how `context.responses` and later `edit` events find the response.
 */
export function replaySubmitEvent(
  campaign: CampaignHarness,
  context: ReplayContext,
  submission: { form: string; email: string; answers: Record<string, unknown>; at: string },
): { id: string; runs: RunResult[] } {
  const line = ++replayedEvents;
  const id = `e${line}`;
  campaign.advanceTo(Date.parse(submission.at));
  const event = {
    id,
    type: 'submit',
    atMs: Date.parse(submission.at),
    line,
    ...submission,
  } as unknown as ScenarioEvent;
  return { id, runs: REPLAYERS.submit!(campaign, event, context) };
}
