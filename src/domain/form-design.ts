/**
 * 表单设计: the fields of every form as the administrator edits them, one row per field in form
 * order. Parsed into the forms the engine creates, validates answers against and stores by field
 * key. Everything the template itself needs from a form (the unit field of a form units answer, the
 * reference of an entry, the fields its quota rules and reports read) cannot be deleted.
 */
import { FORM_DESIGN_SHEET, SUBMISSION_DAY } from '../../sheets-templates/config-sheets';
import type { FormDef } from '../../sheets-templates/forms';
import { problem } from '../i18n';
import { cellParser, isEmpty } from './cells';
import {
  boolean,
  collect,
  integer,
  missingColumns,
  text,
  type ConfigProblem,
} from './config-cells';
import { keyOf } from './labels';
import { keyedRows, mapColumns, type RawTable } from './table';
import {
  FIELD_KINDS,
  type CampaignTemplate,
  type FieldKind,
  type TemplateField,
  type TemplateForm,
} from './template';

const FIELD_KEY = /^[A-Za-z][\w-]*$/;

function numberCell() {
  return cellParser((cell, fail): number | undefined => {
    if (isEmpty(cell) || String(cell).trim() === '') return undefined;
    const n = typeof cell === 'number' ? cell : Number(String(cell).trim());
    if (!Number.isFinite(n)) return fail(problem('badNumber', String(cell), -1e12, 1e12));
    return n;
  });
}

const schema = {
  fieldKey: cellParser((cell, fail) => {
    const raw = isEmpty(cell) ? '' : String(cell).trim();
    if (raw === '') return fail(problem('required'));
    return FIELD_KEY.test(raw) ? raw : fail(problem('badFieldKey', raw));
  }),
  label: text(true, 200),
  labelEn: text(false, 200),
  kind: cellParser((cell, fail): FieldKind => {
    const raw = isEmpty(cell) ? '' : String(keyOf('fieldKind', String(cell))).trim();
    if (raw === '') return fail(problem('required'));
    if (!(FIELD_KINDS as readonly string[]).includes(raw))
      return fail(problem('unknownFieldKind', raw, FIELD_KINDS.join('、')));
    return raw as FieldKind;
  }),
  required: boolean(false),
  choices: text(false, 5000),
  min: numberCell(),
  max: numberCell(),
  maxLength: integer(false, 1, 50000, null),
  help: text(false, 1000),
  notAfter: text(false, 60),
};

type Parsed = { [K in keyof typeof schema]: ReturnType<(typeof schema)[K]['parse']> };

function parseRow(
  values: Record<string, unknown>,
  row: number,
  out: ConfigProblem[],
): Parsed | null {
  const parsed: Record<string, unknown> = {};
  let ok = true;
  for (const [key, parser] of Object.entries(schema)) {
    const result = parser.safeParse(values[key] ?? '');
    if (result.success) parsed[key] = result.data;
    else {
      ok = false;
      collect('formDesign', row, result.error.issues, out, () => key);
    }
  }
  return ok ? (parsed as Parsed) : null;
}

const SUBMISSION_WORDS = [SUBMISSION_DAY.zh, SUBMISSION_DAY.en, '提交当天'];

function fieldOf(p: Parsed, row: number, out: ConfigProblem[]): TemplateField {
  const notAfter = SUBMISSION_WORDS.includes(p.notAfter) ? 'submission' : p.notAfter;
  // A stage the campaign does not have sets no limit (a campaign without an implementation stage
  // has no deadline to hold completion dates to), as the answer check has always done.
  const choices = p.choices
    .split(/[、;；,，\n]/)
    .map((c) => c.trim())
    .filter(Boolean);
  if ((p.kind === 'choice' || p.kind === 'checkbox') && choices.length === 0)
    out.push({ sheet: 'formDesign', row, column: 'choices', problem: problem('choicesNeeded') });
  if (p.min !== undefined && p.max !== undefined && p.min > p.max)
    out.push({
      sheet: 'formDesign',
      row,
      column: 'min',
      problem: problem('minAboveMax', p.min, p.max),
    });
  const field: TemplateField = {
    key: p.fieldKey,
    label: { zh: p.label, en: p.labelEn || p.label },
    kind: p.kind,
    required: p.required,
    ...(p.help ? { help: p.help } : {}),
    ...(choices.length ? { choices: [...new Set(choices)] } : {}),
    ...(p.min !== undefined ? { min: p.min } : p.kind === 'rating' ? { min: 1 } : {}),
    ...(p.max !== undefined ? { max: p.max } : p.kind === 'rating' ? { max: 5 } : {}),
    ...(p.maxLength !== null ? { maxLength: p.maxLength } : {}),
    ...(notAfter ? { notAfter } : {}),
  };
  return field;
}

