import { object } from 'zod/mini';
import type { FieldDef, FormDef } from '../../sheets-templates/forms';
import { problem, type Locale, type ProblemRef } from '../i18n';
import { dayOf, isValidDay } from './calendar';
import { cellParser, EMAIL, isEmpty, problemsOf } from './cells';

export type AnswerValue = string | number | string[] | null;

export interface FieldError {
  field: string;
  problem: ProblemRef;
}

export interface AnswerCheck {
  values: Record<string, AnswerValue>;
  errors: FieldError[];
}

export interface AnswerContext {
  timeZone: string;
  /** The day the response was submitted (campaign time zone). */
  submittedDay: string;
  /** Each stage's name and deadline, for date fields that may not fall after one (notAfter). */
  stages: readonly { stageId: string; name: string; deadline: string }[];
  locale: Locale;
}

const PHONE = /^[0-9０-９+()\-－\s转ext.#]{5,30}$/i;
const URL_LIKE = /^https?:\/\/[^\s<>"]+$/i;

/** Answers arrive as text (or a list for checkboxes); anything else is made text first. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).trim();
}

function numberIn(raw: string, min: number, max: number, integer: boolean): number | null {
  const normalised = raw
    .replace(/[,，\s]/g, '')
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(normalised)) return null;
  const n = Number(normalised);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) return null;
  return n;
}

function fieldParser(field: FieldDef, context: AnswerContext) {
  return cellParser((input, fail): AnswerValue => {
    if (field.kind === 'checkbox') {
      const list = (
        Array.isArray(input) ? input : isEmpty(input) ? [] : String(input).split(/,\s*/)
      )
        .map(asText)
        .filter(Boolean);
      if (list.length === 0) return field.required ? fail(problem('required')) : [];
      const choices = field.choices ?? [];
      const unknown = list.find((v) => !choices.includes(v));
      if (unknown !== undefined) return fail(problem('badChoice', unknown, choices.join('、')));
      return [...new Set(list)];
    }
    const raw = input instanceof Date ? dayOf(input.getTime(), context.timeZone) : asText(input);
    if (raw === '') return field.required ? fail(problem('required')) : null;
    switch (field.kind) {
      case 'unit':
      case 'person':
      case 'subject':
      case 'text':
      case 'paragraph':
        if (field.maxLength && raw.length > field.maxLength)
          return fail(problem('tooLong', field.maxLength));
        return raw;
      case 'choice':
        if (!(field.choices ?? []).includes(raw)) {
          return fail(problem('badChoice', raw, (field.choices ?? []).join('、')));
        }
        return raw;
      case 'date': {
        const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw);
        const day = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : raw;
        if (!isValidDay(day)) return fail(problem('badDate', raw));
        const label = context.locale === 'en' ? field.label.en : field.label.zh;
        if (field.notAfter === 'submission' && day > context.submittedDay) {
          return fail(problem('dateAfterSubmission', label, day));
        }
        const stage = context.stages.find((s) => s.stageId === field.notAfter);
        if (stage && day > stage.deadline) {
          return fail(problem('dateAfterStage', label, day, stage.name, stage.deadline));
        }
        return day;
      }
      case 'integer':
      case 'number':
      case 'rating': {
        const min = field.min ?? 0;
        const max = field.max ?? Number.MAX_SAFE_INTEGER;
        const n = numberIn(raw, min, max, field.kind !== 'number');
        if (n === null) {
          return fail(
            field.kind === 'rating'
              ? problem('badRating', raw, min, max)
              : problem(field.kind === 'integer' ? 'badInteger' : 'badNumber', raw, min, max),
          );
        }
        return n;
      }
      case 'email':
        if (!EMAIL.test(raw)) return fail(problem('badEmail', raw));
        return raw.toLowerCase();
      case 'phone':
        if (!PHONE.test(raw) || raw.replace(/\D/g, '').length < 5) {
          return fail(problem('badPhone', raw));
        }
        return raw;
      case 'url':
        if (!URL_LIKE.test(raw)) return fail(problem('badUrl', raw));
        return raw;
    }
  });
}

/**
 * Checks every answer of a response against its form definition and reports every failing field
 * at once. Answers to keys the form does not have are ignored (Forms sends only its own items).
 */
export function validateAnswers(
  form: FormDef,
  answers: Record<string, unknown>,
  context: AnswerContext,
): AnswerCheck {
  const shape: Record<string, ReturnType<typeof fieldParser>> = {};
  for (const field of form.fields) shape[field.key] = fieldParser(field, context);
  const input: Record<string, unknown> = {};
  for (const field of form.fields) input[field.key] = answers[field.key] ?? '';
  const result = object(shape).safeParse(input);
  if (result.success) return { values: result.data as Record<string, AnswerValue>, errors: [] };
  const errors = problemsOf(result.error.issues).map(({ key, problem: p }) => ({
    field: key,
    problem: p,
  }));
  // Keep what did parse, so a rejection can still say which unit and project it was about.
  const values: Record<string, AnswerValue> = {};
  for (const field of form.fields) {
    if (errors.some((e) => e.field === field.key)) continue;
    const single = shape[field.key].safeParse(input[field.key]);
    if (single.success) values[field.key] = single.data as AnswerValue;
  }
  return { values, errors };
}
