import { SETTINGS_SHEET } from '../../sheets-templates/config-sheets';
import { formDef } from '../../sheets-templates/forms';
import { mapColumns, type Cell } from '../domain/table';
import type { Locale } from '../i18n';
import type { SheetsPort } from '../ports';
import { titlesOf } from './config-sheets';

/** The Settings rows that show each form's link (`formUrl.<form>`); the config parser skips them. */
export const FORM_LINK_PREFIX = 'formUrl.';

/** Writes the form links into the Settings sheet; false when they are already there. */
export function recordFormLinks(
  sheets: SheetsPort,
  links: Record<string, string>,
  locale: Locale,
): boolean {
  const table = sheets.readTable(titlesOf(SETTINGS_SHEET));
  if (!table) return false;
  const columns = mapColumns(SETTINGS_SHEET, table.header);
  const at = columns.index;
  if (at.key === undefined || at.value === undefined) return false;
  const rows = table.rows.map((r) => [...r]);
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === '')) rows.pop();
  let changed = false;
  for (const [formKey, url] of Object.entries(links)) {
    const key = FORM_LINK_PREFIX + formKey;
    const existing = rows.find((r) => String(r[at.key]).trim() === key);
    if (existing) {
      if (String(existing[at.value]) !== url) {
        existing[at.value] = url;
        changed = true;
      }
      continue;
    }
    const def = formDef(formKey);
    const row = Array<Cell>(Math.max(table.header.length, 1)).fill('');
    row[at.key] = key;
    if (at.label !== undefined)
      row[at.label] = locale === 'en' ? `${def?.title.en} link` : `${def?.title.zh}链接`;
    row[at.value] = url;
    if (at.note !== undefined)
      row[at.note] =
        locale === 'en' ? 'set by activate; send it to the units' : '由系统生成，请发给各单位填写';
    rows.push(row);
    changed = true;
  }
  if (changed) sheets.replaceRows(titlesOf(SETTINGS_SHEET), rows);
  return changed;
}
