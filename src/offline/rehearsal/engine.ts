import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  configSheetsFor,
  SETTINGS_SHEET,
  STAGES_SHEET,
  UNITS_SHEET,
  type SheetDef,
} from '../../../sheets-templates/config-sheets';
import { DEFAULT_TEMPLATE, templateById } from '../../../sheets-templates/templates';
import {
  addDays,
  dayOf,
  isValidTimeZone,
  offsetMinutes,
  wallClock,
  zonedTime,
} from '../../domain/calendar';
import { labelOf } from '../../domain/labels';
import { mapColumns } from '../../domain/table';
import { rehearsalMessages, type RehearsalMessages } from '../../i18n/rehearsal';
import { DEFAULT_LATENCY, perCallMs } from '../bench/latency';
import { CampaignHarness } from '../harness';
import type { RunResult } from '../sandbox/sandbox';
import { exportReports } from './export-docx';
import { writeOutbox } from './export-eml';
import { exportXlsx } from './export-xlsx';
import { FORM_PREPARERS, registerFormReplayers, type FormEventPreparer } from './replay-forms';
import { registerMenuReplayer } from './replay-menu';
import { registerReviewReplayer } from './replay-review';
import type { EventReplayer, ReplayContext } from './replayer';
import type { Scenario, ScenarioEvent } from './scenario';
import { writePages } from './pages';
import { ScriptApp } from '../emulator/script-app';

export interface RehearsalOptions {
  scenario: Scenario;
  out: string;
  fromDay: string;
  toDay: string;
  bundlePath?: string;
  /** Progress lines; default: none. */
  print?: (line: string) => void;
  /**
   * A line for every simulated day; by default only days with events, mail, reports, failures or
   * a dropped step get one (idle days are counted in one line at the end).
   */
  verbose?: boolean;
  /** Called at the end of each simulated day (tests look at the sheets as they were that day). */
  onDay?: (day: string, harness: CampaignHarness) => void;
}

/** Unit pages written at most (each is a doGet execution reading every sheet). */
const MAX_UNIT_PAGES = 300;

export interface RunLogLine {
  at: string;
  handler: string;
  trigger: string;
  ok: boolean;
  ms: number;
  calls: Record<string, number>;
  mailRecipients: number;
  log: unknown[];
  error?: string;
}

export interface RehearsalSummary {
  executions: number;
  failures: RunLogLine[];
  emails: number;
  recipients: number;
  reports: number;
  eventsReplayed: number;
  eventsSkipped: Record<string, number>;
  /** Events the replay could not perform (nothing ran), each with its scenario line and reason. */
  eventsDropped: DroppedEvent[];
  /** Events that ran but not entirely as written (an answer dropped, a cell refused). */
  eventNotes: DroppedEvent[];
  /** Whether the campaign became active; when not, `activationRefused` holds what the script said. */
  activated: boolean;
  activationRefused?: string;
  /** Things the rehearsal itself had to decide (a setting it could not use for its clock). */
  warnings: string[];
  /** The script's 运行自检, right after activation and at the end of the window. */
  selfChecks: SelfCheckOutcome[];
  /** Simulated days without events, mail, reports or failures (not printed unless verbose). */
  idleDays: number;
  /** The campaign's language, which the console follows. */
  locale: 'zh-CN' | 'en';
  outputs: { workbook: string; outbox: string; reports: string; runLog: string; pages: string };
  /** Status pages written to outputs.pages. */
  pages: number;
  harness: CampaignHarness;
}

/** One run of the script's self-check, from its `selfCheck` log records. */
export interface SelfCheckOutcome {
  when: 'activation' | 'end';
  passed: number;
  /** The lines of every check that did not pass, each with its mark (✗ failed, ! warning, – not checked). */
  notPassed: string[];
  /** Set when the execution itself failed. */
  error?: string;
}

const SELF_CHECK_MARKS: Record<string, string> = { fail: '✗', warn: '!', skip: '–' };

