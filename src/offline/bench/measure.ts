/**
 * The four measured scenarios, on the product (dist/Code.js) and on the naive reference, and what
 * each execution cost: Apps Script calls by name, cells moved, emails and recipients, local CPU
 * (all of it, and the part spent in the script rather than in the emulator) and the estimated
 * Apps Script time from the latency table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zonedTime } from '../../domain/calendar';
import { PROJECTS_SHEET } from '../../../sheets-templates/data-sheets';
import type { Execution } from '../emulator/core';
import { MailApp } from '../emulator/mail-app';
import { Membrane } from '../emulator/membrane';
import { projectRoot } from '../project-root';
import type { RunResult, RunSpec } from '../sandbox/sandbox';
import { ADMIN, BUSY_DAY, STAFF, TIME_ZONE, buildCampaign, type BenchCampaign } from './campaign';
import {
  RATING_SHEET,
  RECURRING_BUSY_DAY,
  buildRecurringCampaign,
  type RecurringCampaign,
} from './recurring';
import type { CampaignHarness } from '../harness';
import { meterCells, type CellMeter } from './cell-meter';
import { estimateMs, perCallMs, type LatencyTable } from './latency';
import { linkParams } from '../rehearsal/pages';

export type ScenarioName =
  | 'submission'
  | 'reviewEdit'
  | 'dailyRun'
  | 'stageReport'
  | 'unitPage'
  | 'staffPage'
  | 'recurringSubmission'
  | 'recurringReviewEdit'
  | 'recurringDailyRun';
export type Impl = 'ours' | 'naive';

export interface ExecutionFigures {
  handler: string;
  ok: boolean;
  error?: string;
  calls: number;
  counts: Record<string, number>;
  cells: Record<string, number>;
  sends: number;
  recipients: number;
  cpuMs: number;
  scriptCpuMs: number;
  estMs: number;
}

export interface Measurement {
  scenario: ScenarioName;
  impl: Impl;
  units: number;
  executions: ExecutionFigures[];
  /** Every address mailed (to, cc, bcc), lower case. */
  addresses: string[];
}

/** CPU spent serving service calls (the emulator's side of the membrane), cumulative, in µs. */
let hostCpuUs = 0;
let hostMeterInstalled = false;
function installHostMeter(): void {
  if (hostMeterInstalled) return;
  hostMeterInstalled = true;
  const original = Membrane.prototype.serve;
  Membrane.prototype.serve = function (this: Membrane, request) {
    const start = process.cpuUsage();
    try {
      return original.call(this, request);
    } finally {
      const d = process.cpuUsage(start);
      hostCpuUs += d.user + d.system;
    }
  };
}

const cpuNowUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** A campaign with its meters: calls are priced on the clock only while `charging`. */
export interface Bench<
  C extends { harness: CampaignHarness; shape: { units: number } } = BenchCampaign,
> {
  impl: Impl;
  campaign: C;
  /** The campaign's busy day (the daily run fires on it). */
  day: string;
  meter: CellMeter;
  /** Per run: CPU and emulator CPU at its end (for per-execution deltas). */
  marks: Map<Execution, { cpu: number; host: number }>;
  latency: { on: boolean };
}

export function newBench(impl: Impl, units: number, table: LatencyTable, bundle: string): Bench {
  installHostMeter();
  const latency = { on: false };
  const marks = new Map<Execution, { cpu: number; host: number }>();
  const campaign = buildCampaign({
    units,
    bundlePath: bundle,
    callLatencyMs: (name) => (latency.on ? perCallMs(table, name) : 0),
    onRun: (r) => marks.set(r.execution, { cpu: cpuNowUs(), host: hostCpuUs }),
  });
  const meter = meterCells(campaign.harness.ws, table);
  return { impl, campaign, day: BUSY_DAY, meter, marks, latency };
}

/** The recurring template's campaign (branch-duties) with the same meters. */
export function newRecurringBench(
  units: number,
  table: LatencyTable,
  bundle: string,
): Bench<RecurringCampaign> {
  installHostMeter();
  const latency = { on: false };
  const marks = new Map<Execution, { cpu: number; host: number }>();
  const campaign = buildRecurringCampaign({
    units,
    bundlePath: bundle,
    callLatencyMs: (name) => (latency.on ? perCallMs(table, name) : 0),
    onRun: (r) => marks.set(r.execution, { cpu: cpuNowUs(), host: hostCpuUs }),
  });
  const meter = meterCells(campaign.harness.ws, table);
  return { impl: 'ours', campaign, day: RECURRING_BUSY_DAY, meter, marks, latency };
}

