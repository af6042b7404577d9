/**
 * The campaign's quota checks: the configuration's rules (`config.quotaRules`, the template's)
 * evaluated by the rule vocabulary on the campaign's records, over the stages 阶段设置 gives, so
 * the daily run, the review edit and every report see the same violations.
 * Pure: `today` is a parameter (YYYY-MM-DD in the campaign time zone).
 */
import type { CampaignConfig, Stage } from './config';
import { fromCampaignRecords, type LoadedRecords } from './campaign-data';
import { evaluateRules, type RuleViolation } from './rule-vocabulary';
import type { TemplateStage } from './template';

/**
 * The stages as the rules read them: the dates, schedules and audiences staff set in 阶段设置 (not
 * the template's). A rule names its stage by id (`after: 'apply'`).
 */
export function ruleStages(stages: readonly Stage[]): TemplateStage[] {
  return stages.map((s) => ({
    stageId: s.stageId,
    name: { zh: s.name, en: s.name },
    form: s.form,
    audience: s.audienceDef,
    schedule: s.schedule,
    ...(s.recordFilter ? { recordFilter: s.recordFilter } : {}),
    remindDaysBefore: s.remindDaysBefore,
    overdueEveryDays: s.overdueEveryDays,
  }));
}

/**
 * Every violation of the configuration's rules as of `today`: rule order, then subject, unit,
 * person, category and period.
 */
export function checkQuotas(
  config: CampaignConfig,
  records: LoadedRecords,
  today: string,
): RuleViolation[] {
  return evaluateRules(config.quotaRules, {
    data: records.data ?? fromCampaignRecords(config, records),
    stages: ruleStages(config.stages),
    settings: { ...config.settings },
    today,
    timeZone: config.settings.timeZone,
    forms: config.template.forms,
  });
}
