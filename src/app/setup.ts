import {
  configSheetsFor,
  FORM_DESIGN_SHEET,
  QUOTA_RULES_SHEET,
  STAGES_SHEET,
  UNITS_SHEET,
} from '../../sheets-templates/config-sheets';
import { DEFAULT_TEMPLATE } from '../../sheets-templates/templates';
import { messages } from '../i18n';
import type { AppDeps } from '../ports';
import { STATE } from './activate';
import { configuredLocale, configuredTemplate, sheetSpec, titlesOf } from './config-sheets';

export interface SetupResult {
  created: string[];
  /** Sheets rewritten because 系统设置 names another template than the one they were written from. */
  rewritten: string[];
}

/** The template the configuration sheets were last written from. */
export const TEMPLATE_WRITTEN = 'setup.template';

/** The sheets a template writes that are the template's, not the administrator's roster. */
const TEMPLATE_SHEETS = [STAGES_SHEET.key, FORM_DESIGN_SHEET.key, QUOTA_RULES_SHEET.key];

/**
 * Creates the configuration sheets (Settings, Units, Stages, Form design, Health) that do not exist
 * yet, with headers, dropdowns, checkboxes and the rows of the template 系统设置 names (the
 * Secretary Project before there is one). Sheets that exist are left as they are, so running setup
 * again changes nothing — except after the administrator picks another template in 系统设置: then
 * 阶段设置 and 表单设计 are rewritten from it (and 单位名册 gains the template's columns), as long as
 * no campaign has been activated.
 */
export function setup(
  deps: Pick<AppDeps, 'sheets' | 'ui' | 'log' | 'lock' | 'store'>,
): SetupResult {
  return deps.lock.withScriptLock(() => {
    const locale = configuredLocale(deps.sheets);
    const m = messages(locale);
    const template = configuredTemplate(deps.sheets);
    const written = deps.store.get(TEMPLATE_WRITTEN) ?? DEFAULT_TEMPLATE.id;
    const defs = configSheetsFor(template);
    const created: string[] = [];
    for (const def of defs) {
      const spec = sheetSpec(def, locale);
      if (deps.sheets.ensureSheet(spec)) created.push(spec.titles[0]);
    }
    if (created.length > 0) deps.sheets.removeBlankDefaultSheet();
    const rewritten: string[] = [];
    if (template.id !== written) {
      if (deps.store.get(STATE.active) === 'true') {
        deps.ui.alert(m.setup.title, m.setup.templateLocked(template.id, written));
        deps.log.record({ event: 'setup', created, refused: template.id, active: written });
        return { created, rewritten };
      }
      for (const def of defs) {
        const spec = sheetSpec(def, locale);
        if (TEMPLATE_SHEETS.includes(def.key) && !created.includes(spec.titles[0])) {
          deps.sheets.replaceRows(
            titlesOf(def),
            spec.sampleRows.map((row) => [...row]),
          );
          rewritten.push(spec.titles[0]);
        }
        if (def.key === UNITS_SHEET.key) {
          const aliases = def.columns.map((c) => [c.label.zh, c.label.en, c.key]);
          if (deps.sheets.addMissingColumns(spec, aliases)) rewritten.push(spec.titles[0]);
        }
      }
      deps.store.set(TEMPLATE_WRITTEN, template.id);
    }
    deps.log.record({ event: 'setup', created, rewritten, template: template.id });
    const templateName = locale === 'en' ? template.name.en : template.name.zh;
    deps.ui.alert(
      m.setup.title,
      rewritten.length > 0
        ? m.setup.rewritten(templateName, rewritten.join('、'))
        : m.setup.done(created.length),
    );
    return { created, rewritten };
  });
}