/** The administrator chooses 运行自检 (when the bundle's menu has it). */
function runSelfCheck(
  harness: CampaignHarness,
  admin: string,
  when: SelfCheckOutcome['when'],
): SelfCheckOutcome | null {
  if (!harness.menuItems().some((i) => i.handler === 'selfCheck')) return null;
  const run = harness.clickMenu('selfCheck', admin);
  const records = run.execution.logs
    .map((l) => l.json as { event?: string; ok?: boolean; level?: string; line?: string })
    .filter((r) => r?.event === 'selfCheck');
  return {
    when,
    passed: records.filter((r) => r.ok === true).length,
    notPassed: records
      .filter((r) => r.ok !== true)
      .map((r) => `${SELF_CHECK_MARKS[r.level ?? 'fail'] ?? '✗'} ${r.line ?? ''}`),
    ...(run.ok ? {} : { error: run.error ?? 'failed' }),
  };
}

/** `运行自检（启动后）：17 项通过` or the count of those that did not pass, then their lines. */
export function describeSelfCheck(
  outcome: SelfCheckOutcome,
  t: RehearsalMessages = rehearsalMessages('zh-CN'),
): string[] {
  const when = t.selfCheckWhen[outcome.when];
  if (outcome.error) return [t.selfCheckFailed(when, outcome.error.split('\n')[0])];
  const head = t.selfCheckHead(when, outcome.passed, outcome.notPassed.length);
  return [head, ...outcome.notPassed.map((line) => `  ${line}`)];
}

// Callers drive the replayers through the engine's registry, so their types are offered here too.
export type { EventReplayer, ReplayContext };

export interface DroppedEvent {
  line: number;
  type: string;
  problem: string;
}

/** Event types supported so far; the others are counted as skipped and named in the summary. */
export const REPLAYERS: Partial<Record<ScenarioEvent['type'], EventReplayer>> = {};
registerFormReplayers(REPLAYERS);
registerReviewReplayer(REPLAYERS);
registerMenuReplayer(REPLAYERS);