/**
 * Runs `act` and gathers what every execution it caused cost. `charge` puts the latency table on
 * the simulated clock (the product's time budget then sees it); the naive reference runs without
 * it, or Apps Script's 6-minute limit would stop it long before it finished the same work.
 */
function measure<C extends { harness: CampaignHarness; shape: { units: number } }>(
  bench: Bench<C>,
  scenario: ScenarioName,
  table: LatencyTable,
  charge: boolean,
  act: () => RunResult[],
): Measurement {
  const { harness } = bench.campaign;
  const outboxBefore = MailApp._outbox(harness.ws).length;
  bench.meter.charging = charge;
  bench.latency.on = charge;
  let cpu = cpuNowUs();
  let host = hostCpuUs;
  let results: RunResult[];
  try {
    results = act();
  } finally {
    bench.meter.charging = false;
    bench.latency.on = false;
  }
  const executions = results.map((r): ExecutionFigures => {
    const e = r.execution;
    const mark = bench.marks.get(e) ?? { cpu: cpuNowUs(), host: hostCpuUs };
    const cpuUs = mark.cpu - cpu;
    const hostUs = mark.host - host;
    cpu = mark.cpu;
    host = mark.host;
    const cells = bench.meter.cellsOf(e);
    return {
      handler: e.handler,
      ok: r.ok,
      ...(r.ok ? {} : { error: r.error }),
      calls: e.calls,
      counts: { ...e.counts },
      cells,
      sends: e.counts['MailApp.sendEmail'] ?? 0,
      recipients: e.mailRecipients,
      cpuMs: cpuUs / 1000,
      scriptCpuMs: (cpuUs - hostUs) / 1000,
      estMs: estimateMs(table, e.counts, cells),
    };
  });
  const addresses = new Set<string>();
  for (const m of MailApp._outbox(harness.ws).slice(outboxBefore)) {
    for (const a of [...m.to, ...m.cc, ...m.bcc]) addresses.add(a.trim().toLowerCase());
  }
  return {
    scenario,
    impl: bench.impl,
    units: bench.campaign.shape.units,
    executions,
    addresses: [...addresses].sort(),
  };
}

const CONTINUE = 'onDailyTickContinue';
const moment = (hour: number, minute = 0, day = BUSY_DAY) =>
  zonedTime(day, hour, minute, TIME_ZONE);

/** Column letters of a 1-based column number (A, …, Z, AA, …). */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The product's daily trigger fires at 09:xx; follow-up executions run until none is left. */
export function dailyRunOurs<C extends { harness: CampaignHarness; shape: { units: number } }>(
  bench: Bench<C>,
  table: LatencyTable,
  scenario: ScenarioName = 'dailyRun',
): Measurement {
  const { harness } = bench.campaign;
  return measure(bench, scenario, table, true, () => {
    const runs = harness.fireClockTriggers(moment(9, 59, bench.day));
    for (let i = 0; i < 100 && harness.triggers().some((t) => t.handler === CONTINUE); i++) {
      runs.push(...harness.fireClockTriggers(harness.ws.now() + 30 * 60 * 1000));
    }
    return runs;
  });
}

export function dailyRunNaive(bench: Bench, table: LatencyTable): Measurement {
  const { harness } = bench.campaign;
  harness.advanceTo(moment(9, 30));
  return measure(bench, 'dailyRun', table, false, () => [
    harness.run({ handler: 'naiveDailyReminders', trigger: 'time', effectiveUser: ADMIN }),
  ]);
}

const NEW_PROJECT = '性能测试新增项目';

export function submission(bench: Bench, table: LatencyTable): Measurement {
  const { harness } = bench.campaign;
  harness.advanceTo(Math.max(harness.ws.now(), moment(11)));
  const spec: RunSpec = bench.campaign.newApplication(6, NEW_PROJECT);
  const naive = bench.impl === 'naive';
  return measure(bench, 'submission', table, !naive, () => [
    harness.run(naive ? { ...spec, handler: 'naiveOnFormSubmit' } : spec),
  ]);
}

/** A reviewer changes one project's status (备案 → 退回修改) in 项目库. */
export function reviewEdit(bench: Bench, table: LatencyTable): Measurement {
  const { harness } = bench.campaign;
  harness.advanceTo(Math.max(harness.ws.now(), moment(11, 30)));
  const header = (harness.values(PROJECTS_SHEET.title.zh) ?? [[]])[0].map(String);
  const column = header.indexOf('审核状态') + 1;
  if (column === 0) throw new Error('项目库 has no 审核状态 column');
  // Row 3 holds the second project of U0001 (an org unit), filed (备案), not a key project.
  return measure(bench, 'reviewEdit', table, true, () => {
    const outcome = harness.edit(
      STAFF.org,
      PROJECTS_SHEET.title.zh,
      `${columnLetter(column)}3`,
      '退回修改',
    );
    if (!outcome.accepted) throw new Error(`the review edit was refused: ${outcome.reason}`);
    return outcome.runs;
  });
}