/** The fields of a form the template reads, with who reads them (for the error message). */
function fieldsInUse(template: CampaignTemplate, form: TemplateForm): Map<string, string> {
  const used = new Map<string, string>();
  if (form.makes.kind === 'entry' && form.makes.dateField)
    used.set(form.makes.dateField, form.title.zh);
  if (form.makes.kind === 'subject') {
    const subject = form.makes.subject;
    const nameField = template.subjects.find((s) => s.key === subject)?.nameField;
    if (nameField) used.set(nameField, form.title.zh);
  }
  for (const rule of template.quotaRules) {
    if (rule.kind === 'required' && rule.form === form.key) used.set(rule.field, rule.label.zh);
    if (rule.kind === 'count' && rule.form === form.key && rule.filter)
      used.set(rule.filter.field, rule.label.zh);
  }
  for (const section of template.report) {
    if (section.kind === 'fieldCounts' && section.form === form.key)
      used.set(section.field, '报告');
  }
  // Review columns and other non-answer keys may be named too; only answer keys matter here.
  for (const key of [...used.keys()])
    if (!template.forms.find((f) => f.key === form.key)?.fields.some((f) => f.key === key))
      used.delete(key);
  return used;
}

/** The kind of field a form needs for the record it makes. */
function neededKind(form: TemplateForm): FieldKind {
  if (form.makes.kind === 'subject' || form.makes.of === 'unit') return 'unit';
  return form.makes.of === 'person' ? 'person' : 'subject';
}

/**
 * The template's forms with the fields 表单设计 gives them, or null with every problem located
 * (row and column). Without the sheet (a spreadsheet set up before it existed), the template's own.
 */
export function parseFormDesign(
  table: RawTable | null,
  template: CampaignTemplate,
  out: ConfigProblem[],
): FormDef[] | null {
  const asFormDefs = (forms: readonly TemplateForm[]) => forms as unknown as FormDef[];
  if (!table) return asFormDefs(template.forms);
  const columns = mapColumns(FORM_DESIGN_SHEET, table.header);
  if (missingColumns('formDesign', FORM_DESIGN_SHEET, columns.missing, out)) return null;
  const before = out.length;
  const byForm = new Map<string, TemplateField[]>(template.forms.map((f) => [f.key, []]));
  const firstRow = new Map<string, number>();
  const formKeys = template.forms.map((f) => f.key);
  for (const { row, values } of keyedRows(table, columns)) {
    const formCell = String(keyOf('form', String(values.form ?? '')) ?? '').trim();
    const fields = byForm.get(formCell);
    if (formCell === '') {
      out.push({ sheet: 'formDesign', row, column: 'form', problem: problem('required') });
    } else if (!fields) {
      out.push({
        sheet: 'formDesign',
        row,
        column: 'form',
        problem: problem('unknownTemplateForm', formCell, formKeys.join('、')),
      });
    }
    const parsed = parseRow(values, row, out);
    if (!parsed || !fields) continue;
    const id = `${formCell}/${parsed.fieldKey}`;
    const seen = firstRow.get(id);
    if (seen !== undefined) {
      out.push({
        sheet: 'formDesign',
        row,
        column: 'fieldKey',
        problem: problem('duplicate', parsed.fieldKey, seen),
      });
      continue;
    }
    firstRow.set(id, row);
    fields.push(fieldOf(parsed, row, out));
  }
  for (const form of template.forms) {
    const fields = byForm.get(form.key) ?? [];
    const title = form.title.zh;
    if (fields.length === 0) {
      out.push({
        sheet: 'formDesign',
        row: null,
        column: 'form',
        problem: problem('formWithoutFields', title),
      });
      continue;
    }
    const kind = neededKind(form);
    if (!fields.some((f) => f.kind === kind)) {
      out.push({
        sheet: 'formDesign',
        row: null,
        column: 'kind',
        problem: problem('fieldKindNeeded', title, String(keyOf('fieldKind', kind))),
      });
    }
    for (const [key, by] of fieldsInUse(template, form)) {
      if (!fields.some((f) => f.key === key)) {
        const label = form.fields.find((f) => f.key === key)?.label.zh ?? key;
        out.push({
          sheet: 'formDesign',
          row: null,
          column: 'fieldKey',
          problem: problem('fieldInUse', `${label}（${key}）`, title, `「${by}」`),
        });
      }
    }
  }
  if (out.length > before) return null;
  return asFormDefs(template.forms.map((f) => ({ ...f, fields: byForm.get(f.key) ?? [] })));
}
