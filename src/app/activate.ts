import {
  configSheetDef,
  HEALTH_SHEET,
  SETTINGS_SHEET,
  type SheetDef,
} from '../../sheets-templates/config-sheets';
import { DEFAULT_TEMPLATE } from '../../sheets-templates/templates';
import type { CampaignTemplate } from '../domain/template';
import { sameTimeZone, type CampaignConfig, type ConfigProblem } from '../domain/config';
import { fingerprint } from '../domain/fingerprint';
import type { Cell } from '../domain/table';
import { messages, renderProblem, type Messages } from '../i18n';
import type { AppDeps } from '../ports';
import { ensureCampaignForms } from './campaign-forms';
import { configuredLocale, configuredTemplate, loadConfig, titlesOf } from './config-sheets';
import { DAILY_HANDLER } from './daily-trigger';
import { ensureReportTemplates } from './reports';
import { ensureReviewSetup } from './review';
import { ensurePageSecret } from './unit-page';
import { recordFormLinks } from './settings-links';

export const STATE = {
  active: 'campaign.active',
  fingerprint: 'campaign.fingerprint',
  activatedAt: 'campaign.activatedAt',
  /** The account that owns the triggers (getProjectTriggers shows only one's own). */
  activatedBy: 'campaign.activatedBy',
} as const;

/** One line per problem, e.g. 「阶段设置」第 4 行「截止日期」：截止日期（…）早于开始日期（…） */
export function describeProblem(
  m: Messages,
  p: ConfigProblem,
  locale: 'zh-CN' | 'en',
  template: CampaignTemplate = DEFAULT_TEMPLATE,
): string {
  const def = configSheetDef(p.sheet, template);
  const column = p.column ? def.columns.find((c) => c.key === p.column) : undefined;
  const sheetTitle = locale === 'en' ? def.title.en : def.title.zh;
  const columnLabel = column ? (locale === 'en' ? column.label.en : column.label.zh) : null;
  const separator = locale === 'en' ? ': ' : '：';
  return m.sheetRow(sheetTitle, p.row, columnLabel) + separator + renderProblem(m, p.problem);
}

function healthRows(
  m: Messages,
  locale: 'zh-CN' | 'en',
  problems: ConfigProblem[],
  checkedAt: Date,
  template: CampaignTemplate,
): Cell[][] {
  return problems.map((p) => {
    const def = configSheetDef(p.sheet, template);
    const column = p.column ? def.columns.find((c) => c.key === p.column) : undefined;
    return [
      m.levels.error,
      locale === 'en' ? def.title.en : def.title.zh,
      p.row ?? '',
      column ? (locale === 'en' ? column.label.en : column.label.zh) : '',
      renderProblem(m, p.problem),
      checkedAt,
    ];
  });
}

export type ActivationResult =
  | { ok: false; problems: ConfigProblem[]; lines: string[] }
  | { ok: true; changed: boolean; config: CampaignConfig };

const MAX_LINES_IN_ALERT = 10;

const locale = (l: 'zh-CN' | 'en', def: SheetDef) => (l === 'en' ? def.title.en : def.title.zh);

/**
 * Validates the configuration and, when it is valid, activates the campaign: exactly one daily
 * trigger at the reminder hour, and the campaign recorded as active. When anything is wrong,
 * every problem is listed (Health sheet and alert) and nothing else changes.
 * With `checkOnly`, validates and reports without activating.
 */
