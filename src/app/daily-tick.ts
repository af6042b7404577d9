import { messages } from '../i18n';
import type { AppDeps } from '../ports';
import { DAILY_HANDLER, STATE } from './activate';
import { ensureCampaignForms } from './campaign-forms';
import { loadConfig } from './config-sheets';

export interface DailyTickResult {
  ran: boolean;
  reason?: 'inactive' | 'invalidConfig';
  repairedTriggers?: number;
}

/**
 * The daily run. At this stage of the product it verifies the campaign can run: configuration
 * valid, exactly one daily trigger (a missing or duplicated one is repaired). Reminders, digests and
 * reports hang off this run.
 */
export function dailyTick(deps: AppDeps): DailyTickResult {
  return deps.lock.withScriptLock(() => {
    if (deps.store.get(STATE.active) !== 'true') return { ran: false, reason: 'inactive' };
    const result = loadConfig(deps.sheets);
    if (!result.ok) {
      deps.log.record({ event: 'configInvalid', count: result.problems.length });
      return { ran: false, reason: 'invalidConfig' };
    }
    const { settings } = result.config;
    const triggers = deps.triggers.timeTriggers(DAILY_HANDLER);
    let repaired = 0;
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
    // The roster may have changed since yesterday: the unit dropdown follows it.
    ensureCampaignForms(deps, result.config);
    deps.log.record({ event: 'dailyTick', units: result.config.units.length });
    return { ran: true, repairedTriggers: repaired };
  });
}
