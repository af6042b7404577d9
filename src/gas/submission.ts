import { ALL_FORMS } from '../../sheets-templates/forms';
import type { RawSubmission } from '../ports';
import { formKeyOf, submissionOf } from './forms';

/** Reads a form-bound submit event (`e.response`, `e.source`) into answers by field key. */
export function submissionFromEvent(
  e: GoogleAppsScript.Events.FormsOnFormSubmit,
): RawSubmission | null {
  const formKey = formKeyOf(
    e.source.getId(),
    ALL_FORMS.map((f) => f.key),
  );
  if (!formKey) return null;
  return submissionOf(formKey, e.response);
}