export function activate(deps: AppDeps, options: { checkOnly?: boolean } = {}): ActivationResult {
  return deps.lock.withScriptLock(() => {
    const result = loadConfig(deps.sheets);
    // A real instant: the sheet shows it by its date-time format, in the spreadsheet's zone.
    const checkedAt = new Date(deps.clock.now());
    if (!result.ok) {
      const locale = configuredLocale(deps.sheets);
      const m = messages(locale);
      const template = configuredTemplate(deps.sheets);
      const lines = result.problems.map((p) => describeProblem(m, p, locale, template));
      deps.sheets.replaceRows(
        titlesOf(HEALTH_SHEET),
        healthRows(m, locale, result.problems, checkedAt, template),
      );
      deps.log.record({ event: 'configInvalid', count: lines.length, problems: lines });
      deps.ui.alert(
        m.activate.invalidTitle,
        m.activate.invalid(
          lines.length,
          lines.slice(0, MAX_LINES_IN_ALERT).join('\n'),
          Math.max(0, lines.length - MAX_LINES_IN_ALERT),
        ),
      );
      return { ok: false, problems: result.problems, lines };
    }
    const { config } = result;
    const { settings } = config;
    const m = messages(settings.locale);
    // The script's zone (appsscript.json) only matters to local-time Date methods, which the
    // product avoids; a difference is shown as a warning, located at the setting.
    const scriptZone = deps.clock.scriptTimeZone();
    const warnings: Cell[][] = sameTimeZone(scriptZone, settings.timeZone)
      ? []
      : [
          [
            m.levels.warning,
            locale(settings.locale, SETTINGS_SHEET),
            '',
            'timeZone',
            m.activate.scriptTimeZone(scriptZone, settings.timeZone),
            checkedAt,
          ],
        ];
    if (warnings.length)
      deps.log.record({ event: 'timeZoneWarning', scriptZone, campaignZone: settings.timeZone });
    const okRow = (text: string): Cell[][] => [
      [m.levels.ok, '', '', '', text, checkedAt],
      ...warnings,
    ];
    if (options.checkOnly) {
      deps.sheets.replaceRows(titlesOf(HEALTH_SHEET), okRow(m.activate.configOk));
      deps.ui.alert(m.activate.okTitle, m.activate.configOk);
      return { ok: true, changed: false, config };
    }
    const print = fingerprint({ ...config, units: config.units, stages: config.stages });
    const forms = ensureCampaignForms(deps, config);
    ensureReportTemplates(deps, config);
    const reviewChanged = ensureReviewSetup(deps, config);
    const linksChanged = recordFormLinks(deps.sheets, forms.links, settings.locale);
    const triggers = deps.triggers.timeTriggers(DAILY_HANDLER);
    const settled =
      !forms.changed &&
      !reviewChanged &&
      !linksChanged &&
      deps.store.get(STATE.active) === 'true' &&
      deps.store.get(STATE.fingerprint) === print &&
      triggers.length === 1 &&
      triggers[0].hour === settings.reminderHour;
    if (settled) {
      ensurePageSecret(deps);
      deps.ui.alert(m.activate.okTitle, m.activate.unchanged(settings.campaignName));
      return { ok: true, changed: false, config };
    }
    // Delete this account's same-handler triggers first: re-running activate must never leave
    // two daily runs (the classic duplicate-trigger trap).
    for (const trigger of triggers) deps.triggers.remove(trigger.id);
    deps.triggers.createDaily(DAILY_HANDLER, settings.reminderHour, settings.timeZone);
    // The key of the units' personal page links, kept across activations (links stay valid);
    // made after the trigger so that the seeded emulator draws the trigger's minute as before.
    ensurePageSecret(deps);
    deps.store.set(STATE.active, 'true');
    deps.store.set(STATE.fingerprint, print);
    deps.store.set(STATE.activatedAt, String(deps.clock.now()));
    deps.store.set(STATE.activatedBy, deps.triggers.owner());
    deps.sheets.replaceRows(titlesOf(HEALTH_SHEET), okRow(m.activate.healthOk));
    deps.log.record({
      event: 'activated',
      campaign: settings.campaignName,
      units: config.units.filter((u) => u.active).length,
      stages: config.stages.length,
      reminderHour: settings.reminderHour,
      replacedTriggers: triggers.length,
    });
    deps.ui.alert(
      m.activate.okTitle,
      m.activate.ok(
        settings.campaignName,
        config.stages.length,
        config.units.filter((u) => u.active).length,
        settings.reminderHour,
        settings.timeZone,
      ),
    );
    return { ok: true, changed: true, config };
  });
}
