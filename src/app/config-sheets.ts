import {
  CONFIG_SHEETS,
  FORM_DESIGN_SHEET,
  QUOTA_RULES_SHEET,
  HEALTH_SHEET,
  rosterSheetFor,
  SETTINGS_SHEET,
  sheetSubjects,
  subjectSheetFor,
  STAGES_SHEET,
  UNITS_SHEET,
  type ColumnDef,
  type Label,
  type SheetDef,
} from '../../sheets-templates/config-sheets';
import { labelOf, labelsOf } from '../domain/labels';
import { parseConfig, type ConfigResult } from '../domain/config';
import { mapColumns, type Cell, type RawTable } from '../domain/table';
import type { CampaignTemplate } from '../domain/template';
import { DEFAULT_TEMPLATE, templateById } from '../../sheets-templates/templates';
import { messages, type Locale } from '../i18n';
import type { SheetSpec, SheetsPort } from '../ports';

/** Every title a sheet may carry: Chinese first (what setup creates), then English. */
export function titlesOf(def: SheetDef): string[] {
  return [def.title.zh, def.title.en];
}

export function sheetSpec(def: SheetDef, locale: Locale): SheetSpec {
  const label = (l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
  const m = messages(locale);
  const shown = (c: ColumnDef, value: Cell | Label): Cell => {
    const v = typeof value === 'object' && !(value instanceof Date) ? label(value) : value;
    return c.labels ? labelOf(c.labels, v, locale) : v;
  };
  return {
    titles: locale === 'en' ? [def.title.en, def.title.zh] : titlesOf(def),
    columns: def.columns.map((c) => ({
      header: label(c.label),
      width: c.width,
      note: c.help ? label(c.help) : c.required ? m.setup.required : undefined,
      choices:
        c.type === 'choice' && c.choices
          ? c.labels
            ? labelsOf(c.labels, c.choices, locale)
            : c.choices
          : undefined,
      checkbox: c.type === 'boolean',
      date: c.type === 'date',
      dateTime: c.type === 'dateTime',
    })),
    sampleRows: def.sampleRows.map((row) => def.columns.map((c) => shown(c, row[c.key] ?? ''))),
  };
}

export const CONFIG_SHEET_DEFS = CONFIG_SHEETS;

export function loadConfig(sheets: SheetsPort): ConfigResult {
  const settings = sheets.readTable(titlesOf(SETTINGS_SHEET));
  // The template Settings names decides which further sheets there are (a roster, subject lists);
  // the Secretary Project has none, so it reads exactly the sheets it always read.
  const template = (settings && templateById(rawSetting(settings, 'template'))) || DEFAULT_TEMPLATE;
  const roster = rosterSheetFor(template);
  const subjects: Record<string, RawTable | null> = {};
  for (const type of sheetSubjects(template))
    subjects[type.key] = sheets.readTable(titlesOf(subjectSheetFor(template, type)));
  return parseConfig({
    settings,
    units: sheets.readTable(titlesOf(UNITS_SHEET)),
    stages: sheets.readTable(titlesOf(STAGES_SHEET)),
    formDesign: sheets.readTable(titlesOf(FORM_DESIGN_SHEET)),
    quotaRules: sheets.readTable(titlesOf(QUOTA_RULES_SHEET)),
    ...(roster ? { roster: sheets.readTable(titlesOf(roster)) } : {}),
    ...(sheetSubjects(template).length ? { subjects } : {}),
    spreadsheetTimeZone: sheets.timeZone(),
  });
}

/** One setting's raw value as written in Settings ('' when absent), before any validation. */
function rawSetting(table: RawTable, key: string): string {
  const columns = mapColumns(SETTINGS_SHEET, table.header);
  const keyAt = columns.index.key;
  const valueAt = columns.index.value;
  if (keyAt === undefined || valueAt === undefined) return '';
  const row = table.rows.find((r: Cell[]) => String(r[keyAt]).trim() === key);
  return row ? String(row[valueAt]).trim() : '';
}

/** The template Settings names, or the default one (before setup, or when it names none). */
export function configuredTemplate(sheets: SheetsPort): CampaignTemplate {
  const table = sheets.readTable(titlesOf(SETTINGS_SHEET));
  return (table && templateById(rawSetting(table, 'template'))) || DEFAULT_TEMPLATE;
}

/** The campaign language as written in Settings, even when the rest does not validate. */
export function configuredLocale(sheets: SheetsPort): Locale {
  const table = sheets.readTable(titlesOf(SETTINGS_SHEET));
  // Before setup there is no setting: the spreadsheet's own language (its creator's) decides, so
  // an English spreadsheet gets English configuration sheets and `locale` preset to en.
  if (!table) return /^en/i.test(sheets.spreadsheetLocale()) ? 'en' : 'zh-CN';
  return rawSetting(table, 'locale') === 'en' ? 'en' : 'zh-CN';
}

export function sheetDefByKey(key: string): SheetDef {
  const def = CONFIG_SHEETS.find((d) => d.key === key);
  if (!def) throw new Error(`unknown sheet ${key}`);
  return def;
}

export { HEALTH_SHEET };
