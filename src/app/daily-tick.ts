import { dayOf, isValidDay } from '../domain/calendar';
import type { CampaignConfig } from '../domain/config';
import { messages } from '../i18n';
import type { AppDeps } from '../ports';
import { STATE } from './activate';
import { ensureCampaignForms } from './campaign-forms';
import { loadConfig } from './config-sheets';
import { DAILY_HANDLER } from './daily-trigger';
import { catchUpAll } from './intake';
import { loadRecords } from './records';
import {
  DEFAULT_TIME_BUDGET_MS,
  lastDigestOf,
  planReminders,
  readLedger,
  sendReminders,
  STORE,
} from './reminders';
import { runDueReports } from './reports';

export const CONTINUE_HANDLER = 'onDailyTickContinue';
/** A follow-up execution starts this soon after a run stopped for its time budget. */
const CONTINUE_AFTER_MS = 60 * 1000;
/**
 * The catch-up starts no take-in after this much of the run (the rest goes to a follow-up run),
 * leaving the reminders their share of the time budget (reminders.ts DEFAULT_TIME_BUDGET_MS).
 */
const CATCH_UP_BUDGET_MS = 3 * 60 * 1000;

export interface DailyTickResult {
  ran: boolean;
  reason?: 'inactive' | 'invalidConfig';
  repairedTriggers?: number;
  /** Responses taken in by the catch-up (their own execution had not recorded them). */
  caughtUp?: number;
  sent?: number;
  deferred?: number;
  continued?: boolean;
}

/**
 * The daily run: checks the campaign can run (valid configuration, exactly one daily trigger —
 * a missing or duplicated one is repaired, the unit dropdown follows the roster), then sends the
 * day's reminders, overdue notices and staff digests. A run that reaches its time budget leaves
 * a follow-up execution to finish; the send ledger makes every part safe to repeat.
 */
export function dailyTick(
  deps: AppDeps,
  options: { continuation?: boolean; triggerUid?: string } = {},
): DailyTickResult {
  const startedAt = deps.clock.now();
  // A one-off continuation trigger stays listed after it fires: remove it so none pile up.
  if (options.triggerUid) deps.triggers.remove(options.triggerUid);
  const prepared = deps.lock.withScriptLock(
    (): { config?: CampaignConfig; result?: DailyTickResult } => {
      if (deps.store.get(STATE.active) !== 'true')
        return { result: { ran: false, reason: 'inactive' } };
      const loaded = loadConfig(deps.sheets);
      if (!loaded.ok) {
        deps.log.record({ event: 'configInvalid', count: loaded.problems.length });
        return { result: { ran: false, reason: 'invalidConfig' } };
      }
      const { settings } = loaded.config;
      let repaired = 0;
      if (!options.continuation) {
        const triggers = deps.triggers.timeTriggers(DAILY_HANDLER);
        if (triggers.length !== 1 || triggers[0].hour !== settings.reminderHour) {
          for (const trigger of triggers) deps.triggers.remove(trigger.id);
          deps.triggers.createDaily(DAILY_HANDLER, settings.reminderHour, settings.timeZone);
          repaired = triggers.length === 0 ? 1 : triggers.length;
          const m = messages(settings.locale);
          deps.log.record({
            event: 'triggersRepaired',
            found: triggers.length,
            message:
              triggers.length === 0
                ? m.health.triggerMissing
                : m.health.triggerDuplicated(triggers.length),
          });
        }
        // The roster may have changed since yesterday: the unit dropdown follows it. The daily run
        // never creates a form (units' links would point at a new one): a missing form is logged.
        ensureCampaignForms(deps, loaded.config, { create: false });
      }
      return { config: loaded.config, result: { ran: true, repairedTriggers: repaired } };
    },
  );
  if (!prepared.config) return prepared.result as DailyTickResult;
  // Responses no execution recorded (failed, or never started) come first: the reminders and
  // reports must count them, and their senders are owed a receipt.
  const caught = catchUpAll(deps, prepared.config, startedAt + CATCH_UP_BUDGET_MS);
  if (caught.deferred > 0) {
    deps.triggers.createAfter(CONTINUE_HANDLER, CONTINUE_AFTER_MS);
    deps.log.record({ event: 'dailyTick', caughtUp: caught.taken, catchUpLeft: caught.deferred });
    return { ...prepared.result, ran: true, caughtUp: caught.taken, continued: true };
  }
  const reminders = sendReminders(deps, prepared.config, startedAt);
  let continued = false;
  if (reminders.remaining > 0) {
    deps.triggers.createAfter(CONTINUE_HANDLER, CONTINUE_AFTER_MS);
    continued = true;
  }
  if (!continued) {
    // The day after a stage deadline: its summary report (and after the last, the final one),
    // each only while the time budget holds one; the continuation makes the rest.
    const budgetMs = Number(deps.store.get(STORE.budget)) || DEFAULT_TIME_BUDGET_MS;
    const reports = runDueReports(
      deps,
      prepared.config,
      dayOf(deps.clock.now(), prepared.config.settings.timeZone),
      { startedAt, budgetMs },
    );
    if (reports.remaining > 0) {
      deps.triggers.createAfter(CONTINUE_HANDLER, CONTINUE_AFTER_MS);
      continued = true;
    }
  }
  deps.store.set(STORE.lastRunMs, String(deps.clock.now() - startedAt));
  deps.log.record({
    event: 'dailyTick',
    sent: reminders.sent,
    deferred: reminders.deferred,
    remaining: reminders.remaining,
    ...(caught.taken ? { caughtUp: caught.taken } : {}),
    ...(reminders.skipped ? { skipped: reminders.skipped } : {}),
  });
  return {
    ...prepared.result,
    ran: true,
    sent: reminders.sent,
    deferred: reminders.deferred,
    caughtUp: caught.taken,
    continued,
  };
}

/** What the daily run would send on a day, composed but not sent (the preview menu item). */
export function previewReminders(deps: AppDeps): void {
  const loaded = loadConfig(deps.sheets);
  if (!loaded.ok) return;
  const { settings } = loaded.config;
  const m = messages(settings.locale);
  const today = dayOf(deps.clock.now(), settings.timeZone);
  const answer = deps.ui.prompt(m.reminders.previewTitle(today), m.reminders.previewPrompt);
  if (answer === null) return;
  const day = answer.trim() === '' ? today : answer.trim();
  if (!isValidDay(day)) {
    deps.ui.alert(m.reminders.previewTitle(day), m.problems.badDate(day));
    return;
  }
  const records = loadRecords(deps.sheets, loaded.config);
  const ledger = readLedger(deps, loaded.config);
  const plan = planReminders(deps, loaded.config, records, ledger, day, {
    lastDigest: (department) => lastDigestOf(deps, department),
  });
  const lines = [...plan.unitMails, ...plan.staffMails.filter((p) => !p.digest?.repeat)].map(
    (p) => `${p.mail.to.join('; ')}｜${p.mail.subject}`,
  );
  deps.ui.alert(
    m.reminders.previewTitle(day),
    lines.length ? lines.join('\n') : m.reminders.previewNone,
  );
}
