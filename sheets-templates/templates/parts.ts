/**
 * Building blocks the templates share, so that a field or a schedule that means the same thing is
 * written once.
 */
import { type Schedule, type TemplateField } from '../../src/domain/template';

/** A required 1–5 rating question (a self-assessment criterion). */
export const ratingField = (key: string, zh: string, en: string): TemplateField => ({
  key,
  label: { zh, en },
  kind: 'rating',
  required: true,
  min: 1,
  max: 5,
  help: '1 分最低，5 分最高',
});

/** A one-off stage open from `opensOn` to the end of `deadline`. */
export const once = (opensOn: string, deadline: string): Schedule => ({
  kind: 'once',
  opensOn,
  deadline,
});
