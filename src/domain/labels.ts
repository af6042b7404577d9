/**
 * The one place where stored keys meet what people read: a dropdown shows labels in the sheet's
 * language, a machine-written cell (a mail kind, an audited field) shows a label, and reading a
 * sheet back maps any label — Chinese or English — or the key itself back to the key, so sheets
 * made before labels existed keep working.
 */
import { PROJECTS_SHEET } from '../../sheets-templates/data-sheets';
import type { LabelKind } from '../../sheets-templates/config-sheets';
import type { FormDef } from '../../sheets-templates/forms';
import { messages, type Locale } from '../i18n';
import type { Cell } from './cell';

export type { LabelKind };

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

const tables = new Map<string, Record<string, string>>();

function table(kind: LabelKind, locale: Locale): Record<string, string> {
  const id = `${kind}/${locale}`;
  let found = tables.get(id);
  if (!found) {
    found =
      kind === 'reviewField'
        ? Object.fromEntries(
            PROJECTS_SHEET.columns.map((c) => [c.key, locale === 'en' ? c.label.en : c.label.zh]),
          )
        : messages(locale).choices[kind];
    tables.set(id, found);
  }
  return found;
}

const norm = (s: string) => s.trim().toLowerCase();
const keysByText = new Map<LabelKind, Map<string, string>>();

/** Every spelling of a kind's keys (key, Chinese label, English label) → the key. */
function spellings(kind: LabelKind): Map<string, string> {
  let found = keysByText.get(kind);
  if (!found) {
    found = new Map();
    for (const locale of LOCALES) {
      for (const [key, label] of Object.entries(table(kind, locale))) {
        if (!found.has(norm(label))) found.set(norm(label), key);
      }
    }
    // A key always means itself, even where it spells another key's label.
    for (const key of Object.keys(table(kind, 'zh-CN'))) found.set(norm(key), key);
    keysByText.set(kind, found);
  }
  return found;
}

/** The label of a key in a locale; a value that is no key of the kind is shown as it is. */
export function labelOf(kind: LabelKind, value: Cell, locale: Locale): Cell {
  if (typeof value !== 'string' || value === '') return value;
  const key = keyOf(kind, value);
  return table(kind, locale)[String(key)] ?? value;
}

/** The key behind a cell: the key itself, or its label in any locale; anything else unchanged. */
export function keyOf(kind: LabelKind, value: Cell): Cell {
  if (typeof value !== 'string' || value.trim() === '') return value;
  return spellings(kind).get(norm(value)) ?? value;
}

/** The labels of these keys, in order (a dropdown's choices). */
export function labelsOf(kind: LabelKind, keys: readonly string[], locale: Locale): string[] {
  return keys.map((k) => String(labelOf(kind, k, locale)));
}

/** Every value a person may read for a kind, in both locales (for tests and checks). */
export function allKeys(kind: LabelKind): string[] {
  return Object.keys(table(kind, 'zh-CN'));
}

/** Review fields whose values are choices (the audit log shows their labels too). */
const FIELD_VALUES: Record<string, LabelKind> = Object.fromEntries(
  PROJECTS_SHEET.columns.filter((c) => c.labels).map((c) => [c.key, c.labels as LabelKind]),
);

/** An audited value as people read it (a status label, say). */
export function valueLabel(field: string, value: Cell, locale: Locale): Cell {
  const kind = FIELD_VALUES[field];
  return kind ? labelOf(kind, value, locale) : value;
}

/** An audited value back as stored. */
export function valueKey(field: string, value: Cell): Cell {
  const kind = FIELD_VALUES[field];
  return kind ? keyOf(kind, value) : value;
}

/** Answers as a person reads them: one "question: answer" line per answered field, in form order. */
export function answerLines(
  form: FormDef,
  answers: Record<string, unknown>,
  locale: Locale,
): string {
  const separator = locale === 'en' ? ': ' : '：';
  const shown = (v: unknown): string =>
    Array.isArray(v)
      ? v.map(shown).join(locale === 'en' ? ', ' : '、')
      : v === null || v === undefined
        ? ''
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  const known = new Set(form.fields.map((f) => f.key));
  const lines = form.fields
    .filter((f) => shown(answers[f.key]).trim() !== '')
    .map((f) => `${locale === 'en' ? f.label.en : f.label.zh}${separator}${shown(answers[f.key])}`);
  // An answer to an item the form definition no longer has is kept, under its key.
  for (const [key, value] of Object.entries(answers)) {
    if (!known.has(key) && shown(value).trim() !== '')
      lines.push(`${key}${separator}${shown(value)}`);
  }
  return lines.join('\n');
}