export function isoWithOffset(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const offset = offsetMinutes(ms, timeZone);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)}`;
}

function setting(scenario: Scenario, key: string): string | undefined {
  return scenario.settings.find((s) => s.key === key)?.value;
}

/**
 * Lays scenario rows (keyed by the scenario's header) under the sheet's own header. A dropdown
 * cell gets what its dropdown offers (the label, in the sheet's language), as a person picks it.
 */
function alignRows(
  sheetHeader: (string | number | boolean | Date)[],
  def: SheetDef,
  scenarioHeader: string[],
  rows: string[][],
): string[][] {
  const columns = mapColumns(def, sheetHeader);
  const width = sheetHeader.length;
  return rows.map((row) => {
    const out = Array<string>(width).fill('');
    scenarioHeader.forEach((key, i) => {
      const at = columns.index[key];
      const kind = columns.labels[key];
      const value = row[i] ?? '';
      if (at !== undefined) out[at] = kind ? String(labelOf(kind, value, columns.locale)) : value;
    });
    return out;
  });
}

/** The title a sheet carries in this spreadsheet (Chinese or English), or the Chinese one. */
export function sheetTitle(harness: CampaignHarness, def: { title: { zh: string; en: string } }) {
  return harness.values(def.title.zh)
    ? def.title.zh
    : harness.values(def.title.en)
      ? def.title.en
      : def.title.zh;
}

/**
 * The offline rehearsal of a whole campaign (rehearsal-format.md): what an administrator does in a
 * new spreadsheet, then a simulated clock through the window that fires installed triggers and
 * replays the scenario's events at their times, then the workbook, outbox, reports and run log.
 */
export async function rehearse(options: RehearsalOptions): Promise<RehearsalSummary> {
  const { scenario, print = () => undefined } = options;
  const locale = setting(scenario, 'locale') === 'en' ? 'en' : 'zh-CN';
  const t = rehearsalMessages(locale);
  const warnings: string[] = [];
  let idleDays = 0;
  // A wrong zone in settings.csv is the script's business (activation refuses it, located); the
  // rehearsal's own clock then keeps the manifest's zone rather than dying before the script runs.
  const configuredZone = setting(scenario, 'timeZone') || 'Asia/Shanghai';
  const timeZone = isValidTimeZone(configuredZone) ? configuredZone : 'Asia/Shanghai';
  if (timeZone !== configuredZone) {
    warnings.push(t.badZone(configuredZone));
  }
  const admin =
    (setting(scenario, 'adminEmails') ?? '').split(/[;,\s]+/).filter(Boolean)[0] ??
    'admin@campaign.example';
  const runLog: RunLogLine[] = [];
  const dayRuns: RunResult[] = [];
  let onRunMuted = false;
  const start = zonedTime(options.fromDay, 0, 0, timeZone);
  const harness = new CampaignHarness({
    now: start,
    seed: scenario.environment.seed,
    mailDailyQuota: scenario.environment.mailDailyQuota,
    callLatencyMs: (name) => perCallMs(DEFAULT_LATENCY, name) * scenario.environment.latencyScale,
    faultRate: scenario.environment.faultRate,
    accountType: scenario.environment.accountType,
    owner: admin,
    timeZone: 'Asia/Shanghai',
    spreadsheetName: setting(scenario, 'campaignName') ?? 'Campaign',
    bundlePath: options.bundlePath,
    onRun: (result) => {
      if (onRunMuted) return;
      dayRuns.push(result);
      const e = result.execution;
      runLog.push({
        at: isoWithOffset(e.startedAt, timeZone),
        handler: e.handler,
        trigger: e.trigger,
        ok: result.ok,
        ms: (e.endedAt ?? e.startedAt) - e.startedAt,
        calls: e.counts,
        mailRecipients: e.mailRecipients,
        log: e.logs.filter((l) => l.json !== undefined).map((l) => l.json),
        ...(result.ok ? {} : { error: result.error }),
      });
    },
  });
  // The spreadsheet's zone is set in File › Settings, apart from the manifest and the settings sheet;
  // its language is its creator's — an English campaign is set up in an English spreadsheet.
  harness.spreadsheet.setSpreadsheetTimeZone(scenario.environment.spreadsheetTimeZone ?? timeZone);
  harness.spreadsheet.setSpreadsheetLocale(
    setting(scenario, 'locale') === 'en' ? 'en_US' : 'zh_CN',
  );

  // The owner deploys the web app (the units' status page) before anything is sent.
  ScriptApp._deployWebApp(harness.ws);
  // The administrator's first steps in the new spreadsheet.
  harness.open(admin);
  harness.clickMenu('setup', admin);
  fillConfiguration(harness, scenario, admin);
  const alertsBefore = harness.alerts().length;
  harness.clickMenu('activate', admin);
  const activated = harness.triggers().some((t) => t.kind === 'clock' && t.owner === admin);
  const activationRefused = activated
    ? undefined
    : harness
        .alerts()
        .slice(alertsBefore)
        .map((a) => [a.title, a.prompt].filter(Boolean).join('：'))
        .join('\n') || t.refusedSilently;
  // Right after activation the administrator runs 运行自检 (a refused activation has nothing to check).
  const selfChecks: SelfCheckOutcome[] = [];
  const afterActivation = activated ? runSelfCheck(harness, admin, 'activation') : null;
  if (afterActivation) selfChecks.push(afterActivation);
  print(`${options.fromDay}  ${t.admin(describeRuns(dayRuns, t).text)}`);
  for (const warning of warnings) print(`  ! ${warning}`);
  if (activationRefused)
    print(`  ${t.activationRefusedLine(activationRefused.split('\n').join(' / '))}`);
  if (afterActivation) for (const line of describeSelfCheck(afterActivation, t)) print(`  ${line}`);
  dayRuns.length = 0;

  const context: ReplayContext = { scenario, responses: new Map() };
  const skipped: Record<string, number> = {};
  const dropped: DroppedEvent[] = [];
  const eventNotes: DroppedEvent[] = [];
  let replayed = 0;
  const events = scenario.events.filter(
    (e) => dayOf(e.atMs, timeZone) >= options.fromDay && dayOf(e.atMs, timeZone) <= options.toDay,
  );
  let next = 0;
  /** Counts one replayed event: dropped when it made nothing run and says why. */
  const tally = (
    event: ScenarioEvent,
    ran: number,
    problems: string[],
    printed: string[],
  ): boolean => {
    if (ran === 0 && problems.length > 0) {
      const d = { line: event.line, type: event.type, problem: problems.join('; ') };
      dropped.push(d);
      printed.push(t.dropped(d.line, d.type, d.problem));
      return false;
    }
    replayed += 1;
    for (const problem of problems) {
      eventNotes.push({ line: event.line, type: event.type, problem });
      printed.push(t.note(event.line, event.type, problem));
    }
    return true;
  };
  for (let day = options.fromDay; day <= options.toDay; day = addDays(day, 1)) {
    const dayEnd = zonedTime(addDays(day, 1), 0, 0, timeZone) - 1;
    let eventsToday = 0;
    const problemsToday: string[] = [];
    while (next < events.length && events[next].atMs <= dayEnd) {
      const event = events[next];
      harness.fireClockTriggers(event.atMs - 1);
      harness.advanceTo(event.atMs);
      // Respondents close together: their executions overlap in simulated time, as on Google
      // (lock waits, the cap of 30 simultaneous executions) instead of running one after another.
      const burst = burstFrom(events, next, dayEnd, harness.nextClockFire());
      if (burst.length > 1) {
        next += burst.length;
        const arrivals = burst.map((e) => ({
          at: e.atMs,
          start: () => {
            const prepared = (FORM_PREPARERS[e.type] as FormEventPreparer)(harness, e, context);
            if (
              tally(
                e,
                prepared.specs.length,
                prepared.notes.map((n) => n.problem),
                problemsToday,
              )
            )
              eventsToday += 1;
            return prepared.specs;
          },
        }));
        harness.runTogether([], { seed: scenario.environment.seed + event.line, arrivals });
        continue;
      }
      next += 1;
      const replay = REPLAYERS[event.type];
      if (replay) {
        const runs = replay(harness, event, context);
        const problems = ((runs as { notes?: { problem: string }[] }).notes ?? []).map(
          (n) => n.problem,
        );
        if (tally(event, runs.length, problems, problemsToday)) eventsToday += 1;
      } else {
        skipped[event.type] = (skipped[event.type] ?? 0) + 1;
      }
    }
    harness.fireClockTriggers(dayEnd);
    options.onDay?.(day, harness);
    const weekday = t.weekdays[new Date(`${day}T12:00:00Z`).getUTCDay()];
    const what = describeRuns(dayRuns, t);
    if (options.verbose || eventsToday > 0 || what.busy || problemsToday.length > 0) {
      print(`${day} ${weekday}  ${eventsToday ? `${t.events(eventsToday)} · ` : ''}${what.text}`);
      for (const line of problemsToday) print(`  ${line}`);
    } else idleDays += 1;
    dayRuns.length = 0;
  }

  // At the end of the window the administrator runs 运行自检 again.
  const atEnd = activated ? runSelfCheck(harness, admin, 'end') : null;
  if (atEnd) {
    selfChecks.push(atEnd);
    for (const line of describeSelfCheck(atEnd, t)) print(`  ${line}`);
  }
  dayRuns.length = 0;

  // Outputs.
  const outputs = {
    workbook: path.join(options.out, 'workbook.xlsx'),
    outbox: path.join(options.out, 'outbox'),
    reports: path.join(options.out, 'reports'),
    runLog: path.join(options.out, 'run-log.jsonl'),
    pages: path.join(options.out, 'pages'),
  };
  clearOutputFolder(options.out);
  fs.mkdirSync(outputs.outbox, { recursive: true });
  fs.mkdirSync(outputs.reports, { recursive: true });
  await exportXlsx(harness.spreadsheet._snapshot(), outputs.workbook);
  const outbox = harness.outbox();
  const kinds = mailKinds(runLog);
  writeOutbox(outbox, outputs.outbox, timeZone, (message) => kinds.get(message.seq));
  fs.writeFileSync(
    outputs.runLog,
    runLog.map((line) => JSON.stringify(line)).join('\n') + (runLog.length ? '\n' : ''),
  );
  // Every Google Doc the script made (reports, dossiers, templates) that is not in the trash.
  await exportReports(harness.emulator.ws, outputs.reports);
  // The status pages as served at the end of the window (visits are executions, not logged).
  let pages = 0;
  if (activated) {
    onRunMuted = true;
    try {
      const written = writePages(harness, scenario, outputs.pages, MAX_UNIT_PAGES);
      pages = written.files.length;
      if (written.unitsLeft > 0) {
        warnings.push(
          `pages/: only the first ${MAX_UNIT_PAGES} units' pages were written (${written.unitsLeft} more units; each page is a whole doGet execution)`,
        );
      }
    } finally {
      onRunMuted = false;
    }
  }
  return {
    executions: runLog.length,
    failures: runLog.filter((l) => !l.ok),
    emails: outbox.length,
    recipients: outbox.reduce((n, m) => n + m.to.length + m.cc.length + m.bcc.length, 0),
    reports: fs.readdirSync(outputs.reports).length,
    pages,
    eventsReplayed: replayed,
    eventsSkipped: skipped,
    eventsDropped: dropped,
    eventNotes,
    activated,
    ...(activationRefused ? { activationRefused } : {}),
    warnings,
    selfChecks,
    idleDays,
    locale,
    outputs,
    harness,
  };
}

