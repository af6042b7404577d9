import { FORMS } from '../../sheets-templates/forms';
import type { RawSubmission } from '../app/intake';
import { fieldKeysByItemId, formKeyOf } from './forms';

/**
 * Reads a form-bound submit event (`e.response`, `e.source`) into answers by field key. Item ids
 * were remembered when activate created the form, so renaming a question never breaks intake.
 */
export function submissionFromEvent(
  e: GoogleAppsScript.Events.FormsOnFormSubmit,
): RawSubmission | null {
  const response = e.response;
  const formKey = formKeyOf(
    e.source.getId(),
    FORMS.map((f) => f.key),
  );
  if (!formKey) return null;
  const keys = fieldKeysByItemId(formKey);
  const answers: Record<string, unknown> = {};
  for (const itemResponse of response.getItemResponses()) {
    const key = keys.get(itemResponse.getItem().getId());
    if (key) answers[key] = itemResponse.getResponse();
  }
  return {
    formKey,
    responseId: response.getId(),
    respondentEmail: response.getRespondentEmail(),
    submittedAt: response.getTimestamp().getTime(),
    editUrl: response.getEditResponseUrl(),
    answers,
  };
}
