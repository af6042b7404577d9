/**
 * The four campaign forms, field by field (domain.md). *Activate* creates them with FormApp; the
 * intake validates answers against the same definitions; answers are stored by field key.
 */
import type { Label } from './config-sheets';
import type { TemplateField, TemplateForm } from '../src/domain/template';
import { TEMPLATES } from './templates';
import { SECRETARY_PROJECT } from './templates/secretary-project';

export type { FieldKind } from '../src/domain/template';
export type FieldDef = TemplateField;

export interface FormDef {
  key: string;
  title: Label;
  description: string;
  sheet: Label;
  makes: TemplateForm['makes'];
  fields: readonly FieldDef[];
}

export { PROJECT_TYPES, THEMES } from './templates/secretary-project';

const byKey = (key: FormDef['key']): FormDef =>
  SECRETARY_PROJECT.forms.find((f) => f.key === key) as unknown as FormDef;

export const APPLICATION_FORM = byKey('application');
export const PLAN_FORM = byKey('plan');
export const LEDGER_FORM = byKey('ledger');
export const SELF_ASSESSMENT_FORM = byKey('selfAssessment');

export const FORMS: readonly FormDef[] = [
  APPLICATION_FORM,
  PLAN_FORM,
  LEDGER_FORM,
  SELF_ASSESSMENT_FORM,
];

/** Every template's forms: form keys are unique across the templates the product ships. */
export const ALL_FORMS: readonly FormDef[] = TEMPLATES.flatMap(
  (t) => t.forms as unknown as FormDef[],
);

/**
 * A form as its template defines it (title, description, the records it makes, default fields).
 * Its fields as the campaign runs them come from 表单设计: `config.forms`.
 */
export function formDef(key: string): FormDef | undefined {
  return ALL_FORMS.find((f) => f.key === key);
}

/** Sheets Google keeps for itself hold 50,000 characters a cell; derived sheets keep less. */
export const MAX_CELL_TEXT = 50000;
export const DERIVED_TEXT_LIMIT = 5000;