/**
 * Within this much of the previous one, a form event's executions may still meet the previous
 * event's (an execution runs for at most 6 minutes).
 */
const BURST_GAP_MS = 6 * 60 * 1000;

/**
 * The form events from `start` on that arrive while earlier ones may still run: each within
 * BURST_GAP_MS of the one before, on the same day, before the next clock trigger (which the
 * rehearsal fires in between). One event alone is no burst.
 */
function burstFrom(
  events: ScenarioEvent[],
  start: number,
  dayEnd: number,
  nextClockFire: number | null,
): ScenarioEvent[] {
  const burst: ScenarioEvent[] = [];
  for (let i = start; i < events.length; i++) {
    const e = events[i];
    if (!FORM_PREPARERS[e.type] || e.atMs > dayEnd) break;
    if (nextClockFire !== null && e.atMs >= nextClockFire) break;
    if (burst.length > 0 && e.atMs - burst[burst.length - 1].atMs > BURST_GAP_MS) break;
    burst.push(e);
  }
  return burst;
}

/** The kind of each sent email (receipt, reminder, …) from the script's own `mail` records. */
function mailKinds(runLog: RunLogLine[]): Map<number, string> {
  const kinds = new Map<number, string>();
  let seq = 0;
  for (const line of runLog) {
    for (const record of line.log as { event?: string; kind?: string }[]) {
      if (record.event === 'mail') kinds.set(++seq, String(record.kind ?? 'mail'));
    }
  }
  return kinds;
}