/** A branch records December's 支委会 (the intake, with its catch-up, on a 18-rows-a-branch sheet). */
export function recurringSubmission(
  bench: Bench<RecurringCampaign>,
  table: LatencyTable,
): Measurement {
  const { harness } = bench.campaign;
  harness.advanceTo(Math.max(harness.ws.now(), moment(11, 0, bench.day)));
  // Branch 7 (index 6) has not recorded December yet.
  const spec = bench.campaign.newMeeting(6, '支委会', '2018-12-28');
  return measure(bench, 'recurringSubmission', table, true, () => [harness.run(spec)]);
}

/** Staff of the organisation department type a grade (合格) for the first branch's rating. */
export function recurringReviewEdit(
  bench: Bench<RecurringCampaign>,
  table: LatencyTable,
): Measurement {
  const { harness } = bench.campaign;
  harness.advanceTo(Math.max(harness.ws.now(), moment(11, 30, bench.day)));
  const title = RATING_SHEET.title.zh;
  const header = (harness.values(title) ?? [[]])[0].map(String);
  const column = header.indexOf('评定等次') + 1;
  if (column === 0) throw new Error(`${title} has no 评定等次 column`);
  // Row 2 holds B0001's rating (a 机关支部, reviewed by the organisation department).
  return measure(bench, 'recurringReviewEdit', table, true, () => {
    const outcome = harness.edit(STAFF.org, title, `${columnLetter(column)}2`, '合格');
    if (!outcome.accepted) throw new Error(`the grade was refused: ${outcome.reason}`);
    return outcome.runs;
  });
}

export function stageReport(bench: Bench, table: LatencyTable): Measurement {
  const { harness } = bench.campaign;
  harness.advanceTo(Math.max(harness.ws.now(), moment(12)));
  harness.open(ADMIN);
  return measure(bench, 'stageReport', table, true, () => [
    harness.clickMenu('generateStageReport', ADMIN),
  ]);
}

/** A unit opens its personal link to the status page (doGet). */
export function unitPage(bench: Bench, table: LatencyTable): Measurement {
  const { harness } = bench.campaign;
  harness.advanceTo(Math.max(harness.ws.now(), moment(12, 30)));
  return measure(bench, 'unitPage', table, true, () => [
    harness.visitWebApp(linkParams(harness, 'U0006')).result,
  ]);
}

/** Staff of the organisation department open the status page, signed in. */
export function staffPage(bench: Bench, table: LatencyTable): Measurement {
  const { harness } = bench.campaign;
  harness.advanceTo(Math.max(harness.ws.now(), moment(12, 45)));
  return measure(bench, 'staffPage', table, true, () => [
    harness.visitWebApp({ dept: 'org' }, STAFF.org).result,
  ]);
}

/** dist/Code.js followed by the naive script, in a temporary file (setup/activate stay the product's). */
export function naiveBundle(bundle: string): string {
  const naive = fs.readFileSync(
    path.join(projectRoot(), 'src/offline/bench/naive/naive.js'),
    'utf8',
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-naive-')), 'Code.js');
  fs.writeFileSync(file, `${fs.readFileSync(bundle, 'utf8')}\n${naive}`);
  return file;
}

/** Sum of the figures of several executions. */
export function totals(m: Measurement): ExecutionFigures {
  const sum: ExecutionFigures = {
    handler: m.executions.map((e) => e.handler).join('+'),
    ok: m.executions.every((e) => e.ok),
    calls: 0,
    counts: {},
    cells: {},
    sends: 0,
    recipients: 0,
    cpuMs: 0,
    scriptCpuMs: 0,
    estMs: 0,
  };
  for (const e of m.executions) {
    sum.calls += e.calls;
    sum.sends += e.sends;
    sum.recipients += e.recipients;
    sum.cpuMs += e.cpuMs;
    sum.scriptCpuMs += e.scriptCpuMs;
    sum.estMs += e.estMs;
    for (const [k, v] of Object.entries(e.counts)) sum.counts[k] = (sum.counts[k] ?? 0) + v;
    for (const [k, v] of Object.entries(e.cells)) sum.cells[k] = (sum.cells[k] ?? 0) + v;
  }
  const errors = m.executions.filter((e) => e.error).map((e) => e.error);
  if (errors.length) sum.error = errors.join('; ');
  return sum;
}
