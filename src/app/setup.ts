import { configSheetsFor } from '../../sheets-templates/config-sheets';
import { messages } from '../i18n';
import type { AppDeps } from '../ports';
import { configuredLocale, configuredTemplate, sheetSpec } from './config-sheets';

export interface SetupResult {
  created: string[];
}

/**
 * Creates the configuration sheets (Settings, Units, Stages, Form design, Health) that do not exist
 * yet, with headers, dropdowns, checkboxes and the rows of the template 系统设置 names (the
 * Secretary Project before there is one). Sheets that exist are left exactly as they are,
 * so running setup again changes nothing.
 */
export function setup(deps: Pick<AppDeps, 'sheets' | 'ui' | 'log' | 'lock'>): SetupResult {
  return deps.lock.withScriptLock(() => {
    const locale = configuredLocale(deps.sheets);
    const m = messages(locale);
    const created: string[] = [];
    for (const def of configSheetsFor(configuredTemplate(deps.sheets))) {
      const spec = sheetSpec(def, locale);
      if (deps.sheets.ensureSheet(spec)) created.push(spec.titles[0]);
    }
    if (created.length > 0) deps.sheets.removeBlankDefaultSheet();
    deps.log.record({ event: 'setup', created });
    deps.ui.alert(m.setup.title, m.setup.done(created.length));
    return { created };
  });
}