/** A day's executions in one line; busy when they sent mail, made a report or failed. */
function describeRuns(runs: RunResult[], t: RehearsalMessages): { text: string; busy: boolean } {
  if (runs.length === 0) return { text: t.noRuns, busy: false };
  const byHandler = new Map<string, number>();
  let failed = 0;
  let mail = 0;
  const reports: string[] = [];
  for (const run of runs) {
    byHandler.set(run.execution.handler, (byHandler.get(run.execution.handler) ?? 0) + 1);
    if (!run.ok) failed += 1;
    mail += run.execution.mailRecipients;
    for (const log of run.execution.logs) {
      const record = log.json as { event?: string; name?: string } | undefined;
      if (record?.event === 'report' && record.name) reports.push(record.name);
    }
  }
  const handlers = [...byHandler].map(([h, n]) => (n > 1 ? `${h}×${n}` : h)).join(' ');
  const text =
    handlers +
    (mail ? ` · ${t.recipients(mail)}` : '') +
    (reports.length ? ` · ${t.reports(reports)}` : '') +
    (failed ? ` · ${t.failed(failed)}` : '');
  return { text, busy: mail > 0 || reports.length > 0 || failed > 0 };
}

/** The administrator pastes the scenario's settings, units and stages into the setup sheets. */
export function fillConfiguration(
  harness: CampaignHarness,
  scenario: Scenario,
  admin: string,
): void {
  const settingsSheet = sheetTitle(harness, SETTINGS_SHEET);
  const current = harness.values(settingsSheet) ?? [];
  const columns = mapColumns(SETTINGS_SHEET, current[0] ?? []);
  const keyAt = columns.index.key ?? 0;
  const valueAt = columns.index.value ?? 2;
  const rows = current.slice(1).map((r) => [...r]);
  for (const { key, value } of scenario.settings) {
    const row = rows.find((r) => String(r[keyAt]) === key);
    if (row) row[valueAt] = value;
    else {
      const added = Array<string | number | boolean | Date>(current[0]?.length ?? 4).fill('');
      added[keyAt] = key;
      added[valueAt] = value;
      rows.push(added);
    }
  }
  harness.paste(settingsSheet, 2, rows, admin);
  // Another template than the default: Setup again, as the administrator does after choosing it in
  // 系统设置 — it rewrites 阶段设置 and 表单设计 and adds the template's sheets and unit columns.
  const template = templateById(setting(scenario, 'template') ?? '') ?? DEFAULT_TEMPLATE;
  if (template.id !== DEFAULT_TEMPLATE.id) harness.clickMenu('setup', admin);
  const defs = configSheetsFor(template);
  const defOf = (key: string, fallback: SheetDef) => defs.find((d) => d.key === key) ?? fallback;
  const tables: [SheetDef, { header: string[]; rows: string[][] }][] = [
    [defOf(UNITS_SHEET.key, UNITS_SHEET), scenario.units],
  ];
  if (!scenario.stages.fromTemplate)
    tables.push([defOf(STAGES_SHEET.key, STAGES_SHEET), scenario.stages]);
  const rosterDef = template.roster && defs.find((d) => d.title.zh === template.roster?.sheet.zh);
  if (rosterDef && scenario.roster.rows.length > 0) tables.push([rosterDef, scenario.roster]);
  for (const [def, table] of tables) {
    const title = sheetTitle(harness, def);
    const header = (harness.values(title) ?? [[]])[0];
    harness.clearBody(title, admin);
    harness.paste(title, 2, alignRows(header, def, table.header, table.rows), admin);
  }
}

/**
 * Empties the output folder of a previous rehearsal. A folder that holds anything else (say, the
 * project itself after `--out .`) is refused rather than wiped.
 */
export function clearOutputFolder(out: string): void {
  if (fs.existsSync(out)) {
    const entries = fs.readdirSync(out);
    const ours = new Set(['workbook.xlsx', 'outbox', 'reports', 'run-log.jsonl', 'pages']);
    const foreign = entries.filter((e) => !ours.has(e));
    if (foreign.length > 0) {
      throw new Error(
        `--out ${out} holds files that a rehearsal did not write (${foreign.slice(0, 3).join(', ')}…); choose an empty or new folder`,
      );
    }
  }
  fs.rmSync(out, { recursive: true, force: true });
}
